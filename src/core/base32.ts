import { Secret } from 'otpauth/bare';
import { OtpInputError } from './otp-input-error.ts';

/** One character of the RFC 4648 section 6 alphabet: https://www.rfc-editor.org/rfc/rfc4648#section-6 */
const ALPHABET_CHAR = /^[A-Z2-7]$/;

/**
 * Unpadded base32 lengths mod 8 that some byte string encodes to: 1 byte -> 2 chars, 2 -> 4, 3 -> 5, 4 -> 7,
 * 5 -> 8. Lengths 1, 3 and 6 mod 8 are always a typo (a character missing or added).
 */
const VALID_LENGTHS_MOD_8: ReadonlySet<number> = new Set([0, 2, 4, 5, 7]);

/**
 * Smallest accepted secret, in decoded bytes (10 bytes = 80 bits = 16 base32 characters).
 *
 * RFC 4226 R6 (https://www.rfc-editor.org/rfc/rfc4226#section-4) says the shared secret MUST be at least
 * 128 bits, but many real services issue 80-bit, 16-character secrets (Google's own Key Uri Format example
 * `JBSWY3DPEHPK3PXP` is one), so 128 bits would reject working accounts. Google Authenticator's manual
 * entry has long refused keys under 10 bytes (MIN_KEY_BYTES = 10 in google-authenticator-android), so no
 * service that works there issues less; anything shorter is almost surely a truncated copy-paste.
 */
export const MIN_SECRET_BYTES = 10;

/** What real exporters and users put between base32 characters: spaces (any Unicode space) and dashes. */
const SEPARATOR = /^[\s-]$/u;

interface SecretChar {
  readonly char: string;
  /** 1-based, in code points, in the input as given. */
  readonly position: number;
}

/**
 * Turns a base32 secret as real exporters and users write it into the canonical form of
 * `OtpParameters.secret`: upper case A-Z2-7, no spaces, dashes or `=` padding.
 *
 * Accepts lower case (ASCII only), any whitespace, `-`, and any run of trailing `=`.
 * Non-zero trailing bits in the last character are kept as written (decoders ignore them).
 *
 * @throws OtpInputError with field `secret` and code `secret-missing` (empty), `secret-invalid-char`
 *   (detail: the character, position: 1-based in
 *   code points; `=` counts as invalid before the end), `secret-invalid-length` (length mod 8 is 1, 3 or 6)
 *   or `secret-too-short` (< MIN_SECRET_BYTES; detail: the number of base32 characters).
 */
export function normalizeBase32Secret(input: string): string {
  const kept: SecretChar[] = [];
  let position = 0;
  for (const char of input) {
    position += 1;
    if (!SEPARATOR.test(char)) kept.push({ char, position });
  }
  let end = kept.length;
  while (end > 0 && kept[end - 1]?.char === '=') end -= 1;
  if (end === 0) {
    throw new OtpInputError('secret-missing', 'The secret is empty', { field: 'secret' });
  }
  let canonical = '';
  for (const { char, position: at } of kept.slice(0, end)) {
    // Upper-case ASCII only: String#toUpperCase maps e.g. dotless 'ı' to 'I', which would accept lookalikes.
    const upper = char >= 'a' && char <= 'z' ? char.toUpperCase() : char;
    if (!ALPHABET_CHAR.test(upper)) throw invalidChar(char, at);
    canonical += upper;
  }
  checkLength(canonical.length);
  const bytes = Math.floor((canonical.length * 5) / 8);
  if (bytes < MIN_SECRET_BYTES) {
    throw new OtpInputError(
      'secret-too-short',
      `The secret decodes to ${bytes} bytes; at least ${MIN_SECRET_BYTES} are required`,
      { field: 'secret', detail: String(canonical.length) },
    );
  }
  return canonical;
}

/**
 * The otpauth Secret of a canonical base32 string (A-Z2-7, no padding, no separators): RFC 4648 decoding by
 * otpauth, which ignores the unused trailing bits of the last character as common decoders do.
 *
 * Keystep checks the text first: otpauth is laxer (it drops spaces and `=` padding, upper-cases any letter
 * and accepts any length) and throws a bare TypeError, where a stored secret that is not canonical must fail
 * with Keystep's codes.
 *
 * @throws OtpInputError `secret-invalid-char` or `secret-invalid-length` (field `secret`).
 */
export function base32Secret(canonical: string): Secret {
  let length = 0;
  for (const char of canonical) {
    length += 1;
    if (!ALPHABET_CHAR.test(char)) throw invalidChar(char, length);
  }
  checkLength(length);
  return Secret.fromBase32(canonical);
}

/**
 * RFC 4648 base32 decoding of a canonical string; "" gives no bytes. See base32Secret.
 *
 * @throws OtpInputError `secret-invalid-char` or `secret-invalid-length` (field `secret`).
 */
export function decodeBase32(canonical: string): Uint8Array {
  return base32Secret(canonical).bytes;
}

/** RFC 4648 base32 encoding, upper case, without `=` padding (the canonical secret form), by otpauth's Secret. */
export function encodeBase32(bytes: Uint8Array): string {
  // A copy: Secret keeps the whole ArrayBuffer it is given, and `bytes` may be a view into a larger one.
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}

function invalidChar(char: string, position: number): OtpInputError {
  // A character that is not base32 is not part of the key, so naming it (and where it is) leaks nothing.
  return new OtpInputError(
    'secret-invalid-char',
    `The secret has a character that is not base32 (A-Z, 2-7) at position ${position}: ${JSON.stringify(char)}`,
    { field: 'secret', detail: char, position },
  );
}

function checkLength(length: number): void {
  if (!VALID_LENGTHS_MOD_8.has(length % 8)) {
    throw new OtpInputError(
      'secret-invalid-length',
      `A base32 secret cannot have ${length} characters (length mod 8 must be 0, 2, 4, 5 or 7)`,
      { field: 'secret' },
    );
  }
}
