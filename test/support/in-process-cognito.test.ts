import { afterEach, describe, expect, it } from 'vitest';
import { createAwsCognitoClient } from '../../src/cognito/aws-cognito-client.ts';
import type { CognitoApi } from '../../src/cognito/cognito-api.ts';
import { seededRandomBytes } from '../cognito/seeded-random.ts';
import { startCognitoServer, type CognitoAdmin, type FaultSpec } from './cognito-server/index.ts';
import { PASSWORD, START_MS, totpCode } from './cognito-server-harness.ts';
import { createInProcessCognito } from './in-process-cognito.ts';

// The in-process adapter must answer exactly as the product's adapter (AWS SDK over HTTP) answers from the same
// server: the same requests, against two servers with the same clock and randomness, give the same results and
// errors (class, name, message, status, Date) in both.

interface Backend {
  readonly api: CognitoApi;
  /** What a network failure names. */
  readonly host: string;
  readonly admin: CognitoAdmin;
  injectFault(spec: FaultSpec): void;
}

const REGION = 'ap-northeast-1';
const random = (): ((n: number) => Buffer) => {
  const next = seededRandomBytes(20260115);
  return (n) => Buffer.from(next(n));
};
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function overHttp(): Promise<Backend> {
  const server = await startCognitoServer({ clock: () => START_MS, random: random(), region: REGION });
  closers.push(() => server.close());
  return {
    api: createAwsCognitoClient({ region: REGION, endpoint: server.url }),
    host: new URL(server.url).host,
    admin: server.admin,
    injectFault: (spec) => server.faults.injectFault(spec),
  };
}

/** @param host the host the HTTP server's network failures name. */
function inProcess(host: string): Backend {
  const cognito = createInProcessCognito({ clock: () => START_MS, random: random(), region: REGION, host });
  return { api: cognito.api, host, admin: cognito.admin, injectFault: (spec) => cognito.faults.injectFault(spec) };
}

/** What a call gave: its result, or its error's class and fields. */
async function outcome(call: () => Promise<object>): Promise<unknown> {
  try {
    return { result: await call() };
  } catch (error: unknown) {
    if (!(error instanceof Error)) return { thrown: String(error) };
    const { name, message } = error;
    const fields = error as Error & { status?: unknown; serverDate?: unknown; host?: unknown };
    return { error: { class: error.constructor.name, name, message, status: fields.status, serverDate: fields.serverDate, host: fields.host } };
  }
}

/** A pool with TOTP, a client without secret and a user, then the requests of an enrollment and its failures. */
async function transcript(backend: Backend): Promise<unknown[]> {
  const { api, admin } = backend;
  const poolId = admin.createUserPool({ PoolName: 'contract' }).UserPool.Id;
  admin.setUserPoolMfaConfig({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
  const clientId = admin.createUserPoolClient({
    UserPoolId: poolId,
    ClientName: 'contract',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }).UserPoolClient.ClientId;
  admin.adminCreateUser({ UserPoolId: poolId, Username: 'ann@example.com', UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }], MessageAction: 'SUPPRESS' });
  admin.adminSetUserPassword({ UserPoolId: poolId, Username: 'ann@example.com', Password: PASSWORD, Permanent: true });
  const signIn = (password: string, client = clientId) =>
    api.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client, AuthParameters: { USERNAME: 'ann@example.com', PASSWORD: password } });

  const out: unknown[] = [];
  out.push(await outcome(() => api.initiateAuth({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ann@example.com', SRP_A: 'abcdef0123456789'.repeat(8) } })));
  out.push(await outcome(() => signIn('Wrong-password-1')));
  out.push(await outcome(() => signIn(PASSWORD, 'a'.repeat(26))));
  const tokens = await signIn(PASSWORD);
  out.push({ result: tokens });
  const AccessToken = tokens.AuthenticationResult?.AccessToken ?? '';
  out.push(await outcome(() => api.getUser({ AccessToken })));
  const associated = await api.associateSoftwareToken({ AccessToken });
  out.push({ result: associated });
  const code = totpCode(associated.SecretCode ?? '', START_MS);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  out.push(await outcome(() => api.verifySoftwareToken({ AccessToken, UserCode: wrong })));
  out.push(await outcome(() => api.verifySoftwareToken({ AccessToken, UserCode: '12' })));
  out.push(await outcome(() => api.verifySoftwareToken({ AccessToken, UserCode: code, FriendlyDeviceName: 'Contract' })));
  out.push(await outcome(() => api.setUserMfaPreference({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })));
  out.push(await outcome(() => api.getUser({ AccessToken })));
  const answer = async (mfaCode: string): Promise<object> => {
    const challenge = await signIn(PASSWORD);
    return api.respondToAuthChallenge({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ...(challenge.Session === undefined ? {} : { Session: challenge.Session }),
      ChallengeResponses: { USERNAME: 'ann@example.com', SOFTWARE_TOKEN_MFA_CODE: mfaCode },
    });
  };
  out.push(await outcome(() => signIn(PASSWORD)));
  out.push(await outcome(() => answer(wrong)));
  out.push(await outcome(() => answer(code)));

  const faults: readonly FaultSpec[] = [
    { operation: 'GetUser', kind: 'throttle', times: 1 },
    { operation: 'GetUser', kind: 'http500', times: 1 },
    { operation: 'GetUser', kind: 'session-expired', times: 1 },
    { operation: 'GetUser', kind: 'error', name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.', times: 1 },
    { operation: 'GetUser', kind: 'network', times: 1 },
  ];
  for (const fault of faults) {
    backend.injectFault(fault);
    out.push(await outcome(() => api.getUser({ AccessToken })));
  }
  backend.injectFault({ operation: 'SetUserMFAPreference', kind: 'no-effect', times: 1 });
  out.push(await outcome(() => api.setUserMfaPreference({ AccessToken, SoftwareTokenMfaSettings: { Enabled: false } })));
  out.push(await outcome(() => api.getUser({ AccessToken })));
  backend.injectFault({ operation: 'InitiateAuth', kind: 'custom-challenge', times: 1 });
  out.push(await outcome(() => signIn(PASSWORD)));
  // What emulators answer: cognito-local's HTTP 500 for what it does not implement, moto's placeholder SRP challenge
  // and its short SecretCode.
  const unsupported = 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH';
  backend.injectFault({ operation: 'InitiateAuth', kind: 'error', name: 'CognitoLocal#Unsupported', message: unsupported, status: 500, times: 1 });
  out.push(await outcome(() => signIn(PASSWORD)));
  backend.injectFault({ operation: 'InitiateAuth', kind: 'srp-challenge', parameters: { SALT: 'ab12', SRP_B: 'cd34', SECRET_BLOCK: '9f8e7d6c-5b4a', USER_ID_FOR_SRP: 'ann' }, times: 1 });
  out.push(await outcome(() => signIn(PASSWORD)));
  backend.injectFault({ operation: 'AssociateSoftwareToken', kind: 'secret-code', secretCode: 'asdfasdfasdf', times: 1 });
  out.push(await outcome(() => api.associateSoftwareToken({ AccessToken })));

  // Ending the session: an access token is not revocable, a client that does not exist may not revoke, then the
  // refresh token is revoked and the access token issued with it refused.
  const Token = tokens.AuthenticationResult?.RefreshToken ?? '';
  out.push(await outcome(() => api.revokeToken({ ClientId: clientId, Token: AccessToken })));
  out.push(await outcome(() => api.revokeToken({ ClientId: 'b'.repeat(26), Token })));
  out.push(await outcome(() => api.revokeToken({ ClientId: clientId, Token })));
  out.push(await outcome(() => api.getUser({ AccessToken })));
  return out;
}

describe('the in-process Cognito adapter', () => {
  it('answers the requests of an enrollment, its failures and every fault as the AWS SDK adapter over HTTP does', async () => {
    const server = await overHttp();
    const http = await transcript(server);
    const local = await transcript(inProcess(server.host));
    expect(local).toEqual(http);
    // The transcript covers successes and every kind of failure, so agreeing is not agreeing on nothing.
    const errors = http.flatMap((entry) => ('error' in (entry as object) ? [(entry as { error: { name: string } }).error.name] : []));
    expect(errors).toEqual([
      'NotAuthorizedException',
      'ResourceNotFoundException',
      'EnableSoftwareTokenMFAException',
      'InvalidParameterException',
      'CodeMismatchException',
      'TooManyRequestsException',
      'InternalErrorException',
      'NotAuthorizedException',
      'LimitExceededException',
      'CognitoNetworkError',
      'Unsupported',
      'UnsupportedTokenTypeException',
      'UnauthorizedException',
      'NotAuthorizedException',
    ]);
  });
});
