import { useId, useState } from 'preact/hooks';
import { formatOtpauthList } from '../core/backup-file.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { localDateStamp } from '../ui/local-date-stamp.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeError } from '../ui/describe-error.ts';

interface Props {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly download: (fileName: string, text: string, mimeType: string) => void;
}

/**
 * The unencrypted export, one otpauth:// URI per account, for moving to another authenticator. It holds every
 * secret in clear, so it needs a ticked "I understand" each time.
 */
export function PlainExportForm({ store, clock, download }: Props) {
  const id = useId();
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (!understood) return;
    setStatus('');
    setBusy(true);
    try {
      const { accounts } = await store.load();
      if (accounts.length === 0) {
        setProblem(t('backupEmptyVault'));
        return;
      }
      const fileName = `keystep-accounts-${localDateStamp(clock())}.txt`;
      download(fileName, formatOtpauthList(accounts), 'text/plain');
      setProblem('');
      setUnderstood(false);
      setStatus(accounts.length === 1 ? t('backupSavedPlainOne', fileName) : t('backupSavedPlainMany', accounts.length, fileName));
    } catch (error) {
      setProblem(t('backupFailed', describeError(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="stack"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-warning`}
      onSubmit={submitWith(submit)}
    >
      <h3 id={`${id}-heading`}>{t('backupPlainHeading')}</h3>
      <p id={`${id}-warning`} class="warning">
        {t('backupPlainWarning')}
      </p>
      <label class="checkbox">
        <input type="checkbox" required checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        {t('backupPlainConsent')}
      </label>
      <div>
        <button type="submit" disabled={!understood || busy} aria-describedby={problem ? `${id}-error` : undefined}>
          {t('backupPlainButton')}
        </button>
      </div>
      {problem && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
    </form>
  );
}
