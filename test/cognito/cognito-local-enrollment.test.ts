import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsCognitoClient } from '../../src/cognito/aws-cognito-client.ts';
import type { CognitoApi } from '../../src/cognito/cognito-api.ts';
import { cognitoAccountDraft } from '../../src/cognito/cognito-account-draft.ts';
import type { CognitoProfile } from '../../src/cognito/cognito-profile.ts';
import { createEnrollmentFlow, type EnrollmentFlow } from '../../src/cognito/enrollment-flow.ts';
import type { EnrollmentStore } from '../../src/cognito/enrollment-store.ts';
import { validateCognitoProfile } from '../../src/cognito/validate-cognito-profile.ts';
import { generateCode } from '../../src/core/otp.ts';
import { sha1Hmac } from '../../src/core/sha1-hmac.ts';
import { createAccountStore, type AccountStore } from '../../src/platform/account-store.ts';
import { createVaultEnrollmentStore } from '../../src/platform/vault-enrollment-store.ts';
import { startCognitoLocal, type CognitoLocal, type LocalPool } from '../support/cognito-local.ts';
import { resetFakeBrowser } from '../support/fake-browser.ts';
import { base32Bytes, totpCode } from '../support/independent-otp.ts';

// The enrollment flow as the options page wires it (src/options/use-enrollment-flow.ts): the AWS SDK adapter, Keystep's
// enrollment store over the (in-memory) browser storage and core's TOTP, here pointed at the real cognito-local 5.3.0
// (a dev dependency, test/support/cognito-local.ts), which checks codes for real. Issue 13: a user enrolls there with
// the sign-in flow Password, and the SRP default says why it cannot.

let local: CognitoLocal;

beforeAll(async () => {
  local = await startCognitoLocal();
}, 30_000);

afterAll(async () => {
  await local.stop();
});

beforeEach(resetFakeBrowser);

/** The profile a developer saves for cognito-local: its endpoint, its local_ pool, no region (taken from the pool ID). */
function localProfile(pool: LocalPool, signInFlow?: CognitoProfile['signInFlow']): CognitoProfile {
  const result = validateCognitoProfile({
    name: 'cognito-local',
    region: '',
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    endpoint: local.url,
    issuer: '',
    ...(signInFlow === undefined ? {} : { signInFlow }),
  });
  if (!result.ok) throw new Error(`profile refused: ${result.errors.map((e) => e.code).join(', ')}`);
  return result.profile;
}

/** The real adapter, with the Cognito calls a flow made listed by operation. */
function counted(api: CognitoApi): { api: CognitoApi; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    api: {
      initiateAuth: (input) => {
        calls.push('InitiateAuth');
        return api.initiateAuth(input);
      },
      respondToAuthChallenge: (input) => {
        calls.push('RespondToAuthChallenge');
        return api.respondToAuthChallenge(input);
      },
      associateSoftwareToken: (input) => {
        calls.push('AssociateSoftwareToken');
        return api.associateSoftwareToken(input);
      },
      verifySoftwareToken: (input) => {
        calls.push('VerifySoftwareToken');
        return api.verifySoftwareToken(input);
      },
      setUserMfaPreference: (input) => {
        calls.push('SetUserMFAPreference');
        return api.setUserMfaPreference(input);
      },
      getUser: (input) => {
        calls.push('GetUser');
        return api.getUser(input);
      },
      revokeToken: (input) => {
        calls.push('RevokeToken');
        return api.revokeToken(input);
      },
    },
  };
}

interface LocalFlow {
  readonly flow: EnrollmentFlow;
  readonly calls: string[];
  readonly sleeps: number[];
}

/** A flow for `profile` as the options page makes one, over `store` (default: Keystep's store over `accounts`). */
function localFlow(profile: CognitoProfile, accounts: AccountStore, store: EnrollmentStore = createVaultEnrollmentStore(accounts)): LocalFlow {
  const { api, calls } = counted(createAwsCognitoClient({ region: profile.region, ...(profile.endpoint === undefined ? {} : { endpoint: profile.endpoint }) }));
  const sleeps: number[] = [];
  const flow = createEnrollmentFlow({
    profile,
    api,
    store,
    generateTotp: (secret, nowMs) => Promise.resolve(generateCode(cognitoAccountDraft(secret, '', ''), nowMs, sha1Hmac)),
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  return { flow, calls, sleeps };
}

/** A six-digit code that none of the steps from two back to two ahead of now gives. */
function wrongCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((step) => totpCode(base32Bytes(secret), Date.now() + step * 30_000)));
  const code = ['000000', '111111', '222222', '333333', '444444', '555555'].find((candidate) => !near.has(candidate));
  if (code === undefined) throw new Error('no wrong code found');
  return code;
}

describe('the enrollment flow against cognito-local 5.3.0', () => {
  it('enrolls with the sign-in flow Password; a fresh sign-in then takes the stored secret\'s code and refuses a wrong one', async () => {
    const pool = await local.createPool({ username: 'enroll@example.com' });
    const profile = localProfile(pool, 'password');
    expect(profile).toMatchObject({ region: 'local', userPoolId: expect.stringMatching(/^local_/) as unknown, signInFlow: 'password' });
    const accounts = createAccountStore();

    const first = localFlow(profile, accounts);
    await first.flow.signIn({ username: pool.username, password: pool.password });
    expect(first.flow.getState()).toMatchObject({ kind: 'signed-in', flowUsed: 'USER_PASSWORD_AUTH' });
    await first.flow.enroll();
    expect(first.flow.getState()).toMatchObject({
      kind: 'enrolled',
      summary: { preferredMfaSetting: 'SOFTWARE_TOKEN_MFA', userMfaSettingList: ['SOFTWARE_TOKEN_MFA'], flowUsed: 'USER_PASSWORD_AUTH', viaMfaSetup: false },
    });
    expect(first.calls).toEqual(['InitiateAuth', 'AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference', 'GetUser', 'RevokeToken']);
    const [account] = (await accounts.load()).accounts;
    expect(account).toMatchObject({
      status: 'active',
      issuer: 'cognito-local',
      name: pool.username,
      cognito: { endpoint: local.url, region: 'local', userPoolId: pool.userPoolId, clientId: pool.clientId, username: pool.username },
    });
    const secret = account?.secret ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // A fresh sign-in: cognito-local now asks for the code, and Keystep answers it from the stored secret.
    const again = localFlow(profile, accounts);
    await again.flow.signIn({ username: pool.username, password: pool.password });
    expect(again.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: true });
    expect(again.calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);

    // A Keystep without that account (another browser) asks for the code: cognito-local refuses a wrong one and takes
    // the right one.
    const elsewhere: EnrollmentStore = { ...createVaultEnrollmentStore(accounts), findSecret: () => Promise.resolve({ kind: 'none' }) };
    const typed = localFlow(profile, accounts, elsewhere);
    await typed.flow.signIn({ username: pool.username, password: pool.password });
    expect(typed.flow.getState()).toEqual({ kind: 'needs-code', username: pool.username, challenge: 'SOFTWARE_TOKEN_MFA' });
    await typed.flow.submitCode(wrongCode(secret));
    expect(typed.flow.getState()).toMatchObject({ kind: 'needs-code', problem: { code: 'code-mismatch' } });
    await typed.flow.submitCode(totpCode(base32Bytes(secret), Date.now()));
    expect(typed.flow.getState()).toMatchObject({ kind: 'signed-in', mfaUsed: 'SOFTWARE_TOKEN_MFA', mfaAnsweredByKeystep: false });
  }, 30_000);

  it('with the SRP default says the server does not support SRP (its error type and message), without a retry', async () => {
    const pool = await local.createPool({ username: 'srp@example.com' });
    const accounts = createAccountStore();
    const { flow, calls, sleeps } = localFlow(localProfile(pool), accounts);
    await flow.signIn({ username: pool.username, password: pool.password });
    expect(flow.getState()).toEqual({
      kind: 'failed',
      canRetry: false,
      problem: {
        code: 'srp-unsupported',
        retry: 'no',
        params: {
          operation: 'InitiateAuth',
          status: '500',
          name: 'Unsupported',
          message: 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH',
          host: new URL(local.url).host,
        },
      },
    });
    expect(calls).toEqual(['InitiateAuth']);
    expect(sleeps).toEqual([]);
    expect((await accounts.load()).accounts).toEqual([]);
  });
});
