import { BackupError, type BackupErrorCode } from '../core/backup-error.ts';
import { t } from '../platform/i18n.ts';
import { describeError } from '../ui/describe-error.ts';

/** One localized message per code; a Record, so a new code is a type error here until it has one. */
const MESSAGES: Record<BackupErrorCode, (field: string | undefined) => string> = {
  'backup-not-json': () => t('importErrorNotJson'),
  'backup-not-keystep': () => t('importErrorNotKeystep'),
  'backup-version-newer': () => t('importErrorNewer'),
  'backup-malformed': (field) => (field === undefined ? t('importErrorDamaged') : t('importErrorMalformed', field)),
  'backup-wrong-password': () => t('importErrorWrongPassword'),
  'backup-payload-invalid': (field) => (field === undefined ? t('importErrorPayloadNoField') : t('importErrorPayload', field)),
};

/** The localized reason a backup file could not be read or decrypted (each ends with "Nothing was imported."). */
export function describeBackupError(error: unknown): string {
  if (error instanceof BackupError) return MESSAGES[error.code](error.field);
  return t('importDecryptFailed', describeError(error));
}
