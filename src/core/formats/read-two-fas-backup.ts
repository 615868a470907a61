// A 2FAS backup file (.2fas): JSON { "schemaVersion": 1..4, "services": [...], "groups": [...], "appOrigin", ... }
// (BackupContent in https://github.com/twofas/2fas-android, data/services/.../domain/BackupContent.kt).
// Encrypted with a password, `services` is empty and "servicesEncrypted" is
// "Base64(ciphertext + 16-byte tag):Base64(salt):Base64(iv)", AES-256-GCM under
// PBKDF2-HMAC-SHA256(password, salt, 10,000 iterations, 256 bits) (core/cipher: BackupCipherImpl.kt,
// BackupKeyGeneratorPbkdf.kt, CipherAes.kt, DataEncrypted.kt); the plaintext is the services array's JSON.
import { base64ToBytes } from '../base64.ts';
import type { ImportPreview } from './import-entry.ts';
import { ImportFileError } from './import-file-error.ts';
import { AES_GCM_TAG_BYTES } from './open-aes-gcm.ts';
import { readTwoFasServices } from './read-two-fas-services.ts';

/** The newest schema version checked (CurrentSchema = 4 in BackupContent.kt; Aegis's importer stops there too). */
const TWO_FAS_SCHEMA_VERSION = 4;

/** AES-GCM nonce, bytes: Java's default for a GCM cipher it initializes, as 2FAS does. */
const IV_BYTES = 12;

/** An encrypted 2FAS backup, checked and decoded, waiting for its password (see unlockTwoFasBackup). */
export interface LockedTwoFasBackup {
  readonly format: 'two-fas';
  /** The ciphertext followed by the 16-byte tag. */
  readonly ciphertext: Uint8Array;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
}

/**
 * Reads a 2FAS backup (parsed JSON): a plain backup gives its preview; an encrypted one is checked and returned
 * locked, so a damaged file is reported before the password is asked for.
 * @throws ImportFileError (format `two-fas`): `format-version-unsupported` (field `schemaVersion`) above
 *   version 4; `format-malformed` (field `schemaVersion`, `services`, or `servicesEncrypted`).
 */
export function readTwoFasBackup(backup: Record<string, unknown>): ImportPreview | LockedTwoFasBackup {
  const { schemaVersion, services, servicesEncrypted } = backup;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw malformed('The schema version is not a positive integer', 'schemaVersion');
  }
  if (schemaVersion > TWO_FAS_SCHEMA_VERSION) {
    throw new ImportFileError('format-version-unsupported', `The backup is schema version ${schemaVersion}`, {
      format: 'two-fas',
      field: 'schemaVersion',
      detail: String(schemaVersion),
    });
  }
  if (typeof servicesEncrypted === 'string' && servicesEncrypted !== '') return readEncrypted(servicesEncrypted);
  if (!Array.isArray(services)) throw malformed('The backup has no services array', 'services');
  return readTwoFasServices(services, 'services');
}

function readEncrypted(text: string): LockedTwoFasBackup {
  const [data = '', salt = '', iv = ''] = text.split(':');
  const decoded = (part: string): Uint8Array => {
    try {
      return base64ToBytes(part, 'servicesEncrypted');
    } catch {
      throw malformed('servicesEncrypted is not three Base64 parts', 'servicesEncrypted');
    }
  };
  const ciphertext = decoded(data);
  const saltBytes = decoded(salt);
  const ivBytes = decoded(iv);
  if (ciphertext.length < AES_GCM_TAG_BYTES || saltBytes.length === 0 || ivBytes.length !== IV_BYTES) {
    throw malformed('servicesEncrypted has a part of the wrong length', 'servicesEncrypted');
  }
  return { format: 'two-fas', ciphertext, salt: saltBytes, iv: ivBytes };
}

function malformed(message: string, field: string): ImportFileError {
  return new ImportFileError('format-malformed', message, { format: 'two-fas', field });
}
