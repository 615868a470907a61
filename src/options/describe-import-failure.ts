import { ImportFileError } from '../core/formats/import-file-error.ts';
import { describeImportFileError } from '../ui/describe-import-file-error.ts';
import { describeBackupError } from './describe-backup-error.ts';

/**
 * Why a file could not be read or opened, in words ending with "Nothing was imported.": an ImportFileError (any
 * format), a Keystep backup's BackupError, or an unexpected failure (a WebCrypto error) with its message.
 */
export function describeImportFailure(error: unknown): string {
  return error instanceof ImportFileError ? describeImportFileError(error) : describeBackupError(error);
}
