import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoLocal, type CognitoLocal, type LocalPool } from './cognito-local.ts';
import { base32Bytes, totpCode } from './independent-otp.ts';

// What cognito-local 5.3.0 does with the calls Keystep makes, measured against the real package (a dev
// dependency). docs/local-emulators.md summarises it; these tests fail when an upgrade changes it.

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
// The headers the AWS SDK v3 sets on a browser request to an unsigned Cognito operation.
const SDK_HEADERS = 'amz-sdk-invocation-id,amz-sdk-request,content-type,x-amz-target,x-amz-user-agent';

interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

let local: CognitoLocal;

/** POSTs one operation as the SDK does (AWS JSON 1.1), from the extension's origin, and returns the raw answer. */
async function post(operation: string, input: unknown): Promise<RawAnswer> {
  const response = await fetch(local.url, {
    method: 'POST',
    headers: {
      origin: EXTENSION_ORIGIN,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

async function passwordSignIn(pool: LocalPool) {
  return local.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: pool.clientId,
      AuthParameters: { USERNAME: pool.username, PASSWORD: pool.password },
    }),
  );
}

async function accessTokenOf(pool: LocalPool): Promise<string> {
  const token = (await passwordSignIn(pool)).AuthenticationResult?.AccessToken;
  if (token === undefined) throw new Error('no access token');
  return token;
}

/** The SDK error `promise` rejects with, as name, message and HTTP status. */
async function sdkFailure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const { name, message, $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name, message, status: $metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

/** A six-digit code that none of the steps from two back to two ahead of now gives. */
function wrongCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((step) => totpCode(base32Bytes(secret), Date.now() + step * 30_000)));
  const code = ['000000', '111111', '222222', '333333', '444444', '555555'].find((candidate) => !near.has(candidate));
  if (code === undefined) throw new Error('no wrong code found');
  return code;
}

beforeAll(async () => {
  local = await startCognitoLocal();
}, 30_000);

afterAll(async () => {
  await local.stop();
});

describe('startCognitoLocal', () => {
  it('listens on 127.0.0.1 and keeps pools in its temporary folder, with local_ pool IDs', async () => {
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${local.url}/health`)).json()).toEqual({ ok: true });
    const pool = await local.createPool({ username: 'folder@example.com' });
    expect(pool.userPoolId).toMatch(/^local_[0-9A-Za-z]{8}$/);
    expect(existsSync(join(local.dataDir, '.cognito', 'db', `${pool.userPoolId}.json`))).toBe(true);
  });

  it('stops the process and deletes the folder', async () => {
    const other = await startCognitoLocal();
    await other.createPool();
    await other.stop();
    expect(existsSync(other.dataDir)).toBe(false);
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
  }, 30_000);
});

describe('cognito-local 5.3.0 sign-in', () => {
  let pool: LocalPool;
  beforeAll(async () => {
    pool = await local.createPool({ username: 'sign-in@example.com' });
  });

  it('signs in with USER_PASSWORD_AUTH', async () => {
    const result = await passwordSignIn(pool);
    expect(result.ChallengeName).toBeUndefined();
    expect(Object.keys(result.AuthenticationResult ?? {}).sort()).toEqual(['AccessToken', 'IdToken', 'RefreshToken']);
  });

  it('answers USER_SRP_AUTH with HTTP 500 CognitoLocal#Unsupported', async () => {
    const answer = await post('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: pool.clientId,
      AuthParameters: { USERNAME: pool.username, SRP_A: 'abcd' },
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      __type: 'CognitoLocal#Unsupported',
      message: 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH',
    });
    // The SDK drops the namespace before '#' from the error name.
    const viaSdk = await sdkFailure(
      local.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.username, SRP_A: 'abcd' } })),
    );
    expect(viaSdk).toEqual({ name: 'Unsupported', message: 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH', status: 500 });
  });

  it('answers USER_AUTH the same way', async () => {
    const answer = await post('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.username } });
    expect([answer.status, answer.body]).toEqual([500, { __type: 'CognitoLocal#Unsupported', message: 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_AUTH' }]);
  });

  it.each([
    ['a wrong password', 'sign-in@example.com', 'Wrong-pass-1', 'InvalidPasswordException', 'Invalid password'],
    ['an unknown user', 'nobody@example.com', 'Wrong-pass-1', 'NotAuthorizedException', 'User not authorized'],
  ])('refuses %s with HTTP 400 %s', async (_, username, password, type, message) => {
    const answer = await post('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
    expect([answer.status, answer.body]).toEqual([400, { __type: type, message }]);
  });

  it('refuses an unknown app client with ResourceNotFoundException', async () => {
    const answer = await post('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nope', AuthParameters: { USERNAME: pool.username, PASSWORD: pool.password } });
    expect([answer.status, answer.body]).toEqual([400, { __type: 'ResourceNotFoundException', message: 'App Client nope not found' }]);
  });

  it('does not enforce the app client ExplicitAuthFlows', async () => {
    const srpOnly = await local.createPool({ username: 'srp-only@example.com', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    expect((await passwordSignIn(srpOnly)).AuthenticationResult?.AccessToken).toBeTypeOf('string');
  });

  it('ignores the region the SDK signs for', async () => {
    for (const region of ['eu-west-3', 'ap-northeast-1', 'local']) {
      const client = new CognitoIdentityProviderClient({ region, endpoint: local.url, maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
      const result = await client.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.username, PASSWORD: pool.password } }),
      );
      client.destroy();
      expect(result.AuthenticationResult?.AccessToken, region).toBeTypeOf('string');
    }
  });
});

describe('cognito-local 5.3.0 TOTP', () => {
  it('enrolls with an access token, checks codes for real, then asks SOFTWARE_TOKEN_MFA at sign-in', async () => {
    const pool = await local.createPool({ username: 'totp@example.com' });
    const accessToken = await accessTokenOf(pool);

    const { SecretCode: secret } = await local.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    if (secret === undefined) throw new Error('no SecretCode');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes, 160 bits

    expect(await sdkFailure(local.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: wrongCode(secret) })))).toEqual({
      name: 'CodeMismatchException',
      message: 'Incorrect confirmation code',
      status: 400,
    });
    const verified = await local.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(base32Bytes(secret), Date.now()) }));
    expect(verified.Status).toBe('SUCCESS');
    // Verifying alone turns TOTP on (no SetUserMFAPreference needed).
    expect((await local.sdk.send(new GetUserCommand({ AccessToken: accessToken }))).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);

    const challenge = await passwordSignIn(pool);
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.AuthenticationResult).toBeUndefined();
    const answer = (code: string, session = challenge.Session) =>
      local.sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: session,
          ChallengeResponses: { USERNAME: pool.username, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      );
    expect(await sdkFailure(answer(wrongCode(secret)))).toEqual({ name: 'CodeMismatchException', message: 'Incorrect confirmation code', status: 400 });
    expect(await sdkFailure(answer(totpCode(base32Bytes(secret), Date.now() - 60_000)))).toMatchObject({ name: 'CodeMismatchException' });
    // The session is not checked: a made-up one works, and so does the same code twice.
    expect((await answer(totpCode(base32Bytes(secret), Date.now()), 'made-up-session')).AuthenticationResult?.AccessToken).toBeTypeOf('string');
    expect((await answer(totpCode(base32Bytes(secret), Date.now()))).AuthenticationResult?.AccessToken).toBeTypeOf('string');
  });

  it('has no MFA_SETUP: a pool with MFA ON refuses a user without MFA, and Session enrollment is refused', async () => {
    const pool = await local.createPool({ mfa: 'ON', username: 'mfa-on@example.com' });
    expect(await sdkFailure(passwordSignIn(pool))).toEqual({ name: 'NotAuthorizedException', message: 'User not authorized', status: 400 });
    expect(await sdkFailure(local.sdk.send(new AssociateSoftwareTokenCommand({ Session: 'any' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'AssociateSoftwareToken via Session (MFA_SETUP flow) is not supported; call with AccessToken',
      status: 400,
    });
  });

  it('associates a token in a pool whose TOTP MFA is off', async () => {
    const pool = await local.createPool({ totp: false, username: 'totp-off@example.com' });
    const { SecretCode } = await local.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: await accessTokenOf(pool) }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('cognito-local 5.3.0 CORS for a chrome-extension:// page', () => {
  it('answers the preflight with any origin, the requested headers, and no private-network grant', async () => {
    const response = await fetch(local.url, {
      method: 'OPTIONS',
      headers: {
        origin: EXTENSION_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': SDK_HEADERS,
        'access-control-request-private-network': 'true',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe(SDK_HEADERS);
    expect(response.headers.get('access-control-max-age')).toBeNull();
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('lets the page read answers and errors, but exposes no header: Date stays hidden from the page', async () => {
    const pool = await local.createPool({ username: 'cors@example.com' });
    for (const answer of [
      await post('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.username, PASSWORD: pool.password } }),
      await post('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.username, SRP_A: 'abcd' } }),
    ]) {
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-expose-headers')).toBeNull();
      expect(answer.headers.get('date')).not.toBeNull();
    }
  });
});
