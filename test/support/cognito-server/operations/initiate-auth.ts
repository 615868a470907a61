import type { ServerContext } from '../server-context.ts';
import type { AppClient, UserPool } from '../server-model.ts';
import type { AuthFlowResponse } from './auth-outcome.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { createServerEphemeral, parseClientPublicValue, srpPasswordMatches } from '../srp-server.ts';
import { afterCorrectPassword } from './auth-outcome.ts';
import { checkSecretHash, requireAuthFlow } from './client-checks.ts';
import { CLIENT_ID } from './member-constraints.ts';
import { findUser, requireClient, srpPoolName, unknownUserError } from './state-lookup.ts';

// InitiateAuth: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html

const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

type Params = Readonly<Record<string, string>>;

function requireParam(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw serviceErrors.missingParameter(name);
  return value;
}

/** USER_PASSWORD_AUTH: the password is checked against the stored SRP verifier. */
function passwordAuth(ctx: ServerContext, pool: UserPool, client: AppClient, params: Params): AuthFlowResponse {
  requireAuthFlow(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH');
  const username = requireParam(params, 'USERNAME');
  const password = requireParam(params, 'PASSWORD');
  checkSecretHash(client, params.SECRET_HASH, [username]);
  const user = findUser(pool, username);
  if (user === undefined) throw unknownUserError(client);
  if (user.status === 'RESET_REQUIRED') throw serviceErrors.passwordResetRequired();
  const credential = user.credential;
  const identity = { poolName: srpPoolName(pool), userIdForSrp: user.username };
  if (credential === undefined || !srpPasswordMatches(identity, password, credential)) throw serviceErrors.incorrectCredentials();
  return afterCorrectPassword(ctx, pool, client, user);
}

/**
 * USER_SRP_AUTH: answers PASSWORD_VERIFIER with SALT, SRP_B, SECRET_BLOCK, USERNAME and USER_ID_FOR_SRP (the
 * internal username). The SECRET_BLOCK is the single-use key of the server's SRP state; there is no Session.
 * Unknown users get a decoy challenge when PreventUserExistenceErrors is ENABLED, so the failure comes only at
 * RespondToAuthChallenge, as with Cognito.
 */
function srpAuth(ctx: ServerContext, pool: UserPool, client: AppClient, params: Params): AuthFlowResponse {
  requireAuthFlow(client, 'ALLOW_USER_SRP_AUTH', 'USER_SRP_AUTH');
  const username = requireParam(params, 'USERNAME');
  const srpA = requireParam(params, 'SRP_A');
  checkSecretHash(client, params.SECRET_HASH, [username]);
  let A: bigint;
  try {
    A = parseClientPublicValue(srpA);
  } catch {
    throw serviceErrors.invalidParameter('SRP_A is not a valid SRP public value');
  }
  const user = findUser(pool, username);
  if (user === undefined && client.preventUserExistenceErrors === 'LEGACY') throw serviceErrors.userNotFound();
  if (user?.status === 'RESET_REQUIRED') throw serviceErrors.passwordResetRequired();
  // The decoy uses a random verifier: no password can match it.
  const salt = user?.credential?.salt ?? BigInt(`0x${ctx.ids.random(16).toString('hex')}`);
  const verifier = user?.credential?.verifier ?? BigInt(`0x${ctx.ids.random(384).toString('hex')}`);
  const { b, B } = createServerEphemeral(verifier, ctx.ids.random(128));
  const userIdForSrp = user?.username ?? username;
  const secretBlock = ctx.ids.secretBlock();
  ctx.sessions.put(secretBlock, {
    poolId: pool.id,
    clientId: client.id,
    username: userIdForSrp,
    expiresAt: ctx.now() + client.authSessionValidityMinutes * 60_000,
    step: { challenge: 'PASSWORD_VERIFIER', userExists: user?.credential !== undefined, A, b, B },
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt.toString(16),
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: userIdForSrp,
      USER_ID_FOR_SRP: userIdForSrp,
    },
  };
}

/** REFRESH_TOKEN_AUTH: new access and ID tokens, no new refresh token. */
function refreshAuth(ctx: ServerContext, pool: UserPool, client: AppClient, params: Params): AuthFlowResponse {
  requireAuthFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
  const token = requireParam(params, 'REFRESH_TOKEN');
  if (ctx.refreshTokens.wasRevoked(token)) throw serviceErrors.notAuthorized('Refresh Token has been revoked');
  const grant = ctx.refreshTokens.get(token);
  if (grant === undefined || grant.clientId !== client.id) throw serviceErrors.notAuthorized('Invalid Refresh Token');
  if (ctx.now() > grant.expiresAt) throw serviceErrors.notAuthorized('Refresh Token has expired');
  const user = pool.users.get(grant.username);
  if (user === undefined) throw serviceErrors.notAuthorized('Invalid Refresh Token');
  const given = params.USERNAME;
  checkSecretHash(client, params.SECRET_HASH, given === undefined ? [user.username] : [user.username, given]);
  if (!user.enabled) throw serviceErrors.userDisabled();
  return { ChallengeParameters: {}, AuthenticationResult: ctx.tokens.issue(pool, client, user, { refresh: false, authTime: grant.authTime, originJti: grant.originJti }) };
}

/** InitiateAuth for USER_PASSWORD_AUTH, USER_SRP_AUTH and REFRESH_TOKEN_AUTH (REFRESH_TOKEN). */
export function initiateAuth(ctx: ServerContext, input: unknown): AuthFlowResponse {
  const r = InputReader.root(input);
  const flow = r.requiredEnum('AuthFlow', AUTH_FLOWS);
  const { client, pool } = requireClient(ctx, r.requiredString('ClientId', CLIENT_ID));
  const params = r.optionalStringMap('AuthParameters') ?? {};
  r.optionalStringMap('ClientMetadata');
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return passwordAuth(ctx, pool, client, params);
    case 'USER_SRP_AUTH':
      return srpAuth(ctx, pool, client, params);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshAuth(ctx, pool, client, params);
    case 'ADMIN_NO_SRP_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      throw serviceErrors.invalidParameter('Initiate Auth method not supported.');
    case 'CUSTOM_AUTH':
    case 'USER_AUTH':
      requireAuthFlow(client, `ALLOW_${flow}`, flow);
      throw serviceErrors.invalidParameter(`${flow} is not supported by the local Cognito test server`);
  }
}
