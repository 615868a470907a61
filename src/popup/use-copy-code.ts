import { useEffect, useRef, useState } from 'preact/hooks';
import { codeSchedule } from '../core/code-schedule.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { describeError } from '../ui/describe-error.ts';
import type { Codes } from './use-codes.ts';

/** How long a row says "Copied". */
const COPIED_MS = 1500;

export interface CopyCode {
  /** The account whose row says "Copied" now, if any. */
  readonly copiedId: string | undefined;
  /** When copiedId is set: in how many seconds Keystep clears the clipboard, undefined when it will not. */
  readonly clearedInSeconds: number | undefined;
  readonly copyCode: (account: Account) => Promise<void>;
}

export interface CopyCodeDeps {
  readonly codes: Codes;
  /** ms since the epoch. */
  readonly clock: () => number;
  /** Writes the clipboard; resolves with the ms until Keystep clears it again, undefined when it will not. */
  readonly copy: (text: string) => Promise<number | undefined>;
  /** Called after each copy (using Keystep restarts the auto-lock countdown). */
  readonly onCopied: () => void;
  readonly onProblem: (message: string) => void;
}

/**
 * Copies an account's current code and says "Copied" in its row for COPIED_MS (and when the clipboard will be
 * cleared); a failure goes to `onProblem`.
 */
export function useCopyCode({ codes, clock, copy, onCopied, onProblem }: CopyCodeDeps): CopyCode {
  const [copied, setCopied] = useState<{ readonly id: string; readonly clearedInSeconds: number | undefined }>();
  // Cleared on unmount, so it never updates a closed popup.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copyCode = async (account: Account): Promise<void> => {
    try {
      const clearsAfterMs = await copy(codes.codeAt(account, codeSchedule(account, clock()).step));
      onCopied();
      setCopied({ id: account.id, clearedInSeconds: clearsAfterMs === undefined ? undefined : Math.round(clearsAfterMs / 1000) });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(undefined), COPIED_MS);
    } catch (error) {
      onProblem(t('copyFailed', describeError(error)));
    }
  };
  return { copiedId: copied?.id, clearedInSeconds: copied?.clearedInSeconds, copyCode };
}
