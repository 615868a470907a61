import type { ImportEntry } from '../core/formats/import-entry.ts';
import { ImportEntryError } from '../core/formats/import-entry-error.ts';
import { addMigrationBatch, migrationScanPreview, missingMigrationBatches, type MigrationScan } from '../core/formats/migration-scan.ts';
import type { ScannedCode } from '../core/formats/read-scanned-code.ts';

/** A QR code found by a scan: its text (it may hold a secret: keep it in memory only) and what it holds. */
export interface FoundCode {
  readonly text: string;
  readonly code: ScannedCode;
}

/**
 * The account codes taken so far from one or more scans (tab scans, images), waiting for the preview and Add.
 * Immutable: takeCodes returns a new one.
 */
export interface QrScanSession {
  /** otpauth:// codes (valid or refused) and damaged export codes, in the order taken; `text` drops a code scanned twice. */
  readonly single: readonly { readonly text: string; readonly entry: ImportEntry }[];
  /** The Google Authenticator export being scanned, QR code by QR code. */
  readonly migration: MigrationScan | undefined;
}

export const EMPTY_QR_SCAN_SESSION: QrScanSession = { single: [], migration: undefined };

/** Why a taken export code changed nothing: it was scanned already, or it belongs to another export. */
export type TakeNote = 'migration-repeated' | 'migration-other-export';

/**
 * Adds the chosen account codes of a scan to the session. The same otpauth:// text scanned again is kept once;
 * Google Authenticator codes go to the export being scanned (addMigrationBatch), and one of another export is
 * left out with a note (finish one export, then start again). Links and text are ignored.
 */
export function takeCodes(session: QrScanSession, codes: readonly FoundCode[]): { readonly session: QrScanSession; readonly notes: readonly TakeNote[] } {
  const single = [...session.single];
  let migration = session.migration;
  const notes: TakeNote[] = [];
  for (const { text, code } of codes) {
    if (code.kind === 'migration') {
      const added = addMigrationBatch(migration, code.batch);
      migration = added.scan;
      if (added.outcome === 'repeated') notes.push('migration-repeated');
      if (added.outcome === 'other-export') notes.push('migration-other-export');
      continue;
    }
    if (code.kind === 'web-link' || code.kind === 'text' || single.some((taken) => taken.text === text)) continue;
    const where = { kind: 'scanned-qr', scanned: single.length + 1 } as const;
    const entry: ImportEntry =
      code.kind === 'otpauth'
        ? { ok: true, where, account: { draft: code.draft } }
        : code.kind === 'otpauth-refused'
          ? { ok: false, where, hint: undefined, error: code.error }
          : { ok: false, where, hint: undefined, error: new ImportEntryError('migration-malformed', code.error.message, code.error.field ?? 'data') };
    single.push({ text, entry });
  }
  return { session: { single, migration }, notes };
}

/** Every entry of the session for the preview: the single codes in order, then the export's accounts in batch order. */
export function sessionEntries(session: QrScanSession): ImportEntry[] {
  return [...session.single.map(({ entry }) => entry), ...(session.migration ? migrationScanPreview(session.migration).entries : [])];
}

/** "k of n scanned" of the export being scanned, with the QR codes still missing (0-based); undefined when there is none. */
export function migrationProgress(session: QrScanSession): { readonly scanned: number; readonly total: number; readonly missing: readonly number[] } | undefined {
  const { migration } = session;
  if (migration === undefined) return undefined;
  return { scanned: migration.batches.size, total: migration.batchSize, missing: missingMigrationBatches(migration) };
}
