import { useLayoutEffect, useState } from 'preact/hooks';
import type { AccountStore, VaultSnapshot } from '../platform/account-store.ts';
import { VaultLockedError } from '../platform/vault-locked-error.ts';

export type VaultState =
  | { readonly status: 'loading' }
  | { readonly status: 'locked' }
  | { readonly status: 'ready'; readonly snapshot: VaultSnapshot }
  | { readonly status: 'error'; readonly error: unknown };

/** The vault as the page shows it, kept current with writes from any page and with locking and unlocking. */
export function useVault(store: AccountStore): VaultState {
  const [state, setState] = useState<VaultState>({ status: 'loading' });
  // A layout effect, so that the storage read starts as soon as the page has rendered, not after its first
  // paint (when Preact runs plain effects): the vault is what the first code waits for.
  useLayoutEffect(() => {
    // The first load and change notifications race: once a notification has arrived (a write, a lock, an
    // unlock), a slower first load must not roll the view back; after unmount nothing is shown at all.
    let notified = false;
    let live = true;
    const show = (snapshot: VaultSnapshot): void => setState({ status: 'ready', snapshot });
    const fail = (error: unknown): void => setState(error instanceof VaultLockedError ? { status: 'locked' } : { status: 'error', error });
    const unsubscribe = store.subscribe(
      (snapshot) => {
        notified = true;
        show(snapshot);
      },
      (error) => {
        notified = true;
        fail(error);
      },
    );
    store.load().then(
      (snapshot) => {
        if (live && !notified) show(snapshot);
      },
      (error: unknown) => {
        if (live && !notified) fail(error);
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [store]);
  return state;
}
