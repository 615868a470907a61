import type { ServerContext } from '../server-context.ts';
import type { AppClient, MfaConfiguration, PasswordPolicy, SchemaAttribute, SmsConfiguration, UserPool, UsernameAttribute } from '../server-model.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { USER_POOL_ID } from './member-constraints.ts';
import { DEFAULT_PASSWORD_POLICY } from './password-policy.ts';
import { requirePool } from './state-lookup.ts';
import { STANDARD_ATTRIBUTES } from './user-attributes.ts';
import { epochSeconds } from './user-records.ts';

// CreateUserPool, CreateUserPoolClient, SetUserPoolMfaConfig, GetUserPoolMfaConfig
// (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html).

const MFA_CONFIGURATIONS: readonly MfaConfiguration[] = ['OFF', 'ON', 'OPTIONAL'];
const ACCOUNT_ID = '123456789012';

export interface UserPoolDescription {
  readonly Id: string;
  readonly Name: string;
  readonly Arn: string;
  readonly MfaConfiguration: MfaConfiguration;
  readonly Policies: { readonly PasswordPolicy: PasswordPolicy };
  readonly SchemaAttributes: readonly SchemaAttribute[];
  readonly UsernameAttributes?: readonly UsernameAttribute[];
  readonly AutoVerifiedAttributes?: readonly string[];
  readonly SmsConfiguration?: SmsConfiguration;
  readonly EstimatedNumberOfUsers: number;
  readonly CreationDate: number;
  readonly LastModifiedDate: number;
}

export interface UserPoolClientDescription {
  readonly UserPoolId: string;
  readonly ClientName: string;
  readonly ClientId: string;
  readonly ClientSecret?: string;
  readonly ExplicitAuthFlows: readonly string[];
  readonly PreventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  readonly AuthSessionValidity: number;
  readonly EnableTokenRevocation: boolean;
  readonly RefreshTokenValidity: number;
  readonly AccessTokenValidity: number;
  readonly IdTokenValidity: number;
  readonly TokenValidityUnits: { readonly AccessToken: 'hours'; readonly IdToken: 'hours'; readonly RefreshToken: 'days' };
  readonly CreationDate: number;
  readonly LastModifiedDate: number;
}

export interface UserPoolMfaConfig {
  readonly MfaConfiguration: MfaConfiguration;
  readonly SoftwareTokenMfaConfiguration?: { readonly Enabled: boolean };
  readonly SmsMfaConfiguration?: { readonly SmsAuthenticationMessage?: string; readonly SmsConfiguration?: SmsConfiguration };
  readonly EmailMfaConfiguration?: { readonly Message?: string; readonly Subject?: string };
}

function describePool(ctx: ServerContext, pool: UserPool): UserPoolDescription {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: `arn:aws:cognito-idp:${ctx.region}:${ACCOUNT_ID}:userpool/${pool.id}`,
    MfaConfiguration: pool.mfaConfiguration,
    Policies: { PasswordPolicy: pool.passwordPolicy },
    SchemaAttributes: pool.schema,
    ...(pool.usernameAttributes.length === 0 ? {} : { UsernameAttributes: pool.usernameAttributes }),
    ...(pool.autoVerifiedAttributes.length === 0 ? {} : { AutoVerifiedAttributes: pool.autoVerifiedAttributes }),
    ...(pool.smsConfiguration === undefined ? {} : { SmsConfiguration: pool.smsConfiguration }),
    EstimatedNumberOfUsers: pool.users.size,
    CreationDate: epochSeconds(pool.createdAt),
    LastModifiedDate: epochSeconds(pool.lastModifiedAt),
  };
}

function readSmsConfiguration(reader: InputReader | undefined): SmsConfiguration | undefined {
  if (reader === undefined) return undefined;
  const externalId = reader.optionalString('ExternalId');
  const snsRegion = reader.optionalString('SnsRegion');
  return {
    SnsCallerArn: reader.requiredString('SnsCallerArn', { min: 20, max: 2048 }),
    ...(externalId === undefined ? {} : { ExternalId: externalId }),
    ...(snsRegion === undefined ? {} : { SnsRegion: snsRegion }),
  };
}

function readPasswordPolicy(policies: InputReader | undefined): PasswordPolicy {
  const p = policies?.optionalObject('PasswordPolicy');
  if (p === undefined) return DEFAULT_PASSWORD_POLICY;
  const d = DEFAULT_PASSWORD_POLICY;
  return {
    MinimumLength: p.optionalInteger('MinimumLength', { min: 6, max: 99 }) ?? d.MinimumLength,
    RequireUppercase: p.optionalBoolean('RequireUppercase') ?? d.RequireUppercase,
    RequireLowercase: p.optionalBoolean('RequireLowercase') ?? d.RequireLowercase,
    RequireNumbers: p.optionalBoolean('RequireNumbers') ?? d.RequireNumbers,
    RequireSymbols: p.optionalBoolean('RequireSymbols') ?? d.RequireSymbols,
    TemporaryPasswordValidityDays: p.optionalInteger('TemporaryPasswordValidityDays', { min: 0, max: 365 }) ?? d.TemporaryPasswordValidityDays,
  };
}

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'] as const;

function readSchema(list: readonly InputReader[] | undefined): SchemaAttribute[] {
  const schema: SchemaAttribute[] = [
    { Name: 'sub', AttributeDataType: 'String', Required: true, Mutable: false, DeveloperOnlyAttribute: false },
  ];
  for (const item of list ?? []) {
    const raw = item.requiredString('Name', { min: 1, max: 20 });
    const standard = STANDARD_ATTRIBUTES.includes(raw);
    const required = item.optionalBoolean('Required') ?? false;
    if (!standard && required) throw serviceErrors.invalidParameter('Required custom attributes are not supported currently.');
    schema.push({
      Name: standard ? raw : `custom:${raw.replace(/^custom:/, '')}`,
      AttributeDataType: item.optionalEnum('AttributeDataType', DATA_TYPES) ?? 'String',
      Required: required,
      Mutable: item.optionalBoolean('Mutable') ?? true,
      DeveloperOnlyAttribute: item.optionalBoolean('DeveloperOnlyAttribute') ?? false,
    });
  }
  return schema;
}

/** CreateUserPool. MFA ON or OPTIONAL needs an SmsConfiguration at creation (Cognito assumes SMS). */
export function createUserPool(ctx: ServerContext, input: unknown): { readonly UserPool: UserPoolDescription } {
  const r = InputReader.root(input);
  const name = r.requiredString('PoolName', { min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/, patternText: '[\\w\\s+=,.@-]+' });
  const mfa = r.optionalEnum('MfaConfiguration', MFA_CONFIGURATIONS) ?? 'OFF';
  const sms = readSmsConfiguration(r.optionalObject('SmsConfiguration'));
  const passwordPolicy = readPasswordPolicy(r.optionalObject('Policies'));
  const schema = readSchema(r.optionalObjectList('Schema'));
  const usernameAttributes = (r.optionalStringList('UsernameAttributes') ?? []).map((a) => {
    if (a !== 'email' && a !== 'phone_number') {
      throw serviceErrors.invalidParameter(`Invalid UsernameAttributes value ${a}: expected email or phone_number`);
    }
    return a;
  });
  if (r.optionalStringList('AliasAttributes') !== undefined) {
    throw serviceErrors.invalidParameter('AliasAttributes is not supported by the local Cognito test server; use UsernameAttributes');
  }
  const autoVerified = r.optionalStringList('AutoVerifiedAttributes') ?? [];
  if (mfa !== 'OFF' && sms === undefined) {
    throw serviceErrors.invalidParameter('SMS configuration and Auto verification for phone_number are required when MFA is required/optional');
  }
  const now = ctx.now();
  const pool: UserPool = {
    id: ctx.ids.userPoolId(ctx.region),
    name,
    createdAt: now,
    lastModifiedAt: now,
    mfaConfiguration: mfa,
    softwareTokenMfa: undefined,
    smsConfiguration: sms,
    smsMfa: mfa === 'OFF' ? undefined : { message: undefined },
    emailMfa: undefined,
    passwordPolicy,
    schema,
    usernameAttributes,
    autoVerifiedAttributes: autoVerified,
    users: new Map(),
  };
  ctx.pools.set(pool.id, pool);
  return { UserPool: describePool(ctx, pool) };
}

const ALLOW_FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
] as const;
const LEGACY_FLOWS: Readonly<Record<string, readonly string[]>> = {
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  CUSTOM_AUTH_FLOW_ONLY: ['ALLOW_CUSTOM_AUTH'],
};

/**
 * ExplicitAuthFlows: ALLOW_* values, or the legacy names (which imply SRP and refresh). Without it a client allows
 * ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH and ALLOW_CUSTOM_AUTH, as Cognito documents.
 */
function normalizeAuthFlows(flows: readonly string[] | undefined): string[] {
  if (flows === undefined) return ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];
  const modern = flows.filter((f) => f.startsWith('ALLOW_'));
  const legacy = flows.filter((f) => !f.startsWith('ALLOW_'));
  if (modern.length > 0 && legacy.length > 0) {
    throw serviceErrors.invalidParameter('ExplicitAuthFlows cannot mix ALLOW_ prefixed values with legacy values');
  }
  const result = new Set<string>();
  for (const flow of flows) {
    const mapped = LEGACY_FLOWS[flow] ?? (ALLOW_FLOWS.some((a) => a === flow) ? [flow] : undefined);
    if (mapped === undefined) {
      throw serviceErrors.invalidParameter(
        `1 validation error detected: Value '[${flows.join(', ')}]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [${[...ALLOW_FLOWS, ...Object.keys(LEGACY_FLOWS)].join(', ')}]`,
      );
    }
    for (const f of mapped) result.add(f);
  }
  return [...result];
}

function describeClient(client: AppClient): UserPoolClientDescription {
  return {
    UserPoolId: client.poolId,
    ClientName: client.name,
    ClientId: client.id,
    ...(client.secret === undefined ? {} : { ClientSecret: client.secret }),
    ExplicitAuthFlows: client.explicitAuthFlows,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    AuthSessionValidity: client.authSessionValidityMinutes,
    EnableTokenRevocation: client.enableTokenRevocation,
    RefreshTokenValidity: 30,
    AccessTokenValidity: 1,
    IdTokenValidity: 1,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
    CreationDate: epochSeconds(client.createdAt),
    LastModifiedDate: epochSeconds(client.createdAt),
  };
}

/**
 * CreateUserPoolClient (GenerateSecret, ExplicitAuthFlows, PreventUserExistenceErrors default ENABLED, AuthSessionValidity
 * 3-15 min default 3, EnableTokenRevocation default true).
 */
export function createUserPoolClient(ctx: ServerContext, input: unknown): { readonly UserPoolClient: UserPoolClientDescription } {
  const r = InputReader.root(input);
  const pool = requirePool(ctx, r.requiredString('UserPoolId', USER_POOL_ID));
  const name = r.requiredString('ClientName', { min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/, patternText: '[\\w\\s+=,.@-]+' });
  const client: AppClient = {
    id: ctx.ids.clientId(),
    poolId: pool.id,
    name,
    secret: r.optionalBoolean('GenerateSecret') === true ? ctx.ids.clientSecret() : undefined,
    explicitAuthFlows: normalizeAuthFlows(r.optionalStringList('ExplicitAuthFlows')),
    preventUserExistenceErrors: r.optionalEnum('PreventUserExistenceErrors', ['ENABLED', 'LEGACY'] as const) ?? 'ENABLED',
    authSessionValidityMinutes: r.optionalInteger('AuthSessionValidity', { min: 3, max: 15 }) ?? 3,
    enableTokenRevocation: r.optionalBoolean('EnableTokenRevocation') ?? true,
    createdAt: ctx.now(),
  };
  ctx.clients.set(client.id, client);
  return { UserPoolClient: describeClient(client) };
}

function mfaConfigView(pool: UserPool): UserPoolMfaConfig {
  const sms = pool.smsMfa;
  const email = pool.emailMfa;
  return {
    MfaConfiguration: pool.mfaConfiguration,
    ...(pool.softwareTokenMfa === undefined ? {} : { SoftwareTokenMfaConfiguration: { Enabled: pool.softwareTokenMfa.enabled } }),
    ...(sms === undefined
      ? {}
      : {
          SmsMfaConfiguration: {
            ...(sms.message === undefined ? {} : { SmsAuthenticationMessage: sms.message }),
            ...(pool.smsConfiguration === undefined ? {} : { SmsConfiguration: pool.smsConfiguration }),
          },
        }),
    ...(email === undefined
      ? {}
      : {
          EmailMfaConfiguration: {
            ...(email.message === undefined ? {} : { Message: email.message }),
            ...(email.subject === undefined ? {} : { Subject: email.subject }),
          },
        }),
  };
}

/**
 * SetUserPoolMfaConfig. The factor members replace the pool's factors (an omitted SmsMfaConfiguration or
 * EmailMfaConfiguration turns that factor off, an omitted SoftwareTokenMfaConfiguration turns TOTP off);
 * an omitted MfaConfiguration keeps the current value.
 */
export function setUserPoolMfaConfig(ctx: ServerContext, input: unknown): UserPoolMfaConfig {
  const r = InputReader.root(input);
  const pool = requirePool(ctx, r.requiredString('UserPoolId', USER_POOL_ID));
  const mfa = r.optionalEnum('MfaConfiguration', MFA_CONFIGURATIONS) ?? pool.mfaConfiguration;
  const totp = r.optionalObject('SoftwareTokenMfaConfiguration');
  const smsReader = r.optionalObject('SmsMfaConfiguration');
  const emailReader = r.optionalObject('EmailMfaConfiguration');
  const smsConfiguration = readSmsConfiguration(smsReader?.optionalObject('SmsConfiguration')) ?? pool.smsConfiguration;
  if (smsReader !== undefined && smsConfiguration === undefined) {
    throw serviceErrors.invalidParameter('SmsConfiguration is required to turn on SMS MFA for the user pool');
  }
  const totpEnabled = totp?.optionalBoolean('Enabled') ?? false;
  const smsMfa = smsReader === undefined ? undefined : { message: smsReader.optionalString('SmsAuthenticationMessage', { min: 6, max: 140 }) };
  const emailMfa =
    emailReader === undefined
      ? undefined
      : { message: emailReader.optionalString('Message', { min: 6, max: 20000 }), subject: emailReader.optionalString('Subject', { min: 1, max: 140 }) };
  if (mfa !== 'OFF' && !totpEnabled && smsMfa === undefined && emailMfa === undefined) {
    throw serviceErrors.invalidParameter('At least one MFA method must be enabled when MfaConfiguration is ON or OPTIONAL');
  }
  pool.mfaConfiguration = mfa;
  pool.softwareTokenMfa = totp === undefined && pool.softwareTokenMfa === undefined ? undefined : { enabled: totpEnabled };
  pool.smsMfa = smsMfa;
  pool.smsConfiguration = smsConfiguration;
  pool.emailMfa = emailMfa;
  pool.lastModifiedAt = ctx.now();
  return mfaConfigView(pool);
}

/** GetUserPoolMfaConfig: a new pool answers only {MfaConfiguration: "OFF"}. */
export function getUserPoolMfaConfig(ctx: ServerContext, input: unknown): UserPoolMfaConfig {
  const r = InputReader.root(input);
  return mfaConfigView(requirePool(ctx, r.requiredString('UserPoolId', USER_POOL_ID)));
}
