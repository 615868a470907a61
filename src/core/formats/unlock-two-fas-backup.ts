import type { ImportPreview } from './import-entry.ts';
import type { ImportCryptoDeps } from './import-crypto-deps.ts';
import { ImportFileError } from './import-file-error.ts';
import { openAesGcm } from './open-aes-gcm.ts';
import type { LockedTwoFasBackup } from './read-two-fas-backup.ts';
import { readTwoFasServices } from './read-two-fas-services.ts';

/** 2FAS's PBKDF2 iteration count (ITERATIONS in BackupKeyGeneratorPbkdf.kt); not stored in the file. */
const TWO_FAS_PBKDF2_ITERATIONS = 10_000;

/**
 * Decrypts a 2FAS backup (from readTwoFasBackup) and reads its services: key = PBKDF2-HMAC-SHA256(UTF-8 of the
 * password as typed, salt, 10,000, 32 bytes), then AES-256-GCM. Fast (10,000 iterations: a few milliseconds).
 * @param deps `subtle` default WebCrypto (PBKDF2 and AES-GCM).
 * @throws ImportFileError (format `two-fas`): `wrong-password` when the tag does not verify; `format-malformed`
 *   (field `servicesEncrypted`) when it decrypts to something that is not a JSON array.
 */
export async function unlockTwoFasBackup(locked: LockedTwoFasBackup, password: string, deps: Pick<ImportCryptoDeps, 'subtle'> = {}): Promise<ImportPreview> {
  const subtle = deps.subtle ?? globalThis.crypto.subtle;
  const baseKey = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const key = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(locked.salt), iterations: TWO_FAS_PBKDF2_ITERATIONS },
    baseKey,
    256,
  );
  const plaintext = await openAesGcm(new Uint8Array(key), locked.iv, locked.ciphertext, subtle);
  if (plaintext === undefined) {
    throw new ImportFileError('wrong-password', 'The password does not decrypt the backup, or it was altered', { format: 'two-fas' });
  }
  let services: unknown;
  try {
    services = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the input in it, and the input holds the secrets.
    services = undefined;
  }
  if (!Array.isArray(services)) {
    throw new ImportFileError('format-malformed', 'The backup decrypted, but not to a JSON array of services', { format: 'two-fas', field: 'servicesEncrypted' });
  }
  return readTwoFasServices(services, 'servicesEncrypted');
}
