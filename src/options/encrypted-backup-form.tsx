import { useId, useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import type { AccountExports } from '../services/account-exports.ts';
import { localDateStamp } from '../ui/local-date-stamp.ts';
import { submitWith } from '../ui/submit-with.ts';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../ui/new-password-problem.ts';
import { exportProblem } from './export-problem.ts';
import { MasterPasswordField } from './master-password-field.tsx';

interface Props {
  readonly exports: Pick<AccountExports, 'encryptedBackup'>;
  /** Whether a master password protects the vault: then it is asked for again. */
  readonly encrypted: boolean;
  readonly download: (fileName: string, text: string, mimeType: string) => void;
  /** PBKDF2 iterations of the new backup (for the help text; the export uses the same). */
  readonly iterations: number;
}

/** Which control a refusal is about, so its message sits next to it. */
type Problem = { readonly at: 'password' | 'repeat' | 'master' | 'form'; readonly message: string };

/**
 * Password twice (and the master password when one is set), then the encrypted backup file of every account
 * (backup-file.ts) is downloaded.
 */
export function EncryptedBackupForm({ exports, encrypted, download, iterations }: Props) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [master, setMaster] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setStatus('');
    const refused = newPasswordProblem(password, repeat);
    if (refused === 'too-short') {
      setProblem({ at: 'password', message: t('backupPasswordTooShort', MIN_PASSWORD_LENGTH) });
      return;
    }
    if (refused === 'mismatch') {
      setProblem({ at: 'repeat', message: t('passwordMismatch') });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setStatus(t('backupEncrypting'));
    try {
      const outcome = await exports.encryptedBackup({ backupPassword: password, masterPassword: encrypted ? master : '' });
      setMaster('');
      if (outcome.kind !== 'ready') {
        setStatus('');
        setProblem(exportProblem(outcome));
        return;
      }
      const fileName = `keystep-backup-${localDateStamp(outcome.at)}.json`;
      download(fileName, outcome.text, 'application/json');
      setPassword('');
      setRepeat('');
      setStatus(outcome.count === 1 ? t('backupSavedEncryptedOne', fileName) : t('backupSavedEncryptedMany', outcome.count, fileName));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (at: Problem['at']) => (problem?.at === at ? { 'aria-invalid': true, 'aria-describedby': `${id}-${at}-error` } : {});
  const problemAt = (at: Problem['at']) =>
    problem?.at === at && (
      <p id={`${id}-${at}-error`} class="field-error" role="alert">
        {problem.message}
      </p>
    );

  return (
    <form
      class="stack"
      aria-labelledby={`${id}-heading`}
      onSubmit={submitWith(submit)}
    >
      <h3 id={`${id}-heading`}>{t('backupEncryptedHeading')}</h3>
      <p class="help">{t('backupEncryptedHelp', iterations)}</p>
      <div class="grid">
        <div class="field">
          <label>
            {t('backupPasswordLabel')}
            <input type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} {...invalid('password')} />
          </label>
          {problemAt('password')}
        </div>
        <div class="field">
          <label>
            {t('backupPasswordRepeatLabel')}
            <input type="password" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} {...invalid('repeat')} />
          </label>
          {problemAt('repeat')}
        </div>
      </div>
      {(encrypted || problem?.at === 'master') && <MasterPasswordField value={master} onInput={setMaster} problem={problem?.at === 'master' ? problem.message : undefined} />}
      <div>
        <button type="submit" class="primary" disabled={busy} aria-describedby={problem?.at === 'form' ? `${id}-form-error` : undefined}>
          {t('backupEncryptedButton')}
        </button>
      </div>
      {problemAt('form')}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
    </form>
  );
}
