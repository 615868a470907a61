import { useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import { UnlockError } from '../platform/unlock-error.ts';
import type { ConfirmExport } from './confirm-export.ts';
import { describeError } from './describe-error.ts';

export interface ExportConfirmation {
  /** Whether the master password must be given (one is set). */
  readonly needed: boolean;
  readonly password: string;
  readonly setPassword: (password: string) => void;
  /** Why the last check failed (wrong password, wait), or "". */
  readonly problem: string;
  /** Checks the password when one is needed; true when the export may go ahead. The field is cleared either way. */
  readonly check: () => Promise<boolean>;
}

/** The master-password step of an export: nothing when no password is set, else the password checked by `confirm`. */
export function useExportConfirmation(confirm: ConfirmExport, encrypted: boolean): ExportConfirmation {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  return {
    needed: encrypted,
    password,
    setPassword,
    problem,
    check: async () => {
      if (!encrypted) return true;
      try {
        await confirm(password);
        setProblem('');
        return true;
      } catch (error) {
        if (error instanceof UnlockError && error.retryAfterMs > 0) setProblem(t('unlockWait', Math.ceil(error.retryAfterMs / 1000)));
        else if (error instanceof UnlockError) setProblem(t('exportWrongPassword'));
        else setProblem(t('unlockFailed', describeError(error)));
        return false;
      } finally {
        setPassword('');
      }
    },
  };
}
