import { useId, useState } from 'preact/hooks';
import { PBKDF2_ITERATIONS } from '../core/kdf.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import { securitySettingsItem } from '../platform/storage-items.ts';
import { UnlockError } from '../platform/unlock-error.ts';
import type { VaultProtection } from '../platform/vault-protection.ts';
import { describeError } from '../ui/describe-error.ts';
import { submitWith } from '../ui/submit-with.ts';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../ui/new-password-problem.ts';
import { ClipboardSetting } from './clipboard-setting.tsx';
import { useStoredSetting } from './use-stored-setting.ts';


/** The auto-lock choices, minutes (0 = only on browser restart). */
const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const;

export interface SecuritySectionProps {
  readonly protection: Pick<VaultProtection, 'setPassword' | 'changePassword' | 'removePassword' | 'touch'>;
  /** Whether the vault is encrypted now (from the page's vault snapshot, so another tab's change shows here too). */
  readonly encrypted: boolean;
}

type Outcome = { readonly kind: 'done'; readonly key: MessageKey } | { readonly kind: 'error'; readonly text: string; readonly field?: string } | undefined;

/** The reason an operation did not happen, in words; a wrong current password is one of the expected ones. */
function describeFailure(error: unknown): string {
  if (error instanceof UnlockError) {
    return error.code === 'wrong-password' && error.retryAfterMs === 0 ? t('unlockWrong') : t('unlockWait', Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  }
  return t('securityFailed', describeError(error));
}

/** New password + repeat: the message to show, or undefined when both are acceptable. */
function checkNewPassword(password: string, repeat: string): string | undefined {
  const refused = newPasswordProblem(password, repeat);
  if (refused === 'too-short') return t('passwordTooShort', MIN_PASSWORD_LENGTH);
  return refused === 'mismatch' ? t('passwordMismatch') : undefined;
}

function autoLockLabel(minutes: number): string {
  if (minutes === 0) return t('autoLockNever');
  if (minutes === 1) return t('autoLockOneMinute');
  return minutes % 60 === 0 ? t('autoLockHours', minutes / 60) : t('autoLockMinutes', minutes);
}

/** Master password: set it, or change or remove it; auto-lock time; clearing the clipboard after a copy. */
export function SecuritySection({ protection, encrypted }: SecuritySectionProps) {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [removeWith, setRemoveWith] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const autoLock = useStoredSetting(
    async () => (await securitySettingsItem.get()).autoLockMinutes,
    async (minutes) => {
      await securitySettingsItem.set({ autoLockMinutes: minutes });
      // The countdown restarts with the new time.
      await protection.touch();
    },
  );

  const run = async (operation: () => Promise<void>, done: MessageKey, field: string): Promise<void> => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await operation();
      setCurrent('');
      setNext('');
      setRepeat('');
      setRemoveWith('');
      setOutcome({ kind: 'done', key: done });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeFailure(error), field });
    } finally {
      setBusy(false);
    }
  };

  const submitNew = (operation: () => Promise<void>, done: MessageKey) =>
    submitWith(async () => {
      const problem = checkNewPassword(next, repeat);
      if (problem) {
        setOutcome({ kind: 'error', text: problem, field: 'new' });
        return;
      }
      await run(operation, done, 'current');
    });

  const errorFor = (field: string) => (outcome?.kind === 'error' && outcome.field === field ? outcome.text : undefined);
  const described = (field: string) => (errorFor(field) === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` });
  const fieldError = (field: string) => {
    const text = errorFor(field);
    return (
      text !== undefined && (
        <p id={`${id}-${field}-error`} class="field-error" role="alert">
          {text}
        </p>
      )
    );
  };

  const newPasswordFields = (
    <>
      <label>
        {t('newMasterPassword')}
        <input type="password" autoComplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} {...described('new')} />
      </label>
      <label>
        {t('repeatPassword')}
        <input type="password" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} {...described('new')} />
      </label>
      {fieldError('new')}
    </>
  );

  return (
    <section id="security" aria-labelledby="security-heading" class="card">
      <h2 id="security-heading">{t('securityHeading')}</h2>
      <p>{encrypted ? t('securityOn', PBKDF2_ITERATIONS) : t('securityNone')}</p>
      <p class="help">{t('securityForgotten')}</p>
      {outcome?.kind === 'done' && <p role="status">{t(outcome.key)}</p>}

      {!encrypted && (
        <form class="stack" aria-labelledby={`${id}-set`} onSubmit={submitNew(() => protection.setPassword(next), 'passwordSet')}>
          <h3 id={`${id}-set`}>{t('setPasswordHeading')}</h3>
          {newPasswordFields}
          {fieldError('current')}
          <div class="row-actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('working') : t('setPassword')}
            </button>
          </div>
        </form>
      )}

      {encrypted && (
        <>
          <form class="stack" aria-labelledby={`${id}-change`} onSubmit={submitNew(() => protection.changePassword(current, next), 'passwordChanged')}>
            <h3 id={`${id}-change`}>{t('changePasswordHeading')}</h3>
            <label>
              {t('currentPassword')}
              <input type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} {...described('current')} />
            </label>
            {fieldError('current')}
            {newPasswordFields}
            <div class="row-actions">
              <button type="submit" class="primary" disabled={busy}>
                {busy ? t('working') : t('changePassword')}
              </button>
            </div>
          </form>

          <form
            class="stack"
            aria-labelledby={`${id}-remove`}
            onSubmit={submitWith(() => run(() => protection.removePassword(removeWith), 'passwordRemoved', 'remove'))}
          >
            <h3 id={`${id}-remove`}>{t('removePasswordHeading')}</h3>
            <p class="help">{t('removePasswordBody')}</p>
            <label>
              {t('currentPassword')}
              <input type="password" autoComplete="current-password" required value={removeWith} onInput={(e) => setRemoveWith(e.currentTarget.value)} {...described('remove')} />
            </label>
            {fieldError('remove')}
            <div class="row-actions">
              <button type="submit" disabled={busy}>
                {t('removePassword')}
              </button>
            </div>
          </form>

          <form class="stack" aria-labelledby={`${id}-autolock`} onSubmit={(event) => event.preventDefault()}>
            <h3 id={`${id}-autolock`}>{t('autoLockHeading')}</h3>
            <label>
              {t('autoLockLabel')}
              <select
                value={autoLock.value === undefined ? '' : String(autoLock.value)}
                disabled={autoLock.value === undefined}
                onChange={(event) => autoLock.save(Number(event.currentTarget.value))}
              >
                {AUTO_LOCK_CHOICES.map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {autoLockLabel(minutes)}
                  </option>
                ))}
              </select>
            </label>
            <p class="help">{t('autoLockNote')}</p>
            {autoLock.saved && <p role="status">{t('autoLockSaved')}</p>}
            {autoLock.problem && (
              <p class="problem" role="alert">
                {autoLock.problem}
              </p>
            )}
          </form>
        </>
      )}

      <ClipboardSetting />
    </section>
  );
}
