import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateVaultRecord } from '../../src/core/migrate-vault-record.ts';
import { storedVaultRecord } from '../../src/core/stored-vault-record.ts';
import type { Account } from '../../src/core/vault.ts';
import { draftArbitrary } from '../support/draft-arbitrary.ts';

/** Stored accounts as the editors write them. */
const accountArbitrary: fc.Arbitrary<Account> = fc
  .record({ draft: draftArbitrary(), id: fc.uuid(), createdAt: fc.maxSafeNat(), pinned: fc.boolean(), status: fc.constantFrom('active' as const, 'pending' as const) })
  .map(({ draft, ...rest }) => ({ ...draft, ...rest }));

/** What a stored list may hold: accounts, and entries this build cannot read (any JSON value). */
const entries = fc.array(fc.oneof(accountArbitrary, fc.jsonValue()), { maxLength: 30 });
const clientSecrets = fc.option(fc.dictionary(fc.string({ minLength: 1 }), fc.string(), { noNullPrototype: true }), { nil: undefined });

describe('vault schema 2 -> 3, and what schema 3 stores', () => {
  it('a schema 2 plain record reads as the same entries, in order, whatever they are', () => {
    fc.assert(
      fc.property(entries, clientSecrets, fc.nat(), (accounts, secrets, revision) => {
        const stored = { schema: 2, format: 'plain', revision, accounts, ...(secrets === undefined ? {} : { clientSecrets: secrets }) };
        // What chrome.storage hands back is the JSON of what was stored.
        const read = migrateVaultRecord(JSON.parse(JSON.stringify(stored)));
        const copied: unknown = JSON.parse(JSON.stringify(accounts));
        expect(read).toStrictEqual({ schema: 3, format: 'plain', revision, accounts: copied, ...(secrets === undefined ? {} : { clientSecrets: secrets }) });
      }),
    );
  });

  it('a record stored at schema 3 reads back as it was', () => {
    fc.assert(
      fc.property(entries, clientSecrets, fc.nat(), (accounts, secrets, revision) => {
        const record = { schema: 3 as const, format: 'plain' as const, revision, accounts: JSON.parse(JSON.stringify(accounts)) as Account[], ...(secrets === undefined ? {} : { clientSecrets: secrets }) };
        expect(migrateVaultRecord(JSON.parse(JSON.stringify(storedVaultRecord(record))))).toStrictEqual(record);
      }),
    );
  });
});
