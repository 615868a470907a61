// Validation of stored AES-GCM boxes, apart from sealed-box-codec.ts so that reading a vault record does not
// load the encryption itself (pages of a locked or plain vault never run it).
import { base64ToBytes } from './base64.ts';
import type { SealedBox } from './sealed-box.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/**
 * GCM nonce length, bytes. 96 bits is the length SP 800-38D section 8.2 recommends; with random nonces it
 * allows 2^32 encryptions under one key, far more than a vault is ever rewritten.
 */
export const GCM_IV_BYTES = 12;

/** GCM tag length, bytes: the full 128 bits (SP 800-38D section 5.2.1.2), appended to the ciphertext. */
export const GCM_TAG_BYTES = 16;

/**
 * Validates a SealedBox read from storage or a file and returns a copy with only `iv` and `ciphertext`.
 * Rules: `iv` standard Base64 of exactly 12 bytes; `ciphertext` standard Base64 of at least 16 bytes (the tag).
 * @param what names the input in error messages, e.g. "the vault payload".
 * @throws VaultCryptoError `sealed-box-invalid` with `field` `iv` or `ciphertext` (undefined when `raw` is not an object).
 */
export function parseSealedBox(raw: unknown, what: string): SealedBox {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new VaultCryptoError('sealed-box-invalid', `${what} is not an object`);
  }
  const { iv, ciphertext } = raw as Record<string, unknown>;
  const ivLength = decodeField(iv, 'iv', what).length;
  if (ivLength !== GCM_IV_BYTES) {
    throw new VaultCryptoError('sealed-box-invalid', `${what}: iv is ${ivLength} bytes, not ${GCM_IV_BYTES}`, 'iv');
  }
  const ciphertextLength = decodeField(ciphertext, 'ciphertext', what).length;
  if (ciphertextLength < GCM_TAG_BYTES) {
    throw new VaultCryptoError(
      'sealed-box-invalid',
      `${what}: ciphertext is ${ciphertextLength} bytes, shorter than the ${GCM_TAG_BYTES}-byte tag`,
      'ciphertext',
    );
  }
  return { iv: iv as string, ciphertext: ciphertext as string };
}

function decodeField(value: unknown, field: 'iv' | 'ciphertext', what: string): Uint8Array {
  if (typeof value !== 'string') {
    throw new VaultCryptoError('sealed-box-invalid', `${what}: ${field} is not a string`, field);
  }
  try {
    return base64ToBytes(value, `${what}: ${field}`);
  } catch {
    throw new VaultCryptoError('sealed-box-invalid', `${what}: ${field} is not Base64`, field);
  }
}
