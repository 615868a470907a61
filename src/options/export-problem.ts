import { t } from '../platform/i18n.ts';
import type { ExportOutcome } from '../services/account-exports.ts';
import { describeError } from '../ui/describe-error.ts';

/** Why an export saved nothing, in words, and the control it is about (the master password field, or the form). */
export interface ExportProblem {
  readonly at: 'master' | 'form';
  readonly message: string;
}

/** The message for an export that saved nothing. */
export function exportProblem(outcome: Exclude<ExportOutcome, { readonly kind: 'ready' }>): ExportProblem {
  switch (outcome.kind) {
    case 'empty':
      return { at: 'form', message: t('backupEmptyVault') };
    case 'password-needed':
      return { at: 'master', message: t('backupMasterPasswordNeeded') };
    case 'refused': {
      const { code, retryAfterMs } = outcome.error;
      const wait = code === 'unlock-throttled' || retryAfterMs > 0;
      return { at: 'master', message: wait ? t('unlockWait', Math.max(1, Math.ceil(retryAfterMs / 1000))) : t('backupMasterPasswordWrong') };
    }
    case 'failed':
      return { at: 'form', message: t('backupFailed', describeError(outcome.error)) };
  }
}
