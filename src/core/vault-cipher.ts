// Encryption at rest of the vault (see EncryptedVaultRecord in vault.ts). Two layers, so that changing the
// password re-wraps 32 bytes instead of re-encrypting every account, and so the platform can keep the
// unlocked vault key in chrome.storage.session instead of the password:
//   wrappedKey = AES-256-GCM(PBKDF2(password, kdf), vaultKey, aad "keystep/vault-key/v1")
//   payload    = AES-256-GCM(vaultKey, UTF-8 JSON of the Vault, aad "keystep/vault/v1")
// The two AAD labels keep the boxes apart (a wrapped key cannot be opened as a payload, or the reverse,
// even under the same key); the "/v1" lets a later format change the layout without ambiguity.
import type { CryptoDeps } from './crypto-deps.ts';
import { deriveAesKey } from './kdf.ts';
import { parseKdfParams } from './parse-kdf-params.ts';
import { parseSealedBox } from './parse-sealed-box.ts';
import type { KdfParams } from './kdf-params.ts';
import { defaultRandomBytes } from './random-bytes.ts';
import type { RandomBytes } from './random-bytes.ts';
import type { SealedBox } from './sealed-box.ts';
import { openBytes, sealBytes } from './sealed-box-codec.ts';
import type { Vault } from './vault.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/** Vault key length, bytes (AES-256). */
const VAULT_KEY_BYTES = 32;

/** AAD of the wrapped vault key. */
export const VAULT_KEY_AAD = 'keystep/vault-key/v1';

/** AAD of the encrypted Vault JSON. */
export const VAULT_PAYLOAD_AAD = 'keystep/vault/v1';

/**
 * A new random vault key: 32 bytes, used raw as the AES-256-GCM key of the payload. It is a secret: never log it.
 * @param randomBytes default `crypto.getRandomValues`.
 */
export function newVaultKey(randomBytes: RandomBytes = defaultRandomBytes): Uint8Array<ArrayBuffer> {
  const key = randomBytes(VAULT_KEY_BYTES);
  if (key.length !== VAULT_KEY_BYTES) {
    throw new RangeError(`randomBytes returned ${key.length} bytes instead of ${VAULT_KEY_BYTES}`);
  }
  return key;
}

/**
 * Encrypts the vault key under the key derived from the password by `kdf`.
 * @param kdf validated with parseKdfParams (iterations bounded), normally fresh from newKdfParams.
 * @param deps `subtle` and `randomBytes` (for the iv), defaulting to WebCrypto.
 * @throws VaultCryptoError `kdf-params-invalid`; RangeError when vaultKey is not 32 bytes.
 */
export async function wrapVaultKey(
  vaultKey: Uint8Array,
  password: string,
  kdf: KdfParams,
  deps: CryptoDeps = {},
): Promise<SealedBox> {
  if (vaultKey.length !== VAULT_KEY_BYTES) {
    throw new RangeError(`A vault key is ${VAULT_KEY_BYTES} bytes, not ${vaultKey.length}`);
  }
  const wrappingKey = await deriveAesKey(password, parseKdfParams(kdf, 'the vault kdf'), deps.subtle);
  return sealBytes(wrappingKey, vaultKey, VAULT_KEY_AAD, deps);
}

/**
 * Recovers the vault key with the password. Costs one PBKDF2 run of `kdf.iterations`.
 * @param wrapped and `kdf` as stored; both are validated here.
 * @param deps `subtle`, defaulting to WebCrypto.
 * @returns the 32-byte vault key: a secret, never log it.
 * @throws VaultCryptoError `wrong-password` when the tag does not verify (a wrong password, or a record that
 *   was altered: GCM cannot tell these apart); `kdf-params-invalid` or `sealed-box-invalid` for a malformed
 *   record; `decrypt-failed` when what it decrypts to is not 32 bytes.
 */
export async function unwrapVaultKey(
  wrapped: SealedBox,
  password: string,
  kdf: KdfParams,
  deps: CryptoDeps = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const box = parseSealedBox(wrapped, 'the wrapped vault key');
  const wrappingKey = await deriveAesKey(password, parseKdfParams(kdf, 'the vault kdf'), deps.subtle);
  let vaultKey: Uint8Array<ArrayBuffer>;
  try {
    vaultKey = await openBytes(wrappingKey, box, VAULT_KEY_AAD, deps);
  } catch (error) {
    if (error instanceof VaultCryptoError && error.code === 'decrypt-failed') {
      throw new VaultCryptoError('wrong-password', 'The password does not open the wrapped vault key');
    }
    throw error;
  }
  if (vaultKey.length !== VAULT_KEY_BYTES) {
    throw new VaultCryptoError('decrypt-failed', `The wrapped vault key holds ${vaultKey.length} bytes, not ${VAULT_KEY_BYTES}`);
  }
  return vaultKey;
}

/**
 * Encrypts the vault (the UTF-8 JSON of `vault` as given, all its fields) under the vault key.
 * @param vaultKey 32 bytes from newVaultKey or unwrapVaultKey.
 * @param deps `subtle` and `randomBytes` (for the iv), defaulting to WebCrypto.
 * @throws RangeError when vaultKey is not 32 bytes.
 */
export async function sealVault(vault: Vault, vaultKey: Uint8Array, deps: CryptoDeps = {}): Promise<SealedBox> {
  return sealBytes(vaultKey, new TextEncoder().encode(JSON.stringify(vault)), VAULT_PAYLOAD_AAD, deps);
}

/**
 * Decrypts a payload made by sealVault. Checks only that the result is an object with an `accounts` array;
 * the accounts themselves are the caller's to migrate and validate (see migrate-vault-record.ts).
 * @param deps `subtle`, defaulting to WebCrypto.
 * @throws VaultCryptoError `sealed-box-invalid` for a malformed payload; `decrypt-failed` when it does not
 *   authenticate under the key, or decrypts to something that is not a vault.
 * @throws RangeError when vaultKey is not 32 bytes.
 */
export async function openVault(payload: SealedBox, vaultKey: Uint8Array, deps: CryptoDeps = {}): Promise<Vault> {
  const box = parseSealedBox(payload, 'the vault payload');
  const bytes = await openBytes(vaultKey, box, VAULT_PAYLOAD_AAD, deps);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the input in it, and the input is the decrypted vault.
    throw new VaultCryptoError('decrypt-failed', 'The vault payload decrypted, but is not UTF-8 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { accounts?: unknown }).accounts)) {
    throw new VaultCryptoError('decrypt-failed', 'The vault payload decrypted, but is not an object with an accounts array');
  }
  return parsed as Vault;
}
