import { useMemo } from 'preact/hooks';
import type { Account } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { createAccountEdits, type EditOutcome as ServiceOutcome } from '../services/account-edits.ts';
import type { FillSettings } from '../services/site-edits.ts';
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
  /** The Sites… dialog: the account's sites and whether it submits after filling, saved together. */
  readonly setFillSettings: (account: Account, settings: FillSettings) => Promise<EditOutcome>;
}

/**
 * The popup's writes to the vault, through the account-edits use-case (src/services/account-edits.ts). A failure
 * is reported through `onProblem` (a message for the page's alert); a success clears it.
 */
export function useAccountEdits(store: AccountStore, onProblem: (message: string) => void): AccountEdits {
  const service = useMemo(() => createAccountEdits(store), [store]);
  const report = (outcome: ServiceOutcome | { readonly kind: 'invalid'; readonly error: unknown }): EditOutcome => {
    switch (outcome.kind) {
      case 'saved':
        onProblem('');
        return outcome.changed ? 'saved' : 'unchanged';
      case 'gone':
        onProblem(t('accountGone'));
        return 'gone';
      case 'failed':
      case 'invalid':
        onProblem(t('saveFailed', describeError(outcome.error)));
        return 'failed';
    }
  };
  return {
    nextCode: async (account) => report(await service.nextCode(account.id)),
    setPinned: async (account, pinned) => report(await service.setPinned(account.id, pinned)),
    move: async (account, delta) => report(await service.move(account.id, delta)),
    rename: async (account, label) => report(await service.rename(account.id, label)),
    remove: async (account) => report(await service.remove(account.id)),
    // Loaded when first used, with the site rules the sites dialog brings anyway: not on the way to the first code.
    setFillSettings: async (account, settings) => {
      try {
        const { createSiteEdits } = await import('../services/site-edits.ts');
        return report(await createSiteEdits(store).setFillSettings(account.id, settings));
      } catch (error) {
        return report({ kind: 'failed', error });
      }
    },
  };
}
