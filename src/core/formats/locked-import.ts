import type { BackupEnvelope } from '../backup-file.ts';
import type { LockedAegisVault } from './read-aegis-vault.ts';
import type { LockedTwoFasBackup } from './read-two-fas-backup.ts';

/** A Keystep backup waiting for its password: its checked envelope (createdAt tells when it was made). */
export interface LockedKeystepBackup {
  readonly format: 'keystep-backup';
  readonly envelope: BackupEnvelope;
}

/** An encrypted file, recognised and checked, that unlockImport opens with its password. Holds no secret in clear. */
export type LockedImport = LockedKeystepBackup | LockedAegisVault | LockedTwoFasBackup;
