import type { RespondToAuthChallengeCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import {
  AdminConfirmSignUpCommand,
  AdminDisableUserCommand,
  AdminResetUserPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './cognito-server-harness.ts';
import { computeSecretHash, formatSrpTimestamp } from './cognito-server/index.ts';
import { createClient, createPool, createUser, jwtPayload, PASSWORD, passwordSignIn, startHarness } from './cognito-server-harness.ts';
import { SrpTestClient } from './srp-test-client.ts';

// Sign-in: USER_PASSWORD_AUTH, USER_SRP_AUTH, REFRESH_TOKEN_AUTH, NEW_PASSWORD_REQUIRED, secrets, statuses, sessions;
// and its end: RevokeToken.

const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const INVALID_SESSION = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' };

interface Tokens {
  readonly IdToken?: string | undefined;
  readonly AccessToken?: string | undefined;
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function respond(input: RespondToAuthChallengeCommandInput) {
  return h.sdk.send(new RespondToAuthChallengeCommand(input));
}

describe('USER_PASSWORD_AUTH', () => {
  it('returns JWT-shaped tokens with Cognito’s claims', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const out = await passwordSignIn(h, clientId, 'demo@example.com');
    expect(out.ChallengeName).toBeUndefined();
    expect(out.ChallengeParameters).toEqual({});
    const result = out.AuthenticationResult;
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(result?.RefreshToken?.split('.')).toHaveLength(5);
    const iat = Math.floor(h.now() / 1000);
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    const id = jwtPayload(result?.IdToken ?? '');
    expect(id).toMatchObject({ email: 'demo@example.com', email_verified: true, 'cognito:username': 'demo@example.com', aud: clientId, token_use: 'id', iss, iat, exp: iat + 3600 });
    const access = jwtPayload(result?.AccessToken ?? '');
    expect(access).toMatchObject({ token_use: 'access', client_id: clientId, username: 'demo@example.com', scope: 'aws.cognito.signin.user.admin', iss, iat, exp: iat + 3600 });
    expect(access.sub).toBe(id.sub);
    const user = await h.sdk.send(new GetUserCommand({ AccessToken: result?.AccessToken }));
    expect(user.Username).toBe('demo@example.com');
    expect(user.UserAttributes).toContainEqual({ Name: 'sub', Value: id.sub });
  });

  it('refuses a wrong password', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    await expect(passwordSignIn(h, clientId, 'demo@example.com', 'Wrong-pass-1')).rejects.toMatchObject(INCORRECT);
  });

  it.each([
    ['ENABLED', INCORRECT],
    ['LEGACY', { name: 'UserNotFoundException', message: 'User does not exist.' }],
  ] as const)('unknown user with PreventUserExistenceErrors %s', async (mode, expected) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId, { preventUserExistenceErrors: mode });
    await expect(passwordSignIn(h, clientId, 'ghost@example.com')).rejects.toMatchObject(expected);
  });

  it.each([
    ['USERNAME', { PASSWORD: PASSWORD }],
    ['PASSWORD', { USERNAME: 'demo@example.com' }],
  ])('requires %s', async (missing, params) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    await expect(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: params }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: `Missing required parameter ${missing}`,
    });
  });
});

describe('auth flows a client does not allow', () => {
  it.each([
    ['USER_PASSWORD_AUTH', ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], { USERNAME: 'demo@example.com', PASSWORD: PASSWORD }],
    ['USER_SRP_AUTH', ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], { USERNAME: 'demo@example.com', SRP_A: '02' }],
    ['REFRESH_TOKEN_AUTH', ['ALLOW_USER_SRP_AUTH'], { REFRESH_TOKEN: 'x' }],
  ] as const)('%s -> InvalidParameterException', async (flow, flows, params) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId, { flows });
    createUser(h.server, poolId, 'demo@example.com');
    await expect(h.sdk.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: clientId, AuthParameters: params }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: `${flow} flow not enabled for this client`,
    });
  });

  it('refuses admin flows on InitiateAuth', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    await expect(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: {} }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Initiate Auth method not supported.',
    });
  });
});

describe('SECRET_HASH', () => {
  it.each([
    ['missing', undefined, (id: string) => `Client ${id} is configured for secret but secret was not received`],
    ['wrong', 'bm90IHRoZSBoYXNo', (id: string) => `Unable to verify secret hash for client ${id}`],
    ['computed for another user', 'other', (id: string) => `Unable to verify secret hash for client ${id}`],
  ])('%s -> NotAuthorizedException', async (_label, hash, message) => {
    const poolId = createPool(h.server);
    const { clientId, clientSecret = '' } = createClient(h.server, poolId, { secret: true });
    createUser(h.server, poolId, 'demo@example.com');
    const value = hash === 'other' ? computeSecretHash(clientSecret, 'someone@example.com', clientId) : hash;
    await expect(passwordSignIn(h, clientId, 'demo@example.com', PASSWORD, value === undefined ? {} : { SECRET_HASH: value })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: message(clientId),
    });
  });

  it('signs in with the right hash, and RespondToAuthChallenge needs it too', async () => {
    const poolId = createPool(h.server);
    const { clientId, clientSecret = '' } = createClient(h.server, poolId, { secret: true });
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    const hash = computeSecretHash(clientSecret, 'new@example.com', clientId);
    const out = await passwordSignIn(h, clientId, 'new@example.com', PASSWORD, { SECRET_HASH: hash });
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const base = { ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED' as const, Session: out.Session };
    await expect(respond({ ...base, ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1' } })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${clientId} is configured for secret but secret was not received`,
    });
    const again = await passwordSignIn(h, clientId, 'new@example.com', PASSWORD, { SECRET_HASH: hash });
    const done = await respond({ ...base, Session: again.Session, ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1', SECRET_HASH: hash } });
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });
});

describe('USER_SRP_AUTH (client half from amazon-cognito-identity-js AuthenticationHelper)', () => {
  function srpSetup(options: { usernameAttributes?: readonly 'email'[]; pue?: 'ENABLED' | 'LEGACY' } = {}) {
    const poolId = createPool(h.server, options.usernameAttributes === undefined ? {} : { usernameAttributes: options.usernameAttributes });
    const { clientId } = createClient(h.server, poolId, options.pue === undefined ? {} : { preventUserExistenceErrors: options.pue });
    const username = createUser(h.server, poolId, 'demo@example.com');
    const srp = new SrpTestClient(poolId.split('_')[1] ?? '');
    return { poolId, clientId, username, srp };
  }

  async function begin(clientId: string, srp: SrpTestClient, typed = 'demo@example.com') {
    const out = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: typed, SRP_A: await srp.srpA() } }));
    expect(out.ChallengeName).toBe('PASSWORD_VERIFIER');
    return out.ChallengeParameters ?? {};
  }

  async function verifier(clientId: string, srp: SrpTestClient, challenge: Record<string, string>, timestamp: string, password = PASSWORD) {
    return respond({
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: {
        USERNAME: challenge.USER_ID_FOR_SRP ?? '',
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK ?? '',
        PASSWORD_CLAIM_SIGNATURE: await srp.signature(challenge, password, timestamp),
        TIMESTAMP: timestamp,
      },
    });
  }

  it('answers PASSWORD_VERIFIER with SALT, SRP_B, SECRET_BLOCK and USER_ID_FOR_SRP, then signs in', async () => {
    const { clientId, srp } = srpSetup();
    const challenge = await begin(clientId, srp);
    expect(Object.keys(challenge).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(challenge.USER_ID_FOR_SRP).toBe('demo@example.com');
    const out = await verifier(clientId, srp, challenge, formatSrpTimestamp(h.now()));
    expect(out.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('names the sub as USER_ID_FOR_SRP in a pool with e-mail as username', async () => {
    const { clientId, srp, username } = srpSetup({ usernameAttributes: ['email'] });
    const challenge = await begin(clientId, srp);
    expect(challenge.USER_ID_FOR_SRP).toBe(username);
    expect(username).toMatch(/^[0-9a-f-]{36}$/);
    const out = await verifier(clientId, srp, challenge, formatSrpTimestamp(h.now()));
    expect(jwtPayload(out.AuthenticationResult?.AccessToken ?? '').username).toBe(username);
  });

  const FORMAT_ERROR = { name: 'InvalidParameterException', message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.' };
  it.each([
    // The clock is not compared with TIMESTAMP; only its format and the signature over it count.
    ['an unpadded single-digit day', 'Mon Jan 5 12:00:10 UTC 2026', undefined],
    ['a zero-padded day', 'Mon Jan 05 12:00:10 UTC 2026', INCORRECT],
    ['a weekday that does not match the date', 'Thu Jan 5 12:00:10 UTC 2026', INCORRECT],
    ['an ISO timestamp', '2026-01-15T12:00:10Z', FORMAT_ERROR],
    ['a time zone other than UTC', 'Thu Jan 15 12:00:10 PST 2026', FORMAT_ERROR],
  ])('TIMESTAMP with %s', async (_label, timestamp, expected) => {
    const { clientId, srp } = srpSetup();
    const challenge = await begin(clientId, srp);
    const call = verifier(clientId, srp, challenge, timestamp);
    if (expected === undefined) expect((await call).AuthenticationResult?.AccessToken).toBeDefined();
    else await expect(call).rejects.toMatchObject(expected);
  });

  it('refuses a wrong password', async () => {
    const { clientId, srp } = srpSetup();
    const challenge = await begin(clientId, srp);
    await expect(verifier(clientId, srp, challenge, formatSrpTimestamp(h.now()), 'Wrong-pass-1')).rejects.toMatchObject(INCORRECT);
  });

  it('gives unknown users a decoy challenge and fails at the verifier (PreventUserExistenceErrors ENABLED)', async () => {
    const { clientId, srp } = srpSetup();
    const challenge = await begin(clientId, srp, 'ghost@example.com');
    expect(challenge.USER_ID_FOR_SRP).toBe('ghost@example.com');
    await expect(verifier(clientId, srp, challenge, formatSrpTimestamp(h.now()))).rejects.toMatchObject(INCORRECT);
  });

  it('says UserNotFoundException at once with LEGACY', async () => {
    const { clientId, srp } = srpSetup({ pue: 'LEGACY' });
    await expect(begin(clientId, srp, 'ghost@example.com')).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it.each([
    ['reused', 0],
    ['expired', 3 * 60_000 + 1000],
  ])('refuses a %s SECRET_BLOCK', async (_label, wait) => {
    const { clientId, srp } = srpSetup();
    const challenge = await begin(clientId, srp);
    if (wait === 0) await verifier(clientId, srp, challenge, formatSrpTimestamp(h.now()));
    h.advance(wait);
    await expect(verifier(clientId, srp, challenge, formatSrpTimestamp(h.now()))).rejects.toMatchObject(INVALID_SESSION);
  });

  it('refuses an SRP_A that is not hex', async () => {
    const { clientId } = srpSetup();
    await expect(
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'demo@example.com', SRP_A: 'xyz' } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('REFRESH_TOKEN_AUTH', () => {
  it('returns new access and ID tokens without a new refresh token', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const first = await passwordSignIn(h, clientId, 'demo@example.com');
    h.advance(2 * 3600_000);
    const out = await h.sdk.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult?.RefreshToken ?? '' } }),
    );
    expect(out.AuthenticationResult?.RefreshToken).toBeUndefined();
    const access = jwtPayload(out.AuthenticationResult?.AccessToken ?? '');
    expect(access.iat).toBe(Math.floor(h.now() / 1000));
    expect(access.auth_time).toBe(Math.floor((h.now() - 2 * 3600_000) / 1000));
  });

  it('refuses an unknown token and a token of another client', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    const other = createClient(h.server, poolId).clientId;
    createUser(h.server, poolId, 'demo@example.com');
    const first = await passwordSignIn(h, clientId, 'demo@example.com');
    const refresh = (id: string, token: string) =>
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: id, AuthParameters: { REFRESH_TOKEN: token } }));
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid Refresh Token' };
    await expect(refresh(clientId, 'eyJ.x.y.z.w')).rejects.toMatchObject(invalid);
    await expect(refresh(other, first.AuthenticationResult?.RefreshToken ?? '')).rejects.toMatchObject(invalid);
  });
});

describe('RevokeToken', () => {
  const refresh = (clientId: string, token: string) =>
    h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: token } }));
  const getUser = (accessToken: string) => h.sdk.send(new GetUserCommand({ AccessToken: accessToken }));
  const REVOKED_ACCESS = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };

  it('ends the refresh token and every access token issued with it or from it; another sign-in keeps its own', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const first = (await passwordSignIn(h, clientId, 'demo@example.com')).AuthenticationResult;
    const other = (await passwordSignIn(h, clientId, 'demo@example.com')).AuthenticationResult;
    const token = first?.RefreshToken ?? '';
    const refreshed = (await refresh(clientId, token)).AuthenticationResult;
    expect(jwtPayload(refreshed?.AccessToken ?? '').origin_jti).toBe(jwtPayload(first?.AccessToken ?? '').origin_jti);

    expect(await h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: token }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    await expect(refresh(clientId, token)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    await expect(getUser(first?.AccessToken ?? '')).rejects.toMatchObject(REVOKED_ACCESS);
    await expect(getUser(refreshed?.AccessToken ?? '')).rejects.toMatchObject(REVOKED_ACCESS);
    expect((await getUser(other?.AccessToken ?? '')).Username).toBe('demo@example.com');
    expect((await refresh(clientId, other?.RefreshToken ?? '')).AuthenticationResult?.AccessToken).toMatch(/^eyJ/);
  });

  it('answers a refresh token it does not know, or one already revoked, as revoked (RFC 7009)', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const token = (await passwordSignIn(h, clientId, 'demo@example.com')).AuthenticationResult?.RefreshToken ?? '';
    for (const revoked of [token, token, 'eyJhbGciOiJub25lIn0.a.b.c.d']) {
      expect(await h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: revoked }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    }
  });

  it('takes the client secret itself from a client that has one', async () => {
    const poolId = createPool(h.server);
    const { clientId, clientSecret = '' } = createClient(h.server, poolId, { secret: true });
    createUser(h.server, poolId, 'demo@example.com');
    const signedIn = await passwordSignIn(h, clientId, 'demo@example.com', PASSWORD, { SECRET_HASH: computeSecretHash(clientSecret, 'demo@example.com', clientId) });
    const token = signedIn.AuthenticationResult?.RefreshToken ?? '';
    const unauthorized = { name: 'UnauthorizedException', $metadata: { httpStatusCode: 401 } };
    await expect(h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: token }))).rejects.toMatchObject(unauthorized);
    await expect(h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: token, ClientSecret: `${clientSecret.slice(1)}x` }))).rejects.toMatchObject(unauthorized);
    await h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: token, ClientSecret: clientSecret }));
    await expect(getUser(signedIn.AuthenticationResult?.AccessToken ?? '')).rejects.toMatchObject(REVOKED_ACCESS);
  });

  it.each([
    ['an access token', 'access', {}, 'UnsupportedTokenTypeException'],
    ['an ID token', 'id', {}, 'UnsupportedTokenTypeException'],
    ['a client that does not exist', 'refresh', { clientId: 'nosuchclient0123456789abcd' }, 'UnauthorizedException'],
    ['another client of the pool', 'refresh', { otherClient: true }, 'UnauthorizedException'],
    ['a client with token revocation off', 'refresh', { revocationOff: true }, 'UnsupportedOperationException'],
    ['a token with characters the API does not allow', 'refresh', { token: 'not a token' }, 'InvalidParameterException'],
  ] as const)('refuses %s, and the tokens keep working', async (_label, kind, options: { clientId?: string; otherClient?: boolean; revocationOff?: boolean; token?: string }, name) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId, options.revocationOff === true ? { tokenRevocation: false } : {});
    const other = createClient(h.server, poolId).clientId;
    createUser(h.server, poolId, 'demo@example.com');
    const result = (await passwordSignIn(h, clientId, 'demo@example.com')).AuthenticationResult;
    const token = options.token ?? { access: result?.AccessToken, id: result?.IdToken, refresh: result?.RefreshToken }[kind] ?? '';
    const revokingClient = options.clientId ?? (options.otherClient === true ? other : clientId);
    await expect(h.sdk.send(new RevokeTokenCommand({ ClientId: revokingClient, Token: token }))).rejects.toMatchObject({ name });
    expect((await getUser(result?.AccessToken ?? '')).Username).toBe('demo@example.com');
    expect((await refresh(clientId, result?.RefreshToken ?? '')).AuthenticationResult?.AccessToken).toMatch(/^eyJ/);
  });

  it('is on for a new app client unless EnableTokenRevocation says otherwise', () => {
    const poolId = createPool(h.server);
    const describe = (enable?: boolean) =>
      h.server.admin.createUserPoolClient({ UserPoolId: poolId, ClientName: 'c', ...(enable === undefined ? {} : { EnableTokenRevocation: enable }) }).UserPoolClient.EnableTokenRevocation;
    expect([describe(), describe(true), describe(false)]).toEqual([true, true, false]);
  });
});

describe('NEW_PASSWORD_REQUIRED', () => {
  it.each([
    ['OPTIONAL', undefined],
    ['ON', 'MFA_SETUP'],
  ] as const)('in a pool with MFA %s, leads to %s', async (mfa, next) => {
    const poolId = createPool(h.server, { mfa, totp: true });
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true, password: 'Temp-pass-1' });
    const out = await passwordSignIn(h, clientId, 'new@example.com', 'Temp-pass-1');
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(out.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: 'new@example.com',
      requiredAttributes: '[]',
      userAttributes: '{"email":"new@example.com","email_verified":"true"}',
    });
    const done = await respond({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: out.Session,
      ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1' },
    });
    expect(done.ChallengeName).toBe(next);
    if (next === 'MFA_SETUP') {
      expect(done.ChallengeParameters?.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');
      expect(done.Session).toBeDefined();
    } else {
      expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    }
    // The new password is now the password; the temporary one is gone.
    await expect(passwordSignIn(h, clientId, 'new@example.com', 'Temp-pass-1')).rejects.toMatchObject(INCORRECT);
    const user = h.server.admin.adminGetUser({ UserPoolId: poolId, Username: 'new@example.com' });
    expect(user.UserStatus).toBe('CONFIRMED');
  });

  it('asks for required attributes and refuses to go on without them', async () => {
    const poolId = h.server.admin.createUserPool({ PoolName: 'p', Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true }] }).UserPool.Id;
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    const out = await passwordSignIn(h, clientId, 'new@example.com');
    expect(out.ChallengeParameters?.requiredAttributes).toBe('["userAttributes.name"]');
    const base = { ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED' as const };
    await expect(respond({ ...base, Session: out.Session, ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid attributes given, name is missing',
    });
    const again = await passwordSignIn(h, clientId, 'new@example.com');
    const done = await respond({
      ...base,
      Session: again.Session,
      ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1', 'userAttributes.name': 'New User' },
    });
    expect(jwtPayload(done.AuthenticationResult?.IdToken ?? '').name).toBe('New User');
  });

  it('refuses a new password that breaks the policy', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    const out = await passwordSignIn(h, clientId, 'new@example.com');
    await expect(
      respond({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: out.Session, ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'short' } }),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
  });

  it('refuses a temporary password older than TemporaryPasswordValidityDays (7)', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    h.advance(7 * 24 * 3600_000 + 1000);
    await expect(passwordSignIn(h, clientId, 'new@example.com')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});

describe('user status', () => {
  it('PasswordResetRequiredException after AdminResetUserPassword', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    await h.sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'demo@example.com' }));
    await expect(passwordSignIn(h, clientId, 'demo@example.com')).rejects.toMatchObject({
      name: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    });
  });

  it('UserNotConfirmedException after SignUp, until AdminConfirmSignUp', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    const signUp = await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'joiner@example.com', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'joiner@example.com' }] }));
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.CodeDeliveryDetails).toEqual({ Destination: 'j***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    await expect(passwordSignIn(h, clientId, 'joiner@example.com')).rejects.toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    await expect(passwordSignIn(h, clientId, 'joiner@example.com', 'Wrong-pass-1')).rejects.toMatchObject(INCORRECT);
    await h.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'joiner@example.com' }));
    expect((await passwordSignIn(h, clientId, 'joiner@example.com')).AuthenticationResult).toBeDefined();
  });

  it('NotAuthorizedException for a disabled user, whose tokens are revoked', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const out = await passwordSignIn(h, clientId, 'demo@example.com');
    await h.sdk.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'demo@example.com' }));
    await expect(passwordSignIn(h, clientId, 'demo@example.com')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    await expect(h.sdk.send(new GetUserCommand({ AccessToken: out.AuthenticationResult?.AccessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });
});

describe('sessions', () => {
  async function newPasswordSession(authSessionValidity?: number) {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId, authSessionValidity === undefined ? {} : { authSessionValidity });
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    const out = await passwordSignIn(h, clientId, 'new@example.com');
    const answer = () =>
      respond({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: out.Session, ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1' } });
    return { answer };
  }

  it('are single use', async () => {
    const { answer } = await newPasswordSession();
    await answer();
    await expect(answer()).rejects.toMatchObject(INVALID_SESSION);
  });

  it.each([
    [undefined, 3 * 60_000 - 1000, true],
    [undefined, 3 * 60_000 + 1000, false],
    [5, 5 * 60_000 - 1000, true],
    [5, 5 * 60_000 + 1000, false],
  ])('with AuthSessionValidity %s min, after %i ms: valid %s', async (validity, wait, valid) => {
    const { answer } = await newPasswordSession(validity);
    h.advance(wait);
    if (valid) expect((await answer()).AuthenticationResult).toBeDefined();
    else await expect(answer()).rejects.toMatchObject(INVALID_SESSION);
  });

  it('refuses a made-up session, and a missing one', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    const base = { ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED' as const, ChallengeResponses: { USERNAME: 'new@example.com', NEW_PASSWORD: 'Brand-new-1' } };
    await expect(respond({ ...base, Session: 'A'.repeat(64) })).rejects.toMatchObject(INVALID_SESSION);
    await expect(respond(base)).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Missing required parameter Session' });
  });

  it('refuses a session answered for another user', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true });
    createUser(h.server, poolId, 'other@example.com');
    const out = await passwordSignIn(h, clientId, 'new@example.com');
    await expect(
      respond({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: out.Session, ChallengeResponses: { USERNAME: 'other@example.com', NEW_PASSWORD: 'Brand-new-1' } }),
    ).rejects.toMatchObject(INVALID_SESSION);
  });
});

describe('access tokens', () => {
  it.each([
    ['expired', 3600_000, 'Access Token has expired'],
    ['still valid', 3600_000 - 1000, undefined],
  ])('%s after the given time', async (_label, wait, message) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const out = await passwordSignIn(h, clientId, 'demo@example.com');
    h.advance(wait);
    const call = h.sdk.send(new GetUserCommand({ AccessToken: out.AuthenticationResult?.AccessToken }));
    if (message === undefined) expect((await call).Username).toBe('demo@example.com');
    else await expect(call).rejects.toMatchObject({ name: 'NotAuthorizedException', message });
  });

  it.each([
    ['an ID token', (r: Tokens) => r.IdToken ?? ''],
    ['a tampered token', (r: Tokens) => `${r.AccessToken ?? ''}x`],
    ['garbage', () => 'abc.def.ghi'],
  ])('refuses %s as an access token', async (_label, pick) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const out = await passwordSignIn(h, clientId, 'demo@example.com');
    await expect(h.sdk.send(new GetUserCommand({ AccessToken: pick(out.AuthenticationResult ?? {}) }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  });
});
