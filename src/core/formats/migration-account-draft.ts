import type { AccountDraft } from '../account.ts';
import { foldLabelText } from '../account-identity.ts';
import { encodeBase32 } from '../base32.ts';
import { OtpInputError } from '../otp-input-error.ts';
import { validateAccountDraft } from '../validate-account-draft.ts';
import { MIGRATION_ALGORITHM, MIGRATION_DIGITS, MIGRATION_TYPE, type MigrationAccount } from './migration-payload.ts';

const ALGORITHM_NAMES: ReadonlyMap<number, string> = new Map([
  // Unspecified is the proto2 schema's default, SHA1.
  [MIGRATION_ALGORITHM.unspecified, 'SHA1'],
  [MIGRATION_ALGORITHM.SHA1, 'SHA1'],
  [MIGRATION_ALGORITHM.SHA256, 'SHA256'],
  [MIGRATION_ALGORITHM.SHA512, 'SHA512'],
  // Passed on by name so that validateAccountDraft refuses it as an unknown algorithm, saying "MD5".
  [MIGRATION_ALGORITHM.MD5, 'MD5'],
]);

/**
 * The account draft of one OtpParameters message of a Google Authenticator export, with the rules of an
 * otpauth URI: the name is a label, "Issuer:account" or "account", split at the first colon with the parts
 * trimmed; the issuer field wins, and must equal a label prefix ignoring case (else `issuer-conflict`).
 * TOTP accounts get the 30-second period (the format has no period field); HOTP accounts keep their counter.
 *
 * @throws OtpInputError (and nothing else): `uri-type` (detail: the type's enum number), `algorithm-unknown`
 *   (detail `MD5`, or the enum number), `digits-out-of-range` (detail: the enum number), `counter-invalid` for
 *   an HOTP counter that is negative or above Number.MAX_SAFE_INTEGER (detail: its decimal value), and every
 *   rule of validateAccountDraft (an empty secret is `secret-missing`, under 10 bytes `secret-too-short`).
 */
export function migrationAccountDraft(account: MigrationAccount): AccountDraft {
  const type = migrationType(account.type);
  const colon = account.name.indexOf(':');
  const labelIssuer = colon >= 0 ? account.name.slice(0, colon).trim() : '';
  const name = colon >= 0 ? account.name.slice(colon + 1) : account.name;
  const issuerField = account.issuer.trim();
  const draft = validateAccountDraft({
    type,
    issuer: issuerField !== '' ? issuerField : labelIssuer,
    name,
    secret: encodeBase32(account.secret),
    algorithm: ALGORITHM_NAMES.get(account.algorithm) ?? String(account.algorithm),
    digits: migrationDigits(account.digits),
    counter: String(account.counter),
  });
  if (labelIssuer !== '' && foldLabelText(labelIssuer) !== foldLabelText(draft.issuer)) {
    throw new OtpInputError('issuer-conflict', 'The issuer prefix of the name differs from the issuer field', {
      field: 'issuer',
      detail: labelIssuer,
      conflictsWith: draft.issuer,
    });
  }
  return draft;
}

function migrationType(value: number): 'totp' | 'hotp' {
  // Unspecified is the proto2 schema's default, TOTP.
  if (value === MIGRATION_TYPE.totp || value === MIGRATION_TYPE.unspecified) return 'totp';
  if (value === MIGRATION_TYPE.hotp) return 'hotp';
  throw new OtpInputError('uri-type', 'The OTP type enum of the account is not HOTP or TOTP', { field: 'type', detail: String(value) });
}

function migrationDigits(value: number): string {
  // Unspecified is the proto2 schema's default, six.
  if (value === MIGRATION_DIGITS.six || value === MIGRATION_DIGITS.unspecified) return '6';
  if (value === MIGRATION_DIGITS.eight) return '8';
  // Not passed on as a number of digits: enum value 7 would read as 7 digits.
  throw new OtpInputError('digits-out-of-range', 'The digits enum of the account is not six or eight', { field: 'digits', detail: String(value) });
}
