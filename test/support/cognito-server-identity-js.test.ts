/* eslint-disable @typescript-eslint/no-deprecated -- amazon-cognito-identity-js v5 is deprecated upstream, yet it is the
   independent SRP client these tests cross-check the server against. */
import type { CognitoUserSession } from 'amazon-cognito-identity-js';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './cognito-server-harness.ts';
import { accessTokenFor, createClient, createPool, createUser, enrollTotp, PASSWORD, startHarness, totpCode } from './cognito-server-harness.ts';

// amazon-cognito-identity-js (CognitoUser.authenticateUser) as an independent client of the server: real SRP
// (its AuthenticationHelper and DateHelper), NEW_PASSWORD_REQUIRED, MFA_SETUP and SOFTWARE_TOKEN_MFA.

type Outcome =
  | { readonly kind: 'success'; readonly session: CognitoUserSession }
  | { readonly kind: 'totpRequired' | 'mfaSetup' | 'newPasswordRequired'; readonly user: CognitoUser; readonly parameters: unknown };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function cognitoUser(poolId: string, clientId: string, username: string): CognitoUser {
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: `${h.server.url}/` });
  return new CognitoUser({ Username: username, Pool: pool });
}

/** authenticateUser as a promise: resolves on success or on a challenge callback, rejects on failure. */
function authenticate(user: CognitoUser, username: string, password: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session) => resolve({ kind: 'success', session }),
      onFailure: reject,
      totpRequired: (_name, parameters) => resolve({ kind: 'totpRequired', user, parameters }),
      mfaSetup: (_name, parameters) => resolve({ kind: 'mfaSetup', user, parameters }),
      newPasswordRequired: (attributes) => resolve({ kind: 'newPasswordRequired', user, parameters: attributes }),
    });
  });
}

describe('USER_SRP_AUTH with amazon-cognito-identity-js', () => {
  it.each([
    ['username', undefined],
    ['e-mail as username attribute (USER_ID_FOR_SRP is the sub)', ['email'] as const],
  ])('signs in a pool with %s', async (_label, usernameAttributes) => {
    const poolId = createPool(h.server, usernameAttributes === undefined ? {} : { usernameAttributes });
    const { clientId } = createClient(h.server, poolId, { flows: ['ALLOW_USER_SRP_AUTH'] });
    const internal = createUser(h.server, poolId, 'demo@example.com');
    const outcome = await authenticate(cognitoUser(poolId, clientId, 'demo@example.com'), 'demo@example.com', PASSWORD);
    expect(outcome.kind).toBe('success');
    if (outcome.kind === 'success') {
      expect(outcome.session.getAccessToken().payload.username).toBe(internal);
      expect(outcome.session.getIdToken().payload.email).toBe('demo@example.com');
    }
  });

  it.each([
    ['a wrong password', 'demo@example.com', 'Wrong-pass-1'],
    ['an unknown user', 'ghost@example.com', PASSWORD],
  ])('fails with NotAuthorizedException for %s', async (_label, username, password) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    await expect(authenticate(cognitoUser(poolId, clientId, username), username, password)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('gets the flow error when it asks for USER_PASSWORD_AUTH on an SRP-only client', async () => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId, { flows: ['ALLOW_USER_SRP_AUTH'] });
    createUser(h.server, poolId, 'demo@example.com');
    const user = cognitoUser(poolId, clientId, 'demo@example.com');
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    await expect(authenticate(user, 'demo@example.com', PASSWORD)).rejects.toMatchObject({
      code: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });
});

describe('challenges with amazon-cognito-identity-js', () => {
  it('NEW_PASSWORD_REQUIRED -> completeNewPasswordChallenge', async () => {
    const poolId = createPool(h.server, { mfa: 'OPTIONAL', totp: true });
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'new@example.com', { temporary: true, password: 'Temp-pass-1' });
    const outcome = await authenticate(cognitoUser(poolId, clientId, 'new@example.com'), 'new@example.com', 'Temp-pass-1');
    expect(outcome).toMatchObject({ kind: 'newPasswordRequired', parameters: { email: 'new@example.com', email_verified: 'true' } });
    if (outcome.kind !== 'newPasswordRequired') return;
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      outcome.user.completeNewPasswordChallenge('Brand-new-1', {}, { onSuccess: resolve, onFailure: reject });
    });
    expect(session.getAccessToken().payload.username).toBe('new@example.com');
  });

  it('MFA_SETUP -> associateSoftwareToken -> verifySoftwareToken (session path) -> signed in; then totpRequired', async () => {
    const poolId = createPool(h.server, { mfa: 'ON', totp: true });
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const outcome = await authenticate(cognitoUser(poolId, clientId, 'demo@example.com'), 'demo@example.com', PASSWORD);
    expect(outcome).toMatchObject({ kind: 'mfaSetup', parameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } });
    if (outcome.kind !== 'mfaSetup') return;
    const { user } = outcome;
    const secret = await new Promise<string>((resolve, reject) => {
      user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject });
    });
    await new Promise<unknown>((resolve, reject) => {
      user.verifySoftwareToken(totpCode(secret, h.now()), 'Keystep', { onSuccess: resolve, onFailure: reject });
    });
    expect(h.server.admin.adminGetUser({ UserPoolId: poolId, Username: 'demo@example.com' }).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);

    const next = await authenticate(cognitoUser(poolId, clientId, 'demo@example.com'), 'demo@example.com', PASSWORD);
    expect(next).toMatchObject({ kind: 'totpRequired', parameters: { FRIENDLY_DEVICE_NAME: 'Keystep', USER_ID_FOR_SRP: 'demo@example.com' } });
    if (next.kind !== 'totpRequired') return;
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      next.user.sendMFACode(totpCode(secret, h.now()), { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA');
    });
    expect(session.isValid()).toBe(true);
  });

  it('a wrong TOTP code through sendMFACode is CodeMismatchException', async () => {
    const poolId = createPool(h.server, { mfa: 'OPTIONAL', totp: true });
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, 'demo@example.com');
    const secret = await enrollTotp(h, await accessTokenFor(h, clientId, 'demo@example.com'));
    const outcome = await authenticate(cognitoUser(poolId, clientId, 'demo@example.com'), 'demo@example.com', PASSWORD);
    if (outcome.kind !== 'totpRequired') throw new Error(`expected totpRequired, got ${outcome.kind}`);
    const right = totpCode(secret, h.now());
    await expect(
      new Promise((resolve, reject) => {
        outcome.user.sendMFACode(right === '000000' ? '000001' : '000000', { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA');
      }),
    ).rejects.toMatchObject({ code: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' });
  });
});
