import type { SrpCredential } from './srp-server.ts';

// The in-memory state of the server: user pools, their app clients and users.

export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL';
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';
export type UsernameAttribute = 'email' | 'phone_number';
export type PreventUserExistenceErrors = 'ENABLED' | 'LEGACY';

/** Order in which Cognito lists factors in UserMFASettingList. */
export const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

export interface PasswordPolicy {
  readonly MinimumLength: number;
  readonly RequireUppercase: boolean;
  readonly RequireLowercase: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireSymbols: boolean;
  readonly TemporaryPasswordValidityDays: number;
}

export interface SchemaAttribute {
  /** Full name: standard ("email") or custom with its prefix ("custom:team"). */
  readonly Name: string;
  readonly AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  readonly Required: boolean;
  readonly Mutable: boolean;
  readonly DeveloperOnlyAttribute: boolean;
}

export interface SmsConfiguration {
  readonly SnsCallerArn: string;
  readonly ExternalId?: string;
  readonly SnsRegion?: string;
}

export interface UserPool {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  lastModifiedAt: number;
  mfaConfiguration: MfaConfiguration;
  /** undefined until SetUserPoolMfaConfig has set it (GetUserPoolMfaConfig then omits it, as for a new pool). */
  softwareTokenMfa: { readonly enabled: boolean } | undefined;
  smsConfiguration: SmsConfiguration | undefined;
  smsMfa: { readonly message: string | undefined } | undefined;
  emailMfa: { readonly message: string | undefined; readonly subject: string | undefined } | undefined;
  readonly passwordPolicy: PasswordPolicy;
  readonly schema: readonly SchemaAttribute[];
  readonly usernameAttributes: readonly UsernameAttribute[];
  readonly autoVerifiedAttributes: readonly string[];
  /** Users by their (internal) username. */
  readonly users: Map<string, PoolUser>;
}

export interface AppClient {
  readonly id: string;
  readonly poolId: string;
  readonly name: string;
  readonly secret: string | undefined;
  /** Normalized to ALLOW_* values. */
  readonly explicitAuthFlows: readonly string[];
  readonly preventUserExistenceErrors: PreventUserExistenceErrors;
  /** Minutes an auth session stays valid: 3 to 15, default 3. */
  readonly authSessionValidityMinutes: number;
  /** RevokeToken works for the client's refresh tokens (EnableTokenRevocation, default true for a new client). */
  readonly enableTokenRevocation: boolean;
  readonly createdAt: number;
}

export interface SoftwareToken {
  readonly secret: Buffer;
  readonly friendlyDeviceName: string | undefined;
}

export interface PoolUser {
  /** The internal username; for pools with UsernameAttributes it is the sub. Also USER_ID_FOR_SRP. */
  readonly username: string;
  readonly sub: string;
  readonly attributes: Map<string, string>;
  status: UserStatus;
  enabled: boolean;
  readonly createdAt: number;
  lastModifiedAt: number;
  credential: SrpCredential | undefined;
  /** When the current temporary password was set (FORCE_CHANGE_PASSWORD only). */
  temporaryPasswordSetAt: number | undefined;
  readonly mfaEnabled: Set<MfaType>;
  preferredMfa: MfaType | undefined;
  /** The verified software token. */
  softwareToken: SoftwareToken | undefined;
  /** A secret handed out by AssociateSoftwareToken and not verified yet. */
  pendingSoftwareTokenSecret: Buffer | undefined;
}
