import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoServer, type CognitoServer } from '../support/cognito-server/index.ts';
import {
  cognitoSection,
  ENROLL_TIMEOUT_MS,
  enrollmentComplete,
  enrollmentSummary,
  openProfile,
  seedUser,
  signInAndEnroll,
  signInOnly,
  startCognitoE2e,
  storedCognitoAccounts,
  storedProfile,
  type CognitoE2e,
} from '../support/cognito-e2e.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { startHostileRelay, jsonStrings, type HostileRelay, type RelayedRequest } from '../support/hostile-relay.ts';
import { base32Bytes, totpCode } from '../support/independent-otp.ts';

// Issue 9 item 3: sign-ins are bound to where the secret was enrolled, and the password leaves the browser only with
// the user's consent. A second Cognito-compatible endpoint plays the hostile one: a relay that keeps every byte the
// options page sends it (test/support/hostile-relay.ts), in front of a second local server whose app clients allow only
// the password flow (the bait for a silent fallback), or in front of the first server, where the account was enrolled
// (the same pool, app client and user through another endpoint). What it must never get: the password through
// USER_PASSWORD_AUTH without consent, and a code of the secret enrolled elsewhere.

let e2e: CognitoE2e;
/** The hostile operator's own server. */
let hostileServer: CognitoServer;
/** A relay in front of the hostile server. */
let toHostile: HostileRelay;
/** A relay in front of the server accounts are enrolled on. */
let toGenuine: HostileRelay;

beforeAll(async () => {
  e2e = await startCognitoE2e();
  hostileServer = await startCognitoServer();
  toHostile = await startHostileRelay(hostileServer.url);
  toGenuine = await startHostileRelay(e2e.server.url);
});
afterAll(async () => {
  await toGenuine.close();
  await toHostile.close();
  await hostileServer.close();
  await e2e.close();
});

const PASSWORD_ONLY = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/** The requests (not preflights) a relay received since `from`, as "Operation AuthFlow|ChallengeName". */
function calls(relay: HostileRelay, from: number): readonly string[] {
  return relay
    .received()
    .slice(from)
    .filter((request) => request.method === 'POST')
    .map((request) => {
      const body = request.body as { AuthFlow?: string; ChallengeName?: string } | undefined;
      return [request.operation, body?.AuthFlow ?? body?.ChallengeName].filter((part) => part !== undefined).join(' ');
    });
}

/** The requests a relay received since `from` whose body holds `text` anywhere (raw, so also inside any field). */
const holding = (relay: HostileRelay, from: number, text: string): readonly RelayedRequest[] => relay.received().slice(from).filter((request) => request.raw.includes(text));

describe('a hostile endpoint', () => {
  it('with the default sign-in flow (SRP) never receives the password, although its app client allows only USER_PASSWORD_AUTH', async () => {
    const user = seedUser(hostileServer, { username: 'bait@example.com', password: 'Bait-password-1', flows: PASSWORD_ONLY });
    const page = await openProfile(e2e, 'Hostile', user, { endpoint: toHostile.url });
    expect(storedProfile(await dumpExtensionStorage(page), 'Hostile')).toMatchObject({ signInFlow: 'srp' });
    const from = toHostile.received().length;
    const log = hostileServer.requestLog.all().length;
    await signInAndEnroll(page, 'Hostile', user.username, user.password);

    await expect
      .poll(() => cognitoSection(page).getByRole('alert').allTextContents(), { timeout: ENROLL_TIMEOUT_MS })
      .toEqual([expect.stringMatching(/^App client \w+ does not allow SRP sign-in\. Turn on ALLOW_USER_SRP_AUTH/)]);
    // One SRP attempt (A only: SRP sends no password) and nothing after it: no USER_PASSWORD_AUTH, the password in no byte.
    expect(calls(toHostile, from)).toEqual(['InitiateAuth USER_SRP_AUTH']);
    expect(holding(toHostile, from, user.password)).toEqual([]);
    // The server behind the relay logged the same one request, refused.
    expect(
      hostileServer.requestLog
        .all()
        .slice(log)
        .filter((entry) => entry.method === 'POST')
        .map((entry) => [entry.operation, entry.status, entry.errorType]),
    ).toEqual([['InitiateAuth', 400, 'InvalidParameterException']]);
    await page.close();
  });

  it('with "SRP, then password" chosen in the form, gets the password only after SRP was refused, and the summary says Keystep fell back', async () => {
    const user = seedUser(hostileServer, { username: 'consent@example.com', password: 'Consent-password-1', flows: PASSWORD_ONLY });
    const page = await openProfile(e2e, 'Consented', user, { endpoint: toHostile.url, signInFlow: 'srp-then-password' });
    const from = toHostile.received().length;
    await signInAndEnroll(page, 'Consented', user.username, user.password);

    const done = await enrollmentComplete(page);
    expect((await enrollmentSummary(done))['Sign-in flow']).toBe('USER_PASSWORD_AUTH — USER_SRP_AUTH is not enabled for this app client, so Keystep used USER_PASSWORD_AUTH.');
    const sent = calls(toHostile, from);
    expect(sent.slice(0, 2)).toEqual(['InitiateAuth USER_SRP_AUTH', 'InitiateAuth USER_PASSWORD_AUTH']);
    // The password went out once, in the USER_PASSWORD_AUTH request the user consented to.
    expect(holding(toHostile, from, user.password).map((request) => (request.body as { AuthFlow?: string }).AuthFlow)).toEqual(['USER_PASSWORD_AUTH']);
    await page.close();
  });

  it('in front of the pool an account was enrolled in, gets no code of that secret: the user is asked for a code and told why', async () => {
    const user = seedUser(e2e.server, { username: 'bound@example.com', password: 'Bound-password-1' });
    const direct = await openProfile(e2e, 'Direct', user);
    await signInAndEnroll(direct, 'Direct', user.username, user.password);
    await enrollmentComplete(direct);
    const [account] = storedCognitoAccounts(await dumpExtensionStorage(direct), { ...user, username: user.username });
    expect(account?.status).toBe('active');
    const key = base32Bytes(account?.secret ?? '');
    await direct.close();

    // The same pool, app client and user through the relay: SRP passes through it to the genuine server, which now asks
    // for the code.
    const page = await openProfile(e2e, 'Through relay', user, { endpoint: toGenuine.url });
    const from = toGenuine.received().length;
    await signInOnly(page, 'Through relay', user.username, user.password);

    const codeForm = page.getByRole('form', { name: 'Enter the code' });
    await codeForm.waitFor();
    expect(await codeForm.textContent()).toContain(
      'Keystep holds a secret for this user but did not use it: it answers a sign-in only through the endpoint, region and app client the secret was enrolled with. ' +
        `It was enrolled through ${e2e.server.url}; this profile uses ${toGenuine.url}. Enter the code from your authenticator app.`,
    );
    expect(await codeForm.textContent()).not.toContain('Keystep does not hold');
    await codeForm.getByRole('textbox', { name: 'Code from your authenticator app' }).waitFor();

    // The relay got the SRP sign-in and nothing else: no answer to SOFTWARE_TOKEN_MFA, no code of the secret in any
    // field of any request, and no password.
    expect(calls(toGenuine, from)).toEqual(['InitiateAuth USER_SRP_AUTH', 'RespondToAuthChallenge PASSWORD_VERIFIER']);
    const now = Date.now();
    const codes = new Set([-2, -1, 0, 1, 2].map((step) => totpCode(key, now + step * 30_000)));
    const values = toGenuine
      .received()
      .slice(from)
      .flatMap((request) => jsonStrings(request.body));
    expect(values.filter((value) => codes.has(value))).toEqual([]);
    expect(holding(toGenuine, from, user.password)).toEqual([]);
    await page.close();
  });
});
