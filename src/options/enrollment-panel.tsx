import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EnrollmentFlow } from '../cognito/enrollment-flow.ts';
import type { EnrollmentState, EnrollmentStep, TokenRevocation } from '../cognito/enrollment-state.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import type { StoredCognitoProfile } from '../platform/storage-items.ts';
import { submitWith } from '../ui/submit-with.ts';
import { ChallengeForm } from './challenge-form.tsx';
import { describeCognitoProblem } from './describe-cognito-problem.ts';

interface Props {
  readonly profile: StoredCognitoProfile;
  readonly flow: EnrollmentFlow;
  readonly state: EnrollmentState;
  /** The client secret held in this page's memory for the profile (when not remembered). */
  readonly sessionSecret: string | undefined;
  readonly onSessionSecret: (value: string) => void;
  /** Removes the pending account; false when that failed (the caller has said why). */
  readonly onDiscardPending: (accountId: string) => Promise<boolean>;
}

const STEP_KEYS: Record<EnrollmentStep, MessageKey> = {
  associate: 'step_associate',
  'save-pending': 'step_save_pending',
  verify: 'step_verify',
  'complete-setup': 'step_complete_setup',
  'set-preference': 'step_set_preference',
  confirm: 'step_confirm',
  activate: 'step_activate',
};

/** What became of the sign-in sessions the flow opened, in a sentence. */
function revocationNote(revocation: TokenRevocation): string {
  return revocation.revoked ? t('sessionEnded') : t('sessionNotEnded', describeCognitoProblem(revocation.problem));
}

/**
 * Sign-in and one-click enrollment for the selected profile: renders the flow's state and
 * offers exactly the actions that state allows. The passwords and codes typed live in this
 * component's memory: the password is cleared once sign-in succeeds, and every one of them at
 * each final state of the flow (enrolled, failed, reset).
 */
export function EnrollmentPanel({ profile, flow, state, sessionSecret, onSessionSecret, onDiscardPending }: Props) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [attributes, setAttributes] = useState<Record<string, string>>({});
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  // Set by "Enroll": when sign-in needs the user on the way (a code, a new password), enrolling continues after it.
  const wantEnroll = useRef(false);
  // Whatever ended the flow, nothing typed for it stays in a form: a new try starts with empty password fields.
  const final = state.kind === 'enrolled' || state.kind === 'failed' || state.kind === 'idle';
  useEffect(() => {
    if (!final) return;
    setPassword('');
    setNewPassword('');
    setCode('');
  }, [final, state]);

  const secret = profile.clientSecret ?? sessionSecret ?? '';
  const busy = state.kind === 'signing-in' || state.kind === 'enrolling';

  const continueToEnroll = async (): Promise<void> => {
    if (flow.getState().kind === 'signed-in') {
      setPassword('');
      if (wantEnroll.current) await flow.enroll();
    }
  };

  const signIn = async (enroll: boolean): Promise<void> => {
    wantEnroll.current = enroll;
    setNote('');
    await flow.signIn({ username: username.trim(), password, ...(secret ? { clientSecret: secret } : {}) });
    await continueToEnroll();
  };

  const signInForm = (
    <form class="stack" aria-labelledby={`${id}-signin`} onSubmit={submitWith(() => signIn(true))}>
      <h3 id={`${id}-signin`}>{t('signInHeading', profile.name)}</h3>
      <div class="grid">
        <label>
          {t('username')}
          <input value={username} autoComplete="username" spellcheck={false} required onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          {t('password')}
          <input type="password" value={password} autoComplete="current-password" required onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {profile.clientSecret === undefined && (
          <label>
            {t('profileClientSecret')}
            <input type="password" value={sessionSecret ?? ''} autoComplete="off" onInput={(e) => onSessionSecret(e.currentTarget.value)} />
          </label>
        )}
      </div>
      <div class="row-actions">
        <button type="submit" class="primary" disabled={busy || !username.trim() || !password}>
          {t('enroll')}
        </button>
        <button type="button" disabled={busy || !username.trim() || !password} onClick={submitWith(() => signIn(false))}>
          {t('signInOnly')}
        </button>
      </div>
    </form>
  );

  switch (state.kind) {
    case 'idle':
      // After "Discard", the flow is back at the start: the note says what happened to the secret.
      return (
        <div class="stack">
          {note && <p role="status">{note}</p>}
          {signInForm}
        </div>
      );
    case 'signing-in':
      return (
        <div class="stack">
          {signInForm}
          <p role="status" class="progress">
            {t('state_signing_in', state.username, state.flow)}
          </p>
        </div>
      );
    case 'enrolling':
      return (
        <p role="status" class="progress">
          {t(STEP_KEYS[state.step])}
        </p>
      );
    case 'needs-new-password':
      return (
        <ChallengeForm
          heading={t('newPasswordHeading')}
          intro={t('newPasswordIntro', state.username)}
          problem={state.problem}
          submitLabel={t('setPasswordContinue')}
          canSubmit={newPassword !== ''}
          onStartAgain={() => flow.reset()}
          onSubmit={async () => {
            await flow.submitNewPassword({ newPassword, attributes });
            await continueToEnroll();
          }}
        >
          <label>
            {t('newPassword')}
            <input type="password" value={newPassword} autoComplete="new-password" required onInput={(e) => setNewPassword(e.currentTarget.value)} />
          </label>
          {state.requiredAttributes.map((name) => (
            <label key={name}>
              {name}
              <input value={attributes[name] ?? ''} required onInput={(e) => setAttributes({ ...attributes, [name]: e.currentTarget.value })} />
            </label>
          ))}
        </ChallengeForm>
      );
    case 'needs-code':
      return (
        <ChallengeForm
          heading={t('codeHeading')}
          // Keystep holds a secret of this user, enrolled elsewhere: say why it was not used, not that the user has an authenticator Keystep lacks.
          intro={state.notice ? describeCognitoProblem(state.notice) : t(`codeIntro_${state.challenge}` as const)}
          problem={state.problem}
          submitLabel={t('continue')}
          canSubmit={code.trim() !== ''}
          onStartAgain={() => flow.reset()}
          onSubmit={async () => {
            const submitted = code.trim();
            setCode('');
            await flow.submitCode(submitted);
            await continueToEnroll();
          }}
        >
          <label>
            {t(`codeLabel_${state.challenge}` as const, state.destination ?? '')}
            <input value={code} inputMode="numeric" autoComplete="one-time-code" required pattern="[0-9 ]{6,8}" onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
        </ChallengeForm>
      );
    case 'signed-in':
      return (
        <div class="stack">
          <p role="status">
            {t('state_signed_in', state.username, state.flowUsed)}
            {state.fellBackFrom && ` ${t('state_fell_back', state.fellBackFrom, state.flowUsed)}`}
            {state.mfaUsed !== undefined && ` ${state.mfaAnsweredByKeystep === true ? t('state_mfa_answered') : t('state_mfa_typed', state.mfaUsed)}`}
          </p>
          <div class="row-actions">
            <button
              type="button"
              class="primary"
              onClick={submitWith(async () => {
                wantEnroll.current = true;
                await flow.enroll();
              })}
            >
              {t('enroll')}
            </button>
            <button type="button" onClick={() => flow.reset()}>
              {t('startAgain')}
            </button>
          </div>
        </div>
      );
    case 'enrolled': {
      const { summary } = state;
      return (
        <section class="stack result" aria-labelledby={`${id}-done`}>
          <h3 id={`${id}-done`}>{t('enrolledHeading')}</h3>
          <p role="status">{t('enrolledIntro', `${summary.issuer} (${summary.accountName})`)}</p>
          <dl class="summary-list">
            <dt>{t('summaryUsername')}</dt>
            <dd>{summary.username}</dd>
            <dt>{t('summaryPreferred')}</dt>
            <dd>{summary.preferredMfaSetting}</dd>
            <dt>{t('summaryList')}</dt>
            <dd>{summary.userMfaSettingList.join(', ')}</dd>
            <dt>{t('summaryFlow')}</dt>
            <dd>
              {summary.flowUsed}
              {summary.fellBackFrom && ` — ${t('state_fell_back', summary.fellBackFrom, summary.flowUsed)}`}
            </dd>
          </dl>
          {summary.viaMfaSetup && <p>{t('summaryViaSetup')}</p>}
          {state.revocation && <p>{revocationNote(state.revocation)}</p>}
          <div class="row-actions">
            <button type="button" onClick={() => flow.reset()}>
              {t('startAgain')}
            </button>
          </div>
        </section>
      );
    }
    case 'failed':
      return (
        <div class="stack">
          {state.failedStep === undefined && signInForm}
          <section class="failure" aria-labelledby={`${id}-failed`}>
            <h3 id={`${id}-failed`}>{state.failedStep === undefined ? t('signInFailed') : t('failedHeading')}</h3>
            <p class="problem" role="alert">
              {describeCognitoProblem(state.problem)}
            </p>
            {state.failedStep && <p>{t('failedAtStep', t(STEP_KEYS[state.failedStep]))}</p>}
            {state.pendingAccountId && <p>{t('pendingKept', t('pendingBadge'))}</p>}
            {state.revocation && <p>{revocationNote(state.revocation)}</p>}
            <div class="row-actions">
              {state.canRetry && (
                <button type="button" class="primary" onClick={submitWith(() => flow.retry())}>
                  {t('retry')}
                </button>
              )}
              {state.pendingAccountId && (
                <button
                  type="button"
                  class="danger"
                  onClick={submitWith(async () => {
                    const pending = state.pendingAccountId;
                    if (pending && !(await onDiscardPending(pending))) return;
                    setNote(t('pendingDiscarded'));
                    flow.reset();
                  })}
                >
                  {t('discardPending')}
                </button>
              )}
              {state.failedStep !== undefined && (
                <button type="button" onClick={() => flow.reset()}>
                  {t('startAgain')}
                </button>
              )}
            </div>
          </section>
        </div>
      );
  }
}
