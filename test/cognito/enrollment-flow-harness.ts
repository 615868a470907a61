// The enrollment flow under test, wired as the product wires it but over test doubles that agree with the
// product: the local Cognito server's operations called in process (test/support/in-process-cognito.ts) and
// Keystep's real enrollment store (src/platform/vault-enrollment-store.ts) over the in-memory browser.
import { expect } from 'vitest';
import type { AuthResponse, AuthenticationResult, CognitoApi, CognitoOperation, InitiateAuthInput, RespondToAuthChallengeInput } from '../../src/cognito/cognito-api.ts';
import type { CognitoProfile } from '../../src/cognito/cognito-profile.ts';
import { createEnrollmentFlow, type EnrollmentFlow, type EnrollmentFlowOptions } from '../../src/cognito/enrollment-flow.ts';
import type { EnrollmentState, EnrollmentStep } from '../../src/cognito/enrollment-state.ts';
import type { CognitoAccountRef, EnrollmentStore } from '../../src/cognito/enrollment-store.ts';
import type { Account } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultEnrollmentStore } from '../../src/platform/vault-enrollment-store.ts';
import { draft } from '../support/account-fixtures.ts';
import { totpCode } from '../support/cognito-server-harness.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { fakeClock, type FakeClock } from '../support/fake-clock.ts';
import { createInProcessCognito, type InProcessCognito, type LoggedCall } from '../support/in-process-cognito.ts';
import { seededRandomBytes } from './seeded-random.ts';

/** 1 s into a 30 s TOTP step: far from any boundary unless a test moves the clock. */
export const START = Date.parse('2026-11-03T07:05:01Z');
export const STEP_START = Date.parse('2026-11-03T07:05:00Z');
export const REGION = 'ap-northeast-1';
/** Meets the pool's default password policy. */
export const PASSWORD = 'Aaaa-1111';
export type Factor = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';

/** A user to create in the pool. */
export interface UserInit {
  /** What the user signs in with (in an e-mail-username pool, the e-mail; the pool names the user by its sub). */
  readonly username: string;
  readonly email?: string;
  /** The user has a phone number for SMS_MFA. */
  readonly phone?: boolean;
  /** Created with PASSWORD as a temporary password (FORCE_CHANGE_PASSWORD). */
  readonly temporary?: boolean;
  /** Factors already enabled (a software token is enrolled through the API first), none preferred. */
  readonly factors?: readonly Factor[];
}

export const DEMO: UserInit = { username: 'demo', email: 'demo-with-mfa@example.com' };

export interface PoolInit {
  /** Default OPTIONAL. */
  readonly mfa?: 'OFF' | 'OPTIONAL' | 'ON';
  /** TOTP on; default true. */
  readonly totp?: boolean;
  readonly sms?: boolean;
  readonly email?: boolean;
  /** Users sign in with their e-mail; the pool's usernames are subs. */
  readonly emailUsernames?: boolean;
  /** Attributes the schema requires (NEW_PASSWORD_REQUIRED asks for those a user lacks). */
  readonly requiredAttributes?: readonly string[];
}

export interface HarnessOptions {
  readonly pool?: PoolInit;
  /** The app client's ExplicitAuthFlows (default SRP, password and refresh) and whether it has a secret. */
  readonly client?: { readonly flows?: readonly string[]; readonly secret?: boolean };
  readonly users?: readonly UserInit[];
  readonly profile?: Partial<CognitoProfile>;
  readonly flow?: Partial<EnrollmentFlowOptions>;
  /** Server clock minus the test clock, ms. */
  readonly skewMs?: number;
  /** The test clock moves this much as each request arrives, ms. */
  readonly latencyMs?: number;
  /** The flow's sign-ins get no refresh token (the API returns one with every sign-in; this drops it on the way). */
  readonly withoutRefreshTokens?: boolean;
}

/** The TOTP code (SHA1, 6 digits, 30 s) of `secret` at `at`, computed with otpauth (not the product's code). */
export const totp = totpCode;
/** The index of the 30 s step of `at`. */
export const step = (at: number): number => Math.floor(at / 30_000);

const ALL_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/** Creates the pool, its clients and users through the admin API and, for software tokens, the user API. */
async function seed(cognito: InProcessCognito, options: HarnessOptions) {
  const { admin } = cognito;
  const pool = options.pool ?? {};
  const poolId = admin.createUserPool({
    PoolName: 'cognito-demo',
    ...(pool.emailUsernames === true ? { UsernameAttributes: ['email' as const] } : {}),
    ...(pool.requiredAttributes === undefined ? {} : { Schema: pool.requiredAttributes.map((Name) => ({ Name, Required: true })) }),
  }).UserPool.Id;
  admin.setUserPoolMfaConfig({
    UserPoolId: poolId,
    MfaConfiguration: pool.mfa ?? 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: pool.totp ?? true },
    ...(pool.sms === true ? { SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' } } } : {}),
    ...(pool.email === true ? { EmailMfaConfiguration: {} } : {}),
  });
  const client = admin.createUserPoolClient({
    UserPoolId: poolId,
    ClientName: 'keystep',
    ExplicitAuthFlows: options.client?.flows ?? ALL_FLOWS,
    GenerateSecret: options.client?.secret ?? false,
  }).UserPoolClient;
  // Users get their software tokens through a client of their own, whatever the tested client allows.
  const setupClientId = admin.createUserPoolClient({ UserPoolId: poolId, ClientName: 'setup', ExplicitAuthFlows: ALL_FLOWS }).UserPoolClient.ClientId;

  const poolNames = new Map<string, string>();
  const secrets = new Map<string, string>();
  for (const user of options.users ?? [DEMO]) {
    const attributes = [
      ...(user.email === undefined ? [] : [{ Name: 'email', Value: user.email }]),
      ...(user.phone === true ? [{ Name: 'phone_number', Value: '+15555551234' }] : []),
    ];
    const created = admin.adminCreateUser({
      UserPoolId: poolId,
      Username: user.username,
      UserAttributes: attributes,
      MessageAction: 'SUPPRESS',
      ...(user.temporary === true ? { TemporaryPassword: PASSWORD } : {}),
    });
    if (user.temporary !== true) admin.adminSetUserPassword({ UserPoolId: poolId, Username: user.username, Password: PASSWORD, Permanent: true });
    poolNames.set(user.username, created.User.Username);
    const factors = user.factors ?? [];
    if (factors.includes('SOFTWARE_TOKEN_MFA')) {
      const signedIn = await cognito.api.initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: setupClientId, AuthParameters: { USERNAME: user.username, PASSWORD } });
      const AccessToken = signedIn.AuthenticationResult?.AccessToken ?? '';
      const { SecretCode = '' } = await cognito.api.associateSoftwareToken({ AccessToken });
      await cognito.api.verifySoftwareToken({ AccessToken, UserCode: totpCode(SecretCode, cognito.ctx.now()) });
      secrets.set(user.username, SecretCode);
    }
    const enabled = { Enabled: true, PreferredMfa: false };
    admin.adminSetUserMFAPreference({
      UserPoolId: poolId,
      Username: user.username,
      ...(factors.includes('SOFTWARE_TOKEN_MFA') ? { SoftwareTokenMfaSettings: enabled } : {}),
      ...(factors.includes('SMS_MFA') ? { SMSMfaSettings: enabled } : {}),
      ...(factors.includes('EMAIL_OTP') ? { EmailMfaSettings: enabled } : {}),
    });
  }
  return { poolId, clientId: client.ClientId, clientSecret: client.ClientSecret, poolNames, secrets };
}

/** `response` without its refresh token. */
function dropRefreshToken({ AuthenticationResult: result, ...rest }: AuthResponse): AuthResponse {
  if (result === undefined) return rest;
  const tokens: AuthenticationResult = Object.fromEntries(Object.entries(result).filter(([name]) => name !== 'RefreshToken'));
  return { ...rest, AuthenticationResult: tokens };
}

/** `api`, whose sign-ins bring no refresh token. */
function withoutRefreshTokens(api: CognitoApi): CognitoApi {
  return {
    ...api,
    initiateAuth: async (input) => dropRefreshToken(await api.initiateAuth(input)),
    respondToAuthChallenge: async (input) => dropRefreshToken(await api.respondToAuthChallenge(input)),
  };
}

/** Logs the store's calls into `events`, beside the Cognito calls. */
function loggedStore(store: EnrollmentStore, events: string[]): EnrollmentStore {
  return {
    savePending: (accountDraft, ref) => {
      events.push('savePending');
      return store.savePending(accountDraft, ref);
    },
    markActive: (id) => {
      events.push('markActive');
      return store.markActive(id);
    },
    findSecret: (ref) => {
      events.push('findSecret');
      return store.findSecret(ref);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof harness>>;

/** A fresh server, store and flow for one test. */
export async function harness(options: HarnessOptions = {}) {
  await resetFakeBrowser();
  const clock: FakeClock = fakeClock(START);
  const events: string[] = [];
  let recording = false;
  const serverRandom = seededRandomBytes(20261103);
  const cognito = createInProcessCognito({
    clock: () => clock.now() + (options.skewMs ?? 0),
    random: (n) => Buffer.from(serverRandom(n)),
    region: REGION,
    onRequest: (op) => {
      if (!recording) return;
      events.push(op);
      clock.advance(options.latencyMs ?? 0);
    },
  });
  const seeded = await seed(cognito, options);
  const firstCall = cognito.calls.length;
  recording = true;

  const accounts = createAccountStore();
  let ids = 0;
  const store = createVaultEnrollmentStore(accounts, { now: clock.now, newId: () => `acct-${++ids}` });
  const codes: { readonly secret: string; readonly at: number; readonly code: string }[] = [];
  const profile: CognitoProfile = { name: 'cognito-demo', region: REGION, userPoolId: seeded.poolId, clientId: seeded.clientId, ...options.profile };
  const flow: EnrollmentFlow = createEnrollmentFlow({
    profile,
    api: options.withoutRefreshTokens === true ? withoutRefreshTokens(cognito.api) : cognito.api,
    store: loggedStore(store, events),
    generateTotp: (secret, at) => {
      const code = totpCode(secret, at);
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
  const calls = (): readonly LoggedCall[] => cognito.calls.slice(firstCall);

  return {
    clock,
    cognito,
    flow,
    states,
    codes,
    events,
    poolId: seeded.poolId,
    clientId: seeded.clientId,
    clientSecret: seeded.clientSecret ?? '',
    /** The store's key of a user, as the flow makes it. */
    ref: (username = 'demo'): CognitoAccountRef => ({ region: REGION, userPoolId: seeded.poolId, clientId: seeded.clientId, username }),
    /** The pool's name of a user (its sub in an e-mail-username pool). */
    poolName: (username: string): string => seeded.poolNames.get(username) ?? username,
    /** The secret of the software token a user was created with. */
    secretOf: (username = 'demo'): string => seeded.secrets.get(username) ?? '',
    calls,
    ops: (): CognitoOperation[] => calls().map((c) => c.op),
    callsOf: (op: CognitoOperation): LoggedCall[] => calls().filter((c) => c.op === op),
    initiateInputs: (): InitiateAuthInput[] => calls().flatMap((c) => (c.op === 'InitiateAuth' ? [c.input as InitiateAuthInput] : [])),
    challengeInputs: (): RespondToAuthChallengeInput[] => calls().flatMap((c) => (c.op === 'RespondToAuthChallenge' ? [c.input as RespondToAuthChallengeInput] : [])),
    /** The refresh tokens sign-ins returned, in order. */
    refreshTokens: (): string[] =>
      calls().flatMap((c) => {
        const token = (c.output as { AuthenticationResult?: { RefreshToken?: string } } | undefined)?.AuthenticationResult?.RefreshToken;
        return token === undefined ? [] : [token];
      }),
    /** The Token of each RevokeToken call, in order. */
    revokedTokens: (): string[] => calls().flatMap((c) => (c.op === 'RevokeToken' ? [(c.input as { Token: string }).Token] : [])),
    /** The SecretCode of the latest AssociateSoftwareToken. */
    associatedSecret: (): string => (calls().findLast((c) => c.op === 'AssociateSoftwareToken')?.output as { SecretCode?: string } | undefined)?.SecretCode ?? '',
    /** The code the server last sent a user by SMS or e-mail. */
    sentCode: (username = 'demo'): string => cognito.outbox.last(seeded.poolNames.get(username) ?? username)?.code ?? '',
    /** The vault's accounts. */
    accounts: async (): Promise<readonly Account[]> => (await accounts.load()).accounts,
    /** Keystep already holds an active account with `secret` for this user. */
    async addActive(ref: CognitoAccountRef, secret: string): Promise<void> {
      await store.markActive(await store.savePending(draft({ secret, issuer: 'old', name: ref.username }), ref));
    },
    /** The browser refuses the vault write of the flow's `at` step (as when storage is full). */
    failStorageAt(at: EnrollmentStep): void {
      let armed = true;
      flow.subscribe((state) => {
        if (armed && state.kind === 'enrolling' && state.step === at) {
          armed = false;
          fakeBrowser.storage.local.failNextSets = 1;
        }
      });
    },
    kinds: (): string[] => states.map((s) => s.kind),
    steps: (): string[] => states.flatMap((s) => (s.kind === 'enrolling' ? [s.step] : [])),
    /** No password, client secret, token, session or TOTP secret in anything the UI saw. */
    expectNoSecrets(extra: readonly string[] = []): void {
      const seen = JSON.stringify(states);
      for (const secret of [...cognito.issued, PASSWORD, ...extra]) if (secret !== '') expect(seen).not.toContain(secret);
    },
  };
}
