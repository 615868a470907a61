import type { AuthStep } from '../auth-session-store.ts';
import type { ServerContext } from '../server-context.ts';
import type { AppClient, MfaType, PoolUser, UserPool } from '../server-model.ts';
import type { AuthenticationResult } from '../token-service.ts';
import { MFA_TYPES } from '../server-model.ts';
import { serviceErrors } from '../service-errors.ts';
import { maskEmail, maskPhone } from './mask-destination.ts';
import { poolOffers } from './mfa-settings.ts';
import { checkTemporaryPasswordFresh } from './user-records.ts';

/** The output of InitiateAuth and RespondToAuthChallenge. */
export interface AuthFlowResponse {
  readonly ChallengeName?: string;
  readonly Session?: string;
  readonly ChallengeParameters: Readonly<Record<string, string>>;
  readonly AuthenticationResult?: AuthenticationResult;
}

/** Stores a new session for `user`; it expires after the client's AuthSessionValidity unless `expiresAt` is carried over. */
export function openSession(ctx: ServerContext, client: AppClient, username: string, step: AuthStep, expiresAt?: number): string {
  const key = ctx.ids.session();
  ctx.sessions.put(key, {
    poolId: client.poolId,
    clientId: client.id,
    username,
    expiresAt: expiresAt ?? ctx.now() + client.authSessionValidityMinutes * 60_000,
    step,
  });
  return key;
}

/** Signed in: tokens with a refresh token, and empty ChallengeParameters as Cognito sends them. */
export function signedIn(ctx: ServerContext, pool: UserPool, client: AppClient, user: PoolUser): AuthFlowResponse {
  return { ChallengeParameters: {}, AuthenticationResult: ctx.tokens.issue(pool, client, user, { refresh: true }) };
}

/** The challenge for one MFA factor; SMS and e-mail codes go to the outbox. */
export function mfaChallenge(ctx: ServerContext, pool: UserPool, client: AppClient, user: PoolUser, type: MfaType): AuthFlowResponse {
  const base = { USER_ID_FOR_SRP: user.username };
  if (type === 'SOFTWARE_TOKEN_MFA') {
    const friendly = user.softwareToken?.friendlyDeviceName;
    return {
      ChallengeName: type,
      Session: openSession(ctx, client, user.username, { challenge: type }),
      ChallengeParameters: { ...base, ...(friendly === undefined ? {} : { FRIENDLY_DEVICE_NAME: friendly }) },
    };
  }
  const code = ctx.ids.numericCode();
  const sms = type === 'SMS_MFA';
  const destination = user.attributes.get(sms ? 'phone_number' : 'email') ?? '';
  ctx.outbox.record({ userPoolId: pool.id, username: user.username, medium: sms ? 'SMS' : 'EMAIL', purpose: type, code, at: ctx.now() });
  return {
    ChallengeName: type,
    Session: openSession(ctx, client, user.username, { challenge: type, code }),
    ChallengeParameters: {
      ...base,
      CODE_DELIVERY_DELIVERY_MEDIUM: sms ? 'SMS' : 'EMAIL',
      CODE_DELIVERY_DESTINATION: sms ? maskPhone(destination) : maskEmail(destination),
    },
  };
}

/**
 * After the password (and any new password) is settled, the MFA rules of the pool
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html):
 * OFF: tokens. OPTIONAL/ON: the preferred factor, the only factor, or SELECT_MFA_TYPE among several; ON and no
 * factor: MFA_SETUP. Factors the pool has turned off do not count.
 */
export function afterPassword(ctx: ServerContext, pool: UserPool, client: AppClient, user: PoolUser): AuthFlowResponse {
  if (pool.mfaConfiguration === 'OFF') return signedIn(ctx, pool, client, user);
  const usable = MFA_TYPES.filter((t) => user.mfaEnabled.has(t) && poolOffers(pool, t));
  const [only] = usable;
  if (only === undefined) {
    if (pool.mfaConfiguration === 'OPTIONAL') return signedIn(ctx, pool, client, user);
    const canSetUp = MFA_TYPES.filter((t) => poolOffers(pool, t));
    return {
      ChallengeName: 'MFA_SETUP',
      Session: openSession(ctx, client, user.username, { challenge: 'MFA_SETUP', phase: 'awaiting-association' }),
      ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(canSetUp), USER_ID_FOR_SRP: user.username },
    };
  }
  const preferred = user.preferredMfa;
  if (preferred !== undefined && usable.includes(preferred)) return mfaChallenge(ctx, pool, client, user, preferred);
  if (usable.length === 1) return mfaChallenge(ctx, pool, client, user, only);
  return {
    ChallengeName: 'SELECT_MFA_TYPE',
    Session: openSession(ctx, client, user.username, { challenge: 'SELECT_MFA_TYPE', choices: usable }),
    ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(usable), USER_ID_FOR_SRP: user.username },
  };
}

/** After a correct password: NEW_PASSWORD_REQUIRED for a temporary password, else the MFA rules. */
export function afterPrimaryAuth(ctx: ServerContext, pool: UserPool, client: AppClient, user: PoolUser): AuthFlowResponse {
  if (user.status !== 'FORCE_CHANGE_PASSWORD') return afterPassword(ctx, pool, client, user);
  const required = pool.schema.filter((a) => a.Required && a.Name !== 'sub' && !user.attributes.has(a.Name));
  const userAttributes = Object.fromEntries([...user.attributes].filter(([name]) => name !== 'sub'));
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: openSession(ctx, client, user.username, { challenge: 'NEW_PASSWORD_REQUIRED' }),
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(required.map((a) => `userAttributes.${a.Name}`)),
      userAttributes: JSON.stringify(userAttributes),
    },
  };
}

/** The checks Cognito makes once the password is proven, then the next step. Shared with PASSWORD_VERIFIER. */
export function afterCorrectPassword(ctx: ServerContext, pool: UserPool, client: AppClient, user: PoolUser): AuthFlowResponse {
  if (!user.enabled) throw serviceErrors.userDisabled();
  if (user.status === 'UNCONFIRMED') throw serviceErrors.userNotConfirmed();
  checkTemporaryPasswordFresh(ctx, pool, user);
  return afterPrimaryAuth(ctx, pool, client, user);
}
