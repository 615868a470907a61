import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ImportEntry, MigrationBatchInfo } from '../core/formats/import-entry.ts';
import type { ImportFormat } from '../core/formats/import-format.ts';
import { incompleteMigrationExports } from '../core/formats/migration-scan.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { previewImport, type ImportVerdict } from '../services/preview-import.ts';
import { describeRefusedEntry } from './describe-entry-where.ts';
import { describeImportFormat } from './describe-import-file-error.ts';
import { describeImportEntryError } from './describe-import-entry-error.ts';

export interface ImportPreviewProps {
  /** The entries to add or refuse, in the order of the file or of the scan. */
  readonly entries: readonly ImportEntry[];
  /** The vault's accounts as shown now: the verdicts follow them. */
  readonly accounts: readonly Account[];
  /** The kind of file, named above the list; omitted for scans. */
  readonly format?: ImportFormat | undefined;
  /** Records left out on purpose (Bitwarden items without a TOTP key). */
  readonly skipped?: number | undefined;
  /** For pasted or file input: the Google Authenticator QR codes present, to name the missing ones. */
  readonly migrationBatches?: readonly MigrationBatchInfo[] | undefined;
  readonly busy: boolean;
  readonly onAdd: () => void;
  readonly onCancel: () => void;
  /** The heading's level where the preview sits (4 in the options page's forms, 2 in the popup). */
  readonly level?: 2 | 3 | 4;
  /** Choices about the accounts to add (a tab scan's "Bind to <site>"), shown just above Add. */
  readonly children?: ComponentChildren;
}

/** Class of a preview row: the colours of the paste box's line reports (the verdict is also in the text). */
const VERDICT_CLASS: Record<ImportVerdict, string> = { new: 'added', existing: 'duplicate', repeated: 'duplicate', refused: 'error' };
const VERDICT_TEXT = { new: 'importVerdictNew', existing: 'importVerdictExisting', repeated: 'importVerdictRepeated' } as const;

/**
 * What adding would do to each entry (new, already in Keystep, repeated, or not importable with the reason),
 * against the vault as it is now, and the button that adds the new ones. Shared by the file import, the image
 * import and the popup's tab scan.
 */
export function ImportPreview({ entries, accounts, format, skipped = 0, migrationBatches = [], busy, onAdd, onCancel, level = 4, children }: ImportPreviewProps) {
  const id = useId();
  const { rows, counts } = previewImport(entries, accounts);
  const toAdd = counts.new;
  const summary =
    counts.repeated > 0
      ? t('importSummaryRepeated', toAdd, counts.existing, counts.repeated, counts.refused)
      : t('importSummary', toAdd, counts.existing, counts.refused);
  const Heading = `h${level}` as const;

  return (
    <div class="stack import-preview">
      <Heading id={`${id}-preview`}>{t('importPreviewHeading')}</Heading>
      {format !== undefined && <p class="help">{t('importReadAs', describeImportFormat(format))}</p>}
      {incompleteMigrationExports(migrationBatches).map(({ batchId, batchSize, missing }) => (
        <p key={`${batchId}/${batchSize}`} class="warning">
          {t('importMigrationMissing', missing.map((index) => index + 1).join(', '), batchSize)}
        </p>
      ))}
      {skipped > 0 && <p class="help">{t('importSkippedItems', skipped)}</p>}
      <p id={`${id}-summary`} class="summary">
        {summary}
      </p>
      <ul class="line-reports" aria-labelledby={`${id}-preview`} aria-describedby={`${id}-summary`}>
        {rows.map((row, index) => (
          <li key={index} class={VERDICT_CLASS[row.verdict]}>
            {row.verdict === 'refused'
              ? t('importPreviewItem', describeRefusedEntry(row.entry.where, row.entry.hint), t('importVerdictError', describeImportEntryError(row.entry.error)))
              : t('importPreviewItem', row.label || t('noLabel'), t(VERDICT_TEXT[row.verdict]))}
          </li>
        ))}
      </ul>
      {children}
      <div class="row-actions">
        <button type="button" class="primary" disabled={toAdd === 0 || busy} onClick={onAdd}>
          {toAdd === 1 ? t('importAddOne') : t('importAddMany', toAdd)}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
