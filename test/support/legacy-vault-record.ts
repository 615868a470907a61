import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';

// An encrypted vault record as builds before vault schema 2 wrote it, made here with OpenSSL (node:crypto) from
// the format the README described for them, independently of src/:
//   wrappedKey = AES-256-GCM(PBKDF2-HMAC-SHA256(NFC(password), salt, iterations, 32), vaultKey, aad "keystep/vault-key/v1")
//   payload    = AES-256-GCM(vaultKey, UTF-8 JSON of { accounts, clientSecrets? }, aad "keystep/vault/v1")

function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): { iv: string; ciphertext: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** A schema 1 encrypted record of `vault` under `password`, and its vault key. */
export function legacyEncryptedRecord(vault: object, password: string, { iterations = 1_000, revision = 5 } = {}): { record: Record<string, unknown>; vaultKey: Uint8Array } {
  const vaultKey = randomBytes(32);
  const salt = randomBytes(16);
  const wrappingKey = pbkdf2Sync(password.normalize('NFC'), salt, iterations, 32, 'sha256');
  const record = {
    schema: 1,
    format: 'encrypted',
    revision,
    kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations, salt: salt.toString('base64') },
    wrappedKey: seal(wrappingKey, vaultKey, 'keystep/vault-key/v1'),
    payload: seal(vaultKey, Buffer.from(JSON.stringify(vault), 'utf8'), 'keystep/vault/v1'),
  };
  return { record, vaultKey: new Uint8Array(vaultKey) };
}

/**
 * A schema 2 encrypted record of `vault` under `password` (builds before vault schema 3; the same fields as today),
 * sealed here as the README describes it: a key id of 16 random bytes, and the additional data
 * `["keystep/vault-key/v2", algorithm, iterations, salt, keyId]` and `["keystep/vault/v2", 2, revision, keyId]`.
 */
export function schema2EncryptedRecord(vault: object, password: string, { iterations = 1_000, revision = 5 } = {}): { record: Record<string, unknown>; vaultKey: Uint8Array } {
  const vaultKey = randomBytes(32);
  const salt = randomBytes(16).toString('base64');
  const keyId = randomBytes(16).toString('base64');
  const kdf = { algorithm: 'PBKDF2-HMAC-SHA256', iterations, salt };
  const wrappingKey = pbkdf2Sync(password.normalize('NFC'), Buffer.from(salt, 'base64'), iterations, 32, 'sha256');
  const record = {
    schema: 2,
    format: 'encrypted',
    revision,
    keyId,
    kdf,
    wrappedKey: seal(wrappingKey, vaultKey, JSON.stringify(['keystep/vault-key/v2', kdf.algorithm, iterations, salt, keyId])),
    payload: seal(vaultKey, Buffer.from(JSON.stringify(vault), 'utf8'), JSON.stringify(['keystep/vault/v2', 2, revision, keyId])),
  };
  return { record, vaultKey: new Uint8Array(vaultKey) };
}
