// Password-based key derivation for the encrypted vault and the encrypted backup file.
// PBKDF2 (RFC 8018 section 5.2: https://www.rfc-editor.org/rfc/rfc8018#section-5.2) with HMAC-SHA256,
// because it is the only password KDF that WebCrypto offers in every browser; Argon2 or scrypt would
// need a WASM or JS implementation we would have to ship and audit.
import { bytesToBase64 } from './base64.ts';
import type { KdfParams } from './kdf-params.ts';
import { checkIterations, decodeSalt, KDF_ITERATION_RANGE } from './parse-kdf-params.ts';
import { defaultRandomBytes } from './random-bytes.ts';
import type { RandomBytes } from './random-bytes.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/**
 * PBKDF2-HMAC-SHA256 iterations for new keys: five times the 600,000 of the OWASP Password Storage Cheat
 * Sheet (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2). Chromium
 * computes 600,000 in ~75 ms on the 2-core development machine, so an unlock (500 accounts) took ~0.1 s;
 * 3,000,000 spends ~0.4 s there, inside the 0.3-1 s an unlock may cost, and makes each password guess five
 * times dearer. Stored with the data, so it can be raised later without breaking old vaults or backups.
 */
export const PBKDF2_ITERATIONS = 3_000_000;

/** Salt length for new parameters, bytes (128 bits, as RFC 8018 section 4.1 and NIST SP 800-132 ask at least). */
const KDF_SALT_BYTES = 16;

/** Bits of the key that deriveAesKey derives: an AES-256 key. */
const DERIVED_KEY_BITS = 256;

/**
 * Fresh parameters for a new password: PBKDF2-HMAC-SHA256 with a random 16-byte salt.
 * @param randomBytes source of the salt; default `crypto.getRandomValues`.
 * @param iterations PBKDF2 iteration count; default PBKDF2_ITERATIONS (3,000,000). Must be in KDF_ITERATION_RANGE,
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
 * Derives an AES-256-GCM key from a password: PBKDF2-HMAC-SHA256(NFC(password) as UTF-8, salt, iterations, 32 bytes),
 * through WebCrypto's deriveKey as a NON-extractable CryptoKey for encrypt and decrypt. The key bytes never reach
 * JavaScript: no code of the page (nor an extension of it, nor a heap dump of the JS objects) can read them, and
 * exportKey refuses them (https://w3c.github.io/webcrypto/#dfn-SubtleCrypto-method-exportKey, step 5).
 *
 * The parameters are not range-checked beyond what keeps the call bounded (any salt length, iterations
 * 1..KDF_ITERATION_RANGE.max), so published test vectors with short salts can be checked; validate untrusted
 * parameters with parseKdfParams first.
 *
 * @param password any string; lone surrogates become U+FFFD in UTF-8, as TextEncoder does.
 * @param subtle WebCrypto; default `globalThis.crypto.subtle`.
 * @returns an AES-GCM CryptoKey of 256 bits, `extractable` false, usages `encrypt` and `decrypt`.
 * @throws VaultCryptoError `kdf-params-invalid` when the algorithm, iterations or salt are unusable.
 */
export async function deriveAesKey(
  password: string,
  params: KdfParams,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKey> {
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
  const baseKey = await subtle.importKey('raw', passwordBytes, 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: params.iterations },
    baseKey,
    { name: 'AES-GCM', length: DERIVED_KEY_BITS },
    false,
    ['encrypt', 'decrypt'],
  );
}
