import { ImportEntryError } from '../core/formats/import-entry-error.ts';
import type { OtpInputError } from '../core/otp-input-error.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import { describeOtpInputError } from './describe-otp-input-error.ts';

/**
 * Why one entry of an import cannot be added, as the end of "Not imported: …": an entry of the wrong shape or
 * damaged Google Authenticator data names its field (`importEntryError_<code>`); an account Keystep refuses gets
 * the reason the paste box would give.
 */
export function describeImportEntryError(error: OtpInputError | ImportEntryError): string {
  if (error instanceof ImportEntryError) return t(`importEntryError_${error.code.replaceAll('-', '_')}` as MessageKey, error.field);
  return describeOtpInputError(error);
}
