import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './cognito-server-harness.ts';
import { CognitoServiceError } from './cognito-server/index.ts';
import { createPool, createUser, startHarness } from './cognito-server-harness.ts';

// Admin operations over HTTP with the SDK (signatures are not checked) and in-process.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('CreateUserPool', () => {
  it('returns a pool id shaped like Cognito’s and MFA OFF', async () => {
    const out = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'sample-user-pool' }));
    expect(out.UserPool?.Id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(out.UserPool?.Arn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${out.UserPool?.Id ?? ''}`);
    expect(out.UserPool?.MfaConfiguration).toBe('OFF');
    expect(out.UserPool?.CreationDate).toEqual(new Date(h.now()));
  });

  it.each([['ON'], ['OPTIONAL']] as const)('refuses MfaConfiguration %s without SMS configuration (walkthrough report 1)', async (mfa) => {
    await expect(h.sdk.send(new CreateUserPoolCommand({ PoolName: 'sample-user-pool', MfaConfiguration: mfa }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'SMS configuration and Auto verification for phone_number are required when MFA is required/optional',
    });
  });

  it('accepts MfaConfiguration ON with an SmsConfiguration (SMS MFA on)', async () => {
    const out = await h.sdk.send(
      new CreateUserPoolCommand({ PoolName: 'p', MfaConfiguration: 'ON', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' } }),
    );
    const mfa = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: out.UserPool?.Id }));
    expect(mfa.MfaConfiguration).toBe('ON');
    expect(mfa.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn).toBe('arn:aws:iam::123456789012:role/sms');
  });
});

describe('CreateUserPoolClient', () => {
  it.each([
    [false, undefined],
    [true, /^[a-z0-9]{51}$/],
  ])('GenerateSecret %s', async (generate, secretPattern) => {
    const poolId = createPool(h.server);
    const out = await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', GenerateSecret: generate }));
    const client = out.UserPoolClient;
    expect(client?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    if (secretPattern === undefined) expect(client?.ClientSecret).toBeUndefined();
    else expect(client?.ClientSecret).toMatch(secretPattern);
    expect(client?.PreventUserExistenceErrors).toBe('ENABLED');
    expect(client?.AuthSessionValidity).toBe(3);
    expect(client?.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH']);
  });

  it.each([
    [2, 'greater than or equal to 3'],
    [16, 'less than or equal to 15'],
  ])('refuses AuthSessionValidity %i', async (minutes, message) => {
    const poolId = createPool(h.server);
    await expect(h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', AuthSessionValidity: minutes }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining(message) as string,
    });
  });

  it('maps the legacy USER_PASSWORD_AUTH flow and refuses unknown flows', async () => {
    const poolId = createPool(h.server);
    const legacy = await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] }));
    expect(legacy.UserPoolClient?.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    await expect(h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_MAGIC'] as never }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('answers an unknown pool with ResourceNotFoundException', async () => {
    await expect(h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: 'us-east-1_Nope12345', ClientName: 'app' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
  });
});

describe('SetUserPoolMfaConfig / GetUserPoolMfaConfig', () => {
  it('follows the walkthrough: OFF, then OPTIONAL with TOTP, then ON', async () => {
    const poolId = createPool(h.server);
    const fresh = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect({ ...fresh, $metadata: undefined }).toEqual({ MfaConfiguration: 'OFF', $metadata: undefined });
    for (const mfa of ['OPTIONAL', 'ON'] as const) {
      const set = await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: true } }));
      expect({ MfaConfiguration: set.MfaConfiguration, SoftwareTokenMfaConfiguration: set.SoftwareTokenMfaConfiguration, Sms: set.SmsMfaConfiguration }).toEqual({
        MfaConfiguration: mfa,
        SoftwareTokenMfaConfiguration: { Enabled: true },
        Sms: undefined,
      });
      const got = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
      expect(got.MfaConfiguration).toBe(mfa);
      expect(got.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
    }
  });

  it('refuses MFA ON or OPTIONAL with no factor enabled', async () => {
    const poolId = createPool(h.server);
    await expect(h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('turns TOTP off when SoftwareTokenMfaConfiguration is omitted later', async () => {
    const poolId = createPool(h.server, { mfa: 'OPTIONAL', totp: true });
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' }));
    const got = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(got.SoftwareTokenMfaConfiguration).toEqual({ Enabled: false });
  });
});

describe('users', () => {
  it('AdminCreateUser with a temporary password: FORCE_CHANGE_PASSWORD; AdminSetUserPassword Permanent: CONFIRMED', async () => {
    const poolId = createPool(h.server);
    const created = await h.sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'demo-with-mfa@example.com',
        UserAttributes: [
          { Name: 'email', Value: 'demo-with-mfa@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
        TemporaryPassword: 'Temp-pass-1',
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.User?.Username).toBe('demo-with-mfa@example.com');
    expect(h.server.outbox.all()).toEqual([]);
    await h.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'demo-with-mfa@example.com', Password: 'Aaaa-1111', Permanent: true }));
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'demo-with-mfa@example.com' }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.Enabled).toBe(true);
    expect(user.UserAttributes?.[0]).toEqual({ Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) as string });
    expect(user.UserAttributes?.slice(1)).toEqual([
      { Name: 'email', Value: 'demo-with-mfa@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ]);
    expect(user.PreferredMfaSetting).toBeUndefined();
    expect(user.UserMFASettingList).toBeUndefined();
  });

  it('sends the generated temporary password to the outbox unless SUPPRESS', async () => {
    const poolId = createPool(h.server);
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'invited@example.com', UserAttributes: [{ Name: 'email', Value: 'invited@example.com' }] }));
    expect(h.server.outbox.last('invited@example.com')).toMatchObject({ medium: 'EMAIL', purpose: 'INVITATION', code: expect.any(String) as string });
  });

  it.each([
    ['Aa-1', 'Password not long enough'],
    ['AAAA-1111', 'Password must have lowercase characters'],
    ['aaaa-1111', 'Password must have uppercase characters'],
    ['Aaaa-bbbb', 'Password must have numeric characters'],
    ['Aaaa1111', 'Password must have symbol characters'],
  ])('refuses password %j: %s', async (password, reason) => {
    const poolId = createPool(h.server);
    createUser(h.server, poolId, 'demo@example.com');
    await expect(h.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'demo@example.com', Password: password, Permanent: true }))).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: `Password did not conform with policy: ${reason}`,
    });
  });

  it('refuses a second user with the same name', async () => {
    const poolId = createPool(h.server);
    createUser(h.server, poolId, 'demo@example.com');
    await expect(h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'demo@example.com' }))).rejects.toMatchObject({
      name: 'UsernameExistsException',
    });
  });

  it('answers an unknown user with UserNotFoundException', async () => {
    const poolId = createPool(h.server);
    await expect(h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ghost@example.com' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('uses the sub as username in pools with UsernameAttributes email, and finds the user by e-mail', async () => {
    const poolId = createPool(h.server, { usernameAttributes: ['email'] });
    const created = await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'Login@Example.com', MessageAction: 'SUPPRESS' }));
    const username = created.User?.Username ?? '';
    expect(created.User?.Attributes).toContainEqual({ Name: 'sub', Value: username });
    const byEmail = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'login@example.com' }));
    expect(byEmail.Username).toBe(username);
    await expect(h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'not-an-email' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
  });

  it('AdminSetUserMFAPreference before a verified software token fails as in the walkthrough', async () => {
    const poolId = createPool(h.server, { mfa: 'OPTIONAL', totp: true });
    createUser(h.server, poolId, 'demo@example.com');
    await expect(
      h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'demo@example.com', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA' });
  });
});

describe('in-process admin API', () => {
  it('returns what the API returns and throws CognitoServiceError', () => {
    const pool = h.server.admin.createUserPool({ PoolName: 'in-process' }).UserPool;
    expect(pool.Id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(h.server.admin.getUserPoolMfaConfig({ UserPoolId: pool.Id })).toEqual({ MfaConfiguration: 'OFF' });
    let caught: unknown;
    try {
      h.server.admin.adminGetUser({ UserPoolId: pool.Id, Username: 'ghost' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CognitoServiceError);
    expect(caught).toMatchObject({ name: 'UserNotFoundException', status: 400 });
    expect(h.server.requestLog.all()).toEqual([]);
  });
});
