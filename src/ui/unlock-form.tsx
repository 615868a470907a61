import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import { UnlockError } from '../platform/unlock-error.ts';
import type { VaultProtection } from '../platform/vault-protection.ts';
import { submitWith } from './submit-with.ts';
import { describeError } from './describe-error.ts';

export interface UnlockFormProps {
  readonly protection: Pick<VaultProtection, 'unlock'>;
  /** ms since the epoch. */
  readonly clock?: () => number;
}

/**
 * Asks for the master password. A wrong one clears the field and says so; after several, the
 * button stays disabled and a countdown shows how long until the next try (the wait itself is
 * enforced by VaultProtection, in storage, so reopening the popup does not skip it).
 * On success the pages re-render from storage: this form just disappears.
 */
export function UnlockForm({ protection, clock = Date.now }: UnlockFormProps) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ readonly text: string } | { readonly waitUntil: number; readonly seconds: number }>();
  const [now, setNow] = useState(clock);
  const waitUntil = problem && 'waitUntil' in problem ? problem.waitUntil : 0;
  const waiting = waitUntil > now;
  const field = useRef<HTMLInputElement>(null);

  // The popup opens for a code: put the cursor where the password goes (autofocus is not applied to inserted elements).
  useEffect(() => {
    field.current?.focus();
  }, []);

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(clock()), 250);
    return () => clearInterval(timer);
  }, [waiting, clock]);

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      await protection.unlock(password);
    } catch (error) {
      setPassword('');
      field.current?.focus();
      if (error instanceof UnlockError && (error.code === 'unlock-throttled' || error.retryAfterMs > 0)) {
        setNow(clock());
        setProblem({ waitUntil: clock() + error.retryAfterMs, seconds: Math.ceil(error.retryAfterMs / 1000) });
      } else if (error instanceof UnlockError) {
        setProblem({ text: t('unlockWrong') });
      } else {
        setProblem({ text: t('unlockFailed', describeError(error)) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="unlock stack"
      aria-labelledby={`${id}-title`}
      onSubmit={submitWith(submit)}
    >
      <h2 id={`${id}-title`}>{t('lockedHeading')}</h2>
      <p>{t('lockedBody')}</p>
      <label>
        {t('masterPassword')}
        <input ref={field} type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      {problem && 'seconds' in problem && waiting ? (
        // The countdown changes every second: a timer (https://www.w3.org/TR/wai-aria-1.2/#timer, not read out as it
        // changes); the alert says the wait once, as it was when the password was refused.
        <>
          <p class="visually-hidden" role="alert">
            {t('unlockWait', problem.seconds)}
          </p>
          <p class="problem" role="timer">
            {t('unlockWait', Math.ceil((waitUntil - now) / 1000))}
          </p>
        </>
      ) : (
        problem && (
          <p class="problem" role="alert">
            {'text' in problem ? problem.text : t('unlockWrong')}
          </p>
        )
      )}
      <button type="submit" class="primary" disabled={busy || waiting}>
        {busy ? t('unlocking') : t('unlock')}
      </button>
    </form>
  );
}
