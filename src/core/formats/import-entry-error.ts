/**
 * Machine codes of the problems of one entry of an import that are not OtpInputErrors (those keep their own
 * codes). The UI maps each to a localized message (`importEntryError_<code with underscores>`), so this set is
 * an API: add codes, never rename or remove them.
 */
export const IMPORT_ENTRY_ERROR_CODES = [
  /** The entry is not the shape its format documents (field: its path, e.g. `services[3].otp.digits`). */
  'entry-malformed',
  /** An otpauth-migration:// line whose data is damaged (field: e.g. `data`, `otp_parameters[1]`). */
  'migration-malformed',
] as const;

export type ImportEntryErrorCode = (typeof IMPORT_ENTRY_ERROR_CODES)[number];

/** Why one entry of a file cannot be imported. `message` names the field, never a value from the file. */
export class ImportEntryError extends Error {
  override readonly name = 'ImportEntryError';
  readonly code: ImportEntryErrorCode;
  /** The path of the bad field inside the file. */
  readonly field: string;

  constructor(code: ImportEntryErrorCode, message: string, field: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
