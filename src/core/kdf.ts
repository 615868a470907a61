// Password-based key derivation for the encrypted vault and the encrypted backup file.
// PBKDF2 (RFC 8018 section 5.2: https://www.rfc-editor.org/rfc/rfc8018#section-5.2) with HMAC-SHA256,
// because it is the only password KDF that WebCrypto offers in every browser; Argon2 or scrypt would
// need a WASM or JS implementation we would have to ship and audit.
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import type { KdfParams } from './kdf-params.ts';
import { defaultRandomBytes } from './random-bytes.ts';
import type { RandomBytes } from './random-bytes.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/**
 * PBKDF2-HMAC-SHA256 iterations for new keys: the OWASP Password Storage Cheat Sheet recommendation
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2).
 * Stored with the data, so it can be raised later without breaking old vaults or backups.
 */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * Iteration counts accepted when reading stored parameters. The minimum refuses files whose key would be
 * cheap to brute-force; the maximum bounds how long an untrusted backup file can make us compute
 * (10 million is about 15 times the default, several seconds on a laptop).
 */
export const KDF_ITERATION_RANGE = { min: 1_000, max: 10_000_000 } as const;

/** Salt length for new parameters, bytes (128 bits, as RFC 8018 section 4.1 and NIST SP 800-132 ask at least). */
export const KDF_SALT_BYTES = 16;

/** Salt lengths accepted when reading stored parameters, bytes. */
const SALT_LENGTH_RANGE = { min: 16, max: 64 } as const;

/** Bytes of key that deriveKeyBytes returns: an AES-256 key. */
const DERIVED_KEY_BYTES = 32;

/**
 * Fresh parameters for a new password: PBKDF2-HMAC-SHA256 with a random 16-byte salt.
 * @param randomBytes source of the salt; default `crypto.getRandomValues`.
 * @param iterations PBKDF2 iteration count; default PBKDF2_ITERATIONS (600,000). Must be in KDF_ITERATION_RANGE,
 *   so that what we write we can also read back.
 * @throws VaultCryptoError `kdf-params-invalid` (field `iterations`) when the count is out of range.
 */
export function newKdfParams(randomBytes: RandomBytes = defaultRandomBytes, iterations = PBKDF2_ITERATIONS): KdfParams {
  checkIterations(iterations, 'the new key derivation parameters', KDF_ITERATION_RANGE.min);
  const salt = randomBytes(KDF_SALT_BYTES);
  if (salt.length !== KDF_SALT_BYTES) {
    throw new RangeError(`randomBytes returned ${salt.length} bytes instead of ${KDF_SALT_BYTES}`);
  }
  return { algorithm: 'PBKDF2-HMAC-SHA256', iterations, salt: bytesToBase64(salt) };
}

/**
 * Validates key-derivation parameters read from storage or from a file, and returns a copy with only the
 * known fields. Rules: `algorithm` is `PBKDF2-HMAC-SHA256`; `iterations` an integer in KDF_ITERATION_RANGE;
 * `salt` standard Base64 of 16 to 64 bytes.
 * @param what names the input in error messages, e.g. "the backup's kdf".
 * @throws VaultCryptoError `kdf-params-invalid` with `field` set to the first bad field (or undefined when
 *   `raw` is not an object).
 */
export function parseKdfParams(raw: unknown, what: string): KdfParams {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new VaultCryptoError('kdf-params-invalid', `${what} is not an object`);
  }
  const { algorithm, iterations, salt } = raw as Record<string, unknown>;
  if (algorithm !== 'PBKDF2-HMAC-SHA256') {
    throw new VaultCryptoError('kdf-params-invalid', `${what}: algorithm is not PBKDF2-HMAC-SHA256`, 'algorithm');
  }
  checkIterations(iterations, what, KDF_ITERATION_RANGE.min);
  if (typeof salt !== 'string') {
    throw new VaultCryptoError('kdf-params-invalid', `${what}: salt is not a string`, 'salt');
  }
  const saltLength = decodeSalt(salt, what).length;
  if (saltLength < SALT_LENGTH_RANGE.min || saltLength > SALT_LENGTH_RANGE.max) {
    throw new VaultCryptoError(
      'kdf-params-invalid',
      `${what}: salt is ${saltLength} bytes, not ${SALT_LENGTH_RANGE.min} to ${SALT_LENGTH_RANGE.max}`,
      'salt',
    );
  }
  return { algorithm, iterations, salt };
}

/**
 * Derives a 32-byte key from a password: PBKDF2-HMAC-SHA256(NFC(password) as UTF-8, salt, iterations, 32).
 *
 * The parameters are not range-checked beyond what keeps the call bounded (any salt length, iterations
 * 1..KDF_ITERATION_RANGE.max), so published test vectors with short salts can be checked; validate untrusted
 * parameters with parseKdfParams first.
 *
 * @param password any string; lone surrogates become U+FFFD in UTF-8, as TextEncoder does.
 * @param subtle WebCrypto; default `globalThis.crypto.subtle`.
 * @returns 32 bytes, to be used directly as an AES-256 key.
 * @throws VaultCryptoError `kdf-params-invalid` when the algorithm, iterations or salt are unusable.
 */
export async function deriveKeyBytes(
  password: string,
  params: KdfParams,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array<ArrayBuffer>> {
  const what = 'the key derivation parameters';
  // Checked at run time too: params may come from a record whose type was only asserted.
  if ((params.algorithm as string) !== 'PBKDF2-HMAC-SHA256') {
    throw new VaultCryptoError('kdf-params-invalid', `${what}: algorithm is not PBKDF2-HMAC-SHA256`, 'algorithm');
  }
  checkIterations(params.iterations, what, 1);
  const salt = decodeSalt(params.salt, what);
  // NFC (RFC 8265 section 4.2.2, the PRECIS OpaqueString profile: https://www.rfc-editor.org/rfc/rfc8265#section-4.2.2)
  // because the same password can arrive as different code points: "é" is U+00E9 from most keyboards but
  // U+0065 U+0301 from some input methods, pastes and macOS file names. Without it a vault locked on one
  // machine would not open on another although the user typed the "same" password.
  const passwordBytes = new TextEncoder().encode(password.normalize('NFC'));
  const baseKey = await subtle.importKey('raw', passwordBytes, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: params.iterations },
    baseKey,
    DERIVED_KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

function checkIterations(iterations: unknown, what: string, min: number): asserts iterations is number {
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) {
    throw new VaultCryptoError('kdf-params-invalid', `${what}: iterations is not an integer`, 'iterations');
  }
  if (iterations < min || iterations > KDF_ITERATION_RANGE.max) {
    throw new VaultCryptoError(
      'kdf-params-invalid',
      `${what}: iterations ${iterations} is not in ${min}..${KDF_ITERATION_RANGE.max}`,
      'iterations',
    );
  }
}

function decodeSalt(salt: string, what: string): Uint8Array<ArrayBuffer> {
  try {
    return base64ToBytes(salt, `${what}: salt`);
  } catch {
    throw new VaultCryptoError('kdf-params-invalid', `${what}: salt is not Base64`, 'salt');
  }
}
