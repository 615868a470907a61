import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCognitoProfile } from '../../src/platform/storage-items.ts';
import { runDemo, type DemoHandles } from '../support/demo.ts';

// `npm run demo` in-process, headless, on a free port: what it saves in the extension, that the server behind the
// saved profiles answers, and what it prints.

let demo: DemoHandles;
const lines: string[] = [];

beforeAll(async () => {
  demo = await runDemo({ headless: true, port: 0, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await demo.close();
});

/** cognitoProfiles as the options page reads it from chrome.storage.local. */
async function storedProfiles(): Promise<StoredCognitoProfile[]> {
  return demo.optionsPage.evaluate(async () => {
    // The page's own `chrome` global; the project has no @types/chrome.
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
    return (await chrome.storage.local.get('cognitoProfiles'))['cognitoProfiles'] as StoredCognitoProfile[];
  });
}

/** The vault's remembered client secrets, by profile id. */
async function rememberedSecrets(): Promise<Record<string, string> | undefined> {
  return demo.optionsPage.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
    return ((await chrome.storage.local.get('vault'))['vault'] as { clientSecrets?: Record<string, string> } | undefined)?.clientSecrets;
  });
}

const byName = (profiles: readonly StoredCognitoProfile[], name: string): StoredCognitoProfile => {
  const found = profiles.find((p) => p.name === name);
  if (found === undefined) throw new Error(`No stored profile named "${name}"`);
  return found;
};

describe('npm run demo', () => {
  it('saves one connection profile per demo client, each pointed at the local server', async () => {
    const stored = await storedProfiles();
    const { optionalMfaPool, requiredMfaPool, totpDisabledPool, emailUsernamePool } = demo.seed;
    expect(stored.map((p) => [p.name, p.userPoolId, p.clientId])).toEqual([
      ['Demo - plain client', optionalMfaPool.userPoolId, optionalMfaPool.clients.passwordAndSrp.clientId],
      ['Demo - client with secret', optionalMfaPool.userPoolId, optionalMfaPool.clients.withSecret.clientId],
      ['Demo - SRP-only client', optionalMfaPool.userPoolId, optionalMfaPool.clients.srpOnly.clientId],
      ['Demo - MFA required', requiredMfaPool.userPoolId, requiredMfaPool.client.clientId],
      ['Demo - TOTP disabled', totpDisabledPool.userPoolId, totpDisabledPool.client.clientId],
      ['Demo - e-mail username', emailUsernamePool.userPoolId, emailUsernamePool.client.clientId],
    ]);
    for (const profile of stored) {
      expect(profile.endpoint).toBe(demo.serverUrl);
      expect(`${profile.region}_`).toBe(profile.userPoolId.slice(0, profile.userPoolId.indexOf('_') + 1));
    }
    expect(new Set(stored.map((p) => p.id)).size).toBe(stored.length);
    // Only the secret client's profile remembers a secret, the client's, kept in the vault and not in the profile list.
    expect(stored.filter((p) => p.clientSecret !== undefined)).toEqual([]);
    expect(await rememberedSecrets()).toEqual({ [byName(stored, 'Demo - client with secret').id]: optionalMfaPool.clients.withSecret.clientSecret });
  });

  it('shows the saved profiles on the options page it opened at #cognito', async () => {
    const page = demo.optionsPage;
    expect(page.url()).toBe(`chrome-extension://${demo.extensionId}/src/options/index.html#cognito`);
    for (const { profile } of demo.profiles) {
      await page.getByText(profile.name, { exact: true }).first().waitFor({ timeout: 5_000 });
    }
  });

  it('the server behind the plain profile signs in the plain demo user, from Node and from the extension page', async () => {
    const plain = byName(await storedProfiles(), 'Demo - plain client');
    const { username, password } = demo.seed.optionalMfaPool.users.confirmed;
    const sdk = new CognitoIdentityProviderClient({ region: plain.region, endpoint: plain.endpoint ?? '', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    try {
      const out = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: plain.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));
      expect(out.ChallengeName).toBeUndefined();
      expect(out.AuthenticationResult?.AccessToken).toMatch(/^eyJ/);
    } finally {
      sdk.destroy();
    }

    // The extension calls the server with fetch from its chrome-extension:// origin: CORS must let it read the answer.
    const fromPage = await demo.optionsPage.evaluate(
      async ({ endpoint, clientId, user, pass }) => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
          body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: user, PASSWORD: pass } }),
        });
        const body = (await response.json()) as { AuthenticationResult?: { AccessToken?: string } };
        return { status: response.status, hasToken: body.AuthenticationResult?.AccessToken?.startsWith('eyJ') === true };
      },
      { endpoint: plain.endpoint ?? '', clientId: plain.clientId, user: username, pass: password },
    );
    expect(fromPage).toEqual({ status: 200, hasToken: true });
  });

  it('prints the server, the options page and every demo login', () => {
    const text = lines.join('\n');
    expect(demo.headless).toBe(true);
    expect(text).toContain(`Cognito server  ${demo.serverUrl}`);
    expect(text).toContain('Chromium        headless: --headless was given');
    expect(text).toContain(`Options page    chrome-extension://${demo.extensionId}/src/options/index.html#cognito`);
    const rows = demo.profiles.flatMap(({ profile, logins }) => logins.map((login) => [profile.name, login.username, login.password] as const));
    expect(rows).toHaveLength(7);
    for (const [name, username, password] of rows) {
      expect(text.split('\n').some((line) => line.startsWith(name) && line.includes(`  ${username}  `) && line.includes(`  ${password}  `))).toBe(true);
    }
  });
});
