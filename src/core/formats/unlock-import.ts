import { BackupError } from '../backup-error.ts';
import { decryptBackup } from '../backup-file.ts';
import type { ImportEntry, ImportPreview } from './import-entry.ts';
import type { ImportCryptoDeps } from './import-crypto-deps.ts';
import { ImportEntryError } from './import-entry-error.ts';
import type { LockedImport } from './locked-import.ts';
import { unlockAegisVault } from './unlock-aegis-vault.ts';
import { unlockTwoFasBackup } from './unlock-two-fas-backup.ts';

/**
 * Opens an encrypted file that readImportFile returned as `password`, and reads it into a preview. A Keystep
 * backup's entries keep their pinned flag, status, Cognito link, sites and submit-after-fill flag; a bad one is refused with its
 * OtpInputError, or ImportEntryError `entry-malformed` with the backup's field.
 *
 * Cost: a Keystep backup one PBKDF2 run (3,000,000 iterations: ~0.4 s), an Aegis vault one scrypt run per
 * password slot (~0.1-0.3 s), a 2FAS backup a few milliseconds.
 * @param password used as typed (a Keystep backup's KDF NFC-normalizes it; Aegis and 2FAS do not).
 * @param deps `subtle` and `scrypt`, each defaulting at the edge (see ImportCryptoDeps).
 * @throws ImportFileError `wrong-password` (Aegis, 2FAS) or BackupError `backup-wrong-password` (Keystep),
 *   and each format's errors for what decrypts to something unreadable.
 */
export async function unlockImport(locked: LockedImport, password: string, deps: ImportCryptoDeps = {}): Promise<ImportPreview> {
  switch (locked.format) {
    case 'aegis':
      return unlockAegisVault(locked, password, deps);
    case 'two-fas':
      return unlockTwoFasBackup(locked, password, deps);
    case 'keystep-backup': {
      const entries = await decryptBackup(locked.envelope, password, { subtle: deps.subtle });
      return {
        format: 'keystep-backup',
        entries: entries.map((entry): ImportEntry => {
          const where = { kind: 'entry', entry: entry.index + 1 } as const;
          if (entry.ok) {
            const { draft, pinned, status, cognito, sites, submitAfterFill } = entry;
            const account = { draft, pinned, status, ...(cognito ? { cognito } : {}), ...(sites ? { sites } : {}), ...(submitAfterFill ? { submitAfterFill } : {}) };
            return { ok: true, where, account };
          }
          const error =
            entry.error instanceof BackupError
              ? new ImportEntryError('entry-malformed', entry.error.message, entry.error.field ?? `accounts[${entry.index}]`)
              : entry.error;
          return { ok: false, where, hint: undefined, error };
        }),
        skipped: 0,
        migrationBatches: [],
      };
    }
  }
}
