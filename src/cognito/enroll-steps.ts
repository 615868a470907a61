import type { AccountDraft } from '../core/account.ts';
import { MIN_SECRET_BYTES } from '../core/base32.ts';
import type { CognitoOperation, TokenOrSession } from './cognito-api.ts';
import { cognitoAccountDraft } from './cognito-account-draft.ts';
import { formatSkewSeconds } from './clock-skew.ts';
import { cognitoProblem } from './cognito-problem.ts';
import type { EnrollmentStep, EnrollmentSummary } from './enrollment-state.ts';
import { accountRef, credentialsOf, rolloverOptions, type FlowContext } from './flow-context.ts';
import { answerWith, ENROLL, SETTLED, type FlowNext } from './flow-next.ts';
import { secretsOf, type EnrollmentProgress, type FlowRecord } from './flow-record.ts';
import { respondToChallenge } from './respond-to-challenge.ts';
import { revokeRefreshTokens } from './revoke-refresh-tokens.ts';
import { StepFailure } from './step-failure.ts';
import { submitTotpWithRollover } from './submit-totp-with-rollover.ts';

// The steps of enrolling a software token (see EnrollmentStep for their order). Each runs one call, records where
// the enrollment got to in the flow's memory, and says what comes next.

type Step = (ctx: FlowContext, progress: EnrollmentProgress) => Promise<FlowNext>;

const expired = (operation: CognitoOperation): StepFailure => new StepFailure(cognitoProblem('session-expired', { operation }));

/** The access token, or inside MFA_SETUP the challenge's session. */
function tokenOrSession(record: FlowRecord, via: EnrollmentProgress['via']): TokenOrSession {
  if (via === 'session') {
    if (record.session === undefined) throw expired('AssociateSoftwareToken');
    return { Session: record.session };
  }
  if (record.tokens === undefined) throw expired('AssociateSoftwareToken');
  return { AccessToken: record.tokens.accessToken };
}

function accessToken(record: FlowRecord): string {
  if (record.tokens === undefined) throw expired('SetUserMFAPreference');
  return record.tokens.accessToken;
}

/** Runs a store call; its failure becomes storage-failed (naming the error, never quoting it). */
async function storeCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error: unknown) {
    throw new StepFailure(cognitoProblem('storage-failed', { name: error instanceof Error ? error.name : typeof error }), { cause: error });
  }
}

/**
 * The size of a base32 SecretCode shorter than the MIN_SECRET_BYTES (80 bits) every secret in Keystep needs, read as
 * normalizeBase32Secret reads it (spaces, dashes and trailing `=` dropped, either case); undefined when it is long
 * enough or not base32. moto's AssociateSoftwareToken, for one, always returns 12 characters (56 bits).
 */
function shortSecretSize(secretCode: string): { readonly bits: number; readonly characters: number } | undefined {
  const characters = secretCode.replace(/[\s-]/gu, '').replace(/=+$/, '');
  if (!/^[A-Za-z2-7]+$/.test(characters)) return undefined;
  const bytes = Math.floor((characters.length * 5) / 8);
  return bytes < MIN_SECRET_BYTES ? { bits: bytes * 8, characters: characters.length } : undefined;
}

/**
 * The account for Cognito's SecretCode, titled with the profile's issuer and named after the user's e-mail.
 * @throws {StepFailure} secret-code-too-short (its size, no value) for a base32 SecretCode under 80 bits,
 *   invalid-parameter for one that is missing or not base32.
 */
function draftOf(ctx: FlowContext, secretCode: string, email: string | undefined): AccountDraft {
  const { profile } = ctx;
  try {
    return cognitoAccountDraft(secretCode, profile.issuer ?? profile.name, email ?? credentialsOf(ctx).username);
  } catch (error: unknown) {
    const short = shortSecretSize(secretCode);
    const problem =
      short !== undefined
        ? cognitoProblem('secret-code-too-short', { operation: 'AssociateSoftwareToken', bits: String(short.bits), characters: String(short.characters) })
        : cognitoProblem('invalid-parameter', { operation: 'AssociateSoftwareToken', message: secretCode === '' ? 'no SecretCode' : 'SecretCode is not base32' });
    throw new StepFailure(problem, { cause: error });
  }
}

/** AssociateSoftwareToken: Cognito issues a new secret; the account is made from it. */
const associate: Step = async (ctx, progress) => {
  const record = ctx.memory.record;
  const input = tokenOrSession(record, progress.via);
  const out = await ctx.caller.call('AssociateSoftwareToken', (api) => api.associateSoftwareToken(input), { redact: secretsOf(record) });
  if (progress.via === 'session' && out.Session !== undefined) ctx.memory.update({ session: out.Session });
  ctx.memory.update({ draft: draftOf(ctx, out.SecretCode ?? '', record.email) });
  ctx.memory.updateEnrollment({ verified: false, nextStep: 'save-pending' });
  return ENROLL;
};

/** The secret is saved (pending) before it is verified, so that no failure after this loses it. */
const savePending: Step = async (ctx) => {
  const draft = ctx.memory.record.draft;
  if (draft === undefined) throw new Error('save-pending without an associated secret');
  const pendingAccountId = await storeCall(() => ctx.store.savePending(draft, accountRef(ctx)));
  ctx.memory.updateEnrollment({ pendingAccountId, nextStep: 'verify' });
  return ENROLL;
};

/** VerifySoftwareToken with the current code (the next one too if the step rolled over on the way). */
const verify: Step = async (ctx, progress) => {
  const draft = ctx.memory.record.draft;
  if (draft === undefined) throw new Error('verify without an associated secret');
  const out = await submitTotpWithRollover(async (code) => {
    const record = ctx.memory.record;
    const input = tokenOrSession(record, progress.via);
    const result = await ctx.caller.call(
      'VerifySoftwareToken',
      (api) => api.verifySoftwareToken({ ...input, UserCode: code, FriendlyDeviceName: ctx.friendlyDeviceName }),
      { redact: secretsOf(record) },
    );
    if (result.Status !== 'SUCCESS') {
      const skew = ctx.caller.skewMs;
      throw new StepFailure(
        cognitoProblem('enable-code-mismatch', { operation: 'VerifySoftwareToken', ...(skew === undefined ? {} : { skewSeconds: formatSkewSeconds(skew) }) }),
      );
    }
    return result;
  }, rolloverOptions(ctx, draft.secret));
  if (progress.via === 'session') {
    if (out.Session !== undefined) ctx.memory.update({ session: out.Session });
    ctx.memory.updateEnrollment({ verified: true, nextStep: 'complete-setup' });
  } else {
    ctx.memory.updateEnrollment({ verified: true, nextStep: 'set-preference' });
  }
  return ENROLL;
};

/** Answers MFA_SETUP: Cognito signs the user in, and the tokens go on with set-preference. */
const completeSetup: Step = async (ctx) => {
  const response = await respondToChallenge(ctx, 'MFA_SETUP', {});
  ctx.memory.updateEnrollment({ via: 'token', nextStep: 'set-preference' });
  return answerWith(response);
};

/** SetUserMFAPreference: TOTP on and preferred. */
const setPreference: Step = async (ctx) => {
  const record = ctx.memory.record;
  const AccessToken = accessToken(record);
  await ctx.caller.call(
    'SetUserMFAPreference',
    (api) => api.setUserMfaPreference({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    { redact: secretsOf(record) },
  );
  ctx.memory.updateEnrollment({ nextStep: 'confirm' });
  return ENROLL;
};

/** GetUser must show TOTP enabled and preferred before Keystep calls the account active. */
const confirm: Step = async (ctx) => {
  const record = ctx.memory.record;
  const AccessToken = accessToken(record);
  const user = await ctx.caller.call('GetUser', (api) => api.getUser({ AccessToken }), { redact: secretsOf(record) });
  const list = user.UserMFASettingList ?? [];
  const preferred = user.PreferredMfaSetting ?? '';
  if (preferred !== 'SOFTWARE_TOKEN_MFA' || !list.includes('SOFTWARE_TOKEN_MFA')) {
    ctx.memory.updateEnrollment({ nextStep: 'set-preference' });
    throw new StepFailure(cognitoProblem('enrollment-not-confirmed', { operation: 'GetUser', preferredMfaSetting: preferred, userMfaSettingList: list.join(' ') }));
  }
  ctx.memory.updateEnrollment({ confirmed: { username: user.Username ?? credentialsOf(ctx).username, preferred, list }, nextStep: 'activate' });
  return ENROLL;
};

/** Marks the account active, ends the sign-in sessions and shows the summary; the flow then forgets everything. */
const activate: Step = async (ctx, progress) => {
  const record = ctx.memory.record;
  const { pendingAccountId: id, confirmed } = progress;
  const draft = record.draft;
  if (id === undefined || draft === undefined || confirmed === undefined) throw new Error('activate before save and confirm');
  await storeCall(() => ctx.store.markActive(id));
  const revocation = await revokeRefreshTokens(ctx);
  const summary: EnrollmentSummary = {
    accountId: id,
    issuer: draft.issuer,
    accountName: draft.name,
    username: confirmed.username,
    preferredMfaSetting: confirmed.preferred,
    userMfaSettingList: confirmed.list,
    flowUsed: record.flowUsed ?? 'USER_SRP_AUTH',
    ...(record.fellBackFrom === undefined ? {} : { fellBackFrom: record.fellBackFrom }),
    viaMfaSetup: progress.viaMfaSetup,
  };
  ctx.runner.checkCancelled();
  ctx.memory.reset();
  ctx.runner.show({ kind: 'enrolled', summary, ...(revocation === undefined ? {} : { revocation }) });
  return SETTLED;
};

const STEPS: Readonly<Record<EnrollmentStep, Step>> = {
  associate,
  'save-pending': savePending,
  verify,
  'complete-setup': completeSetup,
  'set-preference': setPreference,
  confirm,
  activate,
};

/** Shows the enrollment's next step as `enrolling` and runs it. */
export async function enrollStep(ctx: FlowContext): Promise<FlowNext> {
  const { username } = credentialsOf(ctx);
  const before = ctx.memory.record.enrollment;
  if (before === undefined) throw new Error('enroll step without an enrollment');
  const step = before.nextStep;
  ctx.memory.updateEnrollment({ currentStep: step });
  ctx.runner.show({ kind: 'enrolling', username, step, ...(before.pendingAccountId === undefined ? {} : { pendingAccountId: before.pendingAccountId }) });
  const progress = ctx.memory.record.enrollment ?? before;
  return STEPS[step](ctx, progress);
}
