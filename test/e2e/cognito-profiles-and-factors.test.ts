import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoSection, ENROLL_TIMEOUT_MS, enrollmentComplete, openProfile, seedUser, SESSION_ENDED, signInAndEnroll, signInOnly, startCognitoE2e, type CognitoE2e } from '../support/cognito-e2e.ts';
import { createClient, createUser } from '../support/cognito-server-harness.ts';
import { decodeStoredVault } from '../support/decode-stored-vault.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';

let e2e: CognitoE2e;

beforeAll(async () => {
  e2e = await startCognitoE2e();
});
afterAll(async () => {
  await e2e.close();
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const profileNames = (page: Page): Promise<string[]> => cognitoSection(page).getByRole('list', { name: 'Connection profiles' }).getByRole('button', { name: /^Use / }).allTextContents();

describe('connection profiles', () => {
  it('refuses a profile with bad fields, naming each problem beside its field, and stores nothing', async () => {
    const page = await e2e.ext.openOptions('#cognito');
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Connection profile' });
    await form.getByRole('textbox', { name: 'User pool ID' }).fill('ap-northeast-1_AbC123');
    await form.getByRole('textbox', { name: 'Region' }).fill('us-east-1');
    await form.getByRole('textbox', { name: 'App client ID' }).fill('has space');
    await form.getByText('Advanced').click();
    await form.getByRole('textbox', { name: 'Endpoint URL (optional)' }).fill('http://proxy.example.com');
    await form.getByRole('button', { name: 'Save profile' }).click();
    const alert = await form.getByRole('alert').textContent();
    expect(alert).toContain('Give the profile a name.');
    expect(alert).toContain('The region is us-east-1 but the user pool ID belongs to ap-northeast-1.');
    expect(alert).toContain('“has space” is not an app client ID (letters, digits, _ and +).');
    expect(alert).toContain('Use https for proxy.example.com');
    for (const name of ['Profile name', 'Region', 'App client ID', 'Endpoint URL (optional)']) {
      expect(await form.getByRole('textbox', { name, exact: true }).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await form.getByRole('textbox', { name: 'User pool ID' }).getAttribute('aria-invalid')).toBe('false');
    expect(await dumpExtensionStorage(page)).not.toContain('ap-northeast-1_AbC123');
    await page.close();
  });

  it('edits a profile, and deletes one only after confirming', async () => {
    const user = seedUser(e2e.server, { username: 'profiles@example.com', password: 'Profiles-pass-1' });
    const page = await openProfile(e2e, 'Before', user);
    await page.getByRole('button', { name: 'Edit Before' }).click();
    const form = page.getByRole('form', { name: 'Connection profile' });
    expect(await form.getByRole('textbox', { name: 'User pool ID' }).inputValue()).toBe(user.userPoolId);
    await form.getByRole('textbox', { name: 'Profile name' }).fill('After');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => profileNames(page)).toContain(`After ${user.userPoolId}`);
    expect(await profileNames(page)).not.toContain(`Before ${user.userPoolId}`);

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Delete After' }).click();
    expect(await profileNames(page)).toContain(`After ${user.userPoolId}`);
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Delete the profile “After”? Accounts already enrolled stay in Keystep.');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Delete After' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'deleted' }).textContent()).toBe('Profile “After” deleted.');
    await expect.poll(() => profileNames(page)).not.toContain(`After ${user.userPoolId}`);
    await page.close();
  });
});

describe('failures and other factors', () => {
  it('an unreachable endpoint says which host could not be reached', async () => {
    const user = seedUser(e2e.server, { username: 'unreachable@example.com', password: 'Unreach-pass-1' });
    const port = await closedPort();
    const page = await openProfile(e2e, 'Offline', user, { endpoint: `http://127.0.0.1:${port}` });
    await signInAndEnroll(page, 'Offline', user.username, user.password);
    const alert = cognitoSection(page).getByRole('alert');
    await alert.waitFor({ timeout: ENROLL_TIMEOUT_MS });
    expect(await alert.textContent()).toMatch(/^Cannot reach 127\.0\.0\.1(:\d+)?\. Check the network connection, the region and the profile's endpoint URL\.$/);
    await page.close();
  });

  it('a failure after the secret was saved keeps it as pending; Retry finishes, or Discard removes it', async () => {
    for (const choice of ['Retry', 'Discard the pending secret'] as const) {
      const user = seedUser(e2e.server, { username: `pending-${choice.length}@example.com`, password: 'Pending-pass-1' });
      const name = `Pending ${choice.length}`;
      const page = await openProfile(e2e, name, user);
      // VerifySoftwareToken fails twice with HTTP 500: the flow retries once, then stops.
      e2e.server.faults.injectFault({ operation: 'VerifySoftwareToken', kind: 'http500', times: 2 });
      await signInAndEnroll(page, name, user.username, user.password);
      const alert = cognitoSection(page).getByRole('alert');
      await alert.waitFor({ timeout: ENROLL_TIMEOUT_MS });
      expect(await alert.textContent()).toBe('Cognito answered with a server error 500. Keystep retried once; try again later.');
      expect(await cognitoSection(page).getByText('The secret Cognito issued is kept in Keystep, marked “Enrollment not finished”').count()).toBe(1);
      // The failure ended the sign-in session too (a Retry signs in again).
      expect(await cognitoSection(page).getByText(SESSION_ENDED).count()).toBe(1);
      const popup = await e2e.ext.openPopup();
      await popup.getByRole('searchbox', { name: 'Search accounts' }).fill(user.username);
      await expect.poll(() => popup.getByText('Enrollment not finished').count()).toBe(1);
      await popup.close();

      await cognitoSection(page).getByRole('button', { name: choice }).click();
      if (choice === 'Retry') {
        await enrollmentComplete(page);
      } else {
        await expect.poll(() => cognitoSection(page).getByRole('status').allTextContents()).toContain('The pending secret was discarded.');
      }
      const vault = decodeStoredVault((JSON.parse(await dumpExtensionStorage(page)) as { local: { vault?: unknown } }).local.vault);
      const accounts = vault?.format === 'plain' ? vault.accounts : [];
      expect(accounts.filter((a) => a.name === user.username).map((a) => a.status)).toEqual(choice === 'Retry' ? ['active'] : []);
      await page.close();
    }
  });

  it('SMS_MFA: asks for the code sent by SMS, then enrolls TOTP', async () => {
    const poolId = e2e.server.admin.createUserPool({ PoolName: 'sms' }).UserPool.Id;
    e2e.server.admin.setUserPoolMfaConfig({
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' } },
    });
    const { clientId } = createClient(e2e.server, poolId);
    const username = 'sms-user@example.com';
    createUser(e2e.server, poolId, username, { password: 'Sms-pass-1', attributes: { phone_number: '+15555550123', phone_number_verified: 'true' } });
    e2e.server.admin.adminSetUserMFAPreference({ UserPoolId: poolId, Username: username, SMSMfaSettings: { Enabled: true, PreferredMfa: true } });

    const page = await openProfile(e2e, 'SMS', { userPoolId: poolId, clientId });
    await signInOnly(page, 'SMS', username, 'Sms-pass-1');
    const form = page.getByRole('form', { name: 'Enter the code' });
    const field = form.getByRole('textbox', { name: 'Code sent by SMS to +*******0123' });
    await field.waitFor({ timeout: ENROLL_TIMEOUT_MS });
    await field.fill(e2e.server.outbox.last(username)?.code ?? '');
    await form.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => cognitoSection(page).getByRole('status').allTextContents(), { timeout: ENROLL_TIMEOUT_MS })
      .toContain(`Signed in as ${username} with USER_SRP_AUTH. Cognito asked for a code (SMS_MFA) and yours was accepted.`);
    await cognitoSection(page).getByRole('button', { name: 'Enroll in TOTP MFA' }).click();
    const done = await enrollmentComplete(page);
    expect(await done.getByRole('definition').allTextContents()).toContain('SOFTWARE_TOKEN_MFA');
    await page.close();
  });
});
