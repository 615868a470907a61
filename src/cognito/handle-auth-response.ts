import type { AuthResponse, AuthenticationResult } from './cognito-api.ts';
import { cognitoProblem, totpDisabledProblem, type CognitoProblem } from './cognito-problem.ts';
import type { CodeChallenge } from './enrollment-state.ts';
import { Cancelled } from './cancelled.ts';
import { accountRef, credentialsOf, rolloverOptions, type FlowContext } from './flow-context.ts';
import { answerWith, ENROLL, SETTLED, type FlowNext } from './flow-next.ts';
import { FRESH_ENROLLMENT } from './flow-record.ts';
import { emailFromIdToken } from './jwt-payload.ts';
import type { SecretLookup } from './enrollment-store.ts';
import { otherTargetNotice } from './other-target-notice.ts';
import { parseChallengeList } from './parse-challenge-list.ts';
import { respondToChallenge } from './respond-to-challenge.ts';
import { StepFailure } from './step-failure.ts';
import { submitTotpWithRollover } from './submit-totp-with-rollover.ts';

/** Automatic challenge answers per action, against a server that never stops challenging. */
const MAX_CHALLENGE_HOPS = 10;
/** Which factor to pick at SELECT_MFA_TYPE: the one Keystep may answer by itself first. */
const MFA_PREFERENCE: readonly CodeChallenge[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];
const ATTRIBUTE_PREFIX = 'userAttributes.';

type Params = Readonly<Record<string, string>>;

const unsupported = (challenge: string, extra: Params = {}): StepFailure =>
  new StepFailure(cognitoProblem('unsupported-challenge', { operation: 'RespondToAuthChallenge', challenge, ...extra }));

/**
 * Handles one InitiateAuth / RespondToAuthChallenge response: tokens sign the user in (or go on enrolling); a
 * challenge is answered by Keystep when it can (SOFTWARE_TOKEN_MFA from a stored secret, SELECT_MFA_TYPE,
 * MFA_SETUP by enrolling inside it) or shown as a form (NEW_PASSWORD_REQUIRED, a code the user has).
 * @throws {StepFailure} unsupported-challenge for any other challenge, or after too many in one action.
 */
export async function handleAuthResponse(ctx: FlowContext, response: AuthResponse): Promise<FlowNext> {
  ctx.runner.checkCancelled();
  const tokens = response.AuthenticationResult;
  if (tokens?.AccessToken !== undefined) return signedIn(ctx, tokens.AccessToken, tokens);
  const name = response.ChallengeName;
  const hops = ctx.memory.record.hops + 1;
  ctx.memory.update({ hops });
  if (hops > MAX_CHALLENGE_HOPS || name === undefined) throw unsupported(name ?? '(none)');
  const params = response.ChallengeParameters ?? {};
  ctx.memory.update((record) => ({
    ...record,
    session: response.Session,
    challengeUsername: params['USER_ID_FOR_SRP'] ?? params['USERNAME'] ?? record.challengeUsername,
  }));
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED':
      return askNewPassword(ctx, params);
    case 'MFA_SETUP':
      return enrollInsideMfaSetup(ctx, params);
    case 'SOFTWARE_TOKEN_MFA':
      return answerSoftwareToken(ctx, params);
    case 'SELECT_MFA_TYPE':
      return selectMfaType(ctx, params);
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      ctx.memory.update({ mfa: { used: name, answeredByKeystep: false } });
      return askCode(ctx, name, params);
    default:
      throw unsupported(name);
  }
}

/** Tokens: enrolling goes on with them; otherwise the user is signed in. The refresh token is kept to revoke at the end. */
function signedIn(ctx: FlowContext, accessToken: string, { IdToken: idToken, RefreshToken: refreshToken }: AuthenticationResult): FlowNext {
  ctx.memory.update((record) => ({
    ...record,
    tokens: { accessToken, idToken, refreshToken },
    refreshTokens: refreshToken === undefined ? record.refreshTokens : [...record.refreshTokens, refreshToken],
    session: undefined,
    email: emailFromIdToken(idToken),
    enrollment: record.enrollment === undefined ? undefined : { ...record.enrollment, via: 'token' },
  }));
  const record = ctx.memory.record;
  if (record.enrollment !== undefined) return ENROLL;
  ctx.runner.show({
    kind: 'signed-in',
    username: credentialsOf(ctx).username,
    flowUsed: record.flowUsed ?? 'USER_SRP_AUTH',
    ...(record.email === undefined ? {} : { email: record.email }),
    ...(record.fellBackFrom === undefined ? {} : { fellBackFrom: record.fellBackFrom }),
    ...(record.mfa === undefined ? {} : { mfaUsed: record.mfa.used, mfaAnsweredByKeystep: record.mfa.answeredByKeystep }),
  });
  return SETTLED;
}

/** Shows the new-password form, with the problem of a password refused just before, if any. */
function askNewPassword(ctx: FlowContext, params: Params): FlowNext {
  const requiredAttributes = parseChallengeList(params['requiredAttributes']).map((attribute) =>
    attribute.startsWith(ATTRIBUTE_PREFIX) ? attribute.slice(ATTRIBUTE_PREFIX.length) : attribute,
  );
  const problem = ctx.memory.record.carriedProblem;
  ctx.memory.update({ requiredAttributes, carriedProblem: undefined });
  ctx.runner.show({ kind: 'needs-new-password', username: credentialsOf(ctx).username, requiredAttributes, ...(problem === undefined ? {} : { problem }) });
  return SETTLED;
}

/** The pool requires MFA and the user has none: enroll inside this challenge's session. */
function enrollInsideMfaSetup(ctx: FlowContext, params: Params): FlowNext {
  const canSetUp = parseChallengeList(params['MFAS_CAN_SETUP']);
  if (canSetUp.length > 0 && !canSetUp.includes('SOFTWARE_TOKEN_MFA')) {
    throw new StepFailure(totpDisabledProblem({ operation: 'RespondToAuthChallenge' }, ctx.profile.userPoolId, ctx.profile.region));
  }
  ctx.memory.update((record) => ({
    ...record,
    enrollment: { ...(record.enrollment ?? FRESH_ENROLLMENT), via: 'session', nextStep: 'associate', verified: false, viaMfaSetup: true },
  }));
  return ENROLL;
}

/**
 * Answers with the code of the secret Keystep has for this user on this target (the one this flow just enrolled, or
 * an active account enrolled with the same endpoint, region, pool, app client and username); without one, asks the
 * user for the code, saying so when a secret of the user enrolled elsewhere was not used.
 */
async function answerSoftwareToken(ctx: FlowContext, params: Params): Promise<FlowNext> {
  const draftSecret = ctx.memory.record.draft?.secret;
  const lookup: SecretLookup = draftSecret === undefined ? await findSecret(ctx) : { kind: 'found', secret: draftSecret };
  ctx.memory.update({ mfa: { used: 'SOFTWARE_TOKEN_MFA', answeredByKeystep: lookup.kind === 'found' } });
  if (lookup.kind === 'other-target') return askCode(ctx, 'SOFTWARE_TOKEN_MFA', params, otherTargetNotice(lookup.enrolled, accountRef(ctx)));
  if (lookup.kind === 'none') return askCode(ctx, 'SOFTWARE_TOKEN_MFA', params);
  const { secret } = lookup;
  return answerWith(
    await submitTotpWithRollover((code) => respondToChallenge(ctx, 'SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code }), rolloverOptions(ctx, secret)),
  );
}

async function findSecret(ctx: FlowContext): Promise<SecretLookup> {
  try {
    return await ctx.store.findSecret(accountRef(ctx));
  } catch (error: unknown) {
    if (error instanceof Cancelled) throw error;
    return { kind: 'none' }; // Reading is a convenience: without it the user types the code.
  }
}

async function selectMfaType(ctx: FlowContext, params: Params): Promise<FlowNext> {
  const offered = parseChallengeList(params['MFAS_CAN_CHOOSE']);
  const answer = MFA_PREFERENCE.find((factor) => offered.includes(factor));
  if (answer === undefined) throw unsupported('SELECT_MFA_TYPE', { offered: offered.join(' ') });
  return answerWith(await respondToChallenge(ctx, 'SELECT_MFA_TYPE', { ANSWER: answer }));
}

/**
 * Shows the code form for `challenge`, with the problem of a code refused just before, if any, and `notice` (why
 * Keystep did not answer by itself), if given.
 */
function askCode(ctx: FlowContext, challenge: CodeChallenge, params: Params, notice?: CognitoProblem): FlowNext {
  const destination = params['CODE_DELIVERY_DESTINATION'];
  const problem = ctx.memory.record.carriedProblem;
  ctx.memory.update({ carriedProblem: undefined, codeChallenge: { challenge, destination } });
  ctx.runner.show({
    kind: 'needs-code',
    username: credentialsOf(ctx).username,
    challenge,
    ...(destination === undefined ? {} : { destination }),
    ...(problem === undefined ? {} : { problem }),
    ...(notice === undefined ? {} : { notice }),
  });
  return SETTLED;
}
