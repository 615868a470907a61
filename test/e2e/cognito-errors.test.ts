import { AssociateSoftwareTokenCommand, InitiateAuthCommand, SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { cognitoSection, ENROLL_TIMEOUT_MS, enrollmentComplete, openProfile, signInAndEnroll, signInOnly, startCognitoE2e, type CognitoE2e } from '../support/cognito-e2e.ts';
import { createClient, createPool, createUser, PASSWORD, totpCode } from '../support/cognito-server-harness.ts';

let e2e: CognitoE2e;

beforeAll(async () => {
  e2e = await startCognitoE2e();
});
afterAll(async () => {
  await e2e.close();
});

/** A fresh options page with one profile for a new pool, client and user. */
async function setUp(name: string, pool: { mfa?: 'OFF' | 'OPTIONAL' | 'ON'; totp?: boolean }): Promise<{ page: Page; poolId: string; clientId: string; username: string }> {
  const poolId = createPool(e2e.server, pool);
  const { clientId } = createClient(e2e.server, poolId);
  const username = `${name.toLowerCase().replaceAll(' ', '-')}@example.com`;
  createUser(e2e.server, poolId, username);
  const page = await openProfile(e2e, name, { userPoolId: poolId, clientId });
  return { page, poolId, clientId, username };
}

const alertText = async (page: Page): Promise<string> => {
  const alert = cognitoSection(page).getByRole('alert');
  await alert.waitFor({ timeout: ENROLL_TIMEOUT_MS });
  return (await alert.textContent()) ?? '';
};

describe('Cognito errors in the options page', () => {
  it('a pool with TOTP turned off: the exact fix command, and nothing added to Keystep', async () => {
    const { page, poolId, username } = await setUp('No TOTP', { mfa: 'OFF', totp: false });
    const before = await dumpExtensionStorage(page);
    await signInAndEnroll(page, 'No TOTP', username, PASSWORD);
    expect(await alertText(page)).toBe(
      `TOTP MFA is turned off for user pool ${poolId}. A pool administrator can turn it on (keeping MFA optional) with: aws cognito-idp set-user-pool-mfa-config --user-pool-id ${poolId} --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL`,
    );
    const vaultOf = (dump: string): unknown => (JSON.parse(dump) as { local: { vault?: unknown } }).local.vault;
    expect(vaultOf(await dumpExtensionStorage(page))).toEqual(vaultOf(before));
    await page.close();
  });

  it('throttling: backs off twice, stops with a clear message, never loops; Retry then succeeds', async () => {
    const { page, username } = await setUp('Throttled', { mfa: 'OPTIONAL', totp: true });
    e2e.server.faults.injectFault({ operation: 'AssociateSoftwareToken', kind: 'throttle', times: 3 });
    e2e.server.requestLog.clear();
    await signInAndEnroll(page, 'Throttled', username, PASSWORD);
    expect(await alertText(page)).toBe('Cognito is limiting requests (too many in a short time). Keystep backed off and stopped; wait a minute, then retry.');
    const attempts = e2e.server.requestLog.forOperation('AssociateSoftwareToken');
    expect(attempts.map((entry) => entry.status)).toEqual([400, 400, 400]);
    // The waits between attempts: about 1 s, then about 2 s.
    const gaps = attempts.slice(1).map((entry, i) => entry.at - (attempts[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    await page.waitForTimeout(1500);
    expect(e2e.server.requestLog.forOperation('AssociateSoftwareToken')).toHaveLength(3);
    await cognitoSection(page).getByRole('button', { name: 'Retry' }).click();
    await enrollmentComplete(page);
    await page.close();
  });

  it('an expired sign-in session is restarted automatically', async () => {
    const poolId = createPool(e2e.server, { mfa: 'ON', totp: true });
    const { clientId } = createClient(e2e.server, poolId);
    const username = 'expired-session@example.com';
    createUser(e2e.server, poolId, username, { temporary: true });
    const page = await openProfile(e2e, 'Expiry', { userPoolId: poolId, clientId });
    await signInAndEnroll(page, 'Expiry', username, PASSWORD);
    const form = page.getByRole('form', { name: 'Choose a new password' });
    await form.waitFor();
    // The user took longer than the session allows: Cognito answers "Invalid session for the user.".
    e2e.server.faults.injectFault({ operation: 'RespondToAuthChallenge', kind: 'session-expired', times: 1 });
    e2e.server.requestLog.clear();
    await form.getByLabel('New password').fill('Brand-new-pass-2');
    await form.getByRole('button', { name: 'Set password and continue' }).click();
    // Signed in again by itself (a new InitiateAuth right after the refusal) ...
    const log = () => e2e.server.requestLog.all().map((entry) => `${entry.operation ?? ''} ${entry.status}`);
    await expect.poll(() => log().slice(0, 2), { timeout: ENROLL_TIMEOUT_MS }).toEqual(['RespondToAuthChallenge 400', 'InitiateAuth 200']);
    // ... and, since Cognito did not take the new password, asks for it again rather than guessing.
    await expect.poll(() => form.isVisible(), { timeout: ENROLL_TIMEOUT_MS }).toBe(true);
    expect(log().filter((line) => line === 'RespondToAuthChallenge 200' || line === 'RespondToAuthChallenge 400')).toEqual(['RespondToAuthChallenge 400', 'RespondToAuthChallenge 200']);
    await form.getByLabel('New password').fill('Brand-new-pass-2');
    await form.getByRole('button', { name: 'Set password and continue' }).click();
    await enrollmentComplete(page);
    await page.close();
  });

  it('a wrong code is refused with a clear message, the right one then signs in', async () => {
    const poolId = createPool(e2e.server, { mfa: 'OPTIONAL', totp: true });
    const { clientId } = createClient(e2e.server, poolId);
    const username = 'has-other-app@example.com';
    createUser(e2e.server, poolId, username);
    // The user enrolled another authenticator earlier: Keystep does not hold that secret.
    const signedIn = await e2e.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }));
    const accessToken = signedIn.AuthenticationResult?.AccessToken ?? '';
    const { SecretCode: secret = '' } = await e2e.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    await e2e.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(secret, Date.now()) }));
    await e2e.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));

    const page = await openProfile(e2e, 'Other app', { userPoolId: poolId, clientId });
    await signInOnly(page, 'Other app', username, PASSWORD);
    const form = page.getByRole('form', { name: 'Enter the code' });
    const field = form.getByRole('textbox', { name: 'Code from your authenticator app' });
    await field.waitFor({ timeout: ENROLL_TIMEOUT_MS });
    const right = totpCode(secret, Date.now());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    await field.fill(wrong);
    await form.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: ENROLL_TIMEOUT_MS }).toBe('Cognito rejected the code. Check that it is the current one and try again.');
    // Cognito spent the session on the wrong code; Keystep signed in again at once, so this code goes to a live session.
    const log = e2e.server.requestLog.all().map((entry) => `${entry.operation ?? ''} ${entry.status}`);
    expect(log.slice(-3)).toEqual(['RespondToAuthChallenge 400', 'InitiateAuth 200', 'RespondToAuthChallenge 200']);
    await field.fill(totpCode(secret, Date.now()));
    await form.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => cognitoSection(page).getByRole('status').allTextContents(), { timeout: ENROLL_TIMEOUT_MS }).toContain(`Signed in as ${username} with USER_SRP_AUTH. Cognito asked for a code (SOFTWARE_TOKEN_MFA) and yours was accepted.`);
    await page.close();
  });
});
