import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type InitiateAuthCommandOutput,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { computeSecretHash, formatSrpTimestamp, startCognitoServer, type CognitoServer } from './cognito-server/index.ts';
import { createClient, createPool, createUser } from './cognito-server-harness.ts';
import { decodeStoredVault } from './decode-stored-vault.ts';
import { codeFromName } from './independent-otp.ts';
import { launchExtension, type LoadedExtension } from './launch-extension.ts';
import { SrpTestClient } from './srp-test-client.ts';
import { ANY_COPY_BUTTON, shownLabel } from './copy-button-name.ts';

// Shared steps of the real-browser Cognito tests: the local server, Chromium with the built extension, an AWS SDK
// client for fresh sign-ins, and the options-page and popup actions, driven by roles and accessible names.

/** Enrollment makes 6+ requests, SRP costs ~30 ms and a code made at a TOTP boundary may wait ~3 s for the next. */
export const ENROLL_TIMEOUT_MS = 30_000;

/** A JWT (header.payload.), as an access, ID or refresh token would leave it in storage. */
const JWT_PATTERN = /eyJ[\w-]+\.[\w-]+\./;

export interface CognitoE2e {
  /** The local Cognito-compatible server on the real clock. */
  readonly server: CognitoServer;
  readonly ext: LoadedExtension;
  /** AWS SDK v3 client pointed at the server, no retries. */
  readonly sdk: CognitoIdentityProviderClient;
  close(): Promise<void>;
}

/** Starts the server (real clock), Chromium with dist/ loaded, and the SDK client. */
export async function startCognitoE2e(): Promise<CognitoE2e> {
  const server = await startCognitoServer();
  const ext = await launchExtension();
  const sdk = new CognitoIdentityProviderClient({ region: server.region, endpoint: server.url, maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  return {
    server,
    ext,
    sdk,
    async close() {
      sdk.destroy();
      await ext.close();
      await server.close();
    },
  };
}

/** A pool with TOTP on, an app client and one user with an e-mail address as username, seeded through the admin API. */
export interface SeededUser extends AppClientRef {
  readonly clientSecret: string | undefined;
  readonly username: string;
  /** The password (the temporary one when `temporary`). */
  readonly password: string;
}

export interface SeedOptions {
  /** The user's e-mail, also the username. */
  readonly username: string;
  readonly password: string;
  /** Pool MfaConfiguration; default OPTIONAL. */
  readonly mfa?: 'OPTIONAL' | 'ON';
  /** ExplicitAuthFlows; default password, SRP and refresh. */
  readonly flows?: readonly string[];
  /** GenerateSecret. */
  readonly secret?: boolean;
  /** Created with `password` as TemporaryPassword (FORCE_CHANGE_PASSWORD). */
  readonly temporary?: boolean;
}

/** Seeds a fresh pool (MFA `mfa`, TOTP on), app client and user, so that each test has its own. */
export function seedUser(server: CognitoServer, options: SeedOptions): SeededUser {
  const userPoolId = createPool(server, { mfa: options.mfa ?? 'OPTIONAL', totp: true });
  const { clientId, clientSecret } = createClient(server, userPoolId, {
    ...(options.flows === undefined ? {} : { flows: options.flows }),
    ...(options.secret === undefined ? {} : { secret: options.secret }),
  });
  const username = createUser(server, userPoolId, options.username, { password: options.password, ...(options.temporary === undefined ? {} : { temporary: options.temporary }) });
  return { userPoolId, clientId, clientSecret, username, password: options.password };
}

/** A profile's sign-in flow setting, as the form's "Sign-in flow" list offers it. */
export type SignInFlowChoice = 'srp' | 'srp-then-password' | 'password';

/** The form's label of each setting (the option chosen by its label, as a user does). */
export const SIGN_IN_FLOW_LABELS: Readonly<Record<SignInFlowChoice, string>> = {
  srp: 'SRP',
  'srp-then-password': 'SRP, then password if the app client does not allow SRP',
  password: 'Password',
};

export interface ProfileFields {
  readonly name: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Ticks "Remember the client secret on this device". */
  readonly remember?: boolean;
  /** Chosen in "Sign-in flow"; left at its default (SRP) when not given. */
  readonly signInFlow?: SignInFlowChoice;
}

/** Creates a connection profile through the form, with `endpoint` under Advanced (and the sign-in flow chosen), and waits for "saved". */
export async function createProfile(page: Page, endpoint: string, fields: ProfileFields): Promise<void> {
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'Connection profile' });
  await form.getByRole('textbox', { name: 'Profile name' }).fill(fields.name);
  await form.getByRole('textbox', { name: 'User pool ID' }).fill(fields.userPoolId);
  await form.getByRole('textbox', { name: 'App client ID' }).fill(fields.clientId);
  if (fields.clientSecret !== undefined) await form.getByLabel('Client secret (optional)').fill(fields.clientSecret);
  if (fields.remember === true) await form.getByRole('checkbox', { name: 'Remember the client secret on this device' }).check();
  if (fields.signInFlow !== undefined) await form.getByRole('combobox', { name: 'Sign-in flow' }).selectOption({ label: SIGN_IN_FLOW_LABELS[fields.signInFlow] });
  await form.getByText('Advanced').click();
  await form.getByRole('textbox', { name: 'Endpoint URL (optional)' }).fill(endpoint);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toBe(`Profile “${fields.name}” saved.`);
}

/** Settings of {@link openProfile} besides the pool and client. */
export interface OpenProfileOptions {
  /** The client secret typed into the profile form (none by default, even for a client that has one). */
  readonly clientSecret?: string;
  /** Ticks "Remember the client secret on this device". */
  readonly remember?: boolean;
  /** The profile's endpoint; default the local server's URL. */
  readonly endpoint?: string;
  /** Chosen in the form's "Sign-in flow"; default left at SRP. */
  readonly signInFlow?: SignInFlowChoice;
}

/**
 * Opens a fresh options page at its Cognito section and creates the profile `name` for `app` (its pool and app
 * client; a secret it has is not typed unless `options.clientSecret` says so).
 * @returns the page, with the profile saved and its sign-in form shown.
 */
export async function openProfile(
  e2e: CognitoE2e,
  name: string,
  app: { readonly userPoolId: string; readonly clientId: string },
  options: OpenProfileOptions = {},
): Promise<Page> {
  const page = await e2e.ext.openOptions('#cognito');
  await createProfile(page, options.endpoint ?? e2e.server.url, {
    name,
    userPoolId: app.userPoolId,
    clientId: app.clientId,
    ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    ...(options.remember === undefined ? {} : { remember: options.remember }),
    ...(options.signInFlow === undefined ? {} : { signInFlow: options.signInFlow }),
  });
  return page;
}

/** The sign-in form of a profile. */
export function signInForm(page: Page, profileName: string): Locator {
  return page.getByRole('form', { name: `Sign in to ${profileName}` });
}

async function fillSignIn(page: Page, profileName: string, username: string, password: string): Promise<Locator> {
  const form = signInForm(page, profileName);
  await form.getByRole('textbox', { name: 'Username' }).fill(username);
  await form.getByLabel('Password', { exact: true }).fill(password);
  return form;
}

/** Fills the sign-in form and clicks "Enroll in TOTP MFA". */
export async function signInAndEnroll(page: Page, profileName: string, username: string, password: string): Promise<void> {
  const form = await fillSignIn(page, profileName, username, password);
  await form.getByRole('button', { name: 'Enroll in TOTP MFA' }).click();
}

/** Fills the sign-in form and clicks "Sign in only". */
export async function signInOnly(page: Page, profileName: string, username: string, password: string): Promise<void> {
  const form = await fillSignIn(page, profileName, username, password);
  await form.getByRole('button', { name: 'Sign in only' }).click();
}

/** The Cognito section of the options page. */
export function cognitoSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Amazon Cognito TOTP enrollment' });
}

/**
 * Waits (ENROLL_TIMEOUT_MS) for the "Enrollment complete" region and returns it. On timeout the failure shows
 * the section's text (states and problems carry no secrets), so a stopped enrollment says why.
 */
export async function enrollmentComplete(page: Page): Promise<Locator> {
  const done = page.getByRole('region', { name: 'Enrollment complete' });
  await expect
    .poll(async () => ((await done.isVisible()) ? 'Enrollment complete' : await cognitoSection(page).innerText()), { timeout: ENROLL_TIMEOUT_MS, interval: 100 })
    .toBe('Enrollment complete');
  return done;
}

/** The enrollment summary's terms and definitions ("Sign-in flow" -> "USER_SRP_AUTH"). */
export async function enrollmentSummary(done: Locator): Promise<Record<string, string>> {
  const terms = await done.getByRole('term').allTextContents();
  const definitions = await done.getByRole('definition').allTextContents();
  expect(definitions).toHaveLength(terms.length);
  return Object.fromEntries(terms.map((term, index) => [term, definitions[index] ?? '']));
}

/** The accessible names of the popup's copy buttons whose account matches `query` (the popup's search), once every code is shown. */
export async function popupAccountNames(ext: LoadedExtension, query: string): Promise<readonly string[]> {
  const popup = await ext.openPopup();
  try {
    await popup.getByRole('searchbox', { name: 'Search accounts' }).fill(query);
    const buttons = popup.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: ANY_COPY_BUTTON });
    const names = (): Promise<string[]> => buttons.evaluateAll((all) => all.map((button) => button.getAttribute('aria-label') ?? ''));
    await buttons.first().waitFor();
    // A row's name has its code once the code is computed.
    await expect.poll(async () => (await names()).filter((name) => !/, \d/.test(name))).toEqual([]);
    return await names();
  } finally {
    await popup.close();
  }
}

/** The code the popup shows for an account ("Issuer (name)"). */
export async function popupCode(ext: LoadedExtension, label: string): Promise<string> {
  const popup = await ext.openPopup();
  try {
    const button = popup.getByRole('button', { name: new RegExp(`^${shownLabel(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, \\d`) });
    await button.waitFor();
    return codeFromName((await button.getAttribute('aria-label')) ?? '');
  } finally {
    await popup.close();
  }
}

/** An app client as the fresh sign-in needs it. */
export interface AppClientRef {
  readonly userPoolId: string;
  readonly clientId: string;
  /** For clients generated with a secret: SECRET_HASH goes with every request. */
  readonly clientSecret?: string | undefined;
}

type AuthOutput = InitiateAuthCommandOutput | RespondToAuthChallengeCommandOutput;

/**
 * A fresh sign-in against the server, independent of Keystep (AWS SDK; SRP from amazon-cognito-identity-js),
 * expecting SOFTWARE_TOKEN_MFA and answering it with `code`. Rejects with the service error (e.g.
 * CodeMismatchException) when the server refuses.
 * @returns the access token.
 */
export async function signInWithCode(
  sdk: CognitoIdentityProviderClient,
  app: AppClientRef,
  username: string,
  password: string,
  code: string,
  flow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' = 'USER_PASSWORD_AUTH',
): Promise<string | undefined> {
  const { clientId, clientSecret } = app;
  const hash = (name: string): Record<string, string> => (clientSecret === undefined ? {} : { SECRET_HASH: computeSecretHash(clientSecret, name, clientId) });
  let out: AuthOutput;
  if (flow === 'USER_PASSWORD_AUTH') {
    out = await sdk.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password, ...hash(username) } }));
  } else {
    const srp = new SrpTestClient(app.userPoolId.split('_')[1] ?? '');
    const start = await sdk.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: clientId, AuthParameters: { USERNAME: username, SRP_A: await srp.srpA(), ...hash(username) } }));
    expect(start.ChallengeName).toBe('PASSWORD_VERIFIER');
    const params = start.ChallengeParameters ?? {};
    const userId = params['USER_ID_FOR_SRP'] ?? username;
    const timestamp = formatSrpTimestamp(Date.now());
    out = await sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: {
          USERNAME: userId,
          PASSWORD_CLAIM_SECRET_BLOCK: params['SECRET_BLOCK'] ?? '',
          PASSWORD_CLAIM_SIGNATURE: await srp.signature(params, password, timestamp),
          TIMESTAMP: timestamp,
          ...hash(userId),
        },
      }),
    );
  }
  expect(out.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  const mfaUser = out.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? out.ChallengeParameters?.['USERNAME'] ?? username;
  const done = await sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: out.Session,
      ChallengeResponses: { USERNAME: mfaUser, SOFTWARE_TOKEN_MFA_CODE: code, ...hash(mfaUser) },
    }),
  );
  return done.AuthenticationResult?.AccessToken;
}

/** One request the options page sent to the server, as the server logged it, with the auth flow or challenge it named. */
export interface CognitoCall {
  readonly operation: string;
  readonly status: number;
  readonly errorType?: string;
  /** InitiateAuth's AuthFlow. */
  readonly authFlow?: string;
  /** RespondToAuthChallenge's ChallengeName. */
  readonly challengeName?: string;
}

/** What a request body named; never the rest of it (passwords, codes, sessions). */
interface SentCall {
  readonly operation: string;
  readonly authFlow?: string;
  readonly challengeName?: string;
}

/**
 * Records, from now on, the Cognito calls `page` makes: the server's requestLog (operation, status, error name),
 * joined in order with the AuthFlow / ChallengeName read from the browser's request bodies (the log holds no
 * bodies). Only for a test that runs alone against `server`, so that the log's new entries are this page's.
 */
export function watchCognitoCalls(page: Page, server: CognitoServer): { calls(): readonly CognitoCall[] } {
  const start = server.requestLog.all().length;
  const sent: SentCall[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) || request.method() !== 'POST') return;
    const operation = (request.headers()['x-amz-target'] ?? '').split('.').pop() ?? '';
    const body = JSON.parse(request.postData() ?? '{}') as { AuthFlow?: unknown; ChallengeName?: unknown };
    sent.push({
      operation,
      ...(typeof body.AuthFlow === 'string' ? { authFlow: body.AuthFlow } : {}),
      ...(typeof body.ChallengeName === 'string' ? { challengeName: body.ChallengeName } : {}),
    });
  });
  return {
    calls() {
      const logged = server.requestLog.all().slice(start).filter((entry) => entry.method === 'POST');
      expect(logged.map((entry) => entry.operation)).toEqual(sent.map((call) => call.operation));
      return logged.map((entry, index) => ({
        operation: entry.operation ?? '',
        status: entry.status,
        ...(entry.errorType === undefined ? {} : { errorType: entry.errorType }),
        ...sent[index],
      }));
    },
  };
}

/**
 * Records, from now on, the refresh tokens Cognito's sign-in answers (InitiateAuth, RespondToAuthChallenge) gave
 * `page`, read from the responses the browser received.
 */
export function watchRefreshTokens(page: Page): { tokens(): Promise<readonly string[]> } {
  const tokens: Promise<string | undefined>[] = [];
  page.on('response', (response) => {
    const operation = (response.request().headers()['x-amz-target'] ?? '').split('.').pop();
    if ((operation !== 'InitiateAuth' && operation !== 'RespondToAuthChallenge') || response.status() !== 200) return;
    tokens.push(response.json().then((body: { AuthenticationResult?: { RefreshToken?: string } }) => body.AuthenticationResult?.RefreshToken, () => undefined));
  });
  return { tokens: async () => (await Promise.all(tokens)).filter((token) => token !== undefined) };
}

/** `refreshToken` (of a client without a secret) refreshes nothing any more: REFRESH_TOKEN_AUTH is refused as revoked. */
export async function expectRevoked(e2e: CognitoE2e, clientId: string, refreshToken: string): Promise<void> {
  await expect(
    e2e.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } })),
  ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
}

/** The note on the result or failure once Keystep revoked the refresh token it received. */
export const SESSION_ENDED = 'Keystep ended its sign-in session: Cognito revoked the refresh token Keystep received.';

/** A compact line per call, e.g. "InitiateAuth USER_SRP_AUTH 200", "InitiateAuth USER_SRP_AUTH 400 InvalidParameterException". */
export function describeCalls(calls: readonly CognitoCall[]): readonly string[] {
  return calls.map((call) => [call.operation, call.authFlow ?? call.challengeName, call.status, call.errorType].filter((part) => part !== undefined).join(' '));
}

/** Parsed storage dump (dumpExtensionStorage). */
interface StorageAreas {
  readonly local: {
    /** As stored (vault schema 3: the account list as its JSON text; decodeStoredVault reads it). */
    readonly vault?: { readonly accountsJson?: string; readonly clientSecrets?: Readonly<Record<string, string>> };
    readonly cognitoProfiles?: readonly { readonly id: string; readonly name: string; readonly clientId: string; readonly clientSecret?: string }[];
  };
}

/** The fields of a stored account these tests read. */
export interface StoredAccount {
  readonly id: string;
  readonly issuer: string;
  readonly name: string;
  readonly secret: string;
  readonly status: 'active' | 'pending';
  readonly cognito?: { readonly userPoolId: string; readonly clientId: string; readonly username: string };
}

/** The vault's accounts linked to this Cognito user (pool, client, username as typed), in vault order. */
export function storedCognitoAccounts(dump: string, ref: { readonly userPoolId: string; readonly clientId: string; readonly username: string }): readonly StoredAccount[] {
  const areas = JSON.parse(dump) as StorageAreas;
  const vault = decodeStoredVault(areas.local.vault);
  return ((vault?.format === 'plain' ? vault.accounts : []) as unknown as StoredAccount[]).filter(
    (account) => account.cognito?.userPoolId === ref.userPoolId && account.cognito.clientId === ref.clientId && account.cognito.username === ref.username,
  );
}

/** The stored connection profile named `name`. */
export function storedProfile(dump: string, name: string): { readonly id: string; readonly name: string; readonly clientId: string; readonly clientSecret?: string } | undefined {
  return (JSON.parse(dump) as StorageAreas).local.cognitoProfiles?.find((profile) => profile.name === name);
}

/** The client secrets remembered in the (unencrypted) vault, by profile id. */
export function rememberedClientSecrets(dump: string): Readonly<Record<string, string>> {
  return (JSON.parse(dump) as StorageAreas).local.vault?.clientSecrets ?? {};
}

/** No password (of those given) and no JWT anywhere in the storage dump. */
export function expectNoPasswordOrToken(dump: string, passwords: readonly string[]): void {
  for (const password of passwords) expect(dump.includes(password), 'a password is in storage').toBe(false);
  expect(JWT_PATTERN.test(dump), 'a JWT is in storage').toBe(false);
}

/**
 * The popup shows the account "<profile> (<username>)" and a fresh sign-in (independent of Keystep) with the code it
 * shows succeeds. `password` defaults to the seeded one.
 * @returns the code used.
 */
export async function expectPopupCodeSignsIn(
  e2e: CognitoE2e,
  profileName: string,
  user: SeededUser,
  options: { readonly password?: string; readonly flow?: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' } = {},
): Promise<string> {
  const code = await popupCode(e2e.ext, `${profileName} (${user.username})`);
  expect(await signInWithCode(e2e.sdk, user, user.username, options.password ?? user.password, code, options.flow)).toMatch(/^eyJ/);
  return code;
}
