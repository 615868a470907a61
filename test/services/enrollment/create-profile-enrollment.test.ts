import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsCognitoClient } from '../../../src/cognito/aws-cognito-client.ts';
import type { CognitoProfile } from '../../../src/cognito/cognito-profile.ts';
import { createAccountStore } from '../../../src/platform/account-store.ts';
import { createProfileEnrollment } from '../../../src/services/enrollment/create-profile-enrollment.ts';
import { PASSWORD, createClient, createPool, createUser, startHarness, type Harness } from '../../support/cognito-server-harness.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';

// The enrollment wiring end to end without a browser: the default Cognito client (the AWS SDK adapter) against the
// local Cognito server on 127.0.0.1, the vault on the in-memory browser, the page's clock.

let h: Harness;
let profile: CognitoProfile;

beforeEach(async () => {
  await resetFakeBrowser();
  h = await startHarness();
  const poolId = createPool(h.server, { mfa: 'OPTIONAL', totp: true });
  const { clientId } = createClient(h.server, poolId);
  createUser(h.server, poolId, 'alice@example.com');
  profile = { name: 'Local pool', region: poolId.slice(0, poolId.indexOf('_')), userPoolId: poolId, clientId, endpoint: h.server.url };
});

afterEach(async () => {
  await h.close();
});

describe('createProfileEnrollment', () => {
  it('signs in and enrolls through the default client; the vault ends with the active account, its codes the ones Cognito accepts', async () => {
    const store = createAccountStore();
    const flow = createProfileEnrollment(profile, { store, clock: () => h.now(), newId: () => 'enrolled-1' });
    await flow.signIn({ username: 'alice@example.com', password: PASSWORD });
    expect(flow.getState().kind).toBe('signed-in');
    await flow.enroll();
    expect(flow.getState()).toMatchObject({ kind: 'enrolled', summary: { preferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } });
    const [enrolled, ...others] = (await store.load()).accounts;
    expect(others).toEqual([]);
    expect(enrolled).toMatchObject({
      id: 'enrolled-1',
      status: 'active',
      createdAt: h.now(),
      issuer: 'Local pool',
      name: 'alice@example.com',
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      cognito: { region: profile.region, userPoolId: profile.userPoolId, clientId: profile.clientId, username: 'alice@example.com' },
    });
    // The next sign-in asks for SOFTWARE_TOKEN_MFA, and Keystep answers it with a code of the stored secret.
    h.advance(30_000);
    const again = createProfileEnrollment(profile, { store, clock: () => h.now() });
    await again.signIn({ username: 'alice@example.com', password: PASSWORD });
    expect(again.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: true });
  });

  it('builds its Cognito client from the profile through the given factory, once', async () => {
    const asked: CognitoProfile[] = [];
    const flow = createProfileEnrollment(profile, {
      store: createAccountStore(),
      clock: () => h.now(),
      makeApi: (p) => {
        asked.push(p);
        return createAwsCognitoClient({ region: p.region, endpoint: `${h.server.url}/` });
      },
    });
    await flow.signIn({ username: 'alice@example.com', password: PASSWORD });
    await flow.signIn({ username: 'alice@example.com', password: PASSWORD });
    expect(flow.getState().kind).toBe('signed-in');
    expect(asked).toEqual([profile]);
  });
});
