// Encryption at rest of the vault (see EncryptedVaultRecord in vault.ts). Two layers, so that changing the
// password re-wraps 32 bytes instead of re-encrypting every account, and so the platform can keep the
// unlocked vault key in chrome.storage.session instead of the password:
//   wrappedKey = AES-256-GCM(PBKDF2(password, kdf), vaultKey, aad wrappedKeyAad(kdf, keyId))
//   payload    = AES-256-GCM(vaultKey, UTF-8 JSON of the Vault, aad payloadAad(schema, revision, keyId))
// The additional data (AAD) of each box is its label and the fields of the record's header it belongs with
// (version 2 of the format, since vault schema 2; a payload sealed at schema 3 binds 3, one of schema 2 still opens
// with 2). GCM's tag covers it, so a box opens only in the record it was sealed
// for: a payload of an older revision or of another record put into this one fails, and so does a header whose
// kdf or key id was edited. The two labels keep the boxes apart (a wrapped key cannot be opened as a payload, or
// the reverse, even under the same key). Records of schema 1 (keyId undefined) were sealed with the bare labels
// "keystep/vault-key/v1" and "keystep/vault/v1"; they are opened with those, and sealed again as version 2 at
// the next unlock.
import { bytesToBase64 } from './base64.ts';
import type { CryptoDeps } from './crypto-deps.ts';
import { deriveAesKey } from './kdf.ts';
import type { KdfParams } from './kdf-params.ts';
import { parseKdfParams } from './parse-kdf-params.ts';
import { parseSealedBox } from './parse-sealed-box.ts';
import { defaultRandomBytes } from './random-bytes.ts';
import type { RandomBytes } from './random-bytes.ts';
import type { SealedBox } from './sealed-box.ts';
import { openBytes, sealBytes } from './sealed-box-codec.ts';
import { VaultRecordError } from './migrate-vault-record.ts';
import { KEY_ID_BYTES, type EncryptedVaultRecord, type Vault } from './vault.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/** Vault key length, bytes (AES-256). */
const VAULT_KEY_BYTES = 32;

/** AAD of the wrapped vault key of a schema 1 record. */
export const VAULT_KEY_AAD_V1 = 'keystep/vault-key/v1';

/** AAD of the encrypted Vault JSON of a schema 1 record. */
export const VAULT_PAYLOAD_AAD_V1 = 'keystep/vault/v1';

/** What the wrapped key's additional data binds: the record's kdf and key id (undefined: a schema 1 record). */
export interface WrappedKeyBinding {
  readonly kdf: KdfParams;
  readonly keyId: string | undefined;
}

/** What the payload's additional data binds: the record's schema, revision and key id (undefined: a schema 1 record). */
export interface PayloadBinding {
  readonly schema: number;
  readonly revision: number;
  readonly keyId: string | undefined;
}

/**
 * The wrapped key's additional data, as a string (encrypted as its UTF-8): the JSON array
 * `["keystep/vault-key/v2", algorithm, iterations, salt, keyId]`, or "keystep/vault-key/v1" without a key id.
 * JSON keeps the fields apart whatever they hold.
 */
export function wrappedKeyAad({ kdf, keyId }: WrappedKeyBinding): string {
  return keyId === undefined ? VAULT_KEY_AAD_V1 : JSON.stringify(['keystep/vault-key/v2', kdf.algorithm, kdf.iterations, kdf.salt, keyId]);
}

/**
 * The payload's additional data, as a string (encrypted as its UTF-8): the JSON array
 * `["keystep/vault/v2", schema, revision, keyId]`, or "keystep/vault/v1" without a key id.
 */
export function payloadAad({ schema, revision, keyId }: PayloadBinding): string {
  return keyId === undefined ? VAULT_PAYLOAD_AAD_V1 : JSON.stringify(['keystep/vault/v2', schema, revision, keyId]);
}

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
 * A new key id for a new vault key (or for a record sealed again): standard Base64 of 16 random bytes. Not secret.
 * @param randomBytes default `crypto.getRandomValues`.
 */
export function newKeyId(randomBytes: RandomBytes = defaultRandomBytes): string {
  const id = randomBytes(KEY_ID_BYTES);
  if (id.length !== KEY_ID_BYTES) {
    throw new RangeError(`randomBytes returned ${id.length} bytes instead of ${KEY_ID_BYTES}`);
  }
  return bytesToBase64(id);
}

/**
 * The key that wraps the vault key, from the password: PBKDF2 by `kdf` as a non-extractable AES-GCM CryptoKey
 * (deriveAesKey), so it never exists as bytes in JavaScript. Costs one PBKDF2 run of `kdf.iterations`.
 * @param kdf validated here with parseKdfParams (iterations bounded).
 * @param deps `subtle`, defaulting to WebCrypto.
 * @throws VaultCryptoError `kdf-params-invalid`.
 */
export async function deriveWrappingKey(password: string, kdf: KdfParams, deps: Pick<CryptoDeps, 'subtle'> = {}): Promise<CryptoKey> {
  return deriveAesKey(password, parseKdfParams(kdf, 'the vault kdf'), deps.subtle);
}

/**
 * Encrypts the vault key under the wrapping key, bound to the record's kdf and key id.
 * @param wrappingKey from deriveWrappingKey with `binding.kdf`.
 * @param deps `subtle` and `randomBytes` (for the iv), defaulting to WebCrypto.
 * @throws RangeError when vaultKey is not 32 bytes.
 */
export async function wrapVaultKey(
  vaultKey: Uint8Array,
  wrappingKey: CryptoKey,
  binding: WrappedKeyBinding & { readonly keyId: string },
  deps: CryptoDeps = {},
): Promise<SealedBox> {
  if (vaultKey.length !== VAULT_KEY_BYTES) {
    throw new RangeError(`A vault key is ${VAULT_KEY_BYTES} bytes, not ${vaultKey.length}`);
  }
  return sealBytes(wrappingKey, vaultKey, wrappedKeyAad(binding), deps);
}

/**
 * Recovers the vault key with the wrapping key derived from the password.
 * @param wrapped as stored; validated here. `binding`: the record's kdf and key id, as stored.
 * @param deps `subtle`, defaulting to WebCrypto.
 * @returns the 32-byte vault key: a secret, never log it.
 * @throws VaultCryptoError `wrong-password` when the tag does not verify (a wrong password, or a record whose
 *   kdf, key id or wrapped key was altered: GCM cannot tell these apart); `sealed-box-invalid` for a malformed
 *   box; `decrypt-failed` when what it decrypts to is not 32 bytes.
 */
export async function unwrapVaultKey(
  wrapped: SealedBox,
  wrappingKey: CryptoKey,
  binding: WrappedKeyBinding,
  deps: Pick<CryptoDeps, 'subtle'> = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const box = parseSealedBox(wrapped, 'the wrapped vault key');
  let vaultKey: Uint8Array<ArrayBuffer>;
  try {
    vaultKey = await openBytes(wrappingKey, box, wrappedKeyAad(binding), deps);
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
 * Encrypts the vault (the UTF-8 JSON of `vault` as given, all its fields) under the vault key, bound to the schema,
 * revision and key id of the record it will be written in.
 * @param vaultKey 32 bytes from newVaultKey or unwrapVaultKey.
 * @param deps `subtle` and `randomBytes` (for the iv), defaulting to WebCrypto.
 * @throws RangeError when vaultKey is not 32 bytes.
 */
export async function sealVault(vault: Vault, vaultKey: Uint8Array, binding: PayloadBinding & { readonly keyId: string }, deps: CryptoDeps = {}): Promise<SealedBox> {
  return sealBytes(vaultKey, new TextEncoder().encode(JSON.stringify(vault)), payloadAad(binding), deps);
}

/**
 * Decrypts a payload made by sealVault, with the binding of the record it was read from. Checks only that the
 * result is an object with an `accounts` array; the accounts themselves are the caller's to migrate and validate
 * (see migrate-vault-record.ts).
 * @param deps `subtle`, defaulting to WebCrypto.
 * @throws VaultCryptoError `sealed-box-invalid` for a malformed payload; `decrypt-failed` when it does not
 *   authenticate under the key and the binding (another key, another record's or revision's payload, an edited
 *   header), or decrypts to something that is not a vault.
 * @throws RangeError when vaultKey is not 32 bytes.
 */
export async function openVault(payload: SealedBox, vaultKey: Uint8Array, binding: PayloadBinding, deps: Pick<CryptoDeps, 'subtle'> = {}): Promise<Vault> {
  const box = parseSealedBox(payload, 'the vault payload');
  const bytes = await openBytes(vaultKey, box, payloadAad(binding), deps);
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

/**
 * Opens the payload of a stored record, bound to that record's own header (openVault with the record as binding).
 * @param vaultKey the key that opens the record (its session key, or unwrapped with the password).
 * @throws VaultRecordError `vault-record-altered` when the payload does not authenticate under the key with the
 *   header: a payload of another revision or record was put in, or the header was edited (the record is left as
 *   it is); VaultCryptoError `sealed-box-invalid` for a malformed payload.
 */
export async function openRecordPayload(record: EncryptedVaultRecord, vaultKey: Uint8Array, deps: Pick<CryptoDeps, 'subtle'> = {}): Promise<Vault> {
  try {
    return await openVault(record.payload, vaultKey, record, deps);
  } catch (error) {
    if (error instanceof VaultCryptoError && error.code === 'decrypt-failed') {
      throw new VaultRecordError('vault-record-altered', `The stored encrypted vault (revision ${record.revision}) does not authenticate under its own key`);
    }
    throw error;
  }
}
