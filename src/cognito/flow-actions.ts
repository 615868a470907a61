import type { CodeChallenge } from './enrollment-state.ts';
import { credentialsOf, isRejectedCode, type FlowContext } from './flow-context.ts';
import { answerWith, ENROLL, SIGN_IN, type FlowNext } from './flow-next.ts';
import { FRESH_ENROLLMENT, restartFrom } from './flow-record.ts';
import { respondToChallenge } from './respond-to-challenge.ts';
import type { SignInCredentials } from './sign-in.ts';
import { StepFailure } from './step-failure.ts';

// Where each action of the enrollment flow starts; runGuarded drives the flow from there.

/** Input of submitNewPassword. */
export interface NewPasswordInput {
  readonly newPassword: string;
  /** Values of the required attributes (and any others to set), by name without "userAttributes.", e.g. { name: "Ann" }. */
  readonly attributes?: Readonly<Record<string, string>>;
}

const CODE_KEYS: Readonly<Record<CodeChallenge, string>> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};
const ATTRIBUTE_PREFIX = 'userAttributes.';

/** signIn(): forgets everything (ending the sign-in sessions of the old one), remembers the new credentials and signs in. */
export function startSignIn(ctx: FlowContext, credentials: SignInCredentials): FlowNext {
  const previous = ctx.memory.record;
  ctx.revokeLater(previous.refreshTokens, previous.credentials?.clientSecret);
  ctx.memory.reset();
  ctx.memory.update({ credentials: { ...credentials } });
  return SIGN_IN;
}

/** Shows `signing-in` while an answer the user gave is on its way. */
function showAnswering(ctx: FlowContext, username: string): void {
  ctx.runner.show({ kind: 'signing-in', username, flow: ctx.memory.record.flowUsed ?? 'USER_SRP_AUTH' });
}

/** submitNewPassword(): answers NEW_PASSWORD_REQUIRED; a refused password is asked for again, with the reason. */
export async function answerNewPassword(ctx: FlowContext, input: NewPasswordInput): Promise<FlowNext> {
  const credentials = credentialsOf(ctx);
  const responses: Record<string, string> = { NEW_PASSWORD: input.newPassword };
  for (const [name, value] of Object.entries(input.attributes ?? {})) responses[ATTRIBUTE_PREFIX + name] = value;
  showAnswering(ctx, credentials.username);
  try {
    const response = await respondToChallenge(ctx, 'NEW_PASSWORD_REQUIRED', responses, [input.newPassword]);
    // From now on the new password is the one to sign in again with.
    ctx.memory.update({ credentials: { ...credentials, password: input.newPassword } });
    return answerWith(response);
  } catch (error: unknown) {
    if (!(error instanceof StepFailure) || (error.problem.code !== 'new-password-invalid' && error.problem.code !== 'invalid-parameter')) throw error;
    // Cognito spends the session on a refused answer too: sign in again now (with the password it still
    // knows), so the next new password goes to a live session, and show why it is asked again.
    ctx.memory.update((record) => ({ ...restartFrom(record), carriedProblem: error.problem }));
    return SIGN_IN;
  }
}

/** submitCode(): answers the pending code challenge (spaces dropped). */
export async function answerCode(ctx: FlowContext, code: string): Promise<FlowNext> {
  const { username } = credentialsOf(ctx);
  const pending = ctx.memory.record.codeChallenge;
  if (pending === undefined) throw new Error('needs-code without a challenge');
  showAnswering(ctx, username);
  try {
    return answerWith(await respondToChallenge(ctx, pending.challenge, { [CODE_KEYS[pending.challenge]]: code.replace(/\s/g, '') }));
  } catch (error: unknown) {
    if (!isRejectedCode(error)) throw error;
    // Cognito spends the session on a wrong answer: get a fresh challenge now, so the user's next code goes to
    // a live session, and show why they are asked again.
    ctx.memory.update((record) => ({ ...restartFrom(record), carriedProblem: error.problem }));
    return SIGN_IN;
  }
}

/** enroll(): a new enrollment with the access token. */
export function startEnrollment(ctx: FlowContext): FlowNext {
  ctx.memory.update({ enrollment: FRESH_ENROLLMENT });
  return ENROLL;
}

/**
 * retry(): goes on from the failed enrollment step while the access token is good (a fresh code for verify),
 * else signs in again with the remembered credentials.
 */
export function resume(ctx: FlowContext): FlowNext {
  const record = ctx.memory.record;
  const tokenStillGood = record.tokens !== undefined && record.lastProblem?.code !== 'session-expired';
  if (record.enrollment?.via === 'token' && tokenStillGood) return ENROLL;
  ctx.memory.update(restartFrom(record));
  return SIGN_IN;
}
