import { describe, expect, it } from 'vitest';
import { migrateVaultRecord } from '../../src/core/migrate-vault-record.ts';
import { storedVaultRecord } from '../../src/core/stored-vault-record.ts';
import type { EncryptedVaultRecord, VaultRecord } from '../../src/core/vault.ts';
import { account } from '../support/account-fixtures.ts';

const ENCRYPTED: EncryptedVaultRecord = {
  schema: 3,
  format: 'encrypted',
  revision: 3,
  keyId: 'S0tLS0tLS0tLS0tLS0tLSw==',
  kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 600_000, salt: 'AAECAwQFBgcICQoLDA0ODw==' },
  wrappedKey: { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'A'.repeat(64) },
  payload: { iv: 'AQEBAQEBAQEBAQEB', ciphertext: 'B'.repeat(64) },
};

/** An entry this build cannot read: stored as it is. */
const FOREIGN = { id: 'x9', kind: 'passkey' } as unknown as ReturnType<typeof account>;

describe('storedVaultRecord', () => {
  it.each<[title: string, record: VaultRecord, stored: unknown]>([
    ['plain: the list as its JSON text', { schema: 3, format: 'plain', revision: 2, accounts: [account('a1')] }, { schema: 3, format: 'plain', revision: 2, accountsJson: JSON.stringify([account('a1')]) }],
    ['plain, empty', { schema: 3, format: 'plain', revision: 1, accounts: [] }, { schema: 3, format: 'plain', revision: 1, accountsJson: '[]' }],
    [
      'plain with client secrets and an entry this build cannot read',
      { schema: 3, format: 'plain', revision: 5, accounts: [account('a1'), FOREIGN], clientSecrets: { p1: 'secret' } },
      { schema: 3, format: 'plain', revision: 5, clientSecrets: { p1: 'secret' }, accountsJson: JSON.stringify([account('a1'), FOREIGN]) },
    ],
    ['encrypted: as it is', ENCRYPTED, ENCRYPTED],
  ])('%s', (_, record, stored) => {
    expect(storedVaultRecord(record)).toStrictEqual(stored);
  });

  it.each<[title: string, record: VaultRecord]>([
    ['plain', { schema: 3, format: 'plain', revision: 9, accounts: [account('a1'), account('a2', { pinned: true, sites: ['https://example.com'] })] }],
    ['plain with client secrets', { schema: 3, format: 'plain', revision: 1, accounts: [], clientSecrets: { p1: 'x', p2: 'y' } }],
    ['encrypted', ENCRYPTED],
  ])('migrateVaultRecord reads back what it stores: %s', (_, record) => {
    // Through structuredClone: what storage hands back is a copy.
    expect(migrateVaultRecord(structuredClone(storedVaultRecord(record)))).toStrictEqual(record);
  });
});
