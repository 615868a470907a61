import { CreateUserPoolCommand, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './cognito-server-harness.ts';
import { createClient, createPool, createUser, PASSWORD, passwordSignIn, startHarness } from './cognito-server-harness.ts';

// The wire protocol: AWS JSON 1.1, CORS for extension pages, Date and request-id headers, fault injection, request log.

const TARGET = 'AWSCognitoIdentityProviderService.';
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function post(operation: string | undefined, body: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return fetch(`${h.server.url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      ...(operation === undefined ? {} : { 'X-Amz-Target': `${TARGET}${operation}` }),
      ...headers,
    },
    body,
  });
}

describe('binding', () => {
  it('listens on 127.0.0.1 only, on a free port', () => {
    expect(h.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.server.port).toBeGreaterThan(0);
  });
});

describe('CORS', () => {
  it('answers a preflight from an extension page', async () => {
    const res = await fetch(`${h.server.url}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request');
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(h.server.requestLog.all()).toEqual([{ at: h.now(), method: 'OPTIONS', operation: null, status: 200 }]);
  });

  it('answers the Private Network Access preflight', async () => {
    const res = await fetch(`${h.server.url}/`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' },
    });
    expect(res.headers.get('access-control-allow-private-network')).toBe('true');
  });

  it.each([
    ['a success', 'GetUserPoolMfaConfig', 200],
    ['an error', 'InitiateAuth', 400],
  ])('exposes Date, x-amzn-RequestId and x-amzn-ErrorType on %s', async (_label, operation, status) => {
    const poolId = createPool(h.server);
    const res = await post(operation, JSON.stringify({ UserPoolId: poolId }), { Origin: ORIGIN });
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
    expect(exposed).toEqual(expect.arrayContaining(['date', 'x-amzn-requestid', 'x-amzn-errortype']));
  });

  it('allows any origin when the request has none', async () => {
    const res = await post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: createPool(h.server) }));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('headers', () => {
  it('sends a Date that follows the injected clock, and a request id', async () => {
    const poolId = createPool(h.server);
    const first = await post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }));
    expect(first.headers.get('date')).toBe(new Date(h.now()).toUTCString());
    h.advance(5 * 60_000 + 7_000);
    const second = await post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }));
    expect(second.headers.get('date')).toBe('Thu, 15 Jan 2026 12:05:17 GMT');
    expect(first.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.headers.get('x-amzn-requestid')).not.toBe(first.headers.get('x-amzn-requestid'));
    expect(first.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('gives the SDK the request id of the response', async () => {
    const out = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'p' }));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('protocol errors', () => {
  it.each([
    ['an unknown operation', () => post('AdminDeleteEverything', '{}'), 'com.amazon.coral.service#UnknownOperationException', /AdminDeleteEverything/],
    ['no X-Amz-Target', () => post(undefined, '{}'), 'com.amazon.coral.service#UnknownOperationException', /X-Amz-Target/],
    ['a foreign X-Amz-Target', () => post(undefined, '{}', { 'X-Amz-Target': 'DynamoDB_20120810.ListTables' }), 'com.amazon.coral.service#UnknownOperationException', /X-Amz-Target/],
    ['a body that is not JSON', () => post('GetUserPoolMfaConfig', '{"UserPoolId":'), 'com.amazon.coral.service#SerializationException', /not valid JSON/],
    ['a JSON array body', () => post('GetUserPoolMfaConfig', '[]'), 'com.amazon.coral.service#SerializationException', /JSON object/],
    ['a wrong member type', () => post('InitiateAuth', '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":7}'), 'com.amazon.coral.service#SerializationException', /ClientId/],
    ['a wrong Content-Type', () => post('GetUserPoolMfaConfig', '{}', { 'Content-Type': 'text/plain' }), 'com.amazon.coral.service#SerializationException', /Content-Type/],
    ['GET', () => fetch(`${h.server.url}/`), 'com.amazon.coral.service#UnknownOperationException', /GET/],
  ])('answers %s with HTTP 400 %s', async (_label, call, type, message) => {
    const res = await call();
    expect(res.status).toBe(400);
    const body = (await res.json()) as { __type: string; message: string };
    expect(body.__type).toBe(type);
    expect(body.message).toMatch(message);
    expect(res.headers.get('x-amzn-errortype')).toBe(`${type.split('#')[1] ?? ''}:`);
  });

  it.each([
    ['a missing ClientId', '{"AuthFlow":"USER_PASSWORD_AUTH"}', "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null"],
    ['a missing AuthFlow', '{"ClientId":"abc"}', "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null"],
    ['an unknown AuthFlow', '{"ClientId":"abc","AuthFlow":"MAGIC"}', "Value 'MAGIC' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set"],
  ])('validates input: %s is an InvalidParameterException', async (_label, body, message) => {
    const res = await post('InitiateAuth', body);
    expect(res.status).toBe(400);
    const parsed = (await res.json()) as { __type: string; message: string };
    expect(parsed.__type).toBe('InvalidParameterException');
    expect(parsed.message).toContain(message);
  });

  it('answers an unknown client with ResourceNotFoundException naming it', async () => {
    const res = await post('InitiateAuth', '{"ClientId":"nosuchclient","AuthFlow":"USER_PASSWORD_AUTH"}');
    expect(await res.json()).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
  });
});

describe('fault injection', () => {
  it.each([
    ['throttle', 'TooManyRequestsException', 400],
    ['http500', 'InternalErrorException', 500],
  ] as const)('%s makes the SDK see %s (HTTP %i) the given number of times', async (kind, name, status) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    h.server.faults.injectFault({ operation: 'InitiateAuth', kind, times: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await passwordSignIn(h, clientId, 'demo@example.com').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
    }
    const ok = await passwordSignIn(h, clientId, 'demo@example.com');
    expect(ok.AuthenticationResult?.AccessToken).toBeDefined();
    expect(h.server.requestLog.forOperation('InitiateAuth').map((e) => [e.status, e.errorType])).toEqual([
      [status, name],
      [status, name],
      [200, undefined],
    ]);
    expect(h.server.faults.pending()).toEqual([]);
  });

  it('custom-challenge answers CUSTOM_CHALLENGE with a session, as a DefineAuthChallenge Lambda would', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    h.server.faults.injectFault({ operation: 'InitiateAuth', kind: 'custom-challenge', times: 1 });
    const out = await passwordSignIn(h, clientId, 'demo@example.com');
    expect(out.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(out.ChallengeParameters).toEqual({ USERNAME: 'demo@example.com' });
    expect(out.Session?.length).toBeGreaterThan(100);
    expect(out.AuthenticationResult).toBeUndefined();
  });

  it('only hits the named operation; without a name, any operation', async () => {
    const poolId = createPool(h.server);
    h.server.faults.injectFault({ operation: 'VerifySoftwareToken', kind: 'throttle', times: 1 });
    await expect(post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }))).resolves.toMatchObject({ status: 200 });
    expect(h.server.faults.pending()).toEqual([{ operation: 'VerifySoftwareToken', kind: 'throttle', times: 1 }]);
    h.server.faults.clear();
    h.server.faults.injectFault({ kind: 'http500', times: 1 });
    await expect(post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }))).resolves.toMatchObject({ status: 500 });
    await expect(post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }))).resolves.toMatchObject({ status: 200 });
  });

  it('session-expired answers NotAuthorizedException "Invalid session for the user." once', async () => {
    const poolId = createPool(h.server);
    h.server.faults.injectFault({ operation: 'GetUserPoolMfaConfig', kind: 'session-expired', times: 1 });
    const first = await post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }));
    expect(first.status).toBe(400);
    expect(await first.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    await expect(post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }))).resolves.toMatchObject({ status: 200 });
  });

  it('error answers the given service error; no-effect answers {} without running the operation', async () => {
    const poolId = createPool(h.server);
    h.server.faults.injectFault({ operation: 'GetUserPoolMfaConfig', kind: 'error', name: 'InvalidParameterException', message: 'Auth flow not enabled for this client', times: 1 });
    expect(h.server.faults.pending()).toEqual([
      { operation: 'GetUserPoolMfaConfig', kind: 'error', name: 'InvalidParameterException', message: 'Auth flow not enabled for this client', times: 1 },
    ]);
    const refused = await post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ __type: 'InvalidParameterException', message: 'Auth flow not enabled for this client' });
    h.server.faults.injectFault({ operation: 'SetUserPoolMfaConfig', kind: 'no-effect', times: 1 });
    const ignored = await post('SetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    expect(await ignored.json()).toEqual({});
    expect(h.server.admin.getUserPoolMfaConfig({ UserPoolId: poolId }).MfaConfiguration).toBe('OFF');
  });

  it('network drops the connection without an answer, and logs the request with status 0', async () => {
    const poolId = createPool(h.server);
    h.server.faults.injectFault({ operation: 'GetUserPoolMfaConfig', kind: 'network', times: 1 });
    await expect(post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }))).rejects.toThrow();
    expect(h.server.requestLog.forOperation('GetUserPoolMfaConfig').map((e) => e.status)).toEqual([0]);
    await expect(post('GetUserPoolMfaConfig', JSON.stringify({ UserPoolId: poolId }))).resolves.toMatchObject({ status: 200 });
  });

  it.each([[0], [-1], [1.5]])('refuses times = %d', (times) => {
    expect(() => h.server.faults.injectFault({ kind: 'throttle', times })).toThrow(/times/);
  });
});

describe('request log', () => {
  it('records operations and times but no passwords or tokens', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const out = await passwordSignIn(h, clientId, 'demo@example.com');
    h.advance(1000);
    const token = out.AuthenticationResult?.AccessToken ?? '';
    await h.sdk.send(new GetUserCommand({ AccessToken: token }));
    await expect(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'demo@example.com', PASSWORD: 'Wrong-pass-1' } }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    const log = h.server.requestLog.all();
    expect(log).toEqual([
      { at: h.now() - 1000, method: 'POST', operation: 'InitiateAuth', status: 200 },
      { at: h.now(), method: 'POST', operation: 'GetUser', status: 200 },
      { at: h.now(), method: 'POST', operation: 'InitiateAuth', status: 400, errorType: 'NotAuthorizedException' },
    ]);
    const text = JSON.stringify(log);
    for (const secret of [PASSWORD, 'Wrong-pass-1', token]) expect(text).not.toContain(secret);
    h.server.requestLog.clear();
    expect(h.server.requestLog.all()).toEqual([]);
  });
});
