import { OtpInputError } from '../otp-input-error.ts';
import { parseOtpauthUri } from '../otpauth-uri.ts';
import type { ImportEntry, ImportPreview, MigrationBatchInfo } from './import-entry.ts';
import { ImportEntryError } from './import-entry-error.ts';
import { ImportFileError } from './import-file-error.ts';
import { isMigrationUri, parseMigrationUri } from './parse-migration-uri.ts';

/**
 * Reads text with one account link per line, as pasted into "Add accounts" or saved as a .txt export:
 * otpauth:// URIs (parseOtpauthUri) and Google Authenticator otpauth-migration:// URIs (parseMigrationUri; each
 * gives its accounts in order, and its place in its export in `migrationBatches`). Lines may end with LF, CRLF
 * or CR; blank lines are skipped but counted, so line numbers match what the user sees. A line that is neither
 * is an entry refused with parseOtpauthUri's reason; a damaged migration line is one refused entry
 * (ImportEntryError `migration-malformed`). Duplicates are not detected here (see accountIdentity).
 *
 * The format is `google-authenticator` when every line that starts like an account link is a migration URI
 * (and there is one), `otpauth-list` otherwise. Never throws for any text.
 */
export function readAccountLines(text: string): ImportPreview {
  const entries: ImportEntry[] = [];
  const migrationBatches: MigrationBatchInfo[] = [];
  let otpauthLines = 0;
  let migrationLines = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (isMigrationUri(trimmed)) {
      migrationLines += 1;
      try {
        const batch = parseMigrationUri(trimmed);
        migrationBatches.push({ batchId: batch.batchId, batchSize: batch.batchSize, batchIndex: batch.batchIndex });
        batch.accounts.forEach((account, at) => {
          const where = { kind: 'line-account', line, account: at + 1 } as const;
          entries.push(account.ok ? { ok: true, where, account: { draft: account.draft } } : { ok: false, where, hint: account.hint, error: account.error });
        });
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        const field = error.field ?? 'data';
        entries.push({ ok: false, where: { kind: 'line', line }, hint: undefined, error: new ImportEntryError('migration-malformed', error.message, field) });
      }
      return;
    }
    if (/^otpauth:/i.test(trimmed)) otpauthLines += 1;
    try {
      entries.push({ ok: true, where: { kind: 'line', line }, account: { draft: parseOtpauthUri(trimmed) } });
    } catch (error) {
      if (!(error instanceof OtpInputError)) throw error;
      // No hint: the line may be anything, a secret included; the UI names it by its number.
      entries.push({ ok: false, where: { kind: 'line', line }, hint: undefined, error });
    }
  });
  const format = migrationLines > 0 && otpauthLines === 0 ? 'google-authenticator' : 'otpauth-list';
  return { format, entries, skipped: 0, migrationBatches };
}
