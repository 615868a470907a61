import { removeAccount } from '../../core/vault-edits.ts';
import type { AccountStore } from '../../platform/account-store.ts';

export type DiscardPendingResult =
  | { readonly kind: 'discarded' }
  /** No longer a pending account (removed, or made active by an enrollment in another tab): nothing was removed. */
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Removes the pending account an enrollment that failed after saving its secret left behind, at the user's
 * request. Only while it is still pending: an account another tab has meanwhile made active holds the secret
 * Cognito now expects, so it is kept.
 */
export async function discardPending(accountId: string, store: Pick<AccountStore, 'update'>): Promise<DiscardPendingResult> {
  try {
    return await store.update<DiscardPendingResult>((vault) =>
      vault.accounts.some((a) => a.id === accountId && a.status === 'pending')
        ? { vault: removeAccount(vault, accountId), result: { kind: 'discarded' } }
        : { vault, result: { kind: 'gone' } },
    );
  } catch (error) {
    return { kind: 'failed', error };
  }
}
