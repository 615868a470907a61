import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account.ts';
import {
  formatMigrationBatches,
  MAX_MIGRATION_ACCOUNTS_PER_QR,
  MAX_MIGRATION_URI_LENGTH,
} from '../../../src/core/formats/format-migration-batches.ts';
import { addMigrationBatch, migrationScanPreview, missingMigrationBatches, type MigrationScan } from '../../../src/core/formats/migration-scan.ts';
import { parseMigrationUri, type MigrationBatch } from '../../../src/core/formats/parse-migration-uri.ts';
import { draft, numberedDraft } from '../../support/account-fixtures.ts';
import { fixedRandomBytes } from '../../support/fixed-random-bytes.ts';

/** Fresh each call: fixedRandomBytes continues where it stopped. */
const deps = (): { randomBytes: ReturnType<typeof fixedRandomBytes> } => ({ randomBytes: fixedRandomBytes(0x11) });
/** fixedRandomBytes(0x11) gives 11 12 13 14; the id is those 32 bits shifted right by one. */
const BATCH_ID = 0x11121314 >>> 1;

const draftsOf = (batch: MigrationBatch): AccountDraft[] => batch.accounts.map((account) => (account.ok ? account.draft : draft({ name: 'refused' })));

describe('formatMigrationBatches', () => {
  it('writes one QR code that reads back to the same drafts (TOTP and HOTP)', () => {
    const drafts = [draft(), numberedDraft(1, { type: 'hotp', counter: 41 }), numberedDraft(2, { issuer: '' }), numberedDraft(3, { name: '' })];
    const exported = formatMigrationBatches(drafts, deps());
    expect(exported.left).toEqual([]);
    expect(exported.batches).toEqual([[0, 1, 2, 3]]);
    expect(exported.uris).toHaveLength(1);
    const [uri] = exported.uris;
    expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
    const batch = parseMigrationUri(uri ?? '');
    expect(batch).toMatchObject({ batchId: BATCH_ID, batchSize: 1, batchIndex: 0 });
    expect(draftsOf(batch)).toEqual(drafts);
  });

  it.each<[string, Partial<AccountDraft>, string]>([
    ['a 60-second period', { period: 60 }, 'period'],
    ['a 15-second period', { period: 15 }, 'period'],
    ['7 digits', { digits: 7 }, 'digits'],
    ['8 digits', { digits: 8 }, 'digits'],
    ['SHA256', { algorithm: 'SHA256' }, 'algorithm'],
    ['SHA512', { algorithm: 'SHA512' }, 'algorithm'],
    ['HOTP with 8 digits', { type: 'hotp', counter: 3, digits: 8 }, 'digits'],
    ['a label of 2,000 characters', { name: 'n'.repeat(2000) }, 'too-large'],
  ])('leaves out an account with %s, with the reason', (_, overrides, reason) => {
    const drafts = [numberedDraft(0), numberedDraft(1, overrides), numberedDraft(2)];
    const exported = formatMigrationBatches(drafts, deps());
    expect(exported.left).toEqual([{ index: 1, reason }]);
    expect(exported.batches).toEqual([[0, 2]]);
    expect(draftsOf(parseMigrationUri(exported.uris[0] ?? ''))).toEqual([numberedDraft(0), numberedDraft(2)]);
  });

  it('exports HOTP accounts of any period (the period means nothing there) and their counter', () => {
    const hotp = numberedDraft(0, { type: 'hotp', counter: Number.MAX_SAFE_INTEGER });
    const exported = formatMigrationBatches([hotp], deps());
    expect(draftsOf(parseMigrationUri(exported.uris[0] ?? ''))).toEqual([hotp]);
  });

  it(`puts at most ${MAX_MIGRATION_ACCOUNTS_PER_QR} accounts in a QR code, all of one batch id, k of n`, () => {
    const drafts = Array.from({ length: 25 }, (_, n) => numberedDraft(n));
    const exported = formatMigrationBatches(drafts, deps());
    expect(exported.batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    const batches = exported.uris.map((uri) => parseMigrationUri(uri));
    expect(batches.map(({ batchId, batchSize, batchIndex }) => ({ batchId, batchSize, batchIndex }))).toEqual([0, 1, 2].map((batchIndex) => ({ batchId: BATCH_ID, batchSize: 3, batchIndex })));
    expect(batches.flatMap(draftsOf)).toEqual(drafts);
  });

  it(`keeps every URI within ${MAX_MIGRATION_URI_LENGTH} characters, splitting earlier when labels are long`, () => {
    const drafts = Array.from({ length: 30 }, (_, n) => numberedDraft(n, { name: `${'long-name-'.repeat(8)}${n}@example.com` }));
    const exported = formatMigrationBatches(drafts, deps());
    expect(Math.max(...exported.uris.map((uri) => uri.length))).toBeLessThanOrEqual(MAX_MIGRATION_URI_LENGTH);
    expect(exported.batches.length).toBeGreaterThan(3);
    expect(exported.batches.flat()).toEqual(drafts.map((_, n) => n));
    expect(exported.uris.flatMap((uri) => draftsOf(parseMigrationUri(uri)))).toEqual(drafts);
  });

  it('writes no QR code when nothing can be exported', () => {
    expect(formatMigrationBatches([], deps())).toEqual({ uris: [], batches: [], left: [] });
    expect(formatMigrationBatches([draft({ digits: 8 })], deps())).toEqual({ uris: [], batches: [], left: [{ index: 0, reason: 'digits' }] });
  });

  it('takes a fresh batch id from randomBytes for each export', () => {
    const random = fixedRandomBytes(200);
    formatMigrationBatches([draft()], { randomBytes: random });
    expect(random.lengths).toEqual([4]);
  });
});

describe('migration scan', () => {
  const drafts = Array.from({ length: 23 }, (_, n) => numberedDraft(n));
  const batches = formatMigrationBatches(drafts, deps()).uris.map((uri) => parseMigrationUri(uri));
  const [first, second, third] = batches as [MigrationBatch, MigrationBatch, MigrationBatch];

  it('collects the QR codes of one export in any order, once each, and says which are missing', () => {
    let scan: MigrationScan | undefined;
    const outcomes = [third, first, third, second].map((batch) => {
      const step = addMigrationBatch(scan, batch);
      scan = step.scan;
      return [step.outcome, step.scan.batches.size, missingMigrationBatches(step.scan)];
    });
    expect(outcomes).toEqual([
      ['added', 1, [0, 1]],
      ['added', 2, [1]],
      ['repeated', 2, [1]],
      ['added', 3, []],
    ]);
    const preview = migrationScanPreview(scan as MigrationScan);
    expect(preview.format).toBe('google-authenticator');
    expect(preview.entries.map((entry) => (entry.ok ? entry.account.draft : undefined))).toEqual(drafts);
    expect(preview.entries[12]?.where).toEqual({ kind: 'qr-account', qr: 2, account: 3 });
    expect(preview.migrationBatches.map((batch) => batch.batchIndex)).toEqual([0, 1, 2]);
  });

  it('keeps out a QR code of another export', () => {
    const other = parseMigrationUri(formatMigrationBatches(drafts, { randomBytes: fixedRandomBytes(0x99) }).uris[1] ?? '');
    const { scan } = addMigrationBatch(undefined, first);
    const step = addMigrationBatch(scan, other);
    expect(step.outcome).toBe('other-export');
    expect(step.scan).toBe(scan);
  });

  it('lists refused accounts of a scanned code with their place', () => {
    const refused = { ...first, accounts: [first.accounts[0], { ok: false, hint: 'X', error: new Error('x') }] } as unknown as MigrationBatch;
    const preview = migrationScanPreview(addMigrationBatch(undefined, refused).scan);
    expect(preview.entries[1]).toMatchObject({ ok: false, hint: 'X', where: { kind: 'qr-account', qr: 1, account: 2 } });
  });
});
