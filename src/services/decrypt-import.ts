import type { ImportPreview } from '../core/formats/import-entry.ts';
import type { ImportCryptoDeps } from '../core/formats/import-crypto-deps.ts';
import type { LockedImport } from '../core/formats/locked-import.ts';
import { unlockImport } from '../core/formats/unlock-import.ts';

export type DecryptedImport =
  | { readonly kind: 'preview'; readonly preview: ImportPreview }
  /**
   * `error` is an ImportFileError (an Aegis vault or 2FAS backup: wrong password, damaged contents), a BackupError
   * (a Keystep backup: the same), or, rarely, a WebCrypto failure. None holds the password.
   */
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Opens an encrypted file with its password (core's unlockImport: one PBKDF2 run for a Keystep backup, one scrypt
 * run per password slot for an Aegis vault, a few ms for a 2FAS backup) into a preview. A Keystep backup's
 * accounts keep the pinned flag, status, Cognito link, sites and submit-after-fill flag they had. Nothing is written.
 */
export async function decryptImport(locked: LockedImport, password: string, deps: ImportCryptoDeps = {}): Promise<DecryptedImport> {
  try {
    return { kind: 'preview', preview: await unlockImport(locked, password, deps) };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
