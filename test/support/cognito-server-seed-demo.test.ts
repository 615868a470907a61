import { AssociateSoftwareTokenCommand, GetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoSeed } from './cognito-server/index.ts';
import type { Harness } from './cognito-server-harness.ts';
import { computeSecretHash, seedDemo } from './cognito-server/index.ts';
import { passwordSignIn, startHarness } from './cognito-server-harness.ts';

let h: Harness;
let seed: DemoSeed;
beforeEach(async () => {
  h = await startHarness();
  seed = seedDemo(h.server);
});
afterEach(async () => {
  await h.close();
});

describe('seedDemo', () => {
  it('returns well-formed ids and example.com users', () => {
    const pools = [seed.optionalMfaPool.userPoolId, seed.requiredMfaPool.userPoolId, seed.totpDisabledPool.userPoolId, seed.emailUsernamePool.userPoolId];
    for (const id of pools) expect(id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(new Set(pools).size).toBe(4);
    const { passwordAndSrp, withSecret, srpOnly } = seed.optionalMfaPool.clients;
    for (const client of [passwordAndSrp, withSecret, srpOnly, seed.requiredMfaPool.client]) expect(client.clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(withSecret.clientSecret).toMatch(/^[a-z0-9]{51}$/);
    const { confirmed, temporaryPassword, forSecretClient, forSrpOnlyClient } = seed.optionalMfaPool.users;
    for (const user of [confirmed, temporaryPassword, forSecretClient, forSrpOnlyClient, seed.requiredMfaPool.users.confirmed]) {
      expect(user.username).toMatch(/@example\.com$/);
    }
  });

  it.each([
    ['the OPTIONAL pool', (s: DemoSeed) => s.optionalMfaPool.userPoolId, { MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }],
    ['the ON pool', (s: DemoSeed) => s.requiredMfaPool.userPoolId, { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }],
    ['the pool without TOTP', (s: DemoSeed) => s.totpDisabledPool.userPoolId, { MfaConfiguration: 'OFF' }],
  ])('configures MFA of %s', async (_label, pick, expected) => {
    const out = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pick(seed) }));
    expect({ MfaConfiguration: out.MfaConfiguration, SoftwareTokenMfaConfiguration: out.SoftwareTokenMfaConfiguration }).toEqual({
      SoftwareTokenMfaConfiguration: undefined,
      ...expected,
    });
  });

  it.each([
    ['confirmed user, OPTIONAL pool', (s: DemoSeed) => [s.optionalMfaPool.clients.passwordAndSrp.clientId, s.optionalMfaPool.users.confirmed] as const, undefined],
    ['secret-client user, OPTIONAL pool', (s: DemoSeed) => [s.optionalMfaPool.clients.passwordAndSrp.clientId, s.optionalMfaPool.users.forSecretClient] as const, undefined],
    ['SRP-only-client user, OPTIONAL pool', (s: DemoSeed) => [s.optionalMfaPool.clients.passwordAndSrp.clientId, s.optionalMfaPool.users.forSrpOnlyClient] as const, undefined],
    ['temporary-password user', (s: DemoSeed) => [s.optionalMfaPool.clients.passwordAndSrp.clientId, s.optionalMfaPool.users.temporaryPassword] as const, 'NEW_PASSWORD_REQUIRED'],
    ['user of the ON pool', (s: DemoSeed) => [s.requiredMfaPool.client.clientId, s.requiredMfaPool.users.confirmed] as const, 'MFA_SETUP'],
    ['user of the pool without TOTP', (s: DemoSeed) => [s.totpDisabledPool.client.clientId, s.totpDisabledPool.users.confirmed] as const, undefined],
    ['user of the e-mail-username pool', (s: DemoSeed) => [s.emailUsernamePool.client.clientId, s.emailUsernamePool.users.confirmed] as const, undefined],
  ])('%s signs in with USER_PASSWORD_AUTH, next step %s', async (_label, pick, challenge) => {
    const [clientId, user] = pick(seed);
    const out = await passwordSignIn(h, clientId, user.username, user.password);
    expect(out.ChallengeName).toBe(challenge);
  });

  it('the pool without TOTP refuses AssociateSoftwareToken', async () => {
    const { client, users } = seed.totpDisabledPool;
    const out = await passwordSignIn(h, client.clientId, users.confirmed.username, users.confirmed.password);
    await expect(h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: out.AuthenticationResult?.AccessToken }))).rejects.toMatchObject({
      name: 'SoftwareTokenMFANotFoundException',
    });
  });

  it('the secret client needs SECRET_HASH; the SRP-only client refuses USER_PASSWORD_AUTH', async () => {
    const { clients, users } = seed.optionalMfaPool;
    const { username, password } = users.confirmed;
    await expect(passwordSignIn(h, clients.withSecret.clientId, username, password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const hash = computeSecretHash(clients.withSecret.clientSecret, username, clients.withSecret.clientId);
    expect((await passwordSignIn(h, clients.withSecret.clientId, username, password, { SECRET_HASH: hash })).AuthenticationResult).toBeDefined();
    await expect(passwordSignIn(h, clients.srpOnly.clientId, username, password)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });
});
