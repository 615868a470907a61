import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoServer, type CognitoServer } from './cognito-server/index.ts';
import { createClient, createPool, createUser } from './cognito-server-harness.ts';
import { jsonStrings, startHostileRelay, type HostileRelay } from './hostile-relay.ts';

let server: CognitoServer;
let relay: HostileRelay;

beforeAll(async () => {
  server = await startCognitoServer();
  relay = await startHostileRelay(server.url);
});
afterAll(async () => {
  await relay.close();
  await server.close();
});

describe('hostile relay', () => {
  it('relays requests and answers unchanged and keeps every body it received', async () => {
    const pool = createPool(server, { mfa: 'OPTIONAL', totp: true });
    const { clientId } = createClient(server, pool, { flows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const username = createUser(server, pool, 'relayed@example.com', { password: 'Relayed-pass-1' });
    const sdk = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: relay.url, maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const out = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: 'Relayed-pass-1' } }));
    expect(out.AuthenticationResult?.AccessToken).toMatch(/^eyJ/);
    await expect(sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, SRP_A: 'ab' } }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    sdk.destroy();

    const received = relay.received();
    expect(received.map((request) => [request.method, request.operation, (request.body as { AuthFlow?: string }).AuthFlow])).toEqual([
      ['POST', 'InitiateAuth', 'USER_PASSWORD_AUTH'],
      ['POST', 'InitiateAuth', 'USER_SRP_AUTH'],
    ]);
    expect(received[0]?.raw).toContain('Relayed-pass-1');
    expect(server.requestLog.all().map((entry) => [entry.operation, entry.status])).toEqual([
      ['InitiateAuth', 200],
      ['InitiateAuth', 400],
    ]);
  });

  it('lists every string of a JSON value', () => {
    expect(jsonStrings({ a: 'x', b: [1, 'y', { c: 'z', d: null }], e: true })).toEqual(['x', 'y', 'z']);
  });
});
