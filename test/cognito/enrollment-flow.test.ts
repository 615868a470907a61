import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthResponse, CognitoApi, InitiateAuthInput, RespondToAuthChallengeInput, VerifySoftwareTokenInput } from '../../src/cognito/cognito-api.ts';
import type { CognitoProfile } from '../../src/cognito/cognito-profile.ts';
import { createEnrollmentFlow, type EnrollmentFlowOptions } from '../../src/cognito/enrollment-flow.ts';
import type { EnrollmentState } from '../../src/cognito/enrollment-state.ts';
import { EMAIL_CODE, FakeCognitoPool, fakeClock, SMS_CODE, type FakePoolConfig, type FakeUserInit, type InjectedFailure } from './fake-cognito-pool.ts';
import { MemoryEnrollmentStore } from './memory-enrollment-store.ts';
import { seededRandomBytes } from './seeded-random.ts';
import { base32Bytes, totpCode } from '../support/independent-otp.ts';

// 1 s into a 30 s TOTP step: far from any boundary unless a test moves the clock.
const START = Date.parse('2026-11-03T07:05:01Z');
const STEP_START = Date.parse('2026-11-03T07:05:00Z');
const PROFILE: CognitoProfile = { name: 'cognito-demo', region: 'ap-northeast-1', userPoolId: 'ap-northeast-1_TestPool1', clientId: 'client123' };
const PASSWORD = 'Aaaa1111';
const DEMO: FakeUserInit = { username: 'demo', email: 'demo-with-mfa@example.com', password: PASSWORD };
const EXISTING_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const REF = { region: PROFILE.region, userPoolId: PROFILE.userPoolId, clientId: PROFILE.clientId, username: 'demo' };

const totp = (secret: string, at: number): string => totpCode(base32Bytes(secret), at);
const step = (at: number): number => Math.floor(at / 30_000);
const hash = (secret: string, username: string, clientId = PROFILE.clientId): string =>
  createHmac('sha256', secret).update(username + clientId).digest('base64');
const serviceError = (name: string, message: string, status = 400): InjectedFailure => ({ name, message, status });

interface HarnessOptions {
  readonly pool?: Partial<FakePoolConfig>;
  readonly users?: readonly FakeUserInit[];
  readonly profile?: Partial<CognitoProfile>;
  readonly flow?: Partial<EnrollmentFlowOptions>;
  readonly start?: number;
}

function harness(options: HarnessOptions = {}) {
  const clock = fakeClock(options.start ?? START);
  const events: string[] = [];
  const pool = new FakeCognitoPool(clock, options.pool, events);
  for (const user of options.users ?? [DEMO]) pool.addUser(user);
  const store = new MemoryEnrollmentStore(events);
  const codes: { readonly secret: string; readonly at: number; readonly code: string }[] = [];
  const flow = createEnrollmentFlow({
    profile: { ...PROFILE, ...options.profile },
    api: pool,
    store,
    generateTotp: (secret, at) => {
      const code = totp(secret, at);
      codes.push({ secret, at, code });
      return Promise.resolve(code);
    },
    now: clock.now,
    sleep: clock.sleep,
    randomBytes: seededRandomBytes(7),
    ...options.flow,
  });
  const states: EnrollmentState[] = [];
  flow.subscribe((state) => states.push(state));
  return {
    clock,
    pool,
    store,
    flow,
    states,
    codes,
    events,
    kinds: () => states.map((s) => s.kind),
    steps: () => states.flatMap((s) => (s.kind === 'enrolling' ? [s.step] : [])),
    /** No password, client secret, token, session or TOTP secret in anything the UI saw. */
    expectNoSecrets(extra: readonly string[] = []) {
      const seen = JSON.stringify(states);
      for (const secret of [...pool.issued, PASSWORD, ...extra]) expect(seen).not.toContain(secret);
    },
  };
}

const challengeInputs = (pool: FakeCognitoPool): RespondToAuthChallengeInput[] =>
  pool.callsOf('RespondToAuthChallenge').map((c) => c.input as RespondToAuthChallengeInput);
const initiateInputs = (pool: FakeCognitoPool): InitiateAuthInput[] => pool.callsOf('InitiateAuth').map((c) => c.input as InitiateAuthInput);

describe('sign-in', () => {
  it('signs in with USER_SRP_AUTH (a real SRP exchange) by default', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.pool.ops()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    const [initiate] = initiateInputs(h.pool);
    expect(initiate?.AuthFlow).toBe('USER_SRP_AUTH');
    expect(Object.keys(initiate?.AuthParameters ?? {}).sort()).toEqual(['SRP_A', 'USERNAME']);
    expect(challengeInputs(h.pool)[0]).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: { USERNAME: 'demo', TIMESTAMP: 'Tue Nov 3 07:05:01 UTC 2026' } });
    expect(h.flow.getState()).toEqual({ kind: 'signed-in', username: 'demo', email: 'demo-with-mfa@example.com', flowUsed: 'USER_SRP_AUTH' });
    expect(h.kinds()).toEqual(['signing-in', 'signed-in']);
    h.expectNoSecrets();
  });

  it('signs in with USER_PASSWORD_AUTH when the profile prefers it', async () => {
    const h = harness({ profile: { preferredFlow: 'USER_PASSWORD_AUTH' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(initiateInputs(h.pool)).toEqual([{ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client123', AuthParameters: { USERNAME: 'demo', PASSWORD } }]);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: 'USER_PASSWORD_AUTH' });
    expect(h.flow.getState()).not.toHaveProperty('fellBackFrom');
  });

  it.each([
    { name: 'SRP not enabled -> password', pool: { allowSrp: false }, preferred: undefined, flows: ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'], used: 'USER_PASSWORD_AUTH' },
    { name: 'SRP not enabled ("Auth flow not enabled") -> password', pool: { allowSrp: false, flowMessage: 'generic' as const }, preferred: undefined, flows: ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'], used: 'USER_PASSWORD_AUTH' },
    { name: 'password not enabled -> SRP', pool: { allowPassword: false }, preferred: 'USER_PASSWORD_AUTH' as const, flows: ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH'], used: 'USER_SRP_AUTH' },
  ])('falls back: $name, and reports it', async ({ pool, preferred, flows, used }) => {
    const h = harness({ pool, profile: preferred === undefined ? {} : { preferredFlow: preferred } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(initiateInputs(h.pool).map((i) => i.AuthFlow)).toEqual(flows);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: used, fellBackFrom: flows[0] });
  });

  it('fails with auth-flows-not-enabled when the client allows neither flow', async () => {
    const h = harness({ pool: { allowSrp: false, allowPassword: false } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.pool.ops()).toEqual(['InitiateAuth', 'InitiateAuth']);
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      canRetry: false,
      problem: { code: 'auth-flows-not-enabled', params: { clientId: 'client123' }, retry: 'no' },
    });
  });

  it.each([
    ['USER_SRP_AUTH' as const, ['InitiateAuth', 'RespondToAuthChallenge']],
    ['USER_PASSWORD_AUTH' as const, ['InitiateAuth']],
  ])('a wrong password with %s fails as incorrect-credentials without retrying', async (flow, ops) => {
    const h = harness({ profile: { preferredFlow: flow } });
    await h.flow.signIn({ username: 'demo', password: 'wrong-password' });
    expect(h.pool.ops()).toEqual(ops);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code: 'incorrect-credentials' } });
    h.expectNoSecrets(['wrong-password']);
  });
});

describe('client secret', () => {
  const SECRET = 'client-secret-value-123';
  const alice: FakeUserInit = {
    username: 'uuid-alice',
    alias: 'alice@example.com',
    email: 'alice@example.com',
    password: PASSWORD,
    enabled: ['SOFTWARE_TOKEN_MFA'],
    totpSecret: EXISTING_SECRET,
  };

  it('adds SECRET_HASH to InitiateAuth (typed username) and every challenge answer (USER_ID_FOR_SRP)', async () => {
    const h = harness({ pool: { clientSecret: SECRET }, users: [alice] });
    h.store.addActive({ ...REF, username: 'alice@example.com' }, EXISTING_SECRET);
    await h.flow.signIn({ username: 'alice@example.com', password: PASSWORD, clientSecret: SECRET });
    expect(initiateInputs(h.pool)[0]?.AuthParameters['SECRET_HASH']).toBe(hash(SECRET, 'alice@example.com'));
    const answers = challengeInputs(h.pool);
    expect(answers.map((a) => a.ChallengeName)).toEqual(['PASSWORD_VERIFIER', 'SOFTWARE_TOKEN_MFA']);
    for (const answer of answers) {
      expect(answer.ChallengeResponses['USERNAME']).toBe('uuid-alice');
      expect(answer.ChallengeResponses['SECRET_HASH']).toBe(hash(SECRET, 'uuid-alice'));
    }
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', username: 'alice@example.com', mfaUsed: 'SOFTWARE_TOKEN_MFA' });
    h.expectNoSecrets([SECRET]);
  });

  it('adds SECRET_HASH to USER_PASSWORD_AUTH too', async () => {
    const h = harness({ pool: { clientSecret: SECRET }, profile: { preferredFlow: 'USER_PASSWORD_AUTH' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD, clientSecret: SECRET });
    expect(initiateInputs(h.pool)[0]?.AuthParameters).toEqual({ USERNAME: 'demo', PASSWORD, SECRET_HASH: hash(SECRET, 'demo') });
    expect(h.flow.getState().kind).toBe('signed-in');
  });

  it.each([
    ['client-secret-missing', undefined],
    ['client-secret-wrong', 'not-the-secret'],
  ])('fails as %s when the secret is %j', async (code, clientSecret) => {
    const h = harness({ pool: { clientSecret: SECRET } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD, ...(clientSecret === undefined ? {} : { clientSecret }) });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code, params: { clientId: 'client123' } } });
    h.expectNoSecrets([SECRET, 'not-the-secret']);
  });
});

describe('challenges', () => {
  it('NEW_PASSWORD_REQUIRED, then MFA_SETUP: enrolls inside the challenge session', async () => {
    const h = harness({
      pool: { mfa: 'ON' },
      users: [{ ...DEMO, forceChangePassword: true, requiredAttributes: ['name'] }],
    });
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
    ]);
    const calls = h.pool.calls;
    const answers = challengeInputs(h.pool);
    expect(answers[1]?.ChallengeResponses).toEqual({ NEW_PASSWORD: 'Bbbb2222!', 'userAttributes.name': 'Demo User', USERNAME: 'demo' });
    // The session chain: NEW_PASSWORD_REQUIRED's answer -> Associate -> Verify -> MFA_SETUP answer.
    const sessionOf = (i: number): unknown => (calls[i]?.output as { Session?: string }).Session;
    expect(calls.map((c) => c.op).slice(3, 6)).toEqual(['AssociateSoftwareToken', 'VerifySoftwareToken', 'RespondToAuthChallenge']);
    expect(calls[3]?.input).toEqual({ Session: sessionOf(2) });
    expect(calls[4]?.input).toMatchObject({ Session: sessionOf(3) });
    expect(calls[4]?.input).not.toHaveProperty('AccessToken');
    expect(answers[2]).toEqual({ ClientId: 'client123', ChallengeName: 'MFA_SETUP', Session: sessionOf(4), ChallengeResponses: { USERNAME: 'demo' } });
    expect(h.pool.user('demo').password).toBe('Bbbb2222!');
    expect(h.store.accounts).toMatchObject([{ status: 'active', draft: { secret: h.pool.user('demo').totpSecret, name: 'demo' } }]);
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { viaMfaSetup: true, preferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } });
    expect(h.steps()).toEqual(['associate', 'save-pending', 'verify', 'complete-setup', 'set-preference', 'confirm', 'activate']);
    h.expectNoSecrets(['Bbbb2222!']);
  });

  it('asks again when the new password breaks the policy', async () => {
    const h = harness({ users: [{ ...DEMO, forceChangePassword: true }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.submitNewPassword({ newPassword: 'short' });
    expect(h.flow.getState()).toMatchObject({ kind: 'needs-new-password', problem: { code: 'new-password-invalid' } });
    await h.flow.submitNewPassword({ newPassword: 'LongEnough1' });
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in' });
    h.expectNoSecrets(['LongEnough1', 'short']);
  });

  it('answers SOFTWARE_TOKEN_MFA with the secret Keystep already stores', async () => {
    const h = harness({ users: [{ ...DEMO, enabled: ['SOFTWARE_TOKEN_MFA'], totpSecret: EXISTING_SECRET }] });
    h.store.addActive(REF, EXISTING_SECRET);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const answer = challengeInputs(h.pool)[1];
    expect(answer?.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(answer?.ChallengeResponses['SOFTWARE_TOKEN_MFA_CODE']).toBe(totp(EXISTING_SECRET, START));
    expect(h.kinds()).not.toContain('needs-code');
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: true });
    h.expectNoSecrets([EXISTING_SECRET]);
  });

  it('asks for the code when SOFTWARE_TOKEN_MFA comes and Keystep has no secret for the user', async () => {
    const h = harness({ users: [{ ...DEMO, enabled: ['SOFTWARE_TOKEN_MFA'], totpSecret: EXISTING_SECRET }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toEqual({ kind: 'needs-code', username: 'demo', challenge: 'SOFTWARE_TOKEN_MFA' });
    const before = h.pool.calls.length;
    await h.flow.submitCode('000000');
    expect(h.flow.getState()).toMatchObject({ kind: 'needs-code', challenge: 'SOFTWARE_TOKEN_MFA', problem: { code: 'code-mismatch', retry: 'next-code' } });
    // Cognito spends the session on a wrong answer: the flow has already signed in again for a live one.
    const afterWrong = h.pool.calls.slice(before);
    expect(afterWrong[0]?.op).toBe('RespondToAuthChallenge');
    expect(afterWrong.slice(1).map((c) => c.op)).toContain('InitiateAuth');
    const liveSession = (afterWrong.at(-1)?.output as { Session?: string } | undefined)?.Session;
    const code = totp(EXISTING_SECRET, h.clock.now());
    await h.flow.submitCode(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(challengeInputs(h.pool).at(-1)?.ChallengeResponses['SOFTWARE_TOKEN_MFA_CODE']).toBe(code);
    expect(challengeInputs(h.pool).at(-1)?.Session).toBe(liveSession);
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: false });
  });

  it.each([
    { enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] as const, answer: 'SOFTWARE_TOKEN_MFA', next: 'signed-in' },
    { enabled: ['EMAIL_OTP', 'SMS_MFA'] as const, answer: 'SMS_MFA', next: 'needs-code' },
  ])('SELECT_MFA_TYPE among $enabled answers $answer', async ({ enabled, answer, next }) => {
    const h = harness({ users: [{ ...DEMO, enabled, totpSecret: EXISTING_SECRET }] });
    h.store.addActive(REF, EXISTING_SECRET);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    const select = challengeInputs(h.pool).find((a) => a.ChallengeName === 'SELECT_MFA_TYPE');
    expect(select?.ChallengeResponses).toEqual({ ANSWER: answer, USERNAME: 'demo' });
    expect(h.flow.getState().kind).toBe(next);
  });

  it.each([
    { factor: 'SMS_MFA' as const, key: 'SMS_MFA_CODE', code: SMS_CODE, destination: '+*******1234' },
    { factor: 'EMAIL_OTP' as const, key: 'EMAIL_OTP_CODE', code: EMAIL_CODE, destination: 'd***@e***' },
  ])('$factor asks for the code the user received and answers $key', async ({ factor, key, code, destination }) => {
    const h = harness({ users: [{ ...DEMO, enabled: [factor] }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toEqual({ kind: 'needs-code', username: 'demo', challenge: factor, destination });
    await h.flow.submitCode(code);
    expect(challengeInputs(h.pool).at(-1)).toMatchObject({ ChallengeName: factor, ChallengeResponses: { [key]: code, USERNAME: 'demo' } });
    expect(h.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: factor });
  });

  it.each(['CUSTOM_CHALLENGE', 'WEB_AUTHN', 'DEVICE_SRP_AUTH'])('fails on the unsupported challenge %s, naming it', async (challenge) => {
    const api: CognitoApi = {
      initiateAuth: (): Promise<AuthResponse> => Promise.resolve({ ChallengeName: challenge, Session: 's', ChallengeParameters: {} }),
      respondToAuthChallenge: () => Promise.reject(new Error('unexpected')),
      associateSoftwareToken: () => Promise.reject(new Error('unexpected')),
      verifySoftwareToken: () => Promise.reject(new Error('unexpected')),
      setUserMfaPreference: () => Promise.reject(new Error('unexpected')),
      getUser: () => Promise.reject(new Error('unexpected')),
    };
    const h = harness({ flow: { api }, profile: { preferredFlow: 'USER_PASSWORD_AUTH' } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: false, problem: { code: 'unsupported-challenge', params: { challenge } } });
  });

  it('fails with totp-disabled-on-pool when MFA_SETUP offers no software token', async () => {
    const h = harness({ pool: { mfa: 'ON', totpEnabled: false } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      problem: {
        code: 'totp-disabled-on-pool',
        params: {
          command:
            'aws cognito-idp set-user-pool-mfa-config --user-pool-id ap-northeast-1_TestPool1 --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL',
        },
      },
    });
  });
});

describe('enroll', () => {
  it('associates, saves the pending account at once, verifies, sets the preference, confirms, activates', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.events.length = 0;
    await h.flow.enroll();

    expect(h.events).toEqual(['AssociateSoftwareToken', 'savePending', 'VerifySoftwareToken', 'SetUserMFAPreference', 'GetUser', 'markActive']);
    const secret = h.pool.user('demo').totpSecret ?? '';
    const accessToken = (h.pool.callsOf('AssociateSoftwareToken')[0]?.input as { AccessToken: string }).AccessToken;
    expect(accessToken).toMatch(/^access-/);
    expect(h.pool.callsOf('VerifySoftwareToken')[0]?.input).toEqual({ AccessToken: accessToken, UserCode: totp(secret, START), FriendlyDeviceName: 'Keystep on Chrome' });
    expect(h.pool.callsOf('SetUserMFAPreference')[0]?.input).toEqual({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(h.store.accounts).toEqual([
      {
        id: 'acct-1',
        status: 'active',
        ref: REF,
        draft: { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'cognito-demo', name: 'demo-with-mfa@example.com' },
      },
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
    });
    h.expectNoSecrets();
  });

  it('uses the profile issuer, the username when the ID token has no e-mail, and the injected device name', async () => {
    const h = harness({ users: [{ username: 'plain', password: PASSWORD }], profile: { issuer: 'ACME prod' }, flow: { friendlyDeviceName: 'Work laptop' } });
    await h.flow.signIn({ username: 'plain', password: PASSWORD });
    await h.flow.enroll();
    expect(h.store.accounts[0]?.draft).toMatchObject({ issuer: 'ACME prod', name: 'plain' });
    expect(h.pool.callsOf('VerifySoftwareToken')[0]?.input).toMatchObject({ FriendlyDeviceName: 'Work laptop' });
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { issuer: 'ACME prod', accountName: 'plain' } });
  });

  it('reports totp-disabled-on-pool when AssociateSoftwareToken says the pool has TOTP off', async () => {
    const h = harness({ pool: { totpEnabled: false } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'associate', problem: { code: 'totp-disabled-on-pool', params: { poolId: PROFILE.userPoolId } } });
    expect(h.store.accounts).toEqual([]);
  });

  it('fails with enrollment-not-confirmed when GetUser does not show TOTP as preferred', async () => {
    const h = harness({ pool: { ignorePreference: true } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      failedStep: 'confirm',
      pendingAccountId: 'acct-1',
      problem: { code: 'enrollment-not-confirmed', params: { preferredMfaSetting: '', userMfaSettingList: '' } },
    });
    expect(h.store.accounts[0]?.status).toBe('pending');
  });
});

describe('period rollover', () => {
  const rejectOnce = serviceError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');

  async function enrollWith(options: HarnessOptions, failures: readonly InjectedFailure[], atOffsetMs: number) {
    const h = harness(options);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    // Put the clock where the test wants it inside the 30 s step before enrolling.
    h.clock.advance(STEP_START + 30_000 + atOffsetMs - h.clock.now());
    h.pool.fail('VerifySoftwareToken', ...failures);
    await h.flow.enroll();
    return h;
  }

  it('waits for the next step and retries once when the code was made within 3 s of the boundary', async () => {
    const h = await enrollWith({}, [rejectOnce], 28_500);
    expect(h.clock.sleeps).toEqual([1_550]);
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(2);
    const [first, second] = h.codes;
    expect(step(second?.at ?? 0)).toBe(step(first?.at ?? 0) + 1);
    expect((h.pool.callsOf('VerifySoftwareToken')[1]?.input as VerifySoftwareTokenInput).UserCode).toBe(second?.code);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('retries at once with the next code when the step rolled over during the call', async () => {
    // 5 s per call: AssociateSoftwareToken ends at 25 s, the code is made there (5 s before the boundary, outside
    // the 3 s margin) and VerifySoftwareToken's answer arrives at 30 s, in the next step.
    const h = await enrollWith({ pool: { latencyMs: 5_000 } }, [rejectOnce], 20_000);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(step(h.codes[1]?.at ?? 0)).toBe(step(h.codes[0]?.at ?? 0) + 1);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('does not retry a code made far from the boundary', async () => {
    const h = await enrollWith({}, [rejectOnce], 10_000);
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(1);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'verify', problem: { code: 'enable-code-mismatch', retry: 'next-code' } });
  });

  it('retries exactly once: a second rejection fails', async () => {
    const h = await enrollWith({}, [rejectOnce, rejectOnce, rejectOnce], 29_000);
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'enable-code-mismatch' } });
  });

  it('also retries a CodeMismatchException near the boundary', async () => {
    const h = await enrollWith({}, [serviceError('CodeMismatchException', 'Invalid code or auth state for the user.')], 29_000);
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(h.flow.getState().kind).toBe('enrolled');
  });
});

describe('failure midway and retry', () => {
  it('keeps the pending account after a rejected code; retry verifies with a fresh code without re-associating', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.pool.fail('VerifySoftwareToken', serviceError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'));
    await h.flow.enroll();
    expect(h.flow.getState()).toEqual({
      kind: 'failed',
      canRetry: true,
      pendingAccountId: 'acct-1',
      failedStep: 'verify',
      problem: { code: 'enable-code-mismatch', retry: 'next-code', params: { operation: 'VerifySoftwareToken', skewSeconds: '0' } },
    });
    expect(h.store.accounts[0]?.status).toBe('pending');

    h.clock.advance(30_000);
    await h.flow.retry();
    expect(h.pool.callsOf('AssociateSoftwareToken')).toHaveLength(1);
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(2);
    expect(h.codes[1]?.at).toBe(START + 30_000);
    expect(h.store.log.filter((e) => e === 'savePending')).toHaveLength(1);
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { accountId: 'acct-1' } });
    expect(h.store.accounts).toMatchObject([{ id: 'acct-1', status: 'active' }]);
  });

  it('after a network error at set-preference, retry resumes there (no second verify)', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.pool.fail('SetUserMFAPreference', 'network');
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({
      kind: 'failed',
      failedStep: 'set-preference',
      pendingAccountId: 'acct-1',
      problem: { code: 'network-unreachable', params: { host: 'cognito-idp.ap-northeast-1.amazonaws.com' } },
    });
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual(['SetUserMFAPreference', 'GetUser', 'markActive']);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('after the store fails to activate, retry only activates', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.store.failNext('markActive');
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'activate', problem: { code: 'storage-failed', params: { name: 'Error' } } });
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual(['markActive']);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('after the store fails to save the pending account, retry saves it and goes on', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.store.failNext('savePending');
    await h.flow.enroll();
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', failedStep: 'save-pending', problem: { code: 'storage-failed' } });
    expect(h.flow.getState()).not.toHaveProperty('pendingAccountId');
    h.events.length = 0;
    await h.flow.retry();
    expect(h.events).toEqual(['savePending', 'VerifySoftwareToken', 'SetUserMFAPreference', 'GetUser', 'markActive']);
    expect(h.flow.getState().kind).toBe('enrolled');
  });
});

describe('expired sessions', () => {
  const invalidSession = serviceError('NotAuthorizedException', 'Invalid session for the user.');

  it('signs in again once by itself when the MFA_SETUP session expires, and finishes', async () => {
    const h = harness({ pool: { mfa: 'ON' } });
    h.pool.fail('VerifySoftwareToken', invalidSession);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.pool.callsOf('InitiateAuth')).toHaveLength(2);
    expect(h.pool.callsOf('AssociateSoftwareToken')).toHaveLength(2);
    expect(h.store.accounts).toHaveLength(1);
    expect(h.store.accounts[0]).toMatchObject({ status: 'active', draft: { secret: h.pool.user('demo').totpSecret } });
    expect(h.flow.getState()).toMatchObject({ kind: 'enrolled', summary: { viaMfaSetup: true } });
  });

  it('does not restart twice: a second expiry fails with session-expired', async () => {
    const h = harness({ pool: { mfa: 'ON' } });
    h.pool.fail('VerifySoftwareToken', invalidSession, invalidSession);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.pool.callsOf('InitiateAuth')).toHaveLength(2);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: true, pendingAccountId: 'acct-1', problem: { code: 'session-expired', retry: 'restart' } });
    await h.flow.retry();
    expect(h.pool.callsOf('InitiateAuth')).toHaveLength(3);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('when the access token expired before enrolling, signs in again and re-associates', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.pool.expireEverything();
    await h.flow.enroll();
    expect(h.pool.ops()).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken', // Access Token has expired
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
      'GetUser',
    ]);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it('answers a user-entered code after its session expired by signing in again (new code needed)', async () => {
    const h = harness({ users: [{ ...DEMO, enabled: ['SMS_MFA'] }] });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.pool.expireEverything();
    await h.flow.submitCode(SMS_CODE);
    expect(h.pool.callsOf('InitiateAuth')).toHaveLength(2);
    expect(h.flow.getState()).toMatchObject({ kind: 'needs-code', challenge: 'SMS_MFA' });
  });
});

describe('throttling, server errors, network', () => {
  const throttled = serviceError('TooManyRequestsException', 'Too many requests');

  it('backs off 1 s then 2 s and gives up after two retries', async () => {
    const h = harness();
    h.pool.fail('InitiateAuth', throttled, throttled, throttled, throttled);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.clock.sleeps).toEqual([1_000, 2_000]);
    expect(h.pool.ops()).toEqual(['InitiateAuth', 'InitiateAuth', 'InitiateAuth']);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', canRetry: true, problem: { code: 'throttled', retry: 'backoff' } });
  });

  it('continues after one LimitExceededException', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.pool.fail('GetUser', serviceError('LimitExceededException', 'Attempt limit exceeded'));
    await h.flow.enroll();
    expect(h.clock.sleeps).toEqual([1_000]);
    expect(h.pool.callsOf('GetUser')).toHaveLength(2);
    expect(h.flow.getState().kind).toBe('enrolled');
  });

  it.each([
    [1, 'enrolled'],
    [2, 'failed'],
  ])('retries an HTTP 500 once after a short wait (%i failures -> %s)', async (count, kind) => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.pool.fail('AssociateSoftwareToken', ...Array.from({ length: count }, () => serviceError('InternalErrorException', 'Internal error', 500)));
    await h.flow.enroll();
    expect(h.clock.sleeps).toEqual([500]);
    expect(h.pool.callsOf('AssociateSoftwareToken')).toHaveLength(2);
    expect(h.flow.getState().kind).toBe(kind);
    if (kind === 'failed') expect(h.flow.getState()).toMatchObject({ problem: { code: 'service-error', params: { status: '500' } } });
  });

  it('fails at once on a network error, naming the host', async () => {
    const h = harness();
    h.pool.fail('InitiateAuth', 'network');
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.pool.ops()).toEqual(['InitiateAuth']);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'network-unreachable', params: { host: 'cognito-idp.ap-northeast-1.amazonaws.com' } } });
  });
});

describe('clock skew', () => {
  it.each([
    [-95_000, '-94'],
    [120_000, '+120'],
  ])('puts the measured skew (server %i ms) into the enable-code-mismatch problem', async (skewMs, seconds) => {
    const h = harness({ pool: { skewMs } });
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    await h.flow.enroll();
    // The pool checks codes against its own clock, so a far-off local clock makes the real code fail.
    expect(h.pool.callsOf('VerifySoftwareToken')).toHaveLength(1);
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'enable-code-mismatch', params: { skewSeconds: seconds } } });
  });

  it('puts it into the code-mismatch of an automatic SOFTWARE_TOKEN_MFA answer', async () => {
    const h = harness({ pool: { skewMs: 300_000 }, users: [{ ...DEMO, enabled: ['SOFTWARE_TOKEN_MFA'], totpSecret: EXISTING_SECRET }] });
    h.store.addActive(REF, EXISTING_SECRET);
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState()).toMatchObject({ kind: 'failed', problem: { code: 'code-mismatch', params: { skewSeconds: '+300', operation: 'RespondToAuthChallenge' } } });
  });
});

describe('usage', () => {
  it.each([
    ['submitCode', (f: ReturnType<typeof harness>['flow']) => f.submitCode('123456')],
    ['submitNewPassword', (f: ReturnType<typeof harness>['flow']) => f.submitNewPassword({ newPassword: 'x' })],
    ['enroll', (f: ReturnType<typeof harness>['flow']) => f.enroll()],
    ['retry', (f: ReturnType<typeof harness>['flow']) => f.retry()],
  ])('%s() in idle rejects, naming the state', async (_, act) => {
    const h = harness();
    await expect(act(h.flow)).rejects.toThrow(/not "idle"/);
    expect(h.pool.calls).toEqual([]);
  });

  it('rejects a second action while one runs', async () => {
    const h = harness();
    const first = h.flow.signIn({ username: 'demo', password: PASSWORD });
    await expect(h.flow.signIn({ username: 'demo', password: PASSWORD })).rejects.toThrow(/another action is running/);
    await first;
    expect(h.flow.getState().kind).toBe('signed-in');
  });

  it('rejects retry() when the problem cannot be fixed by retrying', async () => {
    const h = harness();
    await h.flow.signIn({ username: 'demo', password: 'nope-nope' });
    await expect(h.flow.retry()).rejects.toThrow(/incorrect-credentials/);
  });

  it('reset() abandons a running sign-in and returns to idle', async () => {
    const h = harness();
    const running = h.flow.signIn({ username: 'demo', password: PASSWORD });
    h.flow.reset();
    await running;
    expect(h.flow.getState()).toEqual({ kind: 'idle' });
    expect(h.states.at(-1)).toEqual({ kind: 'idle' });
    // A new sign-in works after the reset.
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(h.flow.getState().kind).toBe('signed-in');
  });

  it('unsubscribe stops notifications', async () => {
    const h = harness();
    const seen: string[] = [];
    const unsubscribe = h.flow.subscribe((s) => seen.push(s.kind));
    unsubscribe();
    await h.flow.signIn({ username: 'demo', password: PASSWORD });
    expect(seen).toEqual([]);
    expect(h.kinds()).toEqual(['signing-in', 'signed-in']);
  });
});
