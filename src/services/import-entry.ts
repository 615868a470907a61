import type { BackupError } from '../core/backup-error.ts';
import type { OtpInputError } from '../core/otp-input-error.ts';
import type { ImportedAccount } from '../core/vault-edits.ts';

/** Where a refused entry is in the chosen file: a line of a URI list (1-based), or an account of a backup (0-based). */
export type ImportSource = { readonly kind: 'line'; readonly line: number } | { readonly kind: 'entry'; readonly index: number };

/** An entry of a file to import: an account to add, or why it cannot be (OtpInputError, or BackupError with its field). */
export type ImportEntry =
  | { readonly ok: true; readonly account: ImportedAccount }
  | { readonly ok: false; readonly source: ImportSource; readonly error: OtpInputError | BackupError };
