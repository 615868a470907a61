import type { ImportEntry } from '../core/formats/import-entry.ts';
import { ImportEntryError } from '../core/formats/import-entry-error.ts';
import { addMigrationBatch, migrationScanPreview, missingMigrationBatches, type MigrationScan } from '../core/formats/migration-scan.ts';
import type { ScannedCode } from '../core/formats/read-scanned-code.ts';
import type { ScanSiteOffer } from '../core/scan-site-offer.ts';

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
  /**
   * otpauth:// codes (valid or refused) and damaged export codes, in the order taken; `text` drops a code scanned
   * twice. `page`: what the tab it was scanned on offers as its site (none for an image).
   */
  readonly single: readonly { readonly text: string; readonly entry: ImportEntry; readonly page?: ScanSiteOffer }[];
  /** The Google Authenticator export being scanned, QR code by QR code. */
  readonly migration: MigrationScan | undefined;
}

export const EMPTY_QR_SCAN_SESSION: QrScanSession = { single: [], migration: undefined };

/** Why a taken export code changed nothing: it was scanned already, or it belongs to another export. */
export type TakeNote = 'migration-repeated' | 'migration-other-export';

/**
 * Adds the chosen account codes of a scan to the session. The same otpauth:// text scanned again is kept once (with
 * the page it was first scanned on); Google Authenticator codes go to the export being scanned
 * (addMigrationBatch), and one of another export is left out with a note (finish one export, then start again).
 * Links and text are ignored.
 * @param page what the scanned tab offers as a site (ScanOutcome.page); given to each otpauth:// code taken.
 */
export function takeCodes(session: QrScanSession, codes: readonly FoundCode[], page?: ScanSiteOffer): { readonly session: QrScanSession; readonly notes: readonly TakeNote[] } {
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
    single.push({ text, entry, ...(page === undefined ? {} : { page }) });
  }
  return { session: { single, migration }, notes };
}

/**
 * Every entry of the session for the preview and Add: the single codes in order, then the export's accounts in
 * batch order. Each account of a single code scanned on a site in `bind` (canonical origins, see
 * scanSiteOffer) gets that site (ImportedAccount.sites), so commitImport stores it with the account in the same
 * write. Accounts of a Google Authenticator export are never bound: an export holds the accounts of many services,
 * and the page showing it is none of their sign-in pages.
 */
export function sessionEntries(session: QrScanSession, bind: ReadonlySet<string> = new Set()): ImportEntry[] {
  const single = session.single.map(({ entry, page }): ImportEntry => {
    if (!entry.ok || page?.kind !== 'site' || !bind.has(page.site)) return entry;
    return { ...entry, account: { ...entry.account, sites: [page.site] } };
  });
  return [...single, ...(session.migration ? migrationScanPreview(session.migration).entries : [])];
}

/**
 * The pages the session's account codes (valid otpauth:// codes, not export ones) were scanned on, each once, in
 * the order first taken: what the preview offers to bind, or says it cannot.
 */
export function scannedPages(session: QrScanSession): readonly ScanSiteOffer[] {
  const pages = new Map<string, ScanSiteOffer>();
  for (const { entry, page } of session.single) {
    if (!entry.ok || page === undefined) continue;
    const key = page.kind === 'site' ? page.site : page.origin;
    if (!pages.has(key)) pages.set(key, page);
  }
  return [...pages.values()];
}

/** "k of n scanned" of the export being scanned, with the QR codes still missing (0-based); undefined when there is none. */
export function migrationProgress(session: QrScanSession): { readonly scanned: number; readonly total: number; readonly missing: readonly number[] } | undefined {
  const { migration } = session;
  if (migration === undefined) return undefined;
  return { scanned: migration.batches.size, total: migration.batchSize, missing: missingMigrationBatches(migration) };
}
