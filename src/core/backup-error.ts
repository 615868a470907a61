/**
 * Machine codes of the errors of reading an encrypted backup file (see backup-file.ts). The options page maps
 * them to localized messages, so this set is an API: add codes, never rename or remove them.
 */
export const BACKUP_ERROR_CODES = [
  /** The file is not JSON (not even after removing a UTF-8 BOM). */
  'backup-not-json',
  /** JSON, but not a Keystep backup: not an object, or `format` is not `keystep-backup` (field: `format`). */
  'backup-not-keystep',
  /** A backup of a later format version than this build reads (field: `version`): update Keystep. */
  'backup-version-newer',
  /** A Keystep backup with a missing or unusable envelope field (field: e.g. `kdf.iterations`, `cipher.iv`). */
  'backup-malformed',
  /** The password does not decrypt the file, or the encrypted part was altered (AES-GCM cannot tell which). */
  'backup-wrong-password',
  /** Decrypted, but the contents are not the documented payload (field: e.g. `accounts`, `accounts[2].pinned`). */
  'backup-payload-invalid',
] as const;

export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/**
 * An error of reading an encrypted backup file. `message` is English for developers and names the bad field;
 * it never echoes a value from the file, the password or decrypted data.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly code: BackupErrorCode;
  /** The JSON path of the bad field, e.g. `kdf.salt` or `accounts[0].cognito.region`; undefined when not about one field. */
  readonly field: string | undefined;

  constructor(code: BackupErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
