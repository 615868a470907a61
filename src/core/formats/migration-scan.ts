import type { ImportEntry, ImportPreview, MigrationBatchInfo } from './import-entry.ts';
import type { MigrationBatch } from './parse-migration-uri.ts';

/**
 * The QR codes of one Google Authenticator export scanned so far. Immutable: addMigrationBatch returns a new one.
 * "k of n scanned" is `batches.size` of `batchSize`.
 */
export interface MigrationScan {
  /** The export's batch id: every QR code of one export carries the same. */
  readonly batchId: number;
  /** How many QR codes the export has. */
  readonly batchSize: number;
  /** The codes scanned, by batch index (0-based). */
  readonly batches: ReadonlyMap<number, MigrationBatch>;
}

/**
 * What adding a QR code did: `added`; `repeated` (that code was already scanned; the scan is unchanged); or
 * `other-export` (its batch id or size differ: it belongs to another export; the scan is unchanged).
 */
export type MigrationScanOutcome = 'added' | 'repeated' | 'other-export';

/**
 * Adds a scanned QR code (from parseMigrationUri) to the scan of its export; `scan` undefined starts a new one.
 * Each code is kept once, whatever order they come in.
 */
export function addMigrationBatch(
  scan: MigrationScan | undefined,
  batch: MigrationBatch,
): { readonly outcome: MigrationScanOutcome; readonly scan: MigrationScan } {
  if (scan === undefined) {
    return { outcome: 'added', scan: { batchId: batch.batchId, batchSize: batch.batchSize, batches: new Map([[batch.batchIndex, batch]]) } };
  }
  if (scan.batchId !== batch.batchId || scan.batchSize !== batch.batchSize) return { outcome: 'other-export', scan };
  if (scan.batches.has(batch.batchIndex)) return { outcome: 'repeated', scan };
  return { outcome: 'added', scan: { ...scan, batches: new Map([...scan.batches, [batch.batchIndex, batch]]) } };
}

/** The batch indices (0-based, ascending) not yet scanned; empty when the export is complete. */
export function missingMigrationBatches(scan: MigrationScan): number[] {
  return Array.from({ length: scan.batchSize }, (_, index) => index).filter((index) => !scan.batches.has(index));
}

/** The accounts of the scanned codes, in batch order, for the import preview (complete or not). */
export function migrationScanPreview(scan: MigrationScan): ImportPreview {
  const ordered = [...scan.batches.values()].sort((a, b) => a.batchIndex - b.batchIndex);
  const entries = ordered.flatMap((batch) =>
    batch.accounts.map((account, index): ImportEntry => {
      const where = { kind: 'qr-account', qr: batch.batchIndex + 1, account: index + 1 } as const;
      return account.ok ? { ok: true, where, account: { draft: account.draft } } : { ok: false, where, hint: account.hint, error: account.error };
    }),
  );
  const migrationBatches = ordered.map(({ batchId, batchSize, batchIndex }) => ({ batchId, batchSize, batchIndex }));
  return { format: 'google-authenticator', entries, skipped: 0, migrationBatches };
}

/**
 * For pasted or file input (ImportPreview.migrationBatches): each Google Authenticator export some of whose QR
 * codes are missing, with the missing batch indices (0-based, ascending), in order of first appearance. Empty
 * when every export given is complete.
 */
export function incompleteMigrationExports(
  batches: readonly MigrationBatchInfo[],
): { readonly batchId: number; readonly batchSize: number; readonly missing: number[] }[] {
  const exports = new Map<string, { batchId: number; batchSize: number; seen: Set<number> }>();
  for (const { batchId, batchSize, batchIndex } of batches) {
    const key = `${batchId}/${batchSize}`;
    const known = exports.get(key) ?? { batchId, batchSize, seen: new Set<number>() };
    known.seen.add(batchIndex);
    exports.set(key, known);
  }
  return [...exports.values()]
    .map(({ batchId, batchSize, seen }) => ({
      batchId,
      batchSize,
      missing: Array.from({ length: batchSize }, (_, index) => index).filter((index) => !seen.has(index)),
    }))
    .filter(({ missing }) => missing.length > 0);
}
