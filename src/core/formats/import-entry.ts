import type { OtpInputError } from '../otp-input-error.ts';
import type { ImportedAccount } from '../vault-edits.ts';
import type { ImportEntryError } from './import-entry-error.ts';
import type { ImportFormat } from './import-format.ts';

/** Where an entry sits in what the user gave, so a preview row can name an entry that has no usable label. */
export type EntryWhere =
  /** Line `line` (1-based, blank lines counted) of a text file or paste. */
  | { readonly kind: 'line'; readonly line: number }
  /** Account `account` (1-based) of the otpauth-migration:// URI on line `line`. */
  | { readonly kind: 'line-account'; readonly line: number; readonly account: number }
  /** Account `account` (1-based) of the scanned Google Authenticator QR code `qr` (1-based, its batch index + 1). */
  | { readonly kind: 'qr-account'; readonly qr: number; readonly account: number }
  /** The `scanned`-th QR code (1-based) found by a scan of a tab or an image: one otpauth:// code. */
  | { readonly kind: 'scanned-qr'; readonly scanned: number }
  /** Entry `entry` (1-based) of a JSON export, in file order. */
  | { readonly kind: 'entry'; readonly entry: number };

/**
 * One entry of an import, in the order of the file: an account to add, or why it cannot be added. An ok entry
 * holds the secret (in `account.draft`): keep it in memory, never log it.
 */
export type ImportEntry =
  | { readonly ok: true; readonly where: EntryWhere; readonly account: ImportedAccount }
  | {
      readonly ok: false;
      readonly where: EntryWhere;
      /** "Issuer (name)" as far as the file says, clipped; undefined when absent or when it looks like a secret. */
      readonly hint: string | undefined;
      readonly error: OtpInputError | ImportEntryError;
    };

/** One Google Authenticator QR code (batch) found in the input. */
export interface MigrationBatchInfo {
  /** The export's random id, shared by all its QR codes. */
  readonly batchId: number;
  /** How many QR codes the export has (1 or more). */
  readonly batchSize: number;
  /** This QR code's place in the export, 0-based. */
  readonly batchIndex: number;
}

/** What a file holds, ready for the preview. Nothing in it has been added to the vault. */
export interface ImportPreview {
  readonly format: ImportFormat;
  readonly entries: readonly ImportEntry[];
  /** Records that are not OTP accounts and were left out on purpose (Bitwarden items without a TOTP key). */
  readonly skipped: number;
  /** For otpauth-migration:// input, the QR codes present, in input order; empty otherwise. */
  readonly migrationBatches: readonly MigrationBatchInfo[];
}
