// AES-256-GCM (NIST SP 800-38D: https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf)
// through WebCrypto (https://w3c.github.io/webcrypto/#aes-gcm), stored as a SealedBox of two Base64 strings.
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import type { CryptoDeps } from './crypto-deps.ts';
import { defaultRandomBytes } from './random-bytes.ts';
import type { SealedBox } from './sealed-box.ts';
import { GCM_IV_BYTES, GCM_TAG_BYTES, parseSealedBox } from './parse-sealed-box.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/** AES-256 key length, bytes. */
const AES_KEY_BYTES = 32;

/**
 * Encrypts with AES-256-GCM under a fresh random 12-byte iv and a 128-bit tag.
 * @param key 32 raw key bytes, or an AES-GCM CryptoKey with usage `encrypt` (e.g. from deriveAesKey).
 * @param aad additional authenticated data, as a string (encrypted as its UTF-8): a label that says what
 *   the box is for, so a box of one kind cannot be passed off as another (domain separation).
 * @param deps `subtle` default `globalThis.crypto.subtle`; `randomBytes` (for the iv) default `crypto.getRandomValues`.
 * @throws RangeError when the key is not 32 bytes or randomBytes does not return 12 bytes (programming errors).
 */
export async function sealBytes(key: Uint8Array | CryptoKey, plaintext: Uint8Array, aad: string, deps: CryptoDeps = {}): Promise<SealedBox> {
  const subtle = deps.subtle ?? globalThis.crypto.subtle;
  const randomBytes = deps.randomBytes ?? defaultRandomBytes;
  const iv = randomBytes(GCM_IV_BYTES);
  if (iv.length !== GCM_IV_BYTES) {
    throw new RangeError(`randomBytes returned ${iv.length} bytes instead of ${GCM_IV_BYTES}`);
  }
  const cryptoKey = await importAesKey(key, 'encrypt', subtle);
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad), tagLength: GCM_TAG_BYTES * 8 },
    cryptoKey,
    new Uint8Array(plaintext),
  );
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(new Uint8Array(ciphertext)) };
}

/**
 * Decrypts and authenticates a box made by sealBytes with the same key and `aad`.
 * @param key 32 raw key bytes, or an AES-GCM CryptoKey with usage `decrypt` (e.g. from deriveAesKey).
 * @param box validated with parseSealedBox first, as it usually comes from storage.
 * @param deps `subtle` default `globalThis.crypto.subtle`.
 * @throws VaultCryptoError `sealed-box-invalid` for a malformed box; `decrypt-failed` when the tag does not
 *   verify (wrong key, other `aad`, or altered iv or ciphertext: GCM cannot tell these apart).
 * @throws RangeError when the key is not 32 bytes.
 */
export async function openBytes(
  key: Uint8Array | CryptoKey,
  box: SealedBox,
  aad: string,
  deps: Pick<CryptoDeps, 'subtle'> = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = deps.subtle ?? globalThis.crypto.subtle;
  const checked = parseSealedBox(box, 'the sealed box');
  const cryptoKey = await importAesKey(key, 'decrypt', subtle);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: base64ToBytes(checked.iv, 'iv'),
        additionalData: new TextEncoder().encode(aad),
        tagLength: GCM_TAG_BYTES * 8,
      },
      cryptoKey,
      base64ToBytes(checked.ciphertext, 'ciphertext'),
    );
  } catch (error) {
    // WebCrypto rejects with an OperationError when the tag does not verify
    // (https://w3c.github.io/webcrypto/#aes-gcm-operations, decrypt step 8). Anything else is a bug: rethrow it.
    if (error instanceof Error && error.name === 'OperationError') {
      throw new VaultCryptoError('decrypt-failed', `AES-GCM authentication failed for data labelled "${aad}"`);
    }
    throw error;
  }
  return new Uint8Array(plaintext);
}

async function importAesKey(key: Uint8Array | CryptoKey, usage: 'encrypt' | 'decrypt', subtle: SubtleCrypto): Promise<CryptoKey> {
  if (!(key instanceof Uint8Array)) return key;
  if (key.length !== AES_KEY_BYTES) {
    throw new RangeError(`An AES-256 key is ${AES_KEY_BYTES} bytes, not ${key.length}`);
  }
  // Non-extractable: the CryptoKey lives only for this one operation.
  return subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [usage]);
}
