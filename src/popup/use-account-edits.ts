import { AccountNotFoundError, advanceCounter, moveAccount, removeAccount, renameAccount, setPinned } from '../core/vault-edits.ts';
import type { Account, Vault } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { describeError } from '../ui/describe-error.ts';

/**
 * How an edit ended: 'saved' (written), 'unchanged' (nothing to write, so no new snapshot comes), 'gone' (the
 * account was deleted meanwhile, e.g. in another window) or 'failed' (the account is still there as it was).
 */
export type EditOutcome = 'saved' | 'unchanged' | 'gone' | 'failed';

export interface AccountEdits {
  readonly nextCode: (account: Account) => Promise<EditOutcome>;
  readonly setPinned: (account: Account, pinned: boolean) => Promise<EditOutcome>;
  readonly move: (account: Account, delta: -1 | 1) => Promise<EditOutcome>;
  readonly rename: (account: Account, label: { issuer: string; name: string }) => Promise<EditOutcome>;
  readonly remove: (account: Account) => Promise<EditOutcome>;
}

/**
 * The popup's writes to the vault, each a read-modify-write of the store with an edit of core/vault-edits,
 * in one place. A failure is reported through `onProblem` (a message for the page's alert); a success clears it.
 */
export function useAccountEdits(store: AccountStore, onProblem: (message: string) => void): AccountEdits {
  const edit = async (change: (vault: Vault) => Vault): Promise<EditOutcome> => {
    try {
      const wrote = await store.update((current) => {
        const next = change(current);
        return { vault: next, result: next !== current };
      });
      onProblem('');
      return wrote ? 'saved' : 'unchanged';
    } catch (error) {
      if (error instanceof AccountNotFoundError) {
        onProblem(t('accountGone'));
        return 'gone';
      }
      onProblem(t('saveFailed', describeError(error)));
      return 'failed';
    }
  };
  return {
    nextCode: (account) => edit((vault) => advanceCounter(vault, account.id).vault),
    setPinned: (account, pinned) => edit((vault) => setPinned(vault, account.id, pinned)),
    move: (account, delta) => edit((vault) => moveAccount(vault, account.id, delta)),
    rename: (account, label) => edit((vault) => renameAccount(vault, account.id, label)),
    remove: (account) => edit((vault) => removeAccount(vault, account.id)),
  };
}
