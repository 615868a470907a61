import type { AuthSession } from '../auth-session-store.ts';
import type { ServerContext } from '../server-context.ts';
import type { AppClient, PoolUser, UserPool } from '../server-model.ts';
import { encodeBase32 } from '../base32.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { verifyTotp } from '../totp-check.ts';
import { openSession } from './auth-outcome.ts';
import { ACCESS_TOKEN, SESSION } from './member-constraints.ts';
import { poolOffers } from './mfa-settings.ts';
import { requireAccessTokenUser } from './state-lookup.ts';

// AssociateSoftwareToken and VerifySoftwareToken, signed in (AccessToken) or during MFA_SETUP (Session).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html

type Credential = { readonly kind: 'token'; readonly accessToken: string } | { readonly kind: 'session'; readonly session: string };

function readCredential(r: InputReader): Credential {
  const accessToken = r.optionalString('AccessToken', ACCESS_TOKEN);
  const session = r.optionalString('Session', SESSION);
  if (accessToken !== undefined && session !== undefined) {
    throw serviceErrors.invalidParameter('Only one of AccessToken or Session may be given');
  }
  if (accessToken !== undefined) return { kind: 'token', accessToken };
  if (session !== undefined) return { kind: 'session', session };
  throw serviceErrors.invalidParameter('Missing required parameter AccessToken or Session');
}

interface SetupSession {
  readonly session: AuthSession;
  readonly pool: UserPool;
  readonly client: AppClient;
  readonly user: PoolUser;
  readonly phase: string;
}

/** Uses up an MFA_SETUP session (NotAuthorizedException "Invalid session for the user." otherwise). */
function consumeSetupSession(ctx: ServerContext, key: string): SetupSession {
  const session = ctx.sessions.consume(key);
  if (session?.step.challenge !== 'MFA_SETUP') throw serviceErrors.invalidSession();
  const pool = ctx.pools.get(session.poolId);
  const client = ctx.clients.get(session.clientId);
  const user = pool?.users.get(session.username);
  if (pool === undefined || client === undefined || user === undefined) throw serviceErrors.invalidSession();
  return { session, pool, client, user, phase: session.step.phase };
}

function requirePoolTotp(pool: UserPool): void {
  if (!poolOffers(pool, 'SOFTWARE_TOKEN_MFA')) throw serviceErrors.softwareTokenNotEnabledByPool();
}

/**
 * AssociateSoftwareToken -> {SecretCode (base32 of 32 random bytes, 52 chars), Session when called with a Session}.
 * A new association replaces one not verified yet. SoftwareTokenMFANotFoundException when the pool has TOTP off.
 */
export function associateSoftwareToken(ctx: ServerContext, input: unknown): { readonly SecretCode: string; readonly Session?: string } {
  const credential = readCredential(InputReader.root(input));
  const secret = ctx.ids.random(32);
  if (credential.kind === 'token') {
    const { pool, user } = requireAccessTokenUser(ctx, credential.accessToken);
    requirePoolTotp(pool);
    user.pendingSoftwareTokenSecret = secret;
    return { SecretCode: encodeBase32(secret) };
  }
  const setup = consumeSetupSession(ctx, credential.session);
  requirePoolTotp(setup.pool);
  setup.user.pendingSoftwareTokenSecret = secret;
  // The whole enrollment shares the deadline of the MFA_SETUP session.
  const next = openSession(ctx, setup.client, setup.user.username, { challenge: 'MFA_SETUP', phase: 'associated' }, setup.session.expiresAt);
  return { SecretCode: encodeBase32(secret), Session: next };
}

/** Checks the code against the pending secret and makes it the user's verified software token. */
function verifyPending(ctx: ServerContext, user: PoolUser, code: string, friendlyDeviceName: string | undefined): void {
  const pending = user.pendingSoftwareTokenSecret;
  if (pending === undefined) throw serviceErrors.softwareTokenNotFoundForUser();
  if (!verifyTotp(pending, code, ctx.now())) throw serviceErrors.enableSoftwareTokenMfa();
  user.softwareToken = { secret: pending, friendlyDeviceName };
  user.pendingSoftwareTokenSecret = undefined;
  user.lastModifiedAt = ctx.now();
}

/**
 * VerifySoftwareToken {AccessToken | Session, UserCode (6 digits), FriendlyDeviceName?} -> {Status: "SUCCESS",
 * Session?}. TOTP at +-1 step on the injected clock; a wrong code is EnableSoftwareTokenMFAException. Verifying does
 * not turn TOTP MFA on by itself: SetUserMFAPreference does, or RespondToAuthChallenge MFA_SETUP.
 */
export function verifySoftwareToken(ctx: ServerContext, input: unknown): { readonly Status: 'SUCCESS'; readonly Session?: string } {
  const r = InputReader.root(input);
  const credential = readCredential(r);
  const code = r.requiredString('UserCode', { min: 6, max: 6, pattern: /^[0-9]+$/, patternText: '[0-9]+' });
  const friendlyDeviceName = r.optionalString('FriendlyDeviceName', { max: 131072 });
  if (credential.kind === 'token') {
    const { pool, user } = requireAccessTokenUser(ctx, credential.accessToken);
    requirePoolTotp(pool);
    verifyPending(ctx, user, code, friendlyDeviceName);
    return { Status: 'SUCCESS' };
  }
  const setup = consumeSetupSession(ctx, credential.session);
  if (setup.phase !== 'associated') throw serviceErrors.invalidSession();
  requirePoolTotp(setup.pool);
  verifyPending(ctx, setup.user, code, friendlyDeviceName);
  const next = openSession(ctx, setup.client, setup.user.username, { challenge: 'MFA_SETUP', phase: 'verified' }, setup.session.expiresAt);
  return { Status: 'SUCCESS', Session: next };
}
