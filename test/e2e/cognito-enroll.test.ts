import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSeed } from '../support/cognito-server/seed-demo.ts';
import {
  enrollmentComplete,
  expectRevoked,
  openProfile,
  popupCode,
  seedUser,
  SESSION_ENDED,
  signInAndEnroll,
  signInWithCode,
  startCognitoE2e,
  watchRefreshTokens,
  type CognitoE2e,
} from '../support/cognito-e2e.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';

let e2e: CognitoE2e;
let seed: DemoSeed;

beforeAll(async () => {
  e2e = await startCognitoE2e();
  seed = seedDemo(e2e.server);
});
afterAll(async () => {
  await e2e.close();
});

describe('Cognito enrollment from the options page', () => {
  it('enrolls a user in one click, the popup shows the account and its code signs in', async () => {
    const pool = seed.optionalMfaPool;
    const user = pool.users.confirmed;
    const clientId = pool.clients.passwordAndSrp.clientId;
    const page = await openProfile(e2e, 'Demo', { userPoolId: pool.userPoolId, clientId });
    const refreshTokens = watchRefreshTokens(page);
    const revocations = e2e.server.requestLog.forOperation('RevokeToken').length;
    await signInAndEnroll(page, 'Demo', user.username, user.password);
    const done = await enrollmentComplete(page);
    expect(await done.getByRole('status').textContent()).toBe(`Keystep now shows codes for Demo (${user.username}). Future sign-ins of this user ask for its code.`);
    expect(await done.getByRole('definition').allTextContents()).toEqual([user.username, 'SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA', 'USER_SRP_AUTH']);
    // The sign-in session Keystep opened is over: the server saw RevokeToken, and the refresh token refreshes nothing.
    expect(await done.getByText(SESSION_ENDED).isVisible()).toBe(true);
    expect(e2e.server.requestLog.forOperation('RevokeToken').slice(revocations).map((entry) => entry.status)).toEqual([200]);
    const [refreshToken = '', ...more] = await refreshTokens.tokens();
    expect(more).toEqual([]);
    await expectRevoked(e2e, clientId, refreshToken);
    await page.screenshot({ path: 'test-results/screenshots/options-enrolled.png', fullPage: true });

    const code = await popupCode(e2e.ext, `Demo (${user.username})`);
    const app = { userPoolId: pool.userPoolId, clientId };
    expect(await signInWithCode(e2e.sdk, app, user.username, user.password, code)).toMatch(/^eyJ/);

    // Nothing secret reached storage: not the password, not a token.
    const dump = await dumpExtensionStorage(page);
    expect(dump).toContain(pool.userPoolId);
    expect(dump).not.toContain(user.password);
    expect(dump).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    await page.close();
  });

  it('keeps enrolling when another options tab saves a different profile meanwhile', async () => {
    const user = seedUser(e2e.server, { username: 'two-tabs@example.com', password: 'Two-tabs-pass-1' });
    const page = await openProfile(e2e, 'Two tabs', user);
    // The first association is throttled, so enrollment is still running (backing off ~1 s) when the other tab saves.
    e2e.server.faults.injectFault({ operation: 'AssociateSoftwareToken', kind: 'throttle', times: 1 });
    const associations = e2e.server.requestLog.forOperation('AssociateSoftwareToken').length;
    await signInAndEnroll(page, 'Two tabs', user.username, user.password);
    await expect.poll(() => e2e.server.requestLog.forOperation('AssociateSoftwareToken').length).toBe(associations + 1);
    const other = await openProfile(e2e, 'Other profile', user);
    await other.close();
    await enrollmentComplete(page);
    await page.close();
  });
});
