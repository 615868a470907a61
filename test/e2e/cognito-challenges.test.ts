import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cognitoSection,
  createProfile,
  describeCalls,
  ENROLL_TIMEOUT_MS,
  enrollmentComplete,
  enrollmentSummary,
  expectNoPasswordOrToken,
  expectPopupCodeSignsIn,
  expectRevoked,
  openProfile,
  popupAccountNames,
  popupCode,
  seedUser,
  SESSION_ENDED,
  signInAndEnroll,
  signInForm,
  signInOnly,
  signInWithCode,
  startCognitoE2e,
  storedCognitoAccounts,
  watchCognitoCalls,
  watchRefreshTokens,
  type CognitoE2e,
  type SeededUser,
} from '../support/cognito-e2e.ts';
import { createClient, totpCode } from '../support/cognito-server-harness.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { labelOfCopyButton } from '../support/copy-button-name.ts';

// Sign-in challenges on the way to enrollment: NEW_PASSWORD_REQUIRED then MFA_SETUP (a pool that requires MFA), and
// SOFTWARE_TOKEN_MFA answered from the secret Keystep stored (an enrolled user signing in again or re-enrolling through
// the same app client), or typed by the user (through another app client).
// Each test seeds its own pool, client and users, and names its own profile.

let e2e: CognitoE2e;

beforeAll(async () => {
  e2e = await startCognitoE2e();
});
afterAll(async () => {
  await e2e.close();
});

const SUMMARY_SRP = { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: 'SOFTWARE_TOKEN_MFA', 'Sign-in flow': 'USER_SRP_AUTH' };

/** Enrolls `user` from the sign-in form and clicks "Start again" on the summary, back to the sign-in form. */
async function enrollAndStartAgain(page: Page, profileName: string, user: SeededUser): Promise<void> {
  await signInAndEnroll(page, profileName, user.username, user.password);
  const done = await enrollmentComplete(page);
  await done.getByRole('button', { name: 'Start again' }).click();
}

describe('Cognito challenges on the way to enrollment', () => {
  it('answers NEW_PASSWORD_REQUIRED with the new password, then enrolls inside MFA_SETUP of a pool that requires MFA', async () => {
    const user = seedUser(e2e.server, { username: 'first-login@example.com', password: 'Temporary-pass-1', temporary: true, mfa: 'ON' });
    const newPassword = 'Chosen-new-pass-1';
    const page = await openProfile(e2e, 'New password', user);
    const calls = watchCognitoCalls(page, e2e.server);
    const refreshTokens = watchRefreshTokens(page);
    await signInAndEnroll(page, 'New password', user.username, user.password);

    const form = page.getByRole('form', { name: 'Choose a new password' });
    await form.waitFor();
    expect(await form.getByText('has a temporary password').textContent()).toBe(`${user.username} has a temporary password. Cognito requires a new one before sign-in.`);
    await form.getByLabel('New password').fill(newPassword);
    await form.getByRole('button', { name: 'Set password and continue' }).click();

    const done = await enrollmentComplete(page);
    expect(await enrollmentSummary(done)).toEqual({ Username: user.username, ...SUMMARY_SRP });
    expect(await done.getByText('Enrolled inside the MFA_SETUP challenge (the pool requires MFA).', { exact: true }).isVisible()).toBe(true);
    expect(describeCalls(calls.calls())).toEqual([
      'InitiateAuth USER_SRP_AUTH 200',
      'RespondToAuthChallenge PASSWORD_VERIFIER 200',
      'RespondToAuthChallenge NEW_PASSWORD_REQUIRED 200',
      'AssociateSoftwareToken 200',
      'VerifySoftwareToken 200',
      'RespondToAuthChallenge MFA_SETUP 200',
      'SetUserMFAPreference 200',
      'GetUser 200',
      'RevokeToken 200',
    ]);
    expect(e2e.server.admin.adminGetUser({ UserPoolId: user.userPoolId, Username: user.username }).UserStatus).toBe('CONFIRMED');
    // The session the MFA_SETUP answer opened is over.
    expect(await done.getByText(SESSION_ENDED).isVisible()).toBe(true);
    const tokens = await refreshTokens.tokens();
    expect(tokens).toHaveLength(1);
    for (const token of tokens) await expectRevoked(e2e, user.clientId, token);

    // The new password, not the temporary one, signs in, with the code the popup shows.
    await expectPopupCodeSignsIn(e2e, 'New password', user, { password: newPassword });
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password, newPassword]);
    // Nothing typed for this enrollment is left in a form: the sign-in form comes back empty.
    await done.getByRole('button', { name: 'Start again' }).click();
    expect(await signInForm(page, 'New password').getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await page.close();
  });

  it('asks again, with the reason, when the new password breaks the pool policy, and the next one goes through', async () => {
    const user = seedUser(e2e.server, { username: 'weak-password@example.com', password: 'Temporary-pass-2', temporary: true });
    const newPassword = 'Chosen-new-pass-2';
    const page = await openProfile(e2e, 'Weak password', user);
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Weak password', user.username, user.password);
    const form = page.getByRole('form', { name: 'Choose a new password' });
    await form.getByLabel('New password').fill('Short-1');
    await form.getByRole('button', { name: 'Set password and continue' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent(), { timeout: ENROLL_TIMEOUT_MS })
      .toBe('Cognito refused the new password: Password did not conform with policy: Password not long enough');
    // Cognito spent the session on the refused password; Keystep signed in again for a live one at once.
    expect(describeCalls(calls.calls())).toEqual([
      'InitiateAuth USER_SRP_AUTH 200',
      'RespondToAuthChallenge PASSWORD_VERIFIER 200',
      'RespondToAuthChallenge NEW_PASSWORD_REQUIRED 400 InvalidPasswordException',
      'InitiateAuth USER_SRP_AUTH 200',
      'RespondToAuthChallenge PASSWORD_VERIFIER 200',
    ]);
    await form.getByLabel('New password').fill(newPassword);
    await form.getByRole('button', { name: 'Set password and continue' }).click();
    await enrollmentComplete(page);
    expect(describeCalls(calls.calls()).slice(5, 7)).toEqual(['RespondToAuthChallenge NEW_PASSWORD_REQUIRED 200', 'AssociateSoftwareToken 200']);
    await expectPopupCodeSignsIn(e2e, 'Weak password', user, { password: newPassword });
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password, newPassword, 'Short-1']);
    await page.close();
  });

  it('re-enrolls an enrolled user: answers SOFTWARE_TOKEN_MFA from the stored secret, and the new account replaces the old one in place', async () => {
    const first = seedUser(e2e.server, { username: 'reenroll-first@example.com', password: 'Reenroll-pass-1' });
    // A second user of the same pool and client, enrolled after the first, shows that the replacement keeps its place.
    const second: SeededUser = { ...first, username: 'reenroll-second@example.com' };
    e2e.server.admin.adminCreateUser({ UserPoolId: first.userPoolId, Username: second.username, UserAttributes: [{ Name: 'email', Value: second.username }], MessageAction: 'SUPPRESS' });
    e2e.server.admin.adminSetUserPassword({ UserPoolId: first.userPoolId, Username: second.username, Password: second.password, Permanent: true });
    const ref = { userPoolId: first.userPoolId, clientId: first.clientId, username: first.username };

    const page = await openProfile(e2e, 'Re-enroll', first);
    await enrollAndStartAgain(page, 'Re-enroll', first);
    await enrollAndStartAgain(page, 'Re-enroll', second);
    const [before] = storedCognitoAccounts(await dumpExtensionStorage(page), ref);
    if (before === undefined) throw new Error('no stored account after the first enrollment');

    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Re-enroll', first.username, first.password);
    const done = await enrollmentComplete(page);
    expect(await enrollmentSummary(done)).toEqual({ Username: first.username, ...SUMMARY_SRP });
    // Keystep answered SOFTWARE_TOKEN_MFA itself (this test typed no code), then enrolled a new secret.
    expect(describeCalls(calls.calls())).toEqual([
      'InitiateAuth USER_SRP_AUTH 200',
      'RespondToAuthChallenge PASSWORD_VERIFIER 200',
      'RespondToAuthChallenge SOFTWARE_TOKEN_MFA 200',
      'AssociateSoftwareToken 200',
      'VerifySoftwareToken 200',
      'SetUserMFAPreference 200',
      'GetUser 200',
      'RevokeToken 200',
    ]);

    // One account for the user, with a new secret, still before the second user's.
    const dump = await dumpExtensionStorage(page);
    const after = storedCognitoAccounts(dump, ref);
    expect(after.map((account) => ({ status: account.status, sameSecret: account.secret === before.secret }))).toEqual([{ status: 'active', sameSecret: false }]);
    const names = await popupAccountNames(e2e.ext, 'Re-enroll');
    expect(names.map(labelOfCopyButton)).toEqual([`Re-enroll (${first.username})`, `Re-enroll (${second.username})`]);

    const code = await expectPopupCodeSignsIn(e2e, 'Re-enroll', first);
    // The old secret's code no longer signs in (equal to the new code only by a one-in-a-million chance).
    const oldCode = totpCode(before.secret, Date.now());
    expect(oldCode).not.toBe(code);
    await expect(signInWithCode(e2e.sdk, first, first.username, first.password, oldCode)).rejects.toMatchObject({ name: 'CodeMismatchException' });
    expectNoPasswordOrToken(dump, [first.password]);
    await page.close();
  });

  it('re-enrolls through another app client of the same pool: asks for the code instead of answering from the stored secret, one account remains', async () => {
    // A stored secret answers only sign-ins to the target it was enrolled with (issue 9): through another app client
    // Keystep asks for the code (here the one its popup shows for the first client). The TOTP device belongs to the user
    // in the pool, whichever app client enrolls it, so the new secret replaces the old account.
    const user = seedUser(e2e.server, { username: 'two-clients@example.com', password: 'Two-clients-1' });
    const other = createClient(e2e.server, user.userPoolId);
    const page = await openProfile(e2e, 'Client one', user);
    await enrollAndStartAgain(page, 'Client one', user);
    await createProfile(page, e2e.server.url, { name: 'Client two', userPoolId: user.userPoolId, clientId: other.clientId });

    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Client two', user.username, user.password);
    const form = page.getByRole('form', { name: 'Enter the code' });
    const field = form.getByRole('textbox', { name: 'Code from your authenticator app' });
    await field.waitFor({ timeout: ENROLL_TIMEOUT_MS });
    expect(describeCalls(calls.calls())).toEqual(['InitiateAuth USER_SRP_AUTH 200', 'RespondToAuthChallenge PASSWORD_VERIFIER 200']);
    await field.fill(await popupCode(e2e.ext, `Client one (${user.username})`));
    await form.getByRole('button', { name: 'Continue' }).click();

    await enrollmentComplete(page);
    expect(describeCalls(calls.calls()).slice(0, 3)).toEqual(['InitiateAuth USER_SRP_AUTH 200', 'RespondToAuthChallenge PASSWORD_VERIFIER 200', 'RespondToAuthChallenge SOFTWARE_TOKEN_MFA 200']);
    const names = await popupAccountNames(e2e.ext, user.username);
    expect(names.map(labelOfCopyButton)).toEqual([`Client two (${user.username})`]);
    await expectPopupCodeSignsIn(e2e, 'Client two', { ...user, clientId: other.clientId });
    expectNoPasswordOrToken(await dumpExtensionStorage(page), [user.password]);
    await page.close();
  });

  it('"Sign in only" for an enrolled user answers SOFTWARE_TOKEN_MFA from the stored secret and enrolls nothing', async () => {
    const user = seedUser(e2e.server, { username: 'sign-in-only@example.com', password: 'Sign-in-only-1' });
    const page = await openProfile(e2e, 'Sign in only', user);
    await enrollAndStartAgain(page, 'Sign in only', user);
    const ref = { userPoolId: user.userPoolId, clientId: user.clientId, username: user.username };
    const before = storedCognitoAccounts(await dumpExtensionStorage(page), ref);
    expect(before).toHaveLength(1);

    const calls = watchCognitoCalls(page, e2e.server);
    await signInOnly(page, 'Sign in only', user.username, user.password);
    const status = cognitoSection(page).getByRole('status').filter({ hasText: 'Signed in as' });
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toBe(`Signed in as ${user.username} with USER_SRP_AUTH. Cognito asked for a TOTP code and Keystep answered it from its stored secret.`);
    expect(describeCalls(calls.calls())).toEqual(['InitiateAuth USER_SRP_AUTH 200', 'RespondToAuthChallenge PASSWORD_VERIFIER 200', 'RespondToAuthChallenge SOFTWARE_TOKEN_MFA 200']);

    // Nothing enrolled: the same single account and secret, whose code still signs in.
    const dump = await dumpExtensionStorage(page);
    expect(storedCognitoAccounts(dump, ref)).toEqual(before);
    expect(await popupAccountNames(e2e.ext, 'Sign in only')).toHaveLength(1);
    await expectPopupCodeSignsIn(e2e, 'Sign in only', user);
    expectNoPasswordOrToken(dump, [user.password]);
    await page.close();
  });
});
