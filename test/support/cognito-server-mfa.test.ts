import type { RespondToAuthChallengeCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './cognito-server-harness.ts';
import { accessTokenFor, createClient, createPool, createUser, enrollTotp, passwordSignIn, startHarness, totpCode } from './cognito-server-harness.ts';

// TOTP enrollment (signed in and MFA_SETUP), the MFA challenges and the MFA rules of a pool.

const INVALID_SESSION = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' };
const CODE_MISMATCH = { name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' };
const ENABLE_MISMATCH = { name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' };
const POOL_TOTP_OFF = { name: 'SoftwareTokenMFANotFoundException', message: 'Software Token MFA has not been enabled by the userPool.' };
const USER = 'demo-with-mfa@example.com';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function respond(input: RespondToAuthChallengeCommandInput) {
  return h.sdk.send(new RespondToAuthChallengeCommand(input));
}

/** A pool (MFA OPTIONAL, TOTP on unless said otherwise), a client and a confirmed user. */
function setup(options: { mfa?: 'OFF' | 'ON' | 'OPTIONAL'; totp?: boolean } = {}) {
  const poolId = createPool(h.server, { mfa: options.mfa ?? 'OPTIONAL', totp: options.totp ?? true });
  const { clientId } = createClient(h.server, poolId);
  createUser(h.server, poolId, USER);
  return { poolId, clientId };
}

describe('signed-in enrollment (walkthrough report 2)', () => {
  it('associate -> verify -> set preference -> GetUser shows SOFTWARE_TOKEN_MFA', async () => {
    const { poolId, clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    const associated = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeUndefined();
    const verified = await h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(associated.SecretCode ?? '', h.now()), FriendlyDeviceName: 'Keystep' }));
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeUndefined();
    await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const user = await h.sdk.send(new GetUserCommand({ AccessToken: token }));
    expect(user.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    const admin = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: USER }));
    expect(admin.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect(admin.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('verifying alone does not turn MFA on: sign-in still has no challenge', async () => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    const { SecretCode: secret = '' } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    await h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(secret, h.now()) }));
    expect((await passwordSignIn(h, clientId, USER)).ChallengeName).toBeUndefined();
    expect((await h.sdk.send(new GetUserCommand({ AccessToken: token }))).UserMFASettingList).toBeUndefined();
  });

  it('SetUserMFAPreference before a verified token is an InvalidParameterException', async () => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    await expect(h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    });
  });

  it('a wrong code is EnableSoftwareTokenMFAException and the association stays usable', async () => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    const { SecretCode: secret = '' } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    const right = totpCode(secret, h.now());
    const wrong = right === '000000' ? '000001' : '000000';
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: wrong }))).rejects.toMatchObject(ENABLE_MISMATCH);
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: right }))).resolves.toMatchObject({ Status: 'SUCCESS' });
  });

  it.each([['12345'], ['1234567'], ['12345a'], ['']])('UserCode %j is an InvalidParameterException', async (code) => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: code }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("at 'userCode'") as string,
    });
  });

  it.each([
    [-2, false],
    [-1, true],
    [0, true],
    [1, true],
    [2, false],
  ])('accepts a code from %i steps away: %s', async (steps, accepted) => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    const { SecretCode: secret = '' } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    const call = h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(secret, h.now() + steps * 30_000) }));
    if (accepted) await expect(call).resolves.toMatchObject({ Status: 'SUCCESS' });
    else await expect(call).rejects.toMatchObject(ENABLE_MISMATCH);
  });

  it('a new association replaces an unverified one', async () => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    const first = (await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }))).SecretCode ?? '';
    const second = (await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }))).SecretCode ?? '';
    expect(second).not.toBe(first);
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(first, h.now()) }))).rejects.toMatchObject(ENABLE_MISMATCH);
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(second, h.now()) }))).resolves.toMatchObject({ Status: 'SUCCESS' });
  });

  it('VerifySoftwareToken with nothing associated is SoftwareTokenMFANotFoundException', async () => {
    const { clientId } = setup();
    const token = await accessTokenFor(h, clientId, USER);
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: '123456' }))).rejects.toMatchObject({
      name: 'SoftwareTokenMFANotFoundException',
    });
  });
});

describe('a pool with TOTP disabled', () => {
  it.each([
    ['AssociateSoftwareToken', (token: string) => h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }))],
    ['VerifySoftwareToken', (token: string) => h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: '123456' }))],
    [
      'SetUserMFAPreference',
      (token: string) => h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
    ],
  ])('%s is SoftwareTokenMFANotFoundException', async (_op, call) => {
    const poolId = createPool(h.server);
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, USER);
    const token = await accessTokenFor(h, clientId, USER);
    await expect(call(token)).rejects.toMatchObject(POOL_TOTP_OFF);
  });
});

describe('SOFTWARE_TOKEN_MFA challenge', () => {
  async function enrolled() {
    const ids = setup();
    const secret = await enrollTotp(h, await accessTokenFor(h, ids.clientId, USER), 'My phone');
    return { ...ids, secret };
  }

  it('is asked after enrollment, with USER_ID_FOR_SRP and FRIENDLY_DEVICE_NAME', async () => {
    const { clientId, secret } = await enrolled();
    const out = await passwordSignIn(h, clientId, USER);
    expect(out.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(out.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: USER, FRIENDLY_DEVICE_NAME: 'My phone' });
    const done = await respond({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: out.Session,
      ChallengeResponses: { USERNAME: USER, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, h.now()) },
    });
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('a wrong code is CodeMismatchException and uses the session up', async () => {
    const { clientId, secret } = await enrolled();
    const out = await passwordSignIn(h, clientId, USER);
    const right = totpCode(secret, h.now());
    const answer = (code: string) =>
      respond({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: out.Session, ChallengeResponses: { USERNAME: USER, SOFTWARE_TOKEN_MFA_CODE: code } });
    await expect(answer(right === '000000' ? '000001' : '000000')).rejects.toMatchObject(CODE_MISMATCH);
    await expect(answer(right)).rejects.toMatchObject(INVALID_SESSION);
  });

  it.each([
    [-2, false],
    [-1, true],
    [1, true],
    [2, false],
  ])('accepts a code from %i steps away: %s', async (steps, accepted) => {
    const { clientId, secret } = await enrolled();
    const out = await passwordSignIn(h, clientId, USER);
    const call = respond({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: out.Session,
      ChallengeResponses: { USERNAME: USER, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, h.now() + steps * 30_000) },
    });
    if (accepted) expect((await call).AuthenticationResult).toBeDefined();
    else await expect(call).rejects.toMatchObject(CODE_MISMATCH);
  });

  it('refuses an answer for another challenge', async () => {
    const { clientId } = await enrolled();
    const out = await passwordSignIn(h, clientId, USER);
    await expect(respond({ ClientId: clientId, ChallengeName: 'SMS_MFA', Session: out.Session, ChallengeResponses: { USERNAME: USER, SMS_MFA_CODE: '123456' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('refuses an expired session', async () => {
    const { clientId, secret } = await enrolled();
    const out = await passwordSignIn(h, clientId, USER);
    h.advance(3 * 60_000 + 1000);
    await expect(
      respond({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: out.Session, ChallengeResponses: { USERNAME: USER, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, h.now()) } }),
    ).rejects.toMatchObject(INVALID_SESSION);
  });
});

describe('MFA rules of the pool', () => {
  it.each([
    ['OFF', true, undefined],
    ['OPTIONAL', true, 'SOFTWARE_TOKEN_MFA'],
    ['ON', true, 'SOFTWARE_TOKEN_MFA'],
    ['OFF', false, undefined],
    ['OPTIONAL', false, undefined],
    ['ON', false, 'MFA_SETUP'],
  ] as const)('MfaConfiguration %s, user enrolled %s -> %s', async (mfa, enrolledUser, challenge) => {
    const { poolId, clientId } = setup();
    if (enrolledUser) await enrollTotp(h, await accessTokenFor(h, clientId, USER));
    h.server.admin.setUserPoolMfaConfig({ UserPoolId: poolId, MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: true } });
    const out = await passwordSignIn(h, clientId, USER);
    expect(out.ChallengeName).toBe(challenge);
    expect(out.AuthenticationResult === undefined).toBe(challenge !== undefined);
  });
});

describe('MFA_SETUP (pool MFA ON, user without MFA)', () => {
  async function mfaSetupSession() {
    const ids = setup({ mfa: 'ON' });
    const out = await passwordSignIn(h, ids.clientId, USER);
    expect(out.ChallengeName).toBe('MFA_SETUP');
    expect(out.ChallengeParameters?.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');
    return { ...ids, session: out.Session ?? '' };
  }

  it('AssociateSoftwareToken{Session} -> VerifySoftwareToken{Session} -> RespondToAuthChallenge MFA_SETUP -> tokens', async () => {
    const { poolId, clientId, session } = await mfaSetupSession();
    const associated = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: session }));
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeDefined();
    const verified = await h.sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(associated.SecretCode ?? '', h.now()) }));
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeDefined();
    const done = await respond({ ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: USER } });
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    const user = h.server.admin.adminGetUser({ UserPoolId: poolId, Username: USER });
    expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(user.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect((await passwordSignIn(h, clientId, USER)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('every session of the enrollment is single use', async () => {
    const { session } = await mfaSetupSession();
    const associated = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: session }));
    await expect(h.sdk.send(new AssociateSoftwareTokenCommand({ Session: session }))).rejects.toMatchObject(INVALID_SESSION);
    const code = totpCode(associated.SecretCode ?? '', h.now());
    await h.sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: code }));
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: code }))).rejects.toMatchObject(INVALID_SESSION);
  });

  it('a wrong code uses the verify session up', async () => {
    const { session } = await mfaSetupSession();
    const associated = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: session }));
    const right = totpCode(associated.SecretCode ?? '', h.now());
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: right === '000000' ? '000001' : '000000' }))).rejects.toMatchObject(ENABLE_MISMATCH);
    await expect(h.sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: right }))).rejects.toMatchObject(INVALID_SESSION);
  });

  it('the whole enrollment must finish within the first session’s validity (3 min)', async () => {
    const { clientId, session } = await mfaSetupSession();
    h.advance(2 * 60_000);
    const associated = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: session }));
    const verified = await h.sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(associated.SecretCode ?? '', h.now()) }));
    h.advance(60_000 + 1000);
    await expect(respond({ ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: USER } })).rejects.toMatchObject(
      INVALID_SESSION,
    );
  });

  it('refuses MFA_SETUP before the token is verified', async () => {
    const { clientId, session } = await mfaSetupSession();
    const associated = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: session }));
    await expect(respond({ ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: associated.Session, ChallengeResponses: { USERNAME: USER } })).rejects.toMatchObject(
      INVALID_SESSION,
    );
  });

  it('refuses a SOFTWARE_TOKEN_MFA session for AssociateSoftwareToken', async () => {
    const { clientId } = setup();
    await enrollTotp(h, await accessTokenFor(h, clientId, USER));
    const out = await passwordSignIn(h, clientId, USER);
    await expect(h.sdk.send(new AssociateSoftwareTokenCommand({ Session: out.Session }))).rejects.toMatchObject(INVALID_SESSION);
  });
});

describe('SELECT_MFA_TYPE, SMS_MFA and EMAIL_OTP', () => {
  /** A pool with TOTP, SMS and e-mail MFA, and a user with a phone number. */
  function multiFactorSetup() {
    const poolId = h.server.admin.createUserPool({ PoolName: 'multi' }).UserPool.Id;
    h.server.admin.setUserPoolMfaConfig({
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' } },
      EmailMfaConfiguration: {},
    });
    const { clientId } = createClient(h.server, poolId);
    createUser(h.server, poolId, USER, { attributes: { phone_number: '+15555550123', phone_number_verified: 'true' } });
    return { poolId, clientId };
  }

  it.each([
    ['SMS_MFA', 'SMS_MFA_CODE', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0123' }],
    ['SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA_CODE', {}],
  ] as const)('with SMS and TOTP and no preference, ANSWER %s leads to that challenge', async (answer, codeName, delivery) => {
    const { poolId, clientId } = multiFactorSetup();
    const secret = await enrollTotp(h, await accessTokenFor(h, clientId, USER));
    h.server.admin.adminSetUserMFAPreference({
      UserPoolId: poolId,
      Username: USER,
      SMSMfaSettings: { Enabled: true },
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false },
    });
    const out = await passwordSignIn(h, clientId, USER);
    expect(out.ChallengeName).toBe('SELECT_MFA_TYPE');
    expect(out.ChallengeParameters?.MFAS_CAN_CHOOSE).toBe('["SMS_MFA","SOFTWARE_TOKEN_MFA"]');
    const chosen = await respond({ ClientId: clientId, ChallengeName: 'SELECT_MFA_TYPE', Session: out.Session, ChallengeResponses: { USERNAME: USER, ANSWER: answer } });
    expect(chosen.ChallengeName).toBe(answer);
    expect(chosen.ChallengeParameters).toMatchObject(delivery);
    const code = answer === 'SMS_MFA' ? (h.server.outbox.last(USER)?.code ?? '') : totpCode(secret, h.now());
    const done = await respond({ ClientId: clientId, ChallengeName: answer, Session: chosen.Session, ChallengeResponses: { USERNAME: USER, [codeName]: code } });
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('EMAIL_OTP when preferred: the code comes from the outbox; a wrong one is CodeMismatchException', async () => {
    const { poolId, clientId } = multiFactorSetup();
    h.server.admin.adminSetUserMFAPreference({ UserPoolId: poolId, Username: USER, EmailMfaSettings: { Enabled: true, PreferredMfa: true } });
    const out = await passwordSignIn(h, clientId, USER);
    expect(out.ChallengeName).toBe('EMAIL_OTP');
    expect(out.ChallengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' });
    const sent = h.server.outbox.last(USER);
    expect(sent).toMatchObject({ medium: 'EMAIL', purpose: 'EMAIL_OTP', code: expect.stringMatching(/^\d{6}$/) as string });
    const wrong = sent?.code === '000000' ? '000001' : '000000';
    await expect(respond({ ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: out.Session, ChallengeResponses: { USERNAME: USER, EMAIL_OTP_CODE: wrong } })).rejects.toMatchObject(
      CODE_MISMATCH,
    );
    const again = await passwordSignIn(h, clientId, USER);
    const done = await respond({
      ClientId: clientId,
      ChallengeName: 'EMAIL_OTP',
      Session: again.Session,
      ChallengeResponses: { USERNAME: USER, EMAIL_OTP_CODE: h.server.outbox.last(USER)?.code ?? '' },
    });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('SMS MFA needs a phone number', () => {
    const { poolId } = multiFactorSetup();
    createUser(h.server, poolId, 'no-phone@example.com');
    expect(() => h.server.admin.adminSetUserMFAPreference({ UserPoolId: poolId, Username: 'no-phone@example.com', SMSMfaSettings: { Enabled: true } })).toThrow(
      'User does not have delivery config set to turn on SMS_MFA',
    );
  });
});
