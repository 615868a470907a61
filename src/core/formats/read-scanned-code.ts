import type { AccountDraft } from '../account.ts';
import { OtpInputError } from '../otp-input-error.ts';
import { parseOtpauthUri } from '../otpauth-uri.ts';
import { ImportFileError } from './import-file-error.ts';
import { isMigrationUri, parseMigrationUri, type MigrationBatch } from './parse-migration-uri.ts';

/** What one QR code found by a scan of a tab or an image holds. */
export type ScannedCode =
  /** An otpauth:// account link, valid. */
  | { readonly kind: 'otpauth'; readonly draft: AccountDraft }
  /** An otpauth:// link Keystep refuses (its reason); it holds no usable account. */
  | { readonly kind: 'otpauth-refused'; readonly error: OtpInputError }
  /** One QR code of a Google Authenticator export (otpauth-migration://). */
  | { readonly kind: 'migration'; readonly batch: MigrationBatch }
  /** An otpauth-migration:// code whose data is damaged. */
  | { readonly kind: 'migration-damaged'; readonly error: ImportFileError }
  /** Not an account: a web address, named by its origin only (the rest may carry a token). */
  | { readonly kind: 'web-link'; readonly origin: string }
  /** Not an account: anything else (text, a Wi-Fi network, a contact). Its content is not repeated. */
  | { readonly kind: 'text' };

/** Whether a scanned code is meant to be an account (valid or not), as opposed to a link or text. */
export function isAccountCode(code: ScannedCode): boolean {
  return code.kind !== 'web-link' && code.kind !== 'text';
}

/**
 * Reads the text of one QR code found by a scan: an otpauth:// account (parseOtpauthUri), a Google Authenticator
 * export code (parseMigrationUri), or what else it is, so the page can say why it is not an account. Surrounding
 * whitespace is ignored; the scheme is matched case-insensitively. Never throws.
 */
export function readScannedCode(text: string): ScannedCode {
  const trimmed = text.trim();
  if (isMigrationUri(trimmed)) {
    try {
      return { kind: 'migration', batch: parseMigrationUri(trimmed) };
    } catch (error) {
      if (error instanceof ImportFileError) return { kind: 'migration-damaged', error };
      throw error;
    }
  }
  if (/^otpauth:/i.test(trimmed)) {
    try {
      return { kind: 'otpauth', draft: parseOtpauthUri(trimmed) };
    } catch (error) {
      if (error instanceof OtpInputError) return { kind: 'otpauth-refused', error };
      throw error;
    }
  }
  if (/^https?:\/\//i.test(trimmed) && URL.canParse(trimmed)) return { kind: 'web-link', origin: new URL(trimmed).origin };
  return { kind: 'text' };
}
