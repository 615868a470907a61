import type { AttributeType } from './operations/user-attributes.ts';
import type { AdminGetUserOutput, AdminUserType } from './operations/user-admin-operations.ts';
import type { UserPoolClientDescription, UserPoolDescription, UserPoolMfaConfig } from './operations/pool-admin-operations.ts';
import type { ServerContext } from './server-context.ts';
import type { MfaConfiguration, PasswordPolicy, SmsConfiguration, UsernameAttribute } from './server-model.ts';
import { createUserPool, createUserPoolClient, getUserPoolMfaConfig, setUserPoolMfaConfig } from './operations/pool-admin-operations.ts';
import {
  adminConfirmSignUp,
  adminCreateUser,
  adminGetUser,
  adminResetUserPassword,
  adminSetUserEnabled,
  adminSetUserMfaPreference,
  adminSetUserPassword,
} from './operations/user-admin-operations.ts';

// Typed inputs of the admin operations: the subset of the real request shapes this server understands.

export interface CreateUserPoolInput {
  readonly PoolName: string;
  readonly MfaConfiguration?: MfaConfiguration;
  readonly SmsConfiguration?: SmsConfiguration;
  readonly Policies?: { readonly PasswordPolicy?: Partial<PasswordPolicy> };
  readonly Schema?: readonly {
    readonly Name: string;
    readonly AttributeDataType?: 'String' | 'Number' | 'DateTime' | 'Boolean';
    readonly Required?: boolean;
    readonly Mutable?: boolean;
    readonly DeveloperOnlyAttribute?: boolean;
  }[];
  readonly UsernameAttributes?: readonly UsernameAttribute[];
  readonly AutoVerifiedAttributes?: readonly string[];
}

export interface CreateUserPoolClientInput {
  readonly UserPoolId: string;
  readonly ClientName: string;
  readonly GenerateSecret?: boolean;
  readonly ExplicitAuthFlows?: readonly string[];
  readonly PreventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
  /** Minutes, 3 to 15 (default 3). */
  readonly AuthSessionValidity?: number;
  /** Default true. */
  readonly EnableTokenRevocation?: boolean;
}

export interface SetUserPoolMfaConfigInput {
  readonly UserPoolId: string;
  readonly MfaConfiguration?: MfaConfiguration;
  readonly SoftwareTokenMfaConfiguration?: { readonly Enabled?: boolean };
  readonly SmsMfaConfiguration?: { readonly SmsAuthenticationMessage?: string; readonly SmsConfiguration?: SmsConfiguration };
  readonly EmailMfaConfiguration?: { readonly Message?: string; readonly Subject?: string };
}

export interface UserPoolRef {
  readonly UserPoolId: string;
}

export interface AdminUserRef extends UserPoolRef {
  readonly Username: string;
}

export interface AdminCreateUserInput extends AdminUserRef {
  readonly UserAttributes?: readonly AttributeType[];
  readonly TemporaryPassword?: string;
  readonly MessageAction?: 'RESEND' | 'SUPPRESS';
  readonly DesiredDeliveryMediums?: readonly ('EMAIL' | 'SMS')[];
}

export interface AdminSetUserPasswordInput extends AdminUserRef {
  readonly Password: string;
  readonly Permanent?: boolean;
}

export interface MfaSettingsInput {
  readonly Enabled?: boolean;
  readonly PreferredMfa?: boolean;
}

export interface AdminSetUserMfaPreferenceInput extends AdminUserRef {
  readonly SMSMfaSettings?: MfaSettingsInput;
  readonly SoftwareTokenMfaSettings?: MfaSettingsInput;
  readonly EmailMfaSettings?: MfaSettingsInput;
}

/**
 * The admin operations, called in-process (synchronously) with the same inputs, outputs and errors
 * (CognitoServiceError) as over HTTP. In-process calls are not in the request log and ignore fault injection.
 */
export interface CognitoAdmin {
  createUserPool(input: CreateUserPoolInput): { readonly UserPool: UserPoolDescription };
  createUserPoolClient(input: CreateUserPoolClientInput): { readonly UserPoolClient: UserPoolClientDescription };
  setUserPoolMfaConfig(input: SetUserPoolMfaConfigInput): UserPoolMfaConfig;
  getUserPoolMfaConfig(input: UserPoolRef): UserPoolMfaConfig;
  adminCreateUser(input: AdminCreateUserInput): { readonly User: AdminUserType };
  adminSetUserPassword(input: AdminSetUserPasswordInput): Record<string, never>;
  adminGetUser(input: AdminUserRef): AdminGetUserOutput;
  adminSetUserMFAPreference(input: AdminSetUserMfaPreferenceInput): Record<string, never>;
  adminResetUserPassword(input: AdminUserRef): Record<string, never>;
  adminDisableUser(input: AdminUserRef): Record<string, never>;
  adminEnableUser(input: AdminUserRef): Record<string, never>;
  adminConfirmSignUp(input: AdminUserRef): Record<string, never>;
}

/** Binds the admin operations to a server's state. */
export function createAdminApi(ctx: ServerContext): CognitoAdmin {
  return {
    createUserPool: (input) => createUserPool(ctx, input),
    createUserPoolClient: (input) => createUserPoolClient(ctx, input),
    setUserPoolMfaConfig: (input) => setUserPoolMfaConfig(ctx, input),
    getUserPoolMfaConfig: (input) => getUserPoolMfaConfig(ctx, input),
    adminCreateUser: (input) => adminCreateUser(ctx, input),
    adminSetUserPassword: (input) => adminSetUserPassword(ctx, input),
    adminGetUser: (input) => adminGetUser(ctx, input),
    adminSetUserMFAPreference: (input) => adminSetUserMfaPreference(ctx, input),
    adminResetUserPassword: (input) => adminResetUserPassword(ctx, input),
    adminDisableUser: (input) => adminSetUserEnabled(false)(ctx, input),
    adminEnableUser: (input) => adminSetUserEnabled(true)(ctx, input),
    adminConfirmSignUp: (input) => adminConfirmSignUp(ctx, input),
  };
}
