import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoServer } from './cognito-server/index.ts';
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startCognitoServer } from './cognito-server/index.ts';
import { base32Bytes, totpCode as independentTotpCode } from './independent-otp.ts';

// Shared set-up for the local Cognito server tests: a server with a settable clock, an AWS SDK v3 client pointed at
// it, and seeding shortcuts through the in-process admin API.

/** A fixed start time (Thu Jan 15 2026 12:00:10 UTC), 10 s into a TOTP step. */
export const START_MS = Date.UTC(2026, 0, 15, 12, 0, 10);
export const PASSWORD = 'Correct-horse-1';

export interface Harness {
  readonly server: CognitoServer;
  readonly sdk: CognitoIdentityProviderClient;
  /** Current time of the injected clock (epoch ms). */
  now(): number;
  /** Moves the injected clock by `ms`. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** Starts a server on a free port with an injected clock and an SDK client (maxAttempts 1: no retries). */
export async function startHarness(startMs = START_MS): Promise<Harness> {
  let now = startMs;
  const server = await startCognitoServer({ clock: () => now });
  const sdk = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: server.url,
    maxAttempts: 1,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    server,
    sdk,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    close: async () => {
      sdk.destroy();
      await server.close();
    },
  };
}

/** The TOTP code (SHA1, 6 digits, 30 s) of a base32 SecretCode at `atMs`, computed with node:crypto. */
export function totpCode(secretCode: string, atMs: number): string {
  return independentTotpCode(base32Bytes(secretCode), atMs);
}

export interface PoolOptions {
  readonly mfa?: 'OFF' | 'ON' | 'OPTIONAL';
  readonly totp?: boolean;
  readonly usernameAttributes?: readonly ('email' | 'phone_number')[];
}

/** A pool, set up as the walkthrough does: created with MFA OFF, then SetUserPoolMfaConfig. */
export function createPool(server: CognitoServer, options: PoolOptions = {}): string {
  const id = server.admin.createUserPool({
    PoolName: 'test-pool',
    ...(options.usernameAttributes === undefined ? {} : { UsernameAttributes: options.usernameAttributes }),
  }).UserPool.Id;
  if (options.mfa !== undefined || options.totp !== undefined) {
    server.admin.setUserPoolMfaConfig({
      UserPoolId: id,
      MfaConfiguration: options.mfa ?? 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: options.totp ?? false },
    });
  }
  return id;
}

export interface ClientOptions {
  readonly flows?: readonly string[];
  readonly secret?: boolean;
  readonly preventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
  readonly authSessionValidity?: number;
  /** EnableTokenRevocation; default the server's (true). */
  readonly tokenRevocation?: boolean;
}

/** An app client; by default allowing USER_PASSWORD_AUTH, USER_SRP_AUTH and REFRESH_TOKEN_AUTH, no secret. */
export function createClient(server: CognitoServer, poolId: string, options: ClientOptions = {}): { clientId: string; clientSecret: string | undefined } {
  const client = server.admin.createUserPoolClient({
    UserPoolId: poolId,
    ClientName: 'test-client',
    ExplicitAuthFlows: options.flows ?? ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    GenerateSecret: options.secret ?? false,
    ...(options.preventUserExistenceErrors === undefined ? {} : { PreventUserExistenceErrors: options.preventUserExistenceErrors }),
    ...(options.authSessionValidity === undefined ? {} : { AuthSessionValidity: options.authSessionValidity }),
    ...(options.tokenRevocation === undefined ? {} : { EnableTokenRevocation: options.tokenRevocation }),
  }).UserPoolClient;
  return { clientId: client.ClientId, clientSecret: client.ClientSecret };
}

/** A user with an e-mail; CONFIRMED with `password`, or FORCE_CHANGE_PASSWORD when `temporary`. */
export function createUser(
  server: CognitoServer,
  poolId: string,
  username: string,
  options: { readonly password?: string; readonly temporary?: boolean; readonly attributes?: Readonly<Record<string, string>> } = {},
): string {
  const email = username.includes('@') ? { email: username, email_verified: 'true' } : {};
  const attributes = Object.entries({ ...email, ...options.attributes }).map(([Name, Value]) => ({ Name, Value }));
  const password = options.password ?? PASSWORD;
  const created = server.admin.adminCreateUser({
    UserPoolId: poolId,
    Username: username,
    UserAttributes: attributes,
    MessageAction: 'SUPPRESS',
    ...(options.temporary === true ? { TemporaryPassword: password } : {}),
  });
  if (options.temporary !== true) {
    server.admin.adminSetUserPassword({ UserPoolId: poolId, Username: username, Password: password, Permanent: true });
  }
  return created.User.Username;
}

/** InitiateAuth USER_PASSWORD_AUTH over HTTP. */
export function passwordSignIn(h: Harness, clientId: string, username: string, password = PASSWORD, extra: Readonly<Record<string, string>> = {}): Promise<InitiateAuthCommandOutput> {
  return h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password, ...extra } }));
}

/** Signs in (no MFA expected) and returns the access token. */
export async function accessTokenFor(h: Harness, clientId: string, username: string, password = PASSWORD): Promise<string> {
  const out = await passwordSignIn(h, clientId, username, password);
  const token = out.AuthenticationResult?.AccessToken;
  if (token === undefined) throw new Error(`expected tokens, got challenge ${out.ChallengeName ?? 'none'}`);
  return token;
}

/** The signed-in enrollment: AssociateSoftwareToken -> VerifySoftwareToken -> SetUserMFAPreference. Returns the SecretCode. */
export async function enrollTotp(h: Harness, accessToken: string, friendlyDeviceName?: string): Promise<string> {
  const { SecretCode: secret = '' } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await h.sdk.send(
    new VerifySoftwareTokenCommand({
      AccessToken: accessToken,
      UserCode: totpCode(secret, h.now()),
      ...(friendlyDeviceName === undefined ? {} : { FriendlyDeviceName: friendlyDeviceName }),
    }),
  );
  await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return secret;
}

/** Decodes a JWT payload (no signature check). */
export function jwtPayload(token: string): Record<string, unknown> {
  const [, payload = ''] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
