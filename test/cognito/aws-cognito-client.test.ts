import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsCognitoClient } from '../../src/cognito/aws-cognito-client.ts';
import type { CognitoApi } from '../../src/cognito/cognito-api.ts';
import { CognitoNetworkError } from '../../src/cognito/cognito-network-error.ts';
import { CognitoServiceError } from '../../src/cognito/cognito-service-error.ts';
import { startRecordingJsonServer, type JsonReply, type ReceivedRequest, type RecordingJsonServer } from '../support/recording-json-server.ts';

type Received = ReceivedRequest;
type Reply = JsonReply;

const SERVER_DATE = 'Tue, 03 Nov 2026 07:05:09 GMT';
let server: RecordingJsonServer;
let endpoint: string;
let received: Received[] = [];
let reply: (request: Received) => Reply = () => ({ status: 200, body: {} });

beforeAll(async () => {
  // The SDK must not need (nor use) AWS credentials for these operations.
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) Reflect.deleteProperty(process.env, name);
  server = await startRecordingJsonServer((request) => {
    received.push(request);
    return reply(request);
  });
  endpoint = server.url;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  received = [];
  reply = () => ({ status: 200, body: {}, date: SERVER_DATE });
});

const api = (): CognitoApi => createAwsCognitoClient({ region: 'ap-northeast-1', endpoint });

interface SuccessRow {
  readonly name: string;
  readonly call: (client: CognitoApi) => Promise<unknown>;
  readonly target: string;
  readonly expectedBody: unknown;
  readonly serverBody: unknown;
  readonly expectedResult: unknown;
}

const successRows: readonly SuccessRow[] = [
  {
    name: 'InitiateAuth USER_SRP_AUTH -> PASSWORD_VERIFIER',
    call: (c) => c.initiateAuth({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc', SECRET_HASH: 'h=' } }),
    target: 'InitiateAuth',
    expectedBody: { AuthFlow: 'USER_SRP_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc', SECRET_HASH: 'h=' } },
    serverBody: {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'sess',
      ChallengeParameters: { SALT: '0a', SRP_B: '02', SECRET_BLOCK: 'AAAA', USER_ID_FOR_SRP: 'sub-1', USERNAME: 'sub-1' },
    },
    expectedResult: {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'sess',
      ChallengeParameters: { SALT: '0a', SRP_B: '02', SECRET_BLOCK: 'AAAA', USER_ID_FOR_SRP: 'sub-1', USERNAME: 'sub-1' },
      serverDate: Date.parse(SERVER_DATE),
    },
  },
  {
    name: 'RespondToAuthChallenge -> tokens',
    call: (c) =>
      c.respondToAuthChallenge({ ClientId: 'client1', ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1', ChallengeResponses: { USERNAME: 'u', SOFTWARE_TOKEN_MFA_CODE: '123456' } }),
    target: 'RespondToAuthChallenge',
    expectedBody: { ClientId: 'client1', ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1', ChallengeResponses: { USERNAME: 'u', SOFTWARE_TOKEN_MFA_CODE: '123456' } },
    serverBody: { ChallengeParameters: {}, AuthenticationResult: { AccessToken: 'at', IdToken: 'it', RefreshToken: 'rt', ExpiresIn: 3600, TokenType: 'Bearer' } },
    expectedResult: {
      ChallengeParameters: {},
      AuthenticationResult: { AccessToken: 'at', IdToken: 'it', RefreshToken: 'rt', ExpiresIn: 3600, TokenType: 'Bearer' },
      serverDate: Date.parse(SERVER_DATE),
    },
  },
  {
    name: 'AssociateSoftwareToken with an access token',
    call: (c) => c.associateSoftwareToken({ AccessToken: 'at' }),
    target: 'AssociateSoftwareToken',
    expectedBody: { AccessToken: 'at' },
    serverBody: { SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
    expectedResult: { SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', serverDate: Date.parse(SERVER_DATE) },
  },
  {
    name: 'AssociateSoftwareToken with a session',
    call: (c) => c.associateSoftwareToken({ Session: 's1' }),
    target: 'AssociateSoftwareToken',
    expectedBody: { Session: 's1' },
    serverBody: { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2' },
    expectedResult: { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2', serverDate: Date.parse(SERVER_DATE) },
  },
  {
    name: 'VerifySoftwareToken',
    call: (c) => c.verifySoftwareToken({ AccessToken: 'at', UserCode: '123456', FriendlyDeviceName: 'Keystep on Chrome' }),
    target: 'VerifySoftwareToken',
    expectedBody: { AccessToken: 'at', UserCode: '123456', FriendlyDeviceName: 'Keystep on Chrome' },
    serverBody: { Status: 'SUCCESS' },
    expectedResult: { Status: 'SUCCESS', serverDate: Date.parse(SERVER_DATE) },
  },
  {
    name: 'SetUserMFAPreference',
    call: (c) => c.setUserMfaPreference({ AccessToken: 'at', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    target: 'SetUserMFAPreference',
    expectedBody: { AccessToken: 'at', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    serverBody: {},
    expectedResult: { serverDate: Date.parse(SERVER_DATE) },
  },
  {
    name: 'GetUser',
    call: (c) => c.getUser({ AccessToken: 'at' }),
    target: 'GetUser',
    expectedBody: { AccessToken: 'at' },
    serverBody: {
      Username: 'demo',
      UserAttributes: [{ Name: 'email', Value: 'demo@example.com' }],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    },
    expectedResult: {
      Username: 'demo',
      UserAttributes: [{ Name: 'email', Value: 'demo@example.com' }],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      serverDate: Date.parse(SERVER_DATE),
    },
  },
  {
    name: 'RevokeToken',
    call: (c) => c.revokeToken({ ClientId: 'client1', Token: 'rt' }),
    target: 'RevokeToken',
    expectedBody: { ClientId: 'client1', Token: 'rt' },
    serverBody: {},
    expectedResult: { serverDate: Date.parse(SERVER_DATE) },
  },
];

describe('createAwsCognitoClient against a local JSON 1.1 server', () => {
  it.each(successRows)('$name: target, body, unsigned, result with serverDate', async (row) => {
    reply = () => ({ status: 200, body: row.serverBody, date: SERVER_DATE });
    const result = await row.call(api());
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.target).toBe(`AWSCognitoIdentityProviderService.${row.target}`);
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.body).toEqual(row.expectedBody);
    // Unsigned: no SigV4 headers at all.
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['x-amz-date']).toBeUndefined();
    expect(request.headers['x-amz-security-token']).toBeUndefined();
    expect(result).toEqual(row.expectedResult);
  });

  it('leaves serverDate out when the Date header is unparsable', async () => {
    reply = () => ({ status: 200, body: { Status: 'SUCCESS' }, date: 'not a date' });
    expect(await api().verifySoftwareToken({ Session: 's', UserCode: '000000' })).toEqual({ Status: 'SUCCESS' });
  });

  it.each([
    [400, 'NotAuthorizedException', 'Incorrect username or password.', 'NotAuthorizedException'],
    [400, 'InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client', 'InvalidParameterException'],
    [400, 'com.amazonaws.cognito.identity.idp.model#CodeMismatchException', 'Invalid code or auth state for the user.', 'CodeMismatchException'],
    [400, 'com.amazonaws.cognito#UserNotFoundException:http://internal.amazon.com/coral/', 'User does not exist.', 'UserNotFoundException'],
    [400, 'TooManyRequestsException', 'Too many requests', 'TooManyRequestsException'],
    [500, 'InternalErrorException', 'Internal error', 'InternalErrorException'],
  ])('HTTP %i %s -> CognitoServiceError, one attempt only', async (status, type, message, name) => {
    reply = () => ({ status, body: { __type: type, message }, date: SERVER_DATE });
    const error = await api()
      .initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({ name, message, status, serverDate: Date.parse(SERVER_DATE) });
    expect(received).toHaveLength(1);
  });

  it('gives up on a server that never answers after requestTimeoutMs, as CognitoNetworkError', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const client = createAwsCognitoClient({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}`, requestTimeoutMs: 200 });
      const error = await client.getUser({ AccessToken: 'at' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CognitoNetworkError);
      expect(error).toMatchObject({ host: `127.0.0.1:${port}` });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('maps a refused connection to CognitoNetworkError naming the host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createAwsCognitoClient({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}` });
    const error = await client.getUser({ AccessToken: 'at' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoNetworkError);
    expect(error).toMatchObject({ name: 'CognitoNetworkError', host: `127.0.0.1:${port}` });
  });
});
