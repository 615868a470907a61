/**
 * Machine codes of the validation errors a user can cause by pasting an otpauth URI or filling in the
 * account form. The popup and options UI map each code to a localized message, so this set is an API:
 * add codes, never rename or remove them.
 */
export const OTP_INPUT_ERROR_CODES = [
  /** Not a URI at all, bad percent-encoding, or a known parameter given twice (detail: its name). */
  'uri-malformed',
  /** A URI, but not `otpauth:` (detail: the scheme, e.g. `otpauth-migration` or `https`). */
  'uri-scheme',
  /** The OTP type (URI host part, or the form's type field) is neither `totp` nor `hotp` (detail: the type). */
  'uri-type',
  /** No secret, or only spaces, dashes and padding. */
  'secret-missing',
  /** A character outside A-Z, 2-7 (detail: the character; position: 1-based, in the secret as given). */
  'secret-invalid-char',
  /** Base32 length (without padding) mod 8 is 1, 3 or 6: no byte string encodes to that. */
  'secret-invalid-length',
  /** Decodes to fewer than MIN_SECRET_BYTES bytes (detail: the number of base32 characters given). */
  'secret-too-short',
  /** Not SHA1, SHA256 or SHA512 (detail: the algorithm as given). */
  'algorithm-unknown',
  /** Not 6, 7 or 8 (detail: the value as given). */
  'digits-out-of-range',
  /** Not an integer in MIN_PERIOD_SECONDS..MAX_PERIOD_SECONDS (detail: the value as given). */
  'period-out-of-range',
  /** HOTP without a counter. */
  'counter-missing',
  /** Counter not a non-negative safe integer (detail: the value as given). */
  'counter-invalid',
  /** The label's issuer prefix differs from the issuer parameter (detail: prefix; conflictsWith: parameter). */
  'issuer-conflict',
  /** Neither an account name nor an issuer. */
  'name-missing',
  /** Issuer or name (see field) contains a colon or a control character (detail: the value). */
  'label-invalid',
  /**
   * An `encoder` parameter asks for codes in another alphabet (detail: its value, e.g. `steam`, as Aegis and
   * andOTP export Steam Guard accounts): standard digits would be wrong codes, so the URI is refused.
   */
  'encoder-unsupported',
] as const;

export type OtpInputErrorCode = (typeof OTP_INPUT_ERROR_CODES)[number];

/** The form field (or URI part) an error points at, so the UI can highlight it. */
export type OtpInputField = 'type' | 'issuer' | 'name' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter';

export interface OtpInputErrorParams {
  readonly field?: OtpInputField | undefined;
  /** The offending value; never secret material (see redactSecretLike). Clipped to 64 characters. */
  readonly detail?: string | undefined;
  /** secret-invalid-char: 1-based position, in code points, of the bad character in the secret as given. */
  readonly position?: number | undefined;
  /** issuer-conflict: the issuer parameter (detail holds the label prefix). Clipped to 64 characters. */
  readonly conflictsWith?: string | undefined;
}

const MAX_DETAIL_LENGTH = 64;

/**
 * A user-facing validation error of an otpauth URI or of the manual-entry form.
 * `message` is English for developers; the UI localizes from `code` and the params.
 * Neither the message nor any param ever contains the secret.
 */
export class OtpInputError extends Error {
  override readonly name = 'OtpInputError';
  readonly code: OtpInputErrorCode;
  readonly field: OtpInputField | undefined;
  readonly detail: string | undefined;
  readonly position: number | undefined;
  readonly conflictsWith: string | undefined;

  constructor(code: OtpInputErrorCode, message: string, params: OtpInputErrorParams = {}) {
    super(message);
    this.code = code;
    this.field = params.field;
    this.detail = clip(params.detail);
    this.position = params.position;
    this.conflictsWith = clip(params.conflictsWith);
  }
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= MAX_DETAIL_LENGTH) return text;
  return `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…`;
}

/**
 * Returns `text`, or undefined when it could be a base32 secret that a user pasted into the wrong place,
 * e.g. `JBSWY3DPEHPK3PXP:...` read as a URI scheme. Used for details taken from parts that should be short
 * words or numbers, so a misplaced secret never reaches an error message or the UI.
 *
 * "Could be a secret": 16+ base32 characters (ignoring spaces, dashes and `=`) with a digit 2-7 or no lower
 * case letter. Lower-case words such as the scheme `otpauth-migration` still pass through to the UI.
 */
export function redactSecretLike(text: string): string | undefined {
  const compact = text.replace(/[\s=-]/g, '');
  const secretLike = /^[A-Za-z2-7]{16,}$/.test(compact) && (/[2-7]/.test(compact) || !/[a-z]/.test(compact));
  return secretLike ? undefined : text;
}
