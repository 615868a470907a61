import type { ImportFileError } from '../core/formats/import-file-error.ts';
import type { ImportFormat } from '../core/formats/import-format.ts';
import { t, type MessageKey } from '../platform/i18n.ts';

/** The name of a kind of file in a sentence ("Aegis vault", "2FAS backup"); "file" when it is not known. */
export function describeImportFormat(format: ImportFormat | undefined): string {
  return format === undefined ? t('importFormatUnknown') : t(`importFormat_${format.replaceAll('-', '_')}` as MessageKey);
}

/**
 * Why a whole file (or a scanned Google Authenticator QR code) was not imported, in words, ending with "Nothing
 * was imported.": one message per ImportFileError code (`importFileError_<code>`), given the format, the field
 * and the detail as substitutions 1, 2 and 3 (test/core/formats/import-messages.test.ts holds the catalogue to it).
 */
export function describeImportFileError(error: ImportFileError): string {
  return t(`importFileError_${error.code.replaceAll('-', '_')}` as MessageKey, describeImportFormat(error.format), error.field ?? '', error.detail ?? '');
}
