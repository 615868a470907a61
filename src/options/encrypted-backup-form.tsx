import { useId, useState } from 'preact/hooks';
import { createBackup } from '../core/backup-file.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { localDateStamp } from '../ui/local-date-stamp.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeError } from '../ui/describe-error.ts';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../ui/new-password-problem.ts';

interface Props {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly download: (fileName: string, text: string, mimeType: string) => void;
  /** PBKDF2 iterations of the new backup. */
  readonly iterations: number;
}

/** Which control a refusal is about, so its message sits next to it. */
type Problem = { readonly at: 'password' | 'repeat' | 'form'; readonly message: string };

/** Password twice, then the encrypted backup file of every account (backup-file.ts) is downloaded. */
export function EncryptedBackupForm({ store, clock, download, iterations }: Props) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setStatus('');
    setBusy(true);
    try {
      const { accounts } = await store.load();
      if (accounts.length === 0) {
        setProblem({ at: 'form', message: t('backupEmptyVault') });
        return;
      }
      const refused = newPasswordProblem(password, repeat);
      if (refused === 'too-short') {
        setProblem({ at: 'password', message: t('backupPasswordTooShort', MIN_PASSWORD_LENGTH) });
        return;
      }
      if (refused === 'mismatch') {
        setProblem({ at: 'repeat', message: t('passwordMismatch') });
        return;
      }
      setProblem(undefined);
      setStatus(t('backupEncrypting'));
      const now = clock();
      const text = await createBackup(accounts, password, { now, iterations });
      const fileName = `keystep-backup-${localDateStamp(now)}.json`;
      download(fileName, text, 'application/json');
      setPassword('');
      setRepeat('');
      setStatus(accounts.length === 1 ? t('backupSavedEncryptedOne', fileName) : t('backupSavedEncryptedMany', accounts.length, fileName));
    } catch (error) {
      setStatus('');
      setProblem({ at: 'form', message: t('backupFailed', describeError(error)) });
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
