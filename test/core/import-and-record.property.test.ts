import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateVaultRecord, VaultRecordError } from '../../src/core/migrate-vault-record.ts';
import { formatOtpauthList } from '../../src/core/backup-file.ts';
import { parseUriList } from '../../src/core/parse-uri-list.ts';
import { addImported } from '../../src/core/vault-edits.ts';
import type { Vault } from '../../src/core/vault.ts';
import { ACCOUNTS, BANK, GITHUB } from '../support/backup-fixture-accounts.ts';

// Property tests of what reads untrusted input into the vault: an imported otpauth list (any text a user may
// pick as a file) and the stored vault record (whatever another build or a damaged profile left).

const VAULT: Vault = { accounts: [GITHUB, BANK], clientSecrets: { p1: 'remembered' } };
const VALID_LIST = formatOtpauthList(ACCOUNTS);

/** A valid list with characters deleted, inserted or replaced at random places. */
const mutatedList = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 })
  .map((edits) =>
    edits.reduce((text, [at, kind, chars]) => {
      const i = at % (text.length + 1);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (kind === 'insert') return text.slice(0, i) + chars + text.slice(i);
      return text.slice(0, i) + chars + text.slice(i + chars.length);
    }, VALID_LIST),
  );

/** Imports the list's valid lines into VAULT as the options page does, and checks that nothing already there changed. */
function importKeepsVault(text: string): void {
  const lines = parseUriList(text);
  const entries = lines.flatMap((line) => (line.ok ? [{ draft: line.draft }] : []));
  let ids = 0;
  const { vault, results } = addImported(VAULT, entries, { newId: () => `new-${++ids}`, now: 1 });
  // Every account that was there is still there, unchanged, in the same order; only new ones were added.
  expect(vault.accounts.filter((a) => !a.id.startsWith('new-'))).toEqual(VAULT.accounts);
  expect(vault.clientSecrets).toEqual(VAULT.clientSecrets);
  expect(vault.accounts.length - VAULT.accounts.length).toBe(results.filter((r) => r.outcome === 'added').length);
  if (ids === 0) expect(vault).toBe(VAULT);
}

describe('importing an otpauth list never changes or drops what the vault holds', () => {
  it('for arbitrary text (5,000 runs)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => importKeepsVault(text)), { seed: 4, numRuns: 5_000 });
  });

  it('for mutations of a valid list (3,000 runs), some of which still import', () => {
    let imported = 0;
    fc.assert(
      fc.property(mutatedList, (text) => {
        importKeepsVault(text);
        if (parseUriList(text).some((line) => line.ok)) imported += 1;
      }),
      { seed: 5, numRuns: 3_000 },
    );
    expect(imported).toBeGreaterThan(100);
  });
});

describe('reading a stored vault record', () => {
  /** migrateVaultRecord returns a record or throws VaultRecordError: never another exception, never a guess. */
  function readsOrRefuses(raw: unknown): 'read' | 'refused' {
    try {
      const record = migrateVaultRecord(raw);
      if (record !== undefined) expect(['plain', 'encrypted']).toContain(record.format);
      return 'read';
    } catch (error) {
      expect(error).toBeInstanceOf(VaultRecordError);
      return 'refused';
    }
  }

  it('for arbitrary JSON values (5,000 runs)', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => void readsOrRefuses(raw)), { seed: 6, numRuns: 5_000 });
  });

  it('for records with fields removed or replaced by arbitrary values (5,000 runs), both outcomes seen', () => {
    const base = { schema: 1, format: 'plain', revision: 3, accounts: [GITHUB], clientSecrets: { p1: 'x' } };
    const counts = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.option(fc.jsonValue(), { nil: undefined }), (field, value) => {
        const raw: Record<string, unknown> = Object.fromEntries(Object.entries(base).filter(([key]) => key !== field || value !== undefined));
        if (value !== undefined) raw[field] = value;
        counts[readsOrRefuses(raw)] += 1;
      }),
      { seed: 7, numRuns: 5_000 },
    );
    expect(counts.read).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });
});
