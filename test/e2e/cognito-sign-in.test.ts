import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cognitoSection,
  describeCalls,
  enrollmentComplete,
  enrollmentSummary,
  expectNoPasswordOrToken,
  expectPopupCodeSignsIn,
  openProfile,
  rememberedClientSecrets,
  seedUser,
  signInAndEnroll,
  signInForm,
  startCognitoE2e,
  storedProfile,
  watchCognitoCalls,
  type CognitoE2e,
} from '../support/cognito-e2e.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';

// Sign-in flows (USER_SRP_AUTH, USER_PASSWORD_AUTH, the fallback between them with the user's consent) and app clients with a secret,
// through the options page in Chromium against the local Cognito server. Each test seeds its own pool, client and
// user, and names its own profile, so that the tests do not depend on each other.

let e2e: CognitoE2e;

beforeAll(async () => {
  e2e = await startCognitoE2e();
});
afterAll(async () => {
  await e2e.close();
});

/** The calls of a plain enrollment (no MFA yet, optional-MFA pool) after the sign-in calls. */
const ENROLL_CALLS = ['AssociateSoftwareToken 200', 'VerifySoftwareToken 200', 'SetUserMFAPreference 200', 'GetUser 200', 'RevokeToken 200'];

describe('Cognito sign-in flows', () => {
  it('signs in with USER_SRP_AUTH (PASSWORD_VERIFIER) on an SRP-only client, never tries USER_PASSWORD_AUTH, and enrolls', async () => {
    const user = seedUser(e2e.server, { username: 'srp-only@example.com', password: 'Srp-only-pass-1', flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const page = await openProfile(e2e, 'Srp flow', user);
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Srp flow', user.username, user.password);

    const done = await enrollmentComplete(page);
    expect(await enrollmentSummary(done)).toEqual({
      Username: user.username,
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: 'SOFTWARE_TOKEN_MFA',
      'Sign-in flow': 'USER_SRP_AUTH',
    });
    const log = calls.calls();
    expect(describeCalls(log)).toEqual(['InitiateAuth USER_SRP_AUTH 200', 'RespondToAuthChallenge PASSWORD_VERIFIER 200', ...ENROLL_CALLS]);
    expect(log.filter((call) => call.authFlow === 'USER_PASSWORD_AUTH')).toEqual([]);

    // The client allows SRP only, so the independent sign-in uses SRP too.
    await expectPopupCodeSignsIn(e2e, 'Srp flow', user, { flow: 'USER_SRP_AUTH' });
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password]);
    await page.close();
  });

  it('with the sign-in flow "SRP, then password" falls back to USER_PASSWORD_AUTH on a password-only client, says so, and enrolls', async () => {
    const user = seedUser(e2e.server, { username: 'password-only@example.com', password: 'Password-only-1', flows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    // The user's consent to send the password when the app client does not allow SRP, chosen in the profile form.
    const page = await openProfile(e2e, 'Password flow', user, { signInFlow: 'srp-then-password' });
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Password flow', user.username, user.password);

    const done = await enrollmentComplete(page);
    expect(await enrollmentSummary(done)).toEqual({
      Username: user.username,
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: 'SOFTWARE_TOKEN_MFA',
      'Sign-in flow': 'USER_PASSWORD_AUTH — USER_SRP_AUTH is not enabled for this app client, so Keystep used USER_PASSWORD_AUTH.',
    });
    // SRP first, refused by the client; then the password flow, which needs no challenge.
    expect(describeCalls(calls.calls())).toEqual(['InitiateAuth USER_SRP_AUTH 400 InvalidParameterException', 'InitiateAuth USER_PASSWORD_AUTH 200', ...ENROLL_CALLS]);

    await expectPopupCodeSignsIn(e2e, 'Password flow', user);
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password]);
    await page.close();
  });

  it('with the default sign-in flow never sends the password to a password-only client, and says what to change', async () => {
    const user = seedUser(e2e.server, { username: 'no-consent@example.com', password: 'No-consent-pass-1', flows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const page = await openProfile(e2e, 'No consent', user);
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'No consent', user.username, user.password);

    const alert = cognitoSection(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(
      `App client ${user.clientId} does not allow SRP sign-in. Turn on ALLOW_USER_SRP_AUTH in its authentication flows, or set this profile's sign-in flow to ` +
        '“SRP, then password if the app client does not allow SRP” or “Password” (both send the password to the server).',
    );
    // Every request the page sent: one SRP attempt, no USER_PASSWORD_AUTH.
    expect(describeCalls(calls.calls())).toEqual(['InitiateAuth USER_SRP_AUTH 400 InvalidParameterException']);
    await page.close();
  });
});

describe('app clients with a client secret', () => {
  it('names the missing client secret when the app client has one and none was given', async () => {
    const user = seedUser(e2e.server, { username: 'secret-missing@example.com', password: 'Secret-missing-1', secret: true });
    const page = await openProfile(e2e, 'Secret missing', user);
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Secret missing', user.username, user.password);

    const section = cognitoSection(page);
    await section.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    expect(await section.getByRole('alert').allTextContents()).toEqual([`App client ${user.clientId} has a client secret: enter it (Client secret) and try again.`]);
    // The sign-in form is back for another try, without the password typed for the failed one.
    expect(await signInForm(page, 'Secret missing').getByLabel('Password', { exact: true }).inputValue()).toBe('');
    // The first refusal stops: no second flow tried without the secret, nothing enrolled.
    expect(describeCalls(calls.calls())).toEqual(['InitiateAuth USER_SRP_AUTH 400 NotAuthorizedException']);
    expect(e2e.server.admin.adminGetUser({ UserPoolId: user.userPoolId, Username: user.username }).UserMFASettingList ?? []).toEqual([]);
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password]);
    await page.close();
  });

  it('enrolls through a client with a secret typed in the profile, and keeps that secret out of storage', async () => {
    const user = seedUser(e2e.server, { username: 'secret-typed@example.com', password: 'Secret-typed-1', secret: true });
    const clientSecret = user.clientSecret ?? '';
    expect(clientSecret).not.toBe('');
    const page = await openProfile(e2e, 'Secret typed', user, { clientSecret });
    await signInAndEnroll(page, 'Secret typed', user.username, user.password);

    const done = await enrollmentComplete(page);
    expect((await enrollmentSummary(done))['Sign-in flow']).toBe('USER_SRP_AUTH');
    await expectPopupCodeSignsIn(e2e, 'Secret typed', user);

    // The profile is stored, its secret is not (in no storage area): it lived in the options page's memory only.
    const dump = await dumpExtensionStorage(page);
    expect(storedProfile(dump, 'Secret typed')).toMatchObject({ clientId: user.clientId });
    expect(storedProfile(dump, 'Secret typed')).not.toHaveProperty('clientSecret');
    expect(dump).not.toContain(clientSecret);
    expectNoPasswordOrToken(dump, [user.password]);
    await page.close();

    // A new options page does not know it either: the sign-in form asks for it again.
    const fresh = await e2e.ext.openOptions('#cognito');
    await fresh.getByRole('button', { name: 'Use Secret typed' }).click();
    expect(await signInForm(fresh, 'Secret typed').getByLabel('Client secret (optional)').inputValue()).toBe('');
    await fresh.close();
  });

  it('stores the client secret only when "Remember the client secret" is ticked (the explicit opt-in), and enrolls with it', async () => {
    const user = seedUser(e2e.server, { username: 'secret-remembered@example.com', password: 'Secret-remembered-1', secret: true });
    const clientSecret = user.clientSecret ?? '';
    expect(clientSecret).not.toBe('');
    const page = await openProfile(e2e, 'Secret remembered', user, { clientSecret, remember: true });

    // Ticking the box is the user's explicit choice to keep the secret on this device: in the vault (which a master
    // password encrypts), keyed by the profile, never in the profile list.
    const dump = await dumpExtensionStorage(page);
    const profile = storedProfile(dump, 'Secret remembered');
    expect(profile).toMatchObject({ clientId: user.clientId });
    expect(profile).not.toHaveProperty('clientSecret');
    expect(rememberedClientSecrets(dump)).toEqual({ [profile?.id ?? '']: clientSecret });
    // The remembered secret is used: the sign-in form no longer asks for one.
    expect(await signInForm(page, 'Secret remembered').getByLabel('Client secret (optional)').count()).toBe(0);

    await signInAndEnroll(page, 'Secret remembered', user.username, user.password);
    await enrollmentComplete(page);
    await expectPopupCodeSignsIn(e2e, 'Secret remembered', user);
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password]);
    await page.close();
  });
});
