import type { AuthSession } from '../auth-session-store.ts';
import type { ServerContext } from '../server-context.ts';
import type { AppClient, MfaType, PoolUser, UserPool } from '../server-model.ts';
import type { AuthFlowResponse } from './auth-outcome.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { expectedPasswordClaimSignature, signatureMatches } from '../srp-server.ts';
import { canonicalSrpTimestamp } from '../srp-timestamp.ts';
import { verifyTotp } from '../totp-check.ts';
import { afterCorrectPassword, afterPassword, mfaChallenge, signedIn } from './auth-outcome.ts';
import { checkSecretHash } from './client-checks.ts';
import { CLIENT_ID, SESSION } from './member-constraints.ts';
import { poolOffers } from './mfa-settings.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { findUser, requireClient, srpPoolName } from './state-lookup.ts';
import { checkAttributeName, missingRequiredAttributes } from './user-attributes.ts';
import { storePassword } from './user-records.ts';

// RespondToAuthChallenge: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html

const CHALLENGE_NAMES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'SMS_OTP',
  'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
] as const;
type ChallengeName = (typeof CHALLENGE_NAMES)[number];

/** The ChallengeResponses each supported challenge must carry (checked before the session is used up). */
const REQUIRED_RESPONSES: Partial<Readonly<Record<ChallengeName, readonly string[]>>> = {
  PASSWORD_VERIFIER: ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP'],
  NEW_PASSWORD_REQUIRED: ['USERNAME', 'NEW_PASSWORD'],
  SOFTWARE_TOKEN_MFA: ['USERNAME', 'SOFTWARE_TOKEN_MFA_CODE'],
  SMS_MFA: ['USERNAME', 'SMS_MFA_CODE'],
  EMAIL_OTP: ['USERNAME', 'EMAIL_OTP_CODE'],
  SELECT_MFA_TYPE: ['USERNAME', 'ANSWER'],
  MFA_SETUP: ['USERNAME'],
};

type Responses = Readonly<Record<string, string>>;

interface Turn {
  readonly ctx: ServerContext;
  readonly pool: UserPool;
  readonly client: AppClient;
  readonly user: PoolUser;
  readonly session: AuthSession;
  readonly responses: Responses;
}

const response = (responses: Responses, name: string): string => responses[name] ?? '';

/** PASSWORD_VERIFIER: the SRP proof. TIMESTAMP format first; the signature is checked over the canonical timestamp. */
function passwordVerifier(ctx: ServerContext, pool: UserPool, client: AppClient, responses: Responses): AuthFlowResponse {
  const timestamp = canonicalSrpTimestamp(response(responses, 'TIMESTAMP'));
  if (timestamp === undefined) {
    throw serviceErrors.invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  }
  const secretBlock = response(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const session = ctx.sessions.consume(secretBlock);
  if (session?.clientId !== client.id || session.step.challenge !== 'PASSWORD_VERIFIER') throw serviceErrors.invalidSession();
  const step = session.step;
  const user = pool.users.get(session.username);
  if (!step.userExists || user?.credential === undefined) throw serviceErrors.incorrectCredentials();
  if (findUser(pool, response(responses, 'USERNAME'))?.username !== user.username) throw serviceErrors.incorrectCredentials();
  const expected = expectedPasswordClaimSignature({
    poolName: srpPoolName(pool),
    userIdForSrp: user.username,
    A: step.A,
    B: step.B,
    b: step.b,
    verifier: user.credential.verifier,
    secretBlock: Buffer.from(secretBlock, 'base64'),
    timestamp,
  });
  if (!signatureMatches(expected, response(responses, 'PASSWORD_CLAIM_SIGNATURE'))) throw serviceErrors.incorrectCredentials();
  return afterCorrectPassword(ctx, pool, client, user);
}

/** NEW_PASSWORD_REQUIRED: NEW_PASSWORD plus "userAttributes.<name>" for required attributes; then the MFA rules. */
function newPasswordRequired({ ctx, pool, client, user, responses }: Turn): AuthFlowResponse {
  const newPassword = response(responses, 'NEW_PASSWORD');
  checkPasswordPolicy(pool.passwordPolicy, newPassword);
  const updates = new Map<string, string>();
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith('userAttributes.')) continue;
    const name = key.slice('userAttributes.'.length);
    checkAttributeName(pool, name);
    updates.set(name, value);
  }
  const merged = new Map([...user.attributes, ...updates]);
  const [missing] = missingRequiredAttributes(pool, merged);
  if (missing !== undefined) throw serviceErrors.invalidParameter(`Invalid attributes given, ${missing} is missing`);
  for (const [name, value] of updates) user.attributes.set(name, value);
  storePassword(ctx, pool, user, newPassword, false);
  user.status = 'CONFIRMED';
  return afterPassword(ctx, pool, client, user);
}

function softwareTokenMfa({ ctx, pool, client, user, responses }: Turn): AuthFlowResponse {
  if (!poolOffers(pool, 'SOFTWARE_TOKEN_MFA')) throw serviceErrors.softwareTokenNotEnabledByPool();
  const token = user.softwareToken;
  if (token === undefined) throw serviceErrors.softwareTokenNotFoundForUser();
  if (!verifyTotp(token.secret, response(responses, 'SOFTWARE_TOKEN_MFA_CODE'), ctx.now())) throw serviceErrors.codeMismatch();
  return signedIn(ctx, pool, client, user);
}

function deliveredCode(turn: Turn, expected: string, responseName: string): AuthFlowResponse {
  if (response(turn.responses, responseName) !== expected) throw serviceErrors.codeMismatch();
  return signedIn(turn.ctx, turn.pool, turn.client, turn.user);
}

function selectMfaType(turn: Turn, choices: readonly MfaType[]): AuthFlowResponse {
  const answer = response(turn.responses, 'ANSWER');
  const chosen = choices.find((c) => c === answer);
  if (chosen === undefined) {
    throw serviceErrors.invalidParameter(`ANSWER must be one of ${choices.join(', ')}`);
  }
  return mfaChallenge(turn.ctx, turn.pool, turn.client, turn.user, chosen);
}

/** MFA_SETUP: after AssociateSoftwareToken and VerifySoftwareToken with the session; TOTP becomes the user's factor. */
function mfaSetup(turn: Turn, phase: string): AuthFlowResponse {
  const { ctx, pool, client, user } = turn;
  if (phase !== 'verified' || user.softwareToken === undefined) throw serviceErrors.invalidSession();
  user.mfaEnabled.add('SOFTWARE_TOKEN_MFA');
  user.preferredMfa ??= 'SOFTWARE_TOKEN_MFA';
  user.lastModifiedAt = ctx.now();
  return signedIn(ctx, pool, client, user);
}

function answer(turn: Turn, challengeName: ChallengeName): AuthFlowResponse {
  const step = turn.session.step;
  if (step.challenge !== challengeName) {
    throw serviceErrors.invalidParameter(`ChallengeName ${challengeName} does not match the challenge of the session (${step.challenge})`);
  }
  switch (step.challenge) {
    case 'NEW_PASSWORD_REQUIRED':
      return newPasswordRequired(turn);
    case 'SOFTWARE_TOKEN_MFA':
      return softwareTokenMfa(turn);
    case 'SMS_MFA':
      return deliveredCode(turn, step.code, 'SMS_MFA_CODE');
    case 'EMAIL_OTP':
      return deliveredCode(turn, step.code, 'EMAIL_OTP_CODE');
    case 'SELECT_MFA_TYPE':
      return selectMfaType(turn, step.choices);
    case 'MFA_SETUP':
      return mfaSetup(turn, step.phase);
    case 'PASSWORD_VERIFIER':
      throw serviceErrors.invalidSession();
  }
}

/**
 * RespondToAuthChallenge for PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, MFA_SETUP, SOFTWARE_TOKEN_MFA,
 * SELECT_MFA_TYPE, SMS_MFA and EMAIL_OTP. Every session is single use: a failed answer (wrong code) uses it up.
 */
export function respondToAuthChallenge(ctx: ServerContext, input: unknown): AuthFlowResponse {
  const r = InputReader.root(input);
  const { client, pool } = requireClient(ctx, r.requiredString('ClientId', CLIENT_ID));
  const challengeName = r.requiredEnum('ChallengeName', CHALLENGE_NAMES);
  const sessionKey = r.optionalString('Session', SESSION);
  const responses = r.optionalStringMap('ChallengeResponses') ?? {};
  r.optionalStringMap('ClientMetadata');
  const required = REQUIRED_RESPONSES[challengeName];
  if (required === undefined) {
    throw serviceErrors.invalidParameter(`Challenge ${challengeName} is not supported by the local Cognito test server`);
  }
  for (const name of required) if (response(responses, name) === '') throw serviceErrors.missingParameter(name);
  const username = response(responses, 'USERNAME');
  checkSecretHash(client, responses.SECRET_HASH, [username]);
  if (challengeName === 'PASSWORD_VERIFIER') return passwordVerifier(ctx, pool, client, responses);
  if (sessionKey === undefined) throw serviceErrors.missingParameter('Session');
  const session = ctx.sessions.consume(sessionKey);
  if (session?.clientId !== client.id) throw serviceErrors.invalidSession();
  const user = pool.users.get(session.username);
  if (user === undefined || findUser(pool, username)?.username !== user.username) throw serviceErrors.invalidSession();
  if (!user.enabled) throw serviceErrors.userDisabled();
  return answer({ ctx, pool, client, user, session, responses }, challengeName);
}
