import type { ServerContext } from '../server-context.ts';
import type { MfaType } from '../server-model.ts';
import type { AttributeType } from './user-attributes.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { checkSecretHash } from './client-checks.ts';
import { maskEmail, maskPhone } from './mask-destination.ts';
import { ACCESS_TOKEN, CLIENT_ID, PASSWORD, USERNAME } from './member-constraints.ts';
import { applyMfaPreference, mfaView } from './mfa-settings.ts';
import { requireAccessTokenUser, requireClient } from './state-lookup.ts';
import { attributeList, missingRequiredAttributes, readUserAttributes } from './user-attributes.ts';
import { newPoolUser, resolveNewUsername, storePassword } from './user-records.ts';

// Operations of a signed-in user (AccessToken) and SignUp.

export interface GetUserOutput {
  readonly Username: string;
  readonly UserAttributes: AttributeType[];
  readonly PreferredMfaSetting?: MfaType;
  readonly UserMFASettingList?: MfaType[];
}

/** GetUser {AccessToken} -> {Username, UserAttributes, PreferredMfaSetting?, UserMFASettingList?}. */
export function getUser(ctx: ServerContext, input: unknown): GetUserOutput {
  const r = InputReader.root(input);
  const { user } = requireAccessTokenUser(ctx, r.requiredString('AccessToken', ACCESS_TOKEN));
  return { Username: user.username, UserAttributes: attributeList(user), ...mfaView(user) };
}

/**
 * SetUserMFAPreference {AccessToken, SMSMfaSettings?, SoftwareTokenMfaSettings?, EmailMfaSettings?} -> {}.
 * Turning TOTP on needs a verified software token (InvalidParameterException) and a pool with TOTP on
 * (SoftwareTokenMFANotFoundException).
 */
export function setUserMfaPreference(ctx: ServerContext, input: unknown): Record<string, never> {
  const r = InputReader.root(input);
  const { pool, user } = requireAccessTokenUser(ctx, r.requiredString('AccessToken', ACCESS_TOKEN));
  applyMfaPreference(pool, user, r);
  user.lastModifiedAt = ctx.now();
  return {};
}

export interface SignUpOutput {
  readonly UserConfirmed: boolean;
  readonly UserSub: string;
  readonly CodeDeliveryDetails?: { readonly Destination: string; readonly DeliveryMedium: 'EMAIL' | 'SMS'; readonly AttributeName: string };
}

/** SignUp: an UNCONFIRMED user (confirm with AdminConfirmSignUp); the confirmation code goes to the outbox. */
export function signUp(ctx: ServerContext, input: unknown): SignUpOutput {
  const r = InputReader.root(input);
  const { client, pool } = requireClient(ctx, r.requiredString('ClientId', CLIENT_ID));
  const name = r.requiredString('Username', USERNAME);
  const password = r.requiredString('Password', PASSWORD);
  checkSecretHash(client, r.optionalString('SecretHash'), [name]);
  const attributes = readUserAttributes(pool, r.optionalObjectList('UserAttributes'));
  r.optionalObjectList('ValidationData');
  r.optionalStringMap('ClientMetadata');
  const { username, sub } = resolveNewUsername(ctx, pool, name, attributes);
  const [missing] = missingRequiredAttributes(pool, attributes);
  if (missing !== undefined) {
    throw serviceErrors.invalidParameter(`Attributes did not conform to the schema: ${missing}: The attribute is required`);
  }
  const user = newPoolUser(ctx, username, sub, attributes);
  storePassword(ctx, pool, user, password, false);
  pool.users.set(username, user);
  const email = attributes.get('email');
  const phone = attributes.get('phone_number');
  const medium = email !== undefined ? 'EMAIL' : phone !== undefined ? 'SMS' : undefined;
  if (medium === undefined) return { UserConfirmed: false, UserSub: sub };
  ctx.outbox.record({ userPoolId: pool.id, username, medium, purpose: 'SIGN_UP', code: ctx.ids.numericCode(), at: ctx.now() });
  return {
    UserConfirmed: false,
    UserSub: sub,
    CodeDeliveryDetails: {
      Destination: medium === 'EMAIL' ? maskEmail(email ?? '') : maskPhone(phone ?? ''),
      DeliveryMedium: medium,
      AttributeName: medium === 'EMAIL' ? 'email' : 'phone_number',
    },
  };
}
