import type { ImportFormat } from './import-format.ts';

/**
 * Machine codes of the errors that stop a whole file (or a scanned Google Authenticator QR code) from being
 * read. The UI maps each to a localized message (`importFileError_<code with underscores>`), so this set is
 * an API: add codes, never rename or remove them. Errors of a Keystep backup's envelope stay BackupErrors.
 */
export const IMPORT_FILE_ERROR_CODES = [
  /** Larger than MAX_IMPORT_BYTES (5 MiB); nothing was read (detail: the size in bytes). */
  'file-too-large',
  /** The bytes are not UTF-8 text. */
  'file-not-text',
  /** Neither a format Keystep reads nor text with an otpauth:// line. */
  'file-unrecognised',
  /** Starts like JSON (`{` or `[`) but does not parse: cut short, or damaged. */
  'json-invalid',
  /** A known format with a missing or unusable part (format; field: e.g. `header.params.nonce`, `data`). */
  'format-malformed',
  /** A newer version of a known format than Keystep has been checked against (format; field; detail: the version). */
  'format-version-unsupported',
  /** An encrypted export Keystep cannot decrypt (format: `authenticator` or `bitwarden`): export it unencrypted. */
  'format-encrypted-unsupported',
  /** The key derivation parameters are outside what Keystep will compute (format; field): damaged or hostile. */
  'kdf-unsupported',
  /** The password does not decrypt the file, or the encrypted part was altered (AES-GCM cannot tell which). */
  'wrong-password',
] as const;

export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number];

export interface ImportFileErrorParams {
  /** The format the file was recognised as, when it was. */
  readonly format?: ImportFormat | undefined;
  /** The path of the bad part, e.g. `db`, `header.slots[0].n`, `otp_parameters[2]`. */
  readonly field?: string | undefined;
  /** A short value worth showing (a version number, a size); never secret material. */
  readonly detail?: string | undefined;
}

/**
 * An error that stops a whole import. `message` is English for developers and names the bad part; it never
 * holds a secret, a password or decrypted data.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly code: ImportFileErrorCode;
  readonly format: ImportFormat | undefined;
  readonly field: string | undefined;
  readonly detail: string | undefined;

  constructor(code: ImportFileErrorCode, message: string, params: ImportFileErrorParams = {}) {
    super(message);
    this.code = code;
    this.format = params.format;
    this.field = params.field;
    this.detail = params.detail;
  }
}
