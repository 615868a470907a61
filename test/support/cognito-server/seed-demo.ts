import type { CognitoServer } from './start-cognito-server.ts';

/** Made-up demo credentials: example.com addresses and simple passwords that meet the default policy. */
export interface DemoUser {
  readonly username: string;
  readonly password: string;
}

export interface DemoClient {
  readonly clientId: string;
}

export interface DemoSecretClient extends DemoClient {
  readonly clientSecret: string;
}

/** What seedDemo created. */
export interface DemoSeed {
  readonly region: string;
  /** MFA OPTIONAL, TOTP on. */
  readonly optionalMfaPool: {
    readonly userPoolId: string;
    readonly clients: {
      /** USER_PASSWORD_AUTH + USER_SRP_AUTH + REFRESH_TOKEN_AUTH, no secret. */
      readonly passwordAndSrp: DemoClient;
      /** The same flows, with a client secret (SECRET_HASH required). */
      readonly withSecret: DemoSecretClient;
      /** USER_SRP_AUTH only. */
      readonly srpOnly: DemoClient;
    };
    readonly users: {
      /** CONFIRMED, no MFA yet. */
      readonly confirmed: DemoUser;
      /** FORCE_CHANGE_PASSWORD; `password` is the temporary password. */
      readonly temporaryPassword: DemoUser;
      /** CONFIRMED, no MFA yet: the demo's user for the secret client, so each client has a user left to enroll. */
      readonly forSecretClient: DemoUser;
      /** CONFIRMED, no MFA yet: the demo's user for the SRP-only client. */
      readonly forSrpOnlyClient: DemoUser;
    };
  };
  /** MFA ON, TOTP on: users without MFA get MFA_SETUP after the password. */
  readonly requiredMfaPool: { readonly userPoolId: string; readonly client: DemoClient; readonly users: { readonly confirmed: DemoUser } };
  /** A fresh pool: MFA OFF and TOTP not enabled (AssociateSoftwareToken fails with SoftwareTokenMFANotFoundException). */
  readonly totpDisabledPool: { readonly userPoolId: string; readonly client: DemoClient; readonly users: { readonly confirmed: DemoUser } };
  /** MFA OPTIONAL, TOTP on, e-mail as username: USER_ID_FOR_SRP is the user's sub, not the e-mail typed. */
  readonly emailUsernamePool: { readonly userPoolId: string; readonly client: DemoClient; readonly users: { readonly confirmed: DemoUser } };
}

const ALL_FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const PASSWORD = 'Demo-pass-1';
const TEMPORARY_PASSWORD = 'Temp-pass-1';

function confirmedUser(server: CognitoServer, userPoolId: string, email: string): DemoUser {
  server.admin.adminCreateUser({
    UserPoolId: userPoolId,
    Username: email,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
    MessageAction: 'SUPPRESS',
  });
  server.admin.adminSetUserPassword({ UserPoolId: userPoolId, Username: email, Password: PASSWORD, Permanent: true });
  return { username: email, password: PASSWORD };
}

function publicClient(server: CognitoServer, userPoolId: string, name: string): DemoClient {
  return { clientId: server.admin.createUserPoolClient({ UserPoolId: userPoolId, ClientName: name, ExplicitAuthFlows: ALL_FLOWS }).UserPoolClient.ClientId };
}

/** Seeds the pools, clients and users of the newcomer demo (see DemoSeed) and returns their ids and credentials. */
export function seedDemo(server: CognitoServer): DemoSeed {
  const { admin } = server;

  const optional = admin.createUserPool({ PoolName: 'keystep-demo-optional-mfa' }).UserPool.Id;
  admin.setUserPoolMfaConfig({ UserPoolId: optional, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
  const withSecret = admin.createUserPoolClient({ UserPoolId: optional, ClientName: 'demo-with-secret', ExplicitAuthFlows: ALL_FLOWS, GenerateSecret: true })
    .UserPoolClient;
  const srpOnly = admin.createUserPoolClient({ UserPoolId: optional, ClientName: 'demo-srp-only', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }).UserPoolClient;
  const temporaryUser = 'new-user@example.com';
  admin.adminCreateUser({
    UserPoolId: optional,
    Username: temporaryUser,
    UserAttributes: [
      { Name: 'email', Value: temporaryUser },
      { Name: 'email_verified', Value: 'true' },
    ],
    TemporaryPassword: TEMPORARY_PASSWORD,
    MessageAction: 'SUPPRESS',
  });

  // Created with MFA OFF and switched ON afterwards, as in docs/cognito-facts.md "Operations" (ON at creation needs SMS).
  const required = admin.createUserPool({ PoolName: 'keystep-demo-required-mfa' }).UserPool.Id;
  admin.setUserPoolMfaConfig({ UserPoolId: required, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });

  const noTotp = admin.createUserPool({ PoolName: 'keystep-demo-no-totp' }).UserPool.Id;

  const byEmail = admin.createUserPool({ PoolName: 'keystep-demo-email-username', UsernameAttributes: ['email'] }).UserPool.Id;
  admin.setUserPoolMfaConfig({ UserPoolId: byEmail, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });

  return {
    region: server.region,
    optionalMfaPool: {
      userPoolId: optional,
      clients: {
        passwordAndSrp: publicClient(server, optional, 'demo-password-and-srp'),
        withSecret: { clientId: withSecret.ClientId, clientSecret: withSecret.ClientSecret ?? '' },
        srpOnly: { clientId: srpOnly.ClientId },
      },
      users: {
        confirmed: confirmedUser(server, optional, 'demo@example.com'),
        temporaryPassword: { username: temporaryUser, password: TEMPORARY_PASSWORD },
        forSecretClient: confirmedUser(server, optional, 'secret-client@example.com'),
        forSrpOnlyClient: confirmedUser(server, optional, 'srp-only@example.com'),
      },
    },
    requiredMfaPool: {
      userPoolId: required,
      client: publicClient(server, required, 'demo-required-mfa'),
      users: { confirmed: confirmedUser(server, required, 'mfa-required@example.com') },
    },
    totpDisabledPool: {
      userPoolId: noTotp,
      client: publicClient(server, noTotp, 'demo-no-totp'),
      users: { confirmed: confirmedUser(server, noTotp, 'no-totp@example.com') },
    },
    emailUsernamePool: {
      userPoolId: byEmail,
      client: publicClient(server, byEmail, 'demo-email-username'),
      users: { confirmed: confirmedUser(server, byEmail, 'email-login@example.com') },
    },
  };
}
