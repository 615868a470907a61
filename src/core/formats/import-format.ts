/**
 * The kinds of file (or pasted text) the import recognises. The UI names each through the message catalogue
 * (`importFormat_<kind with underscores>`), so this set is an API: add kinds, never rename or remove them.
 */
export const IMPORT_FORMATS = [
  /** Keystep's own encrypted backup (src/core/backup-file.ts). */
  'keystep-backup',
  /** Text with otpauth:// lines (otpauth-migration:// lines may be mixed in). */
  'otpauth-list',
  /** Only otpauth-migration:// lines: Google Authenticator's "Transfer accounts" export. */
  'google-authenticator',
  /** An Aegis vault export, plain or encrypted. */
  'aegis',
  /** A 2FAS backup (.2fas), plain or encrypted. */
  'two-fas',
  /** The JSON export of the "Authenticator" browser extension (Authenticator-Extension/Authenticator). */
  'authenticator',
  /** A Bitwarden JSON export. */
  'bitwarden',
] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];
