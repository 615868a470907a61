import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cognitoSection,
  createProfile,
  ENROLL_TIMEOUT_MS,
  enrollmentComplete,
  enrollmentSummary,
  popupCode,
  signInAndEnroll,
  signInWithCode,
  storedCognitoAccounts,
  storedProfile,
} from '../support/cognito-e2e.ts';
import { startCognitoLocal, type CognitoLocal } from '../support/cognito-local.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { base32Bytes, totpCode } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';

// Issue 13 item 4: a developer enrolls a user on cognito-local (a dev dependency, started on 127.0.0.1 with a
// temporary data folder by test/support/cognito-local.ts, set up through its API) through the options page, with the
// sign-in flow Password chosen in the profile form, as docs/local-emulators.md says. cognito-local checks the codes
// for real: the popup's code signs in afresh, a wrong one is refused. With the SRP default Keystep says at once that
// the server has no SRP.

let local: CognitoLocal;
let ext: LoadedExtension;

beforeAll(async () => {
  local = await startCognitoLocal();
  ext = await launchExtension();
}, 60_000);
afterAll(async () => {
  await ext.close();
  await local.stop();
});

/** A six-digit code that none of the steps from two back to two ahead of now gives. */
function wrongCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((step) => totpCode(base32Bytes(secret), Date.now() + step * 30_000)));
  const code = ['000000', '111111', '222222', '333333', '444444', '555555'].find((candidate) => !near.has(candidate));
  if (code === undefined) throw new Error('no wrong code found');
  return code;
}

describe('cognito-local 5.3.0 through the options page', () => {
  it('enrolls with the sign-in flow Password; the popup\'s code signs in afresh, a wrong code is refused', async () => {
    const pool = await local.createPool({ username: 'dev@example.com', password: 'Dev-pass-1!' });
    const page = await ext.openOptions('#cognito');
    // Endpoint, the local_ pool ID, no region (it becomes the pool ID's prefix), and Password chosen in the form.
    await createProfile(page, local.url, { name: 'cognito-local', userPoolId: pool.userPoolId, clientId: pool.clientId, signInFlow: 'password' });
    expect(storedProfile(await dumpExtensionStorage(page), 'cognito-local')).toMatchObject({ region: 'local', endpoint: local.url, signInFlow: 'password' });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(local.url) && request.method() === 'POST') sent.push((request.headers()['x-amz-target'] ?? '').split('.').pop() ?? '');
    });
    await signInAndEnroll(page, 'cognito-local', pool.username, pool.password);

    const done = await enrollmentComplete(page);
    expect(await enrollmentSummary(done)).toEqual({
      // The pool takes e-mail addresses as usernames; GetUser names the user by its sub.
      Username: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) as unknown,
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: 'SOFTWARE_TOKEN_MFA',
      'Sign-in flow': 'USER_PASSWORD_AUTH',
    });
    // Once enrolled, the sign-in session ends: its refresh token is revoked.
    await expect.poll(() => sent).toEqual(['InitiateAuth', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference', 'GetUser', 'RevokeToken']);
    const [account] = storedCognitoAccounts(await dumpExtensionStorage(page), { userPoolId: pool.userPoolId, clientId: pool.clientId, username: pool.username });
    expect(account?.status).toBe('active');
    await page.close();

    // A fresh sign-in with the AWS SDK: cognito-local asks for the code, takes the popup's and refuses a wrong one.
    const code = await popupCode(ext, `cognito-local (${pool.username})`);
    expect(await signInWithCode(local.sdk, pool, pool.username, pool.password, code)).toMatch(/^eyJ/);
    await expect(signInWithCode(local.sdk, pool, pool.username, pool.password, wrongCode(account?.secret ?? ''))).rejects.toMatchObject({ name: 'CodeMismatchException' });
  });

  it('with the SRP default says the server does not support SRP and to choose Password, after one request, with no retry', async () => {
    const pool = await local.createPool({ username: 'srp@example.com' });
    const page = await ext.openOptions('#cognito');
    await createProfile(page, local.url, { name: 'cognito-local SRP', userPoolId: pool.userPoolId, clientId: pool.clientId });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(local.url) && request.method() === 'POST') sent.push((request.headers()['x-amz-target'] ?? '').split('.').pop() ?? '');
    });
    await signInAndEnroll(page, 'cognito-local SRP', pool.username, pool.password);

    const section = cognitoSection(page);
    await expect
      .poll(() => section.getByRole('alert').allTextContents(), { timeout: ENROLL_TIMEOUT_MS })
      .toEqual([
        `The server at ${new URL(local.url).host} does not support SRP sign-in (Unsupported: Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH). ` +
          'If it has no SRP, as cognito-local, set this profile\'s sign-in flow to “Password” (it sends the password to that server).',
      ]);
    expect(await section.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(sent).toEqual(['InitiateAuth']);
    expect(storedCognitoAccounts(await dumpExtensionStorage(page), { userPoolId: pool.userPoolId, clientId: pool.clientId, username: pool.username })).toEqual([]);
    await page.close();
  });
});
