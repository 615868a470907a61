import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cognitoSection,
  describeCalls,
  ENROLL_TIMEOUT_MS,
  enrollmentComplete,
  enrollmentSummary,
  expectPopupCodeSignsIn,
  openProfile,
  signInAndEnroll,
  signInOnly,
  startCognitoE2e,
  storedCognitoAccounts,
  watchCognitoCalls,
  type CognitoE2e,
  type SeededUser,
} from '../support/cognito-e2e.ts';
import { createClient, createUser } from '../support/cognito-server-harness.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';

// The other factors Cognito can ask for on the way to enrollment: EMAIL_OTP (a code the user received),
// SELECT_MFA_TYPE (Keystep picks the software token), and a challenge Keystep does not support.
// (SMS_MFA is in cognito-profiles-and-factors.test.ts.) Each test seeds its own pool.

let e2e: CognitoE2e;

beforeAll(async () => {
  e2e = await startCognitoE2e();
});
afterAll(async () => {
  await e2e.close();
});

/** A pool with TOTP, SMS and e-mail MFA (OPTIONAL), an SRP + password client, and one user with an e-mail and a phone. */
function multiFactorUser(username: string, password: string): SeededUser {
  const userPoolId = e2e.server.admin.createUserPool({ PoolName: 'factors' }).UserPool.Id;
  e2e.server.admin.setUserPoolMfaConfig({
    UserPoolId: userPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' } },
    EmailMfaConfiguration: {},
  });
  const { clientId } = createClient(e2e.server, userPoolId);
  createUser(e2e.server, userPoolId, username, { password, attributes: { phone_number: '+15555550123', phone_number_verified: 'true' } });
  return { userPoolId, clientId, clientSecret: undefined, username, password };
}

describe('Other Cognito factors and challenges', () => {
  it('EMAIL_OTP: asks for the code sent by e-mail, then enrolls TOTP, and the popup code signs in', async () => {
    const user = multiFactorUser('email-otp@example.com', 'Email-otp-pass-1');
    e2e.server.admin.adminSetUserMFAPreference({ UserPoolId: user.userPoolId, Username: user.username, EmailMfaSettings: { Enabled: true, PreferredMfa: true } });
    const page = await openProfile(e2e, 'Email OTP', user);
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Email OTP', user.username, user.password);

    const form = page.getByRole('form', { name: 'Enter the code' });
    const field = form.getByRole('textbox', { name: /^Code sent by e-mail to / });
    await field.waitFor({ timeout: ENROLL_TIMEOUT_MS });
    expect(await form.getByText('Cognito sent a code by e-mail.').isVisible()).toBe(true);
    const sent = e2e.server.outbox.last(user.username);
    expect(sent).toMatchObject({ medium: 'EMAIL', purpose: 'EMAIL_OTP' });
    await field.fill(sent?.code ?? '');
    await form.getByRole('button', { name: 'Continue' }).click();

    const done = await enrollmentComplete(page);
    // E-mail stays enabled; the software token is now preferred.
    expect(await enrollmentSummary(done)).toMatchObject({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: 'SOFTWARE_TOKEN_MFA, EMAIL_OTP' });
    expect(describeCalls(calls.calls())).toEqual([
      'InitiateAuth USER_SRP_AUTH 200',
      'RespondToAuthChallenge PASSWORD_VERIFIER 200',
      'RespondToAuthChallenge EMAIL_OTP 200',
      'AssociateSoftwareToken 200',
      'VerifySoftwareToken 200',
      'SetUserMFAPreference 200',
      'GetUser 200',
      'RevokeToken 200',
    ]);
    await expectPopupCodeSignsIn(e2e, 'Email OTP', user);
    await page.close();
  });

  it('SELECT_MFA_TYPE: chooses the software token and answers it from the stored secret', async () => {
    const user = multiFactorUser('select-type@example.com', 'Select-type-pass-1');
    const page = await openProfile(e2e, 'Select type', user);
    await signInAndEnroll(page, 'Select type', user.username, user.password);
    await (await enrollmentComplete(page)).getByRole('button', { name: 'Start again' }).click();
    // Now SMS and TOTP are both enabled and neither is preferred: Cognito lets the user choose.
    e2e.server.admin.adminSetUserMFAPreference({
      UserPoolId: user.userPoolId,
      Username: user.username,
      SMSMfaSettings: { Enabled: true, PreferredMfa: false },
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false },
    });

    const calls = watchCognitoCalls(page, e2e.server);
    await signInOnly(page, 'Select type', user.username, user.password);
    await expect
      .poll(() => cognitoSection(page).getByRole('status').allTextContents(), { timeout: ENROLL_TIMEOUT_MS })
      .toContain(`Signed in as ${user.username} with USER_SRP_AUTH. Cognito asked for a TOTP code and Keystep answered it from its stored secret.`);
    expect(describeCalls(calls.calls())).toEqual([
      'InitiateAuth USER_SRP_AUTH 200',
      'RespondToAuthChallenge PASSWORD_VERIFIER 200',
      'RespondToAuthChallenge SELECT_MFA_TYPE 200',
      'RespondToAuthChallenge SOFTWARE_TOKEN_MFA 200',
    ]);
    // No SMS was sent: the choice was the software token.
    expect(e2e.server.outbox.last(user.username)).toBeUndefined();
    await page.close();
  });

  it('names a challenge Keystep does not support (CUSTOM_CHALLENGE) and stores nothing', async () => {
    const user = multiFactorUser('custom@example.com', 'Custom-pass-1');
    const page = await openProfile(e2e, 'Custom auth', user);
    // The pool's DefineAuthChallenge Lambda answers the password verifier with a custom challenge.
    e2e.server.faults.injectFault({ operation: 'RespondToAuthChallenge', kind: 'custom-challenge', times: 1 });
    const calls = watchCognitoCalls(page, e2e.server);
    await signInAndEnroll(page, 'Custom auth', user.username, user.password);
    const alert = cognitoSection(page).getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: ENROLL_TIMEOUT_MS }).toContain('CUSTOM_CHALLENGE');
    expect(await alert.textContent()).toContain('Cognito asked for the CUSTOM_CHALLENGE challenge, which Keystep does not support. Use the app that set it up for this user.');
    // Keystep stopped there: no answer to the custom challenge, no association.
    expect(describeCalls(calls.calls())).toEqual(['InitiateAuth USER_SRP_AUTH 200', 'RespondToAuthChallenge PASSWORD_VERIFIER 200']);
    expect(storedCognitoAccounts(await dumpExtensionStorage(page), { userPoolId: user.userPoolId, clientId: user.clientId, username: user.username })).toEqual([]);
    await page.close();
  });
});
