import { useEffect, useState } from 'preact/hooks';
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
  useEffect(() => {
    let latest = -1;
    const show = (snapshot: VaultSnapshot): void => {
      // A load that resolves after a newer change notification must not roll the view back.
      if (snapshot.revision < latest) return;
      latest = snapshot.revision;
      setState({ status: 'ready', snapshot });
    };
    const fail = (error: unknown): void => setState(error instanceof VaultLockedError ? { status: 'locked' } : { status: 'error', error });
    const unsubscribe = store.subscribe(show, fail);
    store.load().then(show, fail);
    return unsubscribe;
  }, [store]);
  return state;
}
