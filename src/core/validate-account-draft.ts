import type { AccountDraft, OtpAlgorithm, OtpType } from './account.ts';
import { normalizeBase32Secret } from './base32.ts';
import { MAX_PERIOD_SECONDS, MIN_PERIOD_SECONDS, OTP_DIGITS } from './otp-limits.ts';
import { OtpInputError, redactSecretLike } from './otp-input-error.ts';
import { validateAccountLabel } from './validate-account-label.ts';

/** Defaults of the Key Uri Format: https://github.com/google/google-authenticator/wiki/Key-Uri-Format */
export const DEFAULT_ALGORITHM: OtpAlgorithm = 'SHA1';
export const DEFAULT_DIGITS = 6;
/** Seconds; RFC 6238 section 5.2 recommends 30: https://www.rfc-editor.org/rfc/rfc6238#section-5.2 */
export const DEFAULT_PERIOD_SECONDS = 30;



/**
 * Raw values of the manual-entry form (or of an otpauth URI's parts), all strings as form fields give them.
 * `undefined` and blank optional fields take the defaults (SHA1, 6 digits, 30 s).
 */
export interface AccountDraftInput {
  /** `totp` or `hotp`, case-insensitive. */
  readonly type: string;
  readonly issuer: string;
  readonly name: string;
  /** Base32, as typed: lower case, spaces, dashes and `=` padding are fine. */
  readonly secret: string;
  /** SHA1, SHA256 or SHA512, case-insensitive, with or without a dash (`sha-256`). */
  readonly algorithm?: string | undefined;
  /** Decimal 6, 7 or 8. */
  readonly digits?: string | undefined;
  /** TOTP only, decimal seconds, MIN_PERIOD_SECONDS..MAX_PERIOD_SECONDS; ignored for HOTP. */
  readonly period?: string | undefined;
  /** HOTP only and required there, decimal, 0..Number.MAX_SAFE_INTEGER; ignored for TOTP. */
  readonly counter?: string | undefined;
}

/**
 * Validates and normalizes an account as typed in the form; the otpauth URI parser uses it too, so the
 * rules live here. Checks in form order and throws the first problem.
 *
 * Normalization: issuer and name trimmed; secret canonical base32; for TOTP `counter` is 0, for HOTP
 * `period` is DEFAULT_PERIOD_SECONDS (the field is meaningless there, so every draft has one form).
 * An empty name is allowed only with an issuer (the Key Uri Format requires a label).
 * Neither issuer nor name may contain a colon (the label separator) or a control character.
 *
 * @throws OtpInputError with the code and field of the first invalid value.
 */
export function validateAccountDraft(input: AccountDraftInput): AccountDraft {
  const type = parseType(input.type);
  const { issuer, name } = validateAccountLabel(input);
  const secret = normalizeBase32Secret(input.secret);
  const algorithm = parseAlgorithm(input.algorithm);
  const digits = parseDigits(input.digits);
  const period = type === 'totp' ? parsePeriod(input.period) : DEFAULT_PERIOD_SECONDS;
  const counter = type === 'hotp' ? parseCounter(input.counter) : 0;
  return { type, issuer, name, secret, algorithm, digits, period, counter };
}

function parseType(text: string): OtpType {
  const type = text.trim().toLowerCase();
  if (type === 'totp' || type === 'hotp') return type;
  throw new OtpInputError('uri-type', 'The OTP type must be totp or hotp', {
    field: 'type',
    detail: redactSecretLike(text),
  });
}

function parseAlgorithm(text: string | undefined): OtpAlgorithm {
  const value = text?.trim() ?? '';
  if (value === '') return DEFAULT_ALGORITHM;
  // "SHA-256" is the WebCrypto / FIPS spelling; accepting it costs nothing and helps hand-written URIs.
  const match = /^SHA-?(1|256|512)$/i.exec(value);
  switch (match?.[1]) {
    case '1':
      return 'SHA1';
    case '256':
      return 'SHA256';
    case '512':
      return 'SHA512';
    default:
      throw new OtpInputError('algorithm-unknown', 'The algorithm must be SHA1, SHA256 or SHA512', {
        field: 'algorithm',
        detail: redactSecretLike(value),
      });
  }
}

function parseDigits(text: string | undefined): number {
  const value = text?.trim() ?? '';
  if (value === '') return DEFAULT_DIGITS;
  const digits = parseDecimal(value);
  if (digits !== undefined && OTP_DIGITS.includes(digits)) return digits;
  throw new OtpInputError('digits-out-of-range', 'The number of digits must be 6, 7 or 8', {
    field: 'digits',
    detail: redactSecretLike(value),
  });
}

function parsePeriod(text: string | undefined): number {
  const value = text?.trim() ?? '';
  if (value === '') return DEFAULT_PERIOD_SECONDS;
  const period = parseDecimal(value);
  if (period !== undefined && period >= MIN_PERIOD_SECONDS && period <= MAX_PERIOD_SECONDS) return period;
  throw new OtpInputError(
    'period-out-of-range',
    `The period must be a whole number of seconds from ${MIN_PERIOD_SECONDS} to ${MAX_PERIOD_SECONDS}`,
    { field: 'period', detail: redactSecretLike(value) },
  );
}

function parseCounter(text: string | undefined): number {
  const value = text?.trim() ?? '';
  if (value === '') {
    throw new OtpInputError('counter-missing', 'An HOTP account needs a counter', { field: 'counter' });
  }
  const counter = parseDecimal(value);
  if (counter !== undefined) return counter;
  throw new OtpInputError('counter-invalid', 'The counter must be a whole number from 0 to 2^53 - 1', {
    field: 'counter',
    detail: redactSecretLike(value),
  });
}

/** ASCII decimal digits only (no sign, exponent, fraction or other scripts' digits), as a safe integer. */
function parseDecimal(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
