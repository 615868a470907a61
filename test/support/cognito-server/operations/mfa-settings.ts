import type { InputReader } from '../json-input.ts';
import type { MfaType, PoolUser, UserPool } from '../server-model.ts';
import { MFA_TYPES } from '../server-model.ts';
import { serviceErrors } from '../service-errors.ts';

/** PreferredMfaSetting and UserMFASettingList as GetUser / AdminGetUser show them (omitted when empty). */
export function mfaView(user: PoolUser): { readonly PreferredMfaSetting?: MfaType; readonly UserMFASettingList?: MfaType[] } {
  const list = MFA_TYPES.filter((t) => user.mfaEnabled.has(t));
  return {
    ...(user.preferredMfa === undefined ? {} : { PreferredMfaSetting: user.preferredMfa }),
    ...(list.length === 0 ? {} : { UserMFASettingList: list }),
  };
}

/** Whether the pool has the factor turned on (SetUserPoolMfaConfig). */
export function poolOffers(pool: UserPool, type: MfaType): boolean {
  switch (type) {
    case 'SOFTWARE_TOKEN_MFA':
      return pool.softwareTokenMfa?.enabled === true;
    case 'SMS_MFA':
      return pool.smsMfa !== undefined;
    case 'EMAIL_OTP':
      return pool.emailMfa !== undefined;
  }
}

const SETTINGS_MEMBERS: readonly (readonly [string, MfaType])[] = [
  ['SMSMfaSettings', 'SMS_MFA'],
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'],
  ['EmailMfaSettings', 'EMAIL_OTP'],
];

interface FactorSetting {
  readonly type: MfaType;
  readonly enabled: boolean | undefined;
  readonly preferred: boolean | undefined;
}

/** Checks that the user can turn `type` on; the errors Cognito gives when a factor has no delivery config. */
function checkCanEnable(pool: UserPool, user: PoolUser, type: MfaType): void {
  if (type === 'SOFTWARE_TOKEN_MFA') {
    if (!poolOffers(pool, type)) throw serviceErrors.softwareTokenNotEnabledByPool();
    if (user.softwareToken === undefined) {
      throw serviceErrors.invalidParameter('User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA');
    }
    return;
  }
  const attribute = type === 'SMS_MFA' ? 'phone_number' : 'email';
  if (!user.attributes.has(attribute)) {
    throw serviceErrors.invalidParameter(`User does not have delivery config set to turn on ${type}`);
  }
  if (!poolOffers(pool, type)) {
    throw serviceErrors.invalidParameter(`${type === 'SMS_MFA' ? 'SMS' : 'Email'} MFA has not been enabled by the userPool.`);
  }
}

/**
 * SetUserMFAPreference / AdminSetUserMFAPreference: validates every setting first, then applies them.
 * Enabled false also drops the preference; PreferredMfa true enables the factor.
 */
export function applyMfaPreference(pool: UserPool, user: PoolUser, request: InputReader): void {
  const settings: FactorSetting[] = [];
  for (const [member, type] of SETTINGS_MEMBERS) {
    const reader = request.optionalObject(member);
    if (reader === undefined) continue;
    settings.push({ type, enabled: reader.optionalBoolean('Enabled'), preferred: reader.optionalBoolean('PreferredMfa') });
  }
  if (settings.filter((s) => s.preferred === true).length > 1) {
    throw serviceErrors.invalidParameter('Only one MFA method can be set as preferred');
  }
  for (const s of settings) {
    if (s.enabled === false && s.preferred === true) {
      throw serviceErrors.invalidParameter(`${s.type} cannot be preferred while it is disabled`);
    }
    if (s.enabled === true || s.preferred === true) checkCanEnable(pool, user, s.type);
  }
  for (const s of settings) {
    if (s.enabled === true || s.preferred === true) user.mfaEnabled.add(s.type);
    if (s.enabled === false) user.mfaEnabled.delete(s.type);
    if (s.preferred === true) user.preferredMfa = s.type;
    if ((s.enabled === false || s.preferred === false) && user.preferredMfa === s.type) user.preferredMfa = undefined;
  }
}
