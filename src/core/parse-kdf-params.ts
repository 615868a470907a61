// Validation of stored PBKDF2 parameters, apart from kdf.ts so that reading a vault record does not load the
// key derivation itself (pages of a locked or plain vault never run it).
import { base64ToBytes } from './base64.ts';
import type { KdfParams } from './kdf-params.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/**
 * Iteration counts accepted when reading stored parameters. The minimum refuses files whose key would be
 * cheap to brute-force; the maximum bounds how long an untrusted backup file can make us compute
 * (10 million is about 3 times the default, a few seconds on a laptop).
 */
export const KDF_ITERATION_RANGE = { min: 1_000, max: 10_000_000 } as const;

/** Salt lengths accepted when reading stored parameters, bytes. */
const SALT_LENGTH_RANGE = { min: 16, max: 64 } as const;


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
 * Checks an iteration count: an integer from `min` to KDF_ITERATION_RANGE.max.
 * @throws VaultCryptoError `kdf-params-invalid` (field `iterations`).
 */
export function checkIterations(iterations: unknown, what: string, min: number): asserts iterations is number {
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

/**
 * Decodes a Base64 salt.
 * @throws VaultCryptoError `kdf-params-invalid` (field `salt`).
 */
export function decodeSalt(salt: string, what: string): Uint8Array<ArrayBuffer> {
  try {
    return base64ToBytes(salt, `${what}: salt`);
  } catch {
    throw new VaultCryptoError('kdf-params-invalid', `${what}: salt is not Base64`, 'salt');
  }
}
