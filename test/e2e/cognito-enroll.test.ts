import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoServer, type CognitoServer } from '../support/cognito-server/index.ts';
import { seedDemo, type DemoSeed } from '../support/cognito-server/seed-demo.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { codeFromName } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';

let server: CognitoServer;
let seed: DemoSeed;
let ext: LoadedExtension;
let sdk: CognitoIdentityProviderClient;

beforeAll(async () => {
  server = await startCognitoServer();
  seed = seedDemo(server);
  ext = await launchExtension();
  sdk = new CognitoIdentityProviderClient({ region: seed.region, endpoint: server.url, maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  sdk.destroy();
  await ext.close();
  await server.close();
});

async function createProfile(page: Page, fields: { name: string; userPoolId: string; clientId: string; clientSecret?: string; remember?: boolean }): Promise<void> {
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'Connection profile' });
  await form.getByRole('textbox', { name: 'Profile name' }).fill(fields.name);
  await form.getByRole('textbox', { name: 'User pool ID' }).fill(fields.userPoolId);
  await form.getByRole('textbox', { name: 'App client ID' }).fill(fields.clientId);
  if (fields.clientSecret) await form.getByLabel('Client secret (optional)').fill(fields.clientSecret);
  if (fields.remember) await form.getByRole('checkbox', { name: 'Remember the client secret on this device' }).check();
  await form.getByText('Advanced').click();
  await form.getByRole('textbox', { name: 'Endpoint URL (optional)' }).fill(server.url);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toBe(`Profile “${fields.name}” saved.`);
}

async function signInAndEnroll(page: Page, profileName: string, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: `Sign in to ${profileName}` });
  await form.getByRole('textbox', { name: 'Username' }).fill(username);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Enroll in TOTP MFA' }).click();
}

/** The code the popup shows for an account. */
async function popupCode(label: string): Promise<string> {
  const popup = await ext.openPopup();
  const button = popup.getByRole('button', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}, code \\d`) });
  await button.waitFor();
  const code = codeFromName((await button.getAttribute('aria-label')) ?? '');
  await popup.close();
  return code;
}

/** A fresh sign-in against the server, answering SOFTWARE_TOKEN_MFA with `code`. */
async function signInWithCode(clientId: string, username: string, password: string, code: string): Promise<string | undefined> {
  const start = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));
  expect(start.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  const done = await sdk.send(
    new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: start.Session, ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code } }),
  );
  return done.AuthenticationResult?.AccessToken;
}

describe('Cognito enrollment from the options page', () => {
  it('enrolls a user in one click, the popup shows the account and its code signs in', async () => {
    const page = await ext.openOptions('#cognito');
    const pool = seed.optionalMfaPool;
    const user = pool.users.confirmed;
    await createProfile(page, { name: 'Demo', userPoolId: pool.userPoolId, clientId: pool.clients.passwordAndSrp.clientId });
    await signInAndEnroll(page, 'Demo', user.username, user.password);
    const done = page.getByRole('region', { name: 'Enrollment complete' });
    await done.waitFor({ timeout: 20_000 });
    expect(await done.getByRole('status').textContent()).toBe(`Keystep now shows codes for Demo (${user.username}). Future sign-ins of this user ask for its code.`);
    expect(await done.getByRole('definition').allTextContents()).toEqual([user.username, 'SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA', 'USER_SRP_AUTH']);
    await page.screenshot({ path: 'test-results/screenshots/options-enrolled.png', fullPage: true });

    const code = await popupCode(`Demo (${user.username})`);
    expect(await signInWithCode(pool.clients.passwordAndSrp.clientId, user.username, user.password, code)).toMatch(/^eyJ/);

    // Nothing secret reached storage: not the password, not a token.
    const dump = await dumpExtensionStorage(page);
    expect(dump).toContain(pool.userPoolId);
    expect(dump).not.toContain(user.password);
    expect(dump).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    await page.close();
  });
});
