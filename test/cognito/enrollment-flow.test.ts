import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthResponse, CognitoApi, VerifySoftwareTokenInput } from '../../src/cognito/cognito-api.ts';
import type { CognitoProfile } from '../../src/cognito/cognito-profile.ts';
import type { Fault } from '../support/cognito-server/index.ts';
import { account, draft } from '../support/account-fixtures.ts';
import { DEMO, harness, PASSWORD, START, step, STEP_START, totp, type Harness, type HarnessOptions, type UserInit } from './enrollment-flow-harness.ts';

// The enrollment flow against the local Cognito server's operations (in process) and Keystep's real store.

const hash = (secret: string, username: string, clientId: string): string => createHmac('sha256', secret).update(username + clientId).digest('base64');
/** A code that is not the right one at `at`. */
const wrongCode = (secret: string, at: number): string => String((Number(totp(secret, at)) + 1) % 1_000_000).padStart(6, '0');
const serviceError = (name: string, message: string, status?: number): Fault => ({ kind: 'error', name, message, ...(status === undefined ? {} : { status }) });
/** Makes the next calls of `operation` fail, one fault per call, in order. */
function fail(h: Harness, operation: string, ...faults: readonly Fault[]): void {
  for (const fault of faults) h.cognito.faults.injectFault({ ...fault, operation, times: 1 });
}
const TOTP_USER: UserInit = { ...DEMO, factors: ['SOFTWARE_TOKEN_MFA'] };

describe('sign-in', () => {
  it('signs in with USER_SRP_AUTH (a real SRP exchange) by default', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.ops()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    const [initiate] = h.initiateInputs();
    expect(initiate?.AuthFlow).toBe('USER_SRP_AUTH');
    expect(Object.keys(initiate?.AuthParameters ?? {}).sort()).toEqual(['SRP_A', 'USERNAME']);
    expect(h.challengeInputs()[0]).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: { USERNAME: 'demo', TIMESTAMP: 'Tue Nov 3 07:05:01 UTC 2026' } });
    expect(h.flow.getState()).toEqual({ kind: 'signed-in', username: 'demo', email: 'demo-with-mfa@example.com', flowUsed: 'USER_SRP_AUTH' });
    expect(h.kinds()).toEqual(['signing-in', 'signed-in']);
    h.expectNoSecrets();
  });

  it('signs in with USER_PASSWORD_AUTH only when the profile\'s sign-in flow is password', async () => {
    const h = await harness({ profile: { signInFlow: 'password' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.initiateInputs()).toEqual([{ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: h.clientId, AuthParameters: { USERNAME: 'demo', PASSWORD } }]);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: 'USER_PASSWORD_AUTH' });
    expect(h.flow.getState()).not.toHaveProperty('fellBackFrom');
  });

  it.each([
    ['USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
    ['USER_SRP_AUTH', 'USER_SRP_AUTH'],
  ])('reads a profile an older build saved with preferredFlow %s as the one flow %s', async (preferredFlow, used) => {
    // Stored profiles are handed to the flow as storage holds them.
    const h = await harness({ profile: { preferredFlow } as Partial<CognitoProfile> });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.initiateInputs().map((i) => i.AuthFlow)).toEqual([used]);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: used });
  });

  const PASSWORD_ONLY = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  const SRP_ONLY = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  it.each([
    { name: 'SRP not enabled', generic: false },
    { name: 'SRP not enabled ("Auth flow not enabled")', generic: true },
  ])('with "srp-then-password" falls back to the password flow: $name, and reports it', async ({ generic }) => {
    const h = await harness({ client: { flows: PASSWORD_ONLY }, profile: { signInFlow: 'srp-then-password' } });
    // Cognito also words it without naming the flow (the admin flow's wording).
    if (generic) fail(h, 'InitiateAuth', serviceError('InvalidParameterException', 'Auth flow not enabled for this client'));
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.initiateInputs().map((i) => i.AuthFlow)).toEqual(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH']);
    expect(h.calls()[0]?.error).toBe('InvalidParameterException');
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: 'USER_PASSWORD_AUTH', fellBackFrom: 'USER_SRP_AUTH' });
  });

  it('with "srp-then-password" on an SRP client never sends the password', async () => {
    const h = await harness({ client: { flows: SRP_ONLY }, profile: { signInFlow: 'srp-then-password' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.initiateInputs().map((i) => i.AuthFlow)).toEqual(['USER_SRP_AUTH']);
    expect(JSON.stringify(h.calls().map((c) => c.input))).not.toContain(PASSWORD);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: 'USER_SRP_AUTH' });
  });

  // The setting is the user's consent to send the password: without it, no fallback (before the setting, Keystep fell
  // back from SRP to USER_PASSWORD_AUTH by itself).
  it.each([
    { setting: 'srp' as const, flows: PASSWORD_ONLY, tried: ['USER_SRP_AUTH'], code: 'srp-flow-not-enabled', allow: 'ALLOW_USER_SRP_AUTH' },
    { setting: undefined, flows: PASSWORD_ONLY, tried: ['USER_SRP_AUTH'], code: 'srp-flow-not-enabled', allow: 'ALLOW_USER_SRP_AUTH' },
    { setting: 'password' as const, flows: SRP_ONLY, tried: ['USER_PASSWORD_AUTH'], code: 'password-flow-not-enabled', allow: 'ALLOW_USER_PASSWORD_AUTH' },
  ])('with $setting on a client without that flow fails with $code and tries no other flow', async ({ setting, flows, tried, code, allow }) => {
    const h = await harness({ client: { flows }, profile: setting === undefined ? {} : { signInFlow: setting } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.initiateInputs().map((i) => i.AuthFlow)).toEqual(tried);
    if (setting !== 'password') expect(JSON.stringify(h.calls().map((c) => c.input))).not.toContain(PASSWORD);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code, retry: 'no', params: { clientId: h.clientId, setting: allow } } });
  });

  it.each([
    ['srp-then-password' as const, ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'], 'auth-flows-not-enabled'],
    ['srp' as const, ['USER_SRP_AUTH'], 'srp-flow-not-enabled'],
    ['password' as const, ['USER_PASSWORD_AUTH'], 'password-flow-not-enabled'],
  ])('with %s on a client that allows neither flow tries %j and fails with %s', async (signInFlow, tried, code) => {
    const h = await harness({ client: { flows: ['ALLOW_REFRESH_TOKEN_AUTH'] }, profile: { signInFlow } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.initiateInputs().map((i) => i.AuthFlow)).toEqual(tried);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code, params: { clientId: h.clientId }, retry: 'no' } });
  });

  it.each([
    ['USER_SRP_AUTH' as const, ['InitiateAuth', 'RespondToAuthChallenge']],
    ['USER_PASSWORD_AUTH' as const, ['InitiateAuth']],
  ])('a wrong password with %s fails as incorrect-credentials without retrying', async (flow, ops) => {
    const h = await harness({ profile: { signInFlow: flow === 'USER_SRP_AUTH' ? 'srp' : 'password' } });
    await h.flow.signIn({ username: 'demo', password: 'Wrong-password-1' });
    expect(h.ops()).toEqual(ops);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code: 'incorrect-credentials' } });
    h.expectNoSecrets(['Wrong-password-1']);
  });
});

describe('client secret', () => {
  // A pool whose users sign in with their e-mail: the pool names them by their sub (USER_ID_FOR_SRP).
  const alice: UserInit = { username: 'alice@example.com', email: 'alice@example.com', factors: ['SOFTWARE_TOKEN_MFA'] };

  it('adds SECRET_HASH to InitiateAuth (typed username) and every challenge answer (USER_ID_FOR_SRP)', async () => {
    const h = await harness({ pool: { emailUsernames: true }, client: { secret: true }, users: [alice] });
    const sub = h.poolName('alice@example.com');
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    await h.addActive(h.ref('alice@example.com'), h.secretOf('alice@example.com'));
    await h.flow.signIn({ username: 'alice@example.com', password: PASSWORD, clientSecret: h.clientSecret });
    expect(h.initiateInputs()[0]?.AuthParameters['SECRET_HASH']).toBe(hash(h.clientSecret, 'alice@example.com', h.clientId));
    const answers = h.challengeInputs();
    expect(answers.map((a) => a.ChallengeName)).toEqual(['PASSWORD_VERIFIER', 'SOFTWARE_TOKEN_MFA']);
    for (const answer of answers) {
      expect(answer.ChallengeResponses['USERNAME']).toBe(sub);
      expect(answer.ChallengeResponses['SECRET_HASH']).toBe(hash(h.clientSecret, sub, h.clientId));
    }
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', username: 'alice@example.com', mfaUsed: 'SOFTWARE_TOKEN_MFA' });
    h.expectNoSecrets([h.clientSecret, h.secretOf('alice@example.com')]);
  });

  it('adds SECRET_HASH to USER_PASSWORD_AUTH too', async () => {
    const h = await harness({ client: { secret: true }, profile: { signInFlow: 'password' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD, clientSecret: h.clientSecret });
    expect(h.initiateInputs()[0]?.AuthParameters).toEqual({ USERNAME: 'demo', PASSWORD, SECRET_HASH: hash(h.clientSecret, 'demo', h.clientId) });
    expect(h.flow.getState().kind).toBe('signed-in');
  });

  it.each([
    ['client-secret-missing', undefined],
    ['client-secret-wrong', 'not-the-secret'],
  ])('fails as %s when the secret is %j', async (code, clientSecret) => {
    const h = await harness({ client: { secret: true } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD, ...(clientSecret === undefined ? {} : { clientSecret }) });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code, params: { clientId: h.clientId } } });
    h.expectNoSecrets([h.clientSecret, 'not-the-secret']);
  });
});

describe('challenges', () => {
  it('NEW_PASSWORD_REQUIRED, then MFA_SETUP: enrolls inside the challenge session', async () => {
    const h = await harness({ pool: { mfa: 'ON', requiredAttributes: ['name'] }, users: [{ ...DEMO, temporary: true }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toEqual({ kind: 'needs-new-password', username: 'demo', requiredAttributes: ['name'] });

    await expect(h.flow.submitNewPassword({ newPassword: 'Bbbb2222!' })).rejects.toThrow(/required attributes: name/);
    await h.flow.submitNewPassword({ newPassword: 'Bbbb2222!', attributes: { name: 'Demo User' } });

    expect(h.events).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge', // PASSWORD_VERIFIER
      'RespondToAuthChallenge', // NEW_PASSWORD_REQUIRED
      'AssociateSoftwareToken',
      'savePending',
      'VerifySoftwareToken',
      'RespondToAuthChallenge', // MFA_SETUP
      'SetUserMFAPreference',
      'GetUser',
      'markActive',
      'RevokeToken', // the refresh token of the MFA_SETUP answer
    ]);
    expect(h.revokedTokens()).toEqual(h.refreshTokens());
    const calls = h.calls();
    const answers = h.challengeInputs();
    expect(answers[1]?.ChallengeResponses).toEqual({ NEW_PASSWORD: 'Bbbb2222!', 'userAttributes.name': 'Demo User', USERNAME: 'demo' });
    // The session chain: NEW_PASSWORD_REQUIRED's answer -> Associate -> Verify -> MFA_SETUP answer.
    const sessionOf = (i: number): unknown => (calls[i]?.output as { Session?: string }).Session;
    expect(calls.map((c) => c.op).slice(3, 6)).toEqual(['AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
    expect(sessionOf(2)).toEqual(expect.any(String));
    expect(calls[3]?.input).toEqual({ Session: sessionOf(2) });
    expect(calls[4]?.input).toMatchObject({ Session: sessionOf(3) });
    expect(calls[4]?.input).not.toHaveProperty('AccessToken');
    expect(answers[2]).toEqual({ ClientId: h.clientId, ChallengeName: 'MFA_SETUP', Session: sessionOf(4), ChallengeResponses: { USERNAME: 'demo' } });
    // The pool took the new password.
    expect(h.cognito.admin.adminGetUser({ UserPoolId: h.poolId, Username: 'demo' })).toMatchObject({ UserStatus: 'CONFIRMED', PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
    await expect(h.cognito.api.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: h.clientId, AuthParameters: { USERNAME: 'demo', PASSWORD: 'Bbbb2222!' } })).resolves.toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
    });
    expect(await h.accounts()).toMatchObject([{ status: 'active', secret: h.associatedSecret(), name: 'demo' }]);
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { viaMfaSetup: true, preferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } });
    expect(h.steps()).toEqual(['associate', 'save-pending', 'verify', 'complete-setup', 'set-preference', 'confirm', 'activate']);
    h.expectNoSecrets(['Bbbb2222!']);
  });

  it('asks again, at once with a live session, when the new password breaks the policy', async () => {
    const h = await harness({ users: [{ ...DEMO, temporary: true }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.submitNewPassword({ newPassword: 'short' });
    expect(h.flow.getState()).toMatchObject({ kind: 'needs-new-password', problem: { code: 'new-password-invalid' } });
    // Cognito spent the session on the refused answer: Keystep signed in again for a fresh one.
    expect(h.ops()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'InitiateAuth', 'RespondToAuthChallenge']);
    await h.flow.submitNewPassword({ newPassword: 'Long-enough-1' });
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in' });
    expect(h.ops().slice(5)).toEqual(['RespondToAuthChallenge']);
    h.expectNoSecrets(['Long-enough-1', 'short']);
  });

  it('answers SOFTWARE_TOKEN_MFA with the secret Keystep already stores', async () => {
    const h = await harness({ users: [TOTP_USER] });
    await h.addActive(h.ref(), h.secretOf());
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const answer = h.challengeInputs()[1];
    expect(answer?.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(answer?.ChallengeResponses['SOFTWARE_TOKEN_MFA_CODE']).toBe(totp(h.secretOf(), START));
    expect(h.kinds()).not.toContain('needs-code');
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: true });
    h.expectNoSecrets([h.secretOf()]);
  });

  // Issue 9: a stored secret answers only a sign-in to the target it was enrolled with (endpoint, region, pool, app
  // client, username). Before, the store matched the user in the pool whichever app client enrolled the secret.
  it.each([
    {
      name: 'another app client',
      enrolled: { clientId: 'another-app-client' },
      profile: {},
      notice: { differs: 'clientId', enrolledClientId: 'another-app-client', currentClientId: 'CLIENT' },
    },
    {
      name: 'AWS, now through a proxy',
      enrolled: {},
      profile: { endpoint: 'https://proxy.example.com/cognito/' },
      notice: { differs: 'endpoint', enrolledEndpoint: 'https://cognito-idp.ap-northeast-1.amazonaws.com', currentEndpoint: 'https://proxy.example.com/cognito' },
    },
    {
      name: 'an emulator, now AWS',
      enrolled: { endpoint: 'http://127.0.0.1:9229' },
      profile: {},
      notice: { differs: 'endpoint', enrolledEndpoint: 'http://127.0.0.1:9229', currentEndpoint: 'https://cognito-idp.ap-northeast-1.amazonaws.com' },
    },
    {
      name: 'another region and app client',
      enrolled: { region: 'eu-west-1', clientId: 'another-app-client' },
      profile: {},
      notice: { differs: 'region clientId', enrolledRegion: 'eu-west-1', currentRegion: 'ap-northeast-1', enrolledClientId: 'another-app-client', currentClientId: 'CLIENT' },
    },
  ])('does not answer with a secret enrolled through $name: asks for the code and says what differs', async ({ enrolled, profile, notice }) => {
    const h = await harness({ users: [TOTP_USER], profile });
    await h.addActive({ ...h.ref(), ...enrolled }, h.secretOf());
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const expected = Object.fromEntries(Object.entries(notice).map(([key, value]) => [key, value === 'CLIENT' ? h.clientId : value]));
    expect(h.flow.getState()).toEqual({
      kind: 'needs-code',
      username: 'demo',
      challenge: 'SOFTWARE_TOKEN_MFA',
      notice: { code: 'stored-secret-other-target', retry: 'no', params: { operation: 'RespondToAuthChallenge', ...expected } },
    });
    // No code of that secret went to the server.
    expect(h.challengeInputs().filter((a) => a.ChallengeName === 'SOFTWARE_TOKEN_MFA')).toEqual([]);
    h.expectNoSecrets([h.secretOf()]);
    // The user's own code still signs in.
    await h.flow.submitCode(totp(h.secretOf(), h.clock.now()));
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: false });
  });

  it('answers with the secret enrolled through the same custom endpoint, however the URL is written', async () => {
    const h = await harness({ users: [TOTP_USER], profile: { endpoint: 'HTTP://127.0.0.1:9229/' } });
    await h.addActive({ ...h.ref(), endpoint: 'http://127.0.0.1:9229' }, h.secretOf());
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: true });
  });

  it('asks for the code when SOFTWARE_TOKEN_MFA comes and Keystep has no secret for the user', async () => {
    const h = await harness({ users: [TOTP_USER] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toEqual({ kind: 'needs-code', username: 'demo', challenge: 'SOFTWARE_TOKEN_MFA' });
    const before = h.calls().length;
    await h.flow.submitCode(wrongCode(h.secretOf(), h.clock.now()));
    expect(h.flow.getState()).toMatchObject({ kind: 'needs-code', challenge: 'SOFTWARE_TOKEN_MFA', problem: { code: 'code-mismatch', retry: 'next-code' } });
    // Cognito spends the session on a wrong answer: the flow has already signed in again for a live one.
    const afterWrong = h.calls().slice(before);
    expect(afterWrong[0]).toMatchObject({ op: 'RespondToAuthChallenge', error: 'CodeMismatchException' });
    expect(afterWrong.slice(1).map((c) => c.op)).toContain('InitiateAuth');
    const liveSession = (afterWrong.at(-1)?.output as { Session?: string } | undefined)?.Session;
    expect(liveSession).toEqual(expect.any(String));
    const code = totp(h.secretOf(), h.clock.now());
    await h.flow.submitCode(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(h.challengeInputs().at(-1)?.ChallengeResponses['SOFTWARE_TOKEN_MFA_CODE']).toBe(code);
    expect(h.challengeInputs().at(-1)?.Session).toBe(liveSession);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: false });
  });

  it.each([
    { factors: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] as const, answer: 'SOFTWARE_TOKEN_MFA', next: 'signed-in' },
    { factors: ['EMAIL_OTP', 'SMS_MFA'] as const, answer: 'SMS_MFA', next: 'needs-code' },
  ])('SELECT_MFA_TYPE among $factors answers $answer', async ({ factors, answer, next }) => {
    const h = await harness({ pool: { sms: true, email: true }, users: [{ ...DEMO, phone: true, factors }] });
    if ((factors as readonly string[]).includes('SOFTWARE_TOKEN_MFA')) await h.addActive(h.ref(), h.secretOf());
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const select = h.challengeInputs().find((a) => a.ChallengeName === 'SELECT_MFA_TYPE');
    expect(select?.ChallengeResponses).toEqual({ ANSWER: answer, USERNAME: 'demo' });
    expect(h.flow.getState().kind).toBe(next);
  });

  it.each([
    { factor: 'SMS_MFA' as const, key: 'SMS_MFA_CODE', destination: '+*******1234' },
    { factor: 'EMAIL_OTP' as const, key: 'EMAIL_OTP_CODE', destination: 'd***@e***' },
  ])('$factor asks for the code the user received and answers $key', async ({ factor, key, destination }) => {
    const h = await harness({ pool: { sms: true, email: true }, users: [{ ...DEMO, phone: true, factors: [factor] }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toEqual({ kind: 'needs-code', username: 'demo', challenge: factor, destination });
    const code = h.sentCode();
    expect(code).toMatch(/^\d{6}$/);
    await h.flow.submitCode(code);
    expect(h.challengeInputs().at(-1)).toMatchObject({ ChallengeName: factor, ChallengeResponses: { [key]: code, USERNAME: 'demo' } });
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: factor, mfaAnsweredByKeystep: false });
  });

  it('fails on a custom challenge (a DefineAuthChallenge Lambda), naming it, and answers nothing', async () => {
    const h = await harness();
    fail(h, 'RespondToAuthChallenge', { kind: 'custom-challenge' });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.ops()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code: 'unsupported-challenge', params: { challenge: 'CUSTOM_CHALLENGE' } } });
  });

  it.each(['CUSTOM_CHALLENGE', 'WEB_AUTHN', 'DEVICE_SRP_AUTH'])('fails on the unsupported challenge %s, naming it', async (challenge) => {
    // Challenges the local server never issues: a stub answers InitiateAuth with them.
    const api: CognitoApi = {
      initiateAuth: (): Promise<AuthResponse> => Promise.resolve({ ChallengeName: challenge, Session: 's', ChallengeParameters: {} }),
      respondToAuthChallenge: () => Promise.reject(new Error('unexpected')),
      associateSoftwareToken: () => Promise.reject(new Error('unexpected')),
      verifySoftwareToken: () => Promise.reject(new Error('unexpected')),
      setUserMfaPreference: () => Promise.reject(new Error('unexpected')),
      getUser: () => Promise.reject(new Error('unexpected')),
      revokeToken: () => Promise.reject(new Error('unexpected')),
    };
    const h = await harness({ flow: { api }, profile: { signInFlow: 'password' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code: 'unsupported-challenge', params: { challenge } } });
  });

  it('fails with totp-disabled-on-pool when MFA_SETUP offers no software token', async () => {
    const h = await harness({ pool: { mfa: 'ON', totp: false, sms: true } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      problem: {
        code: 'totp-disabled-on-pool',
        params: {
          command: `aws cognito-idp set-user-pool-mfa-config --user-pool-id ${h.poolId} --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL`,
        },
      },
    });
  });
});

describe('enroll', () => {
  it('associates, saves the pending account at once, verifies, sets the preference, confirms, activates', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.events.length = 0;
    await h.flow.enroll();

    expect(h.events).toEqual(['AssociateSoftwareToken', 'savePending', 'VerifySoftwareToken', 'SetUserMFAPreference', 'GetUser', 'markActive', 'RevokeToken']);
    const secret = h.associatedSecret();
    const accessToken = (h.callsOf('AssociateSoftwareToken')[0]?.input as { AccessToken: string }).AccessToken;
    expect(accessToken).toMatch(/^eyJ/);
    expect(h.callsOf('VerifySoftwareToken')[0]?.input).toEqual({ AccessToken: accessToken, UserCode: totp(secret, START), FriendlyDeviceName: 'Keystep on Chrome' });
    expect(h.callsOf('SetUserMFAPreference')[0]?.input).toEqual({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(await h.accounts()).toEqual([
      account('acct-1', { ...draft({ secret, issuer: 'cognito-demo', name: 'demo-with-mfa@example.com' }), createdAt: START, cognito: h.ref() }),
    ]);
    expect(h.steps()).toEqual(['associate', 'save-pending', 'verify', 'set-preference', 'confirm', 'activate']);
    expect(h.flow.getState()).toEqual({
      kind: 'enrolled',
      summary: {
        accountId: 'acct-1',
        issuer: 'cognito-demo',
        accountName: 'demo-with-mfa@example.com',
        username: 'demo',
        preferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
        userMfaSettingList: ['SOFTWARE_TOKEN_MFA'],
        flowUsed: 'USER_SRP_AUTH',
        viaMfaSetup: false,
      },
      revocation: { revoked: true },
    });
    h.expectNoSecrets();
  });

  it.each([
    ['no endpoint (AWS)', undefined, undefined],
    ['the AWS endpoint of the region typed out', 'https://cognito-idp.ap-northeast-1.amazonaws.com/', undefined],
    ['a custom endpoint', 'http://LOCALHOST:9229/', 'http://localhost:9229'],
  ])('links the account to the target it was enrolled with: %s', async (_, endpoint, stored) => {
    const h = await harness({ profile: endpoint === undefined ? {} : { endpoint } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    expect((await h.accounts())[0]?.cognito).toEqual({ ...h.ref(), ...(stored === undefined ? {} : { endpoint: stored }) });
  });

  it('uses the profile issuer, the username when the ID token has no e-mail, and the injected device name', async () => {
    const h = await harness({ users: [{ username: 'plain' }], profile: { issuer: 'ACME prod' }, flow: { friendlyDeviceName: 'Work laptop' } });
    await h.flow.signIn({ username: 'plain', password: PASSWORD });
    await h.flow.enroll();
    expect(await h.accounts()).toMatchObject([{ issuer: 'ACME prod', name: 'plain' }]);
    expect(h.callsOf('VerifySoftwareToken')[0]?.input).toMatchObject({ FriendlyDeviceName: 'Work laptop' });
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { issuer: 'ACME prod', accountName: 'plain' } });
  });

  it('re-enrolling replaces the account of the secret it answered SOFTWARE_TOKEN_MFA with, in place', async () => {
    const h = await harness({ users: [TOTP_USER] });
    await h.addActive(h.ref(), h.secretOf());
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { accountId: 'acct-2' } });
    expect(await h.accounts()).toMatchObject([{ id: 'acct-2', status: 'active', secret: h.associatedSecret() }]);
    expect(h.associatedSecret()).not.toBe(h.secretOf());
  });

  it('reports totp-disabled-on-pool when AssociateSoftwareToken says the pool has TOTP off', async () => {
    const h = await harness({ pool: { mfa: 'OFF', totp: false } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'associate', problem: { code: 'totp-disabled-on-pool', params: { poolId: h.poolId } } });
    expect(await h.accounts()).toEqual([]);
  });

  it('fails with enrollment-not-confirmed when GetUser does not show TOTP as preferred', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    // Cognito acknowledges SetUserMFAPreference, but GetUser does not show its effect.
    fail(h, 'SetUserMFAPreference', { kind: 'no-effect' });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      failedStep: 'confirm',
      pendingAccountId: 'acct-1',
      problem: { code: 'enrollment-not-confirmed', params: { preferredMfaSetting: '', userMfaSettingList: '' } },
    });
    expect((await h.accounts())[0]?.status).toBe('pending');
  });
});

describe('period rollover', () => {
  const rejectOnce = serviceError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');

  async function enrollWith(options: HarnessOptions, failures: readonly Fault[], atOffsetMs: number) {
    const h = await harness(options);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    // Put the clock where the test wants it inside the 30 s step before enrolling.
    h.clock.advance(STEP_START + 30_000 + atOffsetMs - h.clock.now());
    fail(h, 'VerifySoftwareToken', ...failures);
    await h.flow.enroll();
    return h;
  }

  it('waits for the next step and retries once when the code was made within 3 s of the boundary', async () => {
    const h = await enrollWith({}, [rejectOnce], 28_500);
    expect(h.clock.sleeps).toEqual([1_550]);
    expect(h.callsOf('VerifySoftwareToken')).toHaveLength(2);
    const [first, second] = h.codes;
    expect(step(second?.at ?? 0)).toBe(step(first?.at ?? 0) + 1);
    expect((h.callsOf('VerifySoftwareToken')[1]?.input as VerifySoftwareTokenInput).UserCode).toBe(second?.code);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('retries at once with the next code when the step rolled over during the call', async () => {
    // 5 s per call: AssociateSoftwareToken ends at 25 s, the code is made there (5 s before the boundary, outside
    // the 3 s margin) and VerifySoftwareToken's answer arrives at 30 s, in the next step.
    const h = await enrollWith({ latencyMs: 5_000 }, [rejectOnce], 20_000);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(step(h.codes[1]?.at ?? 0)).toBe(step(h.codes[0]?.at ?? 0) + 1);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('does not retry a code made far from the boundary', async () => {
    const h = await enrollWith({}, [rejectOnce], 10_000);
    expect(h.callsOf('VerifySoftwareToken')).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'verify', problem: { code: 'enable-code-mismatch', retry: 'next-code' } });
  });

  it('retries exactly once: a second rejection fails', async () => {
    const h = await enrollWith({}, [rejectOnce, rejectOnce, rejectOnce], 29_000);
    expect(h.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'enable-code-mismatch' } });
  });

  it('also retries a CodeMismatchException near the boundary', async () => {
    const h = await enrollWith({}, [serviceError('CodeMismatchException', 'Invalid code or auth state for the user.')], 29_000);
    expect(h.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(h.flow.getState().kind).toBe('enrolled');
  });
});

describe('failure midway and retry', () => {
  // A failure after a sign-in ends its session (RevokeToken): a retry signs in again, and goes on from where the
  // enrollment got to (a secret not verified yet is associated anew, replacing the pending one in place).
  it('keeps the pending account after a rejected code; retry signs in again and replaces the pending secret in place', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'VerifySoftwareToken', serviceError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'));
    await h.flow.enroll();
    expect(h.flow.getState()).toEqual({
      kind: 'failed',
      canRetry: true,
      pendingAccountId: 'acct-1',
      failedStep: 'verify',
      problem: { code: 'enable-code-mismatch', retry: 'next-code', params: { operation: 'VerifySoftwareToken', skewSeconds: '0' } },
      revocation: { revoked: true },
    });
    expect(h.revokedTokens()).toEqual(h.refreshTokens());
    expect((await h.accounts())[0]?.status).toBe('pending');

    h.clock.advance(30_000);
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'savePending',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
      'GetUser',
      'markActive',
      'RevokeToken',
    ]);
    expect(h.codes[1]?.at).toBe(START + 30_000);
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { accountId: 'acct-1' }, revocation: { revoked: true } });
    expect(await h.accounts()).toMatchObject([{ id: 'acct-1', status: 'active', secret: h.associatedSecret() }]);
    expect(h.refreshTokens()).toHaveLength(2);
    expect(h.revokedTokens()).toEqual(h.refreshTokens());
  });

  it('after a network error at set-preference, retry signs in again and resumes there (no second verify)', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'SetUserMFAPreference', { kind: 'network' });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      failedStep: 'set-preference',
      pendingAccountId: 'acct-1',
      problem: { code: 'network-unreachable', params: { host: 'cognito-idp.ap-northeast-1.amazonaws.com' } },
      revocation: { revoked: true },
    });
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'SetUserMFAPreference', 'GetUser', 'markActive', 'RevokeToken']);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('when the session could not be ended at the failure, retry goes on with it, and the end revokes it', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'SetUserMFAPreference', { kind: 'network' });
    fail(h, 'RevokeToken', { kind: 'network' });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      problem: { code: 'network-unreachable' },
      revocation: { revoked: false, problem: { code: 'network-unreachable', params: { operation: 'RevokeToken' } } },
    });
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual(['SetUserMFAPreference', 'GetUser', 'markActive', 'RevokeToken']);
    expect(h.revokedTokens()).toEqual([...h.refreshTokens(), ...h.refreshTokens()]);
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', revocation: { revoked: true } });
  });

  it('after the store fails to activate, retry signs in again (answering SOFTWARE_TOKEN_MFA with the new secret) and only activates', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.failStorageAt('activate');
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'activate', problem: { code: 'storage-failed', params: { name: 'Error' } } });
    expect(await h.accounts()).toMatchObject([{ id: 'acct-1', status: 'pending' }]);
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'markActive', 'RevokeToken']);
    expect(h.challengeInputs().at(-1)).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA' });
    expect(h.flow.getState().kind).toBe('enrolled');
    expect(await h.accounts()).toMatchObject([{ id: 'acct-1', status: 'active' }]);
  });

  it('after the store fails to save the pending account, retry signs in again, associates anew, saves it and goes on', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.failStorageAt('save-pending');
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'save-pending', problem: { code: 'storage-failed' } });
    expect(h.flow.getState()).not.toHaveProperty('pendingAccountId');
    expect(await h.accounts()).toEqual([]);
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'savePending',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
      'GetUser',
      'markActive',
      'RevokeToken',
    ]);
    expect(h.flow.getState().kind).toBe('enrolled');
  });
});

describe('the end of the sign-in session (RevokeToken)', () => {
  it('revokes the refresh token of the sign-in once enrolled, never before; the token then refreshes nothing', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.ops()).not.toContain('RevokeToken');
    await h.flow.enroll();
    const [token = ''] = h.refreshTokens();
    expect(h.events.indexOf('RevokeToken')).toBe(h.events.length - 1);
    expect(h.callsOf('RevokeToken').map((c) => c.input)).toEqual([{ ClientId: h.clientId, Token: token }]);
    await expect(h.cognito.api.initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: h.clientId, AuthParameters: { REFRESH_TOKEN: token } })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    h.expectNoSecrets();
  });

  it('sends the client secret itself for a client that has one', async () => {
    const h = await harness({ client: { secret: true } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD, clientSecret: h.clientSecret });
    await h.flow.enroll();
    expect(h.callsOf('RevokeToken').map((c) => c.input)).toEqual([{ ClientId: h.clientId, Token: h.refreshTokens()[0], ClientSecret: h.clientSecret }]);
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', revocation: { revoked: true } });
    h.expectNoSecrets([h.clientSecret]);
  });

  it('revokes nothing after a failure before any sign-in', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: 'Wrong-password-1' });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code: 'incorrect-credentials' } });
    expect(h.flow.getState()).not.toHaveProperty('revocation');
    expect(h.ops()).not.toContain('RevokeToken');
  });

  it('revokes nothing when Cognito gave no refresh token', async () => {
    const h = await harness({ withoutRefreshTokens: true });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    expect(h.ops()).not.toContain('RevokeToken');
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { accountId: 'acct-1' } });
    expect(h.flow.getState()).not.toHaveProperty('revocation');
  });

  it('a refused revocation does not fail the enrollment: enrolled, with the problem', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'RevokeToken', serviceError('UnsupportedOperationException', 'Token revocation is not enabled for this client'));
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({
      kind: 'enrolled',
      revocation: {
        revoked: false,
        problem: { code: 'unknown', params: { operation: 'RevokeToken', name: 'UnsupportedOperationException', message: 'Token revocation is not enabled for this client' } },
      },
    });
    expect(await h.accounts()).toMatchObject([{ status: 'active' }]);
    h.expectNoSecrets();
  });

  it('reset() ends the session of a signed-in flow, without waiting', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.flow.reset();
    expect(h.flow.getState()).toEqual({ kind: 'idle' });
    await expect.poll(() => h.revokedTokens()).toEqual(h.refreshTokens());
    expect(h.refreshTokens()).toHaveLength(1);
  });

  it('a new sign-in ends the sessions the flow still holds', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'SetUserMFAPreference', { kind: 'network' });
    fail(h, 'RevokeToken', { kind: 'network' });
    await h.flow.enroll();
    const [first] = h.refreshTokens();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await expect.poll(() => h.callsOf('RevokeToken').filter((c) => c.error === undefined).map((c) => (c.input as { Token: string }).Token)).toEqual([first]);
    expect(h.flow.getState().kind).toBe('signed-in');
  });
});

describe('expired sessions', () => {
  it('signs in again once by itself when the MFA_SETUP session expires, and finishes', async () => {
    const h = await harness({ pool: { mfa: 'ON' } });
    fail(h, 'VerifySoftwareToken', { kind: 'session-expired' });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.callsOf('InitiateAuth')).toHaveLength(2);
    expect(h.callsOf('AssociateSoftwareToken')).toHaveLength(2);
    expect(await h.accounts()).toHaveLength(1);
    expect((await h.accounts())[0]).toMatchObject({ status: 'active', secret: h.associatedSecret() });
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { viaMfaSetup: true } });
  });

  it('does not restart twice: a second expiry fails with session-expired', async () => {
    const h = await harness({ pool: { mfa: 'ON' } });
    fail(h, 'VerifySoftwareToken', { kind: 'session-expired' }, { kind: 'session-expired' });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.callsOf('InitiateAuth')).toHaveLength(2);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: true, pendingAccountId: 'acct-1', problem: { code: 'session-expired', retry: 'restart' } });
    await h.flow.retry();
    expect(h.callsOf('InitiateAuth')).toHaveLength(3);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('when the access token expired before enrolling, signs in again and re-associates', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    // Access tokens live an hour.
    h.clock.advance(3_600_000);
    await h.flow.enroll();
    expect(h.ops()).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken', // Access Token has expired
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
      'GetUser',
      'RevokeToken',
      'RevokeToken',
    ]);
    expect(h.callsOf('AssociateSoftwareToken')[0]?.error).toBe('NotAuthorizedException');
    expect(h.flow.getState().kind).toBe('enrolled');
    // Both sign-ins' refresh tokens, the first one's too (it outlives its access token by weeks).
    expect(h.refreshTokens()).toHaveLength(2);
    expect(h.revokedTokens()).toEqual(h.refreshTokens());
  });

  it('answers a user-entered code after its session expired by signing in again (new code needed)', async () => {
    const h = await harness({ pool: { sms: true }, users: [{ ...DEMO, phone: true, factors: ['SMS_MFA'] }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const code = h.sentCode();
    // Sessions live 3 minutes.
    h.clock.advance(3 * 60_000 + 1_000);
    await h.flow.submitCode(code);
    expect(h.callsOf('InitiateAuth')).toHaveLength(2);
    expect(h.flow.getState()).toMatchObject({ kind: 'needs-code', challenge: 'SMS_MFA' });
    expect(h.sentCode()).not.toBe('');
  });
});

describe('throttling, server errors, network', () => {
  it('backs off 1 s then 2 s and gives up after two retries', async () => {
    const h = await harness();
    h.cognito.faults.injectFault({ operation: 'InitiateAuth', kind: 'throttle', times: 4 });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.clock.sleeps).toEqual([1_000, 2_000]);
    expect(h.ops()).toEqual(['InitiateAuth', 'InitiateAuth', 'InitiateAuth']);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: true, problem: { code: 'throttled', retry: 'backoff' } });
  });

  it('continues after one LimitExceededException', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'GetUser', serviceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'));
    await h.flow.enroll();
    expect(h.clock.sleeps).toEqual([1_000]);
    expect(h.callsOf('GetUser')).toHaveLength(2);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it.each([
    [1, 'enrolled'],
    [2, 'failed'],
  ])('retries an HTTP 500 once after a short wait (%i failures -> %s)', async (count, kind) => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.cognito.faults.injectFault({ operation: 'AssociateSoftwareToken', kind: 'http500', times: count });
    await h.flow.enroll();
    expect(h.clock.sleeps).toEqual([500]);
    expect(h.callsOf('AssociateSoftwareToken')).toHaveLength(2);
    expect(h.flow.getState().kind).toBe(kind);
    if (kind === 'failed') expect(h.flow.getState()).toMatchObject({ problem: { code: 'service-error', params: { status: '500' } } });
  });

  it('fails at once on a network error, naming the host', async () => {
    const h = await harness();
    fail(h, 'InitiateAuth', { kind: 'network' });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.ops()).toEqual(['InitiateAuth']);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'network-unreachable', params: { host: 'cognito-idp.ap-northeast-1.amazonaws.com' } } });
  });
});

// Issue 13: what local emulators answer, named for what it is, and nothing stored.
describe('emulators', () => {
  const UNSUPPORTED = 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH';
  const HOST = 'cognito-idp.ap-northeast-1.amazonaws.com';

  it.each([undefined, 'srp-then-password' as const])(
    'a server without SRP (cognito-local: HTTP 500 CognitoLocal#Unsupported) fails at once as srp-unsupported, naming the type (sign-in flow %s)',
    async (signInFlow) => {
      const h = await harness(signInFlow === undefined ? {} : { profile: { signInFlow } });
      fail(h, 'InitiateAuth', serviceError('CognitoLocal#Unsupported', UNSUPPORTED, 500));
      await h.flow.signIn({ username: 'demo', password: PASSWORD });
      // Not retried as if transient, and no fallback: SRP is not "not enabled for this client", it does not exist there.
      expect(h.ops()).toEqual(['InitiateAuth']);
      expect(h.clock.sleeps).toEqual([]);
      expect(h.flow.getState()).toEqual({
        kind: 'failed',
        canRetry: false,
        problem: { code: 'srp-unsupported', retry: 'no', params: { operation: 'InitiateAuth', status: '500', name: 'Unsupported', message: UNSUPPORTED, host: HOST } },
      });
      expect(JSON.stringify(h.calls().map((c) => c.input))).not.toContain(PASSWORD);
      expect(await h.accounts()).toEqual([]);
    },
  );

  it('an unsupported request on another call fails at once as server-unsupported', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const message = 'Cognito Local unsupported feature: SetUserMFAPreference';
    fail(h, 'SetUserMFAPreference', serviceError('CognitoLocal#Unsupported', message, 500));
    await h.flow.enroll();
    expect(h.callsOf('SetUserMFAPreference')).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      canRetry: false,
      failedStep: 'set-preference',
      problem: { code: 'server-unsupported', params: { operation: 'SetUserMFAPreference', status: '500', name: 'Unsupported', message, host: HOST } },
    });
  });

  it.each([
    ['a typed server error', serviceError('ServiceUnavailableException', 'Back soon', 503), { status: '503', name: 'ServiceUnavailableException', message: 'Back soon' }],
    ["Cognito's own InternalErrorException", { kind: 'http500' } as const, { status: '500' }],
  ])('%s is still retried once', async (_, fault, params) => {
    const h = await harness();
    fail(h, 'InitiateAuth', fault, fault);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.clock.sleeps).toEqual([500]);
    expect(h.ops()).toEqual(['InitiateAuth', 'InitiateAuth']);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: true, problem: { code: 'service-error', retry: 'backoff', params: { ...params, host: HOST } } });
    if (!('name' in params)) expect(h.flow.getState()).not.toHaveProperty('problem.params.name');
  });

  const MOTO_SRP = { SALT: 'a1b2c3d4e5f6', SRP_B: 'ff'.repeat(384), SECRET_BLOCK: '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b', USER_ID_FOR_SRP: 'demo' };
  it.each([
    ["moto's placeholder (SECRET_BLOCK is its session ID, not Base64)", MOTO_SRP, 'SECRET_BLOCK'],
    ['no SRP_B', { ...MOTO_SRP, SRP_B: undefined, SECRET_BLOCK: 'AAAA' }, 'SRP_B'],
    ['no SALT', { ...MOTO_SRP, SALT: undefined, SECRET_BLOCK: 'AAAA' }, 'SALT'],
    ['SRP_B = 0', { ...MOTO_SRP, SRP_B: '0', SECRET_BLOCK: 'AAAA' }, 'SRP_B'],
  ])('an incomplete SRP challenge (%s) fails as srp-challenge-malformed, naming %s, and answers nothing', async (_, parameters, field) => {
    const h = await harness();
    const defined = Object.fromEntries(Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined));
    h.cognito.faults.injectFault({ operation: 'InitiateAuth', kind: 'srp-challenge', parameters: defined, times: 1 });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.ops()).toEqual(['InitiateAuth']);
    expect(h.flow.getState()).toEqual({
      kind: 'failed',
      canRetry: false,
      problem: { code: 'srp-challenge-malformed', retry: 'no', params: { operation: 'InitiateAuth', field, host: HOST } },
    });
    expect(await h.accounts()).toEqual([]);
  });

  it.each([
    ["moto's SecretCode", 'asdfasdfasdf', { bits: '56', characters: '12' }],
    ['9 bytes', 'GEZDGNBVGY3TQOI', { bits: '72', characters: '15' }],
    ['a length base32 cannot have', 'ASDFASDFASDFA', { bits: '64', characters: '13' }],
  ])('a SecretCode under 80 bits (%s) fails as secret-code-too-short with its size, and nothing is saved', async (_, secretCode, params) => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.cognito.faults.injectFault({ operation: 'AssociateSoftwareToken', kind: 'secret-code', secretCode, times: 1 });
    h.events.length = 0;
    await h.flow.enroll();
    // The failure follows a sign-in: its refresh token is revoked.
    expect(h.events).toEqual(['AssociateSoftwareToken', 'RevokeToken']);
    expect(h.flow.getState()).toEqual({
      kind: 'failed',
      canRetry: false,
      failedStep: 'associate',
      problem: { code: 'secret-code-too-short', retry: 'no', params: { operation: 'AssociateSoftwareToken', ...params } },
      revocation: { revoked: true },
    });
    expect(await h.accounts()).toEqual([]);
    h.expectNoSecrets([secretCode]);
  });

  it.each([
    ['not base32', '0123456789abcdef0189', 'SecretCode is not base32'],
    ['missing', '', 'no SecretCode'],
  ])('a SecretCode %s fails as invalid-parameter, and nothing is saved', async (_, secretCode, message) => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.cognito.faults.injectFault({ operation: 'AssociateSoftwareToken', kind: 'secret-code', secretCode, times: 1 });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'associate', problem: { code: 'invalid-parameter', params: { message } } });
    expect(await h.accounts()).toEqual([]);
  });
});

describe('clock skew', () => {
  it.each([
    [-95_000, '-94'],
    [120_000, '+120'],
  ])('puts the measured skew (server %i ms) into the enable-code-mismatch problem', async (skewMs, seconds) => {
    const h = await harness({ skewMs });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    // The server checks codes against its own clock, so a far-off local clock makes the real code fail.
    expect(h.callsOf('VerifySoftwareToken')).toHaveLength(1);
    expect(h.callsOf('VerifySoftwareToken')[0]?.error).toBe('EnableSoftwareTokenMFAException');
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'enable-code-mismatch', params: { skewSeconds: seconds } } });
  });

  it('puts it into the code-mismatch of an automatic SOFTWARE_TOKEN_MFA answer', async () => {
    const h = await harness({ skewMs: 300_000, users: [TOTP_USER] });
    await h.addActive(h.ref(), h.secretOf());
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'code-mismatch', params: { skewSeconds: '+300', operation: 'RespondToAuthChallenge' } } });
  });
});

describe('usage', () => {
  it.each([
    ['submitCode', (f: Harness['flow']) => f.submitCode('123456')],
    ['submitNewPassword', (f: Harness['flow']) => f.submitNewPassword({ newPassword: 'x' })],
    ['enroll', (f: Harness['flow']) => f.enroll()],
    ['retry', (f: Harness['flow']) => f.retry()],
  ])('%s() in idle rejects, naming the state', async (_, act) => {
    const h = await harness();
    await expect(act(h.flow)).rejects.toThrow(/not "idle"/);
    expect(h.calls()).toEqual([]);
  });

  it('rejects a second action while one runs', async () => {
    const h = await harness();
    const first = h.flow.signIn({ username: 'demo', password: PASSWORD });
    await expect(h.flow.signIn({ username: 'demo', password: PASSWORD })).rejects.toThrow(/another action is running/);
    await first;
    expect(h.flow.getState().kind).toBe('signed-in');
  });

  it('rejects retry() when the problem cannot be fixed by retrying', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: 'Nope-nope-1' });
    await expect(h.flow.retry()).rejects.toThrow(/incorrect-credentials/);
  });

  it('reset() abandons a running sign-in and returns to idle', async () => {
    const h = await harness();
    const running = h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.flow.reset();
    await running;
    expect(h.flow.getState()).toEqual({ kind: 'idle' });
    expect(h.states.at(-1)).toEqual({ kind: 'idle' });
    // A new sign-in works after the reset.
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState().kind).toBe('signed-in');
  });

  it('reset() during an enrollment leaves the abandoned action no way to write or show anything', async () => {
    const h = await harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const seen = h.states.length;
    const running = h.flow.enroll();
    h.flow.reset();
    await running;
    expect(h.states.slice(seen).map((s) => s.kind)).toEqual(['idle']);
    expect(h.flow.getState()).toEqual({ kind: 'idle' });
    await expect(h.flow.enroll()).rejects.toThrow(/not "idle"/);
  });

  it('reset() during a backoff: the abandoned action makes no further call', async () => {
    const flow: { reset?: () => void } = {};
    const h = await harness({ flow: { sleep: () => Promise.resolve(flow.reset?.()) } });
    flow.reset = () => h.flow.reset();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    fail(h, 'AssociateSoftwareToken', { kind: 'throttle' });
    await h.flow.enroll();
    expect(h.callsOf('AssociateSoftwareToken')).toHaveLength(1);
    expect(h.flow.getState()).toEqual({ kind: 'idle' });
  });

  it('unsubscribe stops notifications', async () => {
    const h = await harness();
    const seen: string[] = [];
    const unsubscribe = h.flow.subscribe((s) => seen.push(s.kind));
    unsubscribe();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(seen).toEqual([]);
    expect(h.kinds()).toEqual(['signing-in', 'signed-in']);
  });
});
