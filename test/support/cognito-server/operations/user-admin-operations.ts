import type { ServerContext } from '../server-context.ts';
import type { MfaType, PoolUser, UserPool, UserStatus } from '../server-model.ts';
import type { AttributeType } from './user-attributes.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { PASSWORD, USER_POOL_ID, USERNAME } from './member-constraints.ts';
import { applyMfaPreference, mfaView } from './mfa-settings.ts';
import { requirePool, requireUser } from './state-lookup.ts';
import { attributeList, readUserAttributes } from './user-attributes.ts';
import { epochSeconds, newPoolUser, resolveNewUsername, storePassword } from './user-records.ts';

// The Admin* operations used to seed and inspect users (IAM-signed in AWS; signatures are not checked here).

export interface AdminUserType {
  readonly Username: string;
  readonly Attributes: AttributeType[];
  readonly UserCreateDate: number;
  readonly UserLastModifiedDate: number;
  readonly Enabled: boolean;
  readonly UserStatus: UserStatus;
}

export interface AdminGetUserOutput {
  readonly Username: string;
  readonly UserAttributes: AttributeType[];
  readonly UserCreateDate: number;
  readonly UserLastModifiedDate: number;
  readonly Enabled: boolean;
  readonly UserStatus: UserStatus;
  readonly PreferredMfaSetting?: MfaType;
  readonly UserMFASettingList?: MfaType[];
}

/** Reads UserPoolId and Username and finds both (ResourceNotFoundException / UserNotFoundException). */
function poolAndUser(ctx: ServerContext, r: InputReader): { readonly pool: UserPool; readonly user: PoolUser } {
  const pool = requirePool(ctx, r.requiredString('UserPoolId', USER_POOL_ID));
  return { pool, user: requireUser(pool, r.requiredString('Username', USERNAME)) };
}

/** Sends an invitation with the temporary password (to the outbox) when the user has somewhere to receive it. */
function sendInvitation(ctx: ServerContext, pool: UserPool, user: PoolUser, temporaryPassword: string): void {
  const medium = user.attributes.has('email') ? 'EMAIL' : user.attributes.has('phone_number') ? 'SMS' : undefined;
  if (medium === undefined) return;
  ctx.outbox.record({ userPoolId: pool.id, username: user.username, medium, purpose: 'INVITATION', code: temporaryPassword, at: ctx.now() });
}

/**
 * AdminCreateUser: status FORCE_CHANGE_PASSWORD with TemporaryPassword (or a generated one, "sent" to the outbox
 * unless MessageAction is SUPPRESS). MessageAction RESEND sets a new temporary password for an existing
 * FORCE_CHANGE_PASSWORD user.
 */
export function adminCreateUser(ctx: ServerContext, input: unknown): { readonly User: AdminUserType } {
  const r = InputReader.root(input);
  const pool = requirePool(ctx, r.requiredString('UserPoolId', USER_POOL_ID));
  const name = r.requiredString('Username', USERNAME);
  const attributes = readUserAttributes(pool, r.optionalObjectList('UserAttributes'));
  const temporaryPassword = r.optionalString('TemporaryPassword', PASSWORD);
  const action = r.optionalEnum('MessageAction', ['RESEND', 'SUPPRESS'] as const);
  r.optionalStringList('DesiredDeliveryMediums');
  let user: PoolUser;
  if (action === 'RESEND') {
    user = requireUser(pool, name);
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      throw serviceErrors.unsupportedUserState(`Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`);
    }
  } else {
    const { username, sub } = resolveNewUsername(ctx, pool, name, attributes);
    user = newPoolUser(ctx, username, sub, attributes);
  }
  const password = temporaryPassword ?? ctx.ids.temporaryPassword();
  storePassword(ctx, pool, user, password, true);
  pool.users.set(user.username, user);
  if (action !== 'SUPPRESS') sendInvitation(ctx, pool, user, password);
  return {
    User: {
      Username: user.username,
      Attributes: attributeList(user),
      UserCreateDate: epochSeconds(user.createdAt),
      UserLastModifiedDate: epochSeconds(user.lastModifiedAt),
      Enabled: user.enabled,
      UserStatus: user.status,
    },
  };
}

/** AdminSetUserPassword: Permanent true -> CONFIRMED, else a temporary password (FORCE_CHANGE_PASSWORD). */
export function adminSetUserPassword(ctx: ServerContext, input: unknown): Record<string, never> {
  const r = InputReader.root(input);
  const { pool, user } = poolAndUser(ctx, r);
  const password = r.requiredString('Password', PASSWORD);
  const permanent = r.optionalBoolean('Permanent') ?? false;
  storePassword(ctx, pool, user, password, !permanent);
  if (permanent) user.status = 'CONFIRMED';
  return {};
}

/** AdminGetUser, with PreferredMfaSetting and UserMFASettingList when set. */
export function adminGetUser(ctx: ServerContext, input: unknown): AdminGetUserOutput {
  const { user } = poolAndUser(ctx, InputReader.root(input));
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaView(user),
  };
}

/** AdminSetUserMFAPreference: same rules as SetUserMFAPreference. */
export function adminSetUserMfaPreference(ctx: ServerContext, input: unknown): Record<string, never> {
  const r = InputReader.root(input);
  const { pool, user } = poolAndUser(ctx, r);
  applyMfaPreference(pool, user, r);
  user.lastModifiedAt = ctx.now();
  return {};
}

/** AdminResetUserPassword: RESET_REQUIRED; needs a verified e-mail or phone number to send the code to. */
export function adminResetUserPassword(ctx: ServerContext, input: unknown): Record<string, never> {
  const { pool, user } = poolAndUser(ctx, InputReader.root(input));
  const medium = user.attributes.get('email_verified') === 'true' ? 'EMAIL' : user.attributes.get('phone_number_verified') === 'true' ? 'SMS' : undefined;
  if (medium === undefined) {
    throw serviceErrors.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  user.status = 'RESET_REQUIRED';
  user.lastModifiedAt = ctx.now();
  ctx.outbox.record({ userPoolId: pool.id, username: user.username, medium, purpose: 'PASSWORD_RESET', code: ctx.ids.numericCode(), at: ctx.now() });
  return {};
}

/** AdminDisableUser / AdminEnableUser. */
export function adminSetUserEnabled(enabled: boolean) {
  return (ctx: ServerContext, input: unknown): Record<string, never> => {
    const { user } = poolAndUser(ctx, InputReader.root(input));
    user.enabled = enabled;
    user.lastModifiedAt = ctx.now();
    return {};
  };
}

/** AdminConfirmSignUp: UNCONFIRMED -> CONFIRMED. */
export function adminConfirmSignUp(ctx: ServerContext, input: unknown): Record<string, never> {
  const { user } = poolAndUser(ctx, InputReader.root(input));
  if (user.status !== 'UNCONFIRMED') throw serviceErrors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  user.status = 'CONFIRMED';
  user.lastModifiedAt = ctx.now();
  return {};
}
