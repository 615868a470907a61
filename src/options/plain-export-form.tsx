import { useId, useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import type { AccountExports } from '../services/account-exports.ts';
import { localDateStamp } from '../ui/local-date-stamp.ts';
import { submitWith } from '../ui/submit-with.ts';
import { exportProblem, type ExportProblem } from './export-problem.ts';
import { MasterPasswordField } from './master-password-field.tsx';

interface Props {
  readonly exports: Pick<AccountExports, 'plainList'>;
  /** Whether a master password protects the vault: then it is asked for again. */
  readonly encrypted: boolean;
  readonly download: (fileName: string, text: string, mimeType: string) => void;
}

/**
 * The unencrypted export, one otpauth:// URI per account, for moving to another authenticator. It holds every
 * secret in clear, so it needs a ticked "I understand" each time, and the master password when one is set.
 */
export function PlainExportForm({ exports, encrypted, download }: Props) {
  const id = useId();
  const [understood, setUnderstood] = useState(false);
  const [master, setMaster] = useState('');
  const [problem, setProblem] = useState<ExportProblem>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (!understood) return;
    setStatus('');
    setBusy(true);
    try {
      const outcome = await exports.plainList({ masterPassword: encrypted ? master : '' });
      setMaster('');
      if (outcome.kind !== 'ready') {
        setProblem(exportProblem(outcome));
        return;
      }
      const fileName = `keystep-accounts-${localDateStamp(outcome.at)}.txt`;
      download(fileName, outcome.text, 'text/plain');
      setProblem(undefined);
      setUnderstood(false);
      setStatus(outcome.count === 1 ? t('backupSavedPlainOne', fileName) : t('backupSavedPlainMany', outcome.count, fileName));
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
      {(encrypted || problem?.at === 'master') && <MasterPasswordField value={master} onInput={setMaster} problem={problem?.at === 'master' ? problem.message : undefined} />}
      <div>
        <button type="submit" disabled={!understood || busy} aria-describedby={problem?.at === 'form' ? `${id}-error` : undefined}>
          {t('backupPlainButton')}
        </button>
      </div>
      {problem?.at === 'form' && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
    </form>
  );
}
