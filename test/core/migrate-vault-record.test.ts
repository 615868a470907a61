import { describe, expect, it } from 'vitest';
import { migrateVaultRecord, VaultRecordError, type VaultMigration } from '../../src/core/migrate-vault-record.ts';
import { storedVaultRecord } from '../../src/core/stored-vault-record.ts';
import { VAULT_SCHEMA, type Account, type VaultRecord } from '../../src/core/vault.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const ACCOUNT: Account = {
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: 'GitHub',
  name: 'alice',
  id: 'a1',
  createdAt: 1000,
  pinned: false,
  status: 'active',
};

/** A copy of `record` without `key`. */
function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** The VaultRecordError that `run` throws; fails the test if it returns or throws anything else. */
function vaultRecordErrorOf(run: () => unknown): VaultRecordError {
  try {
    run();
  } catch (error) {
    if (error instanceof VaultRecordError) return error;
    throw error;
  }
  throw new Error('expected a VaultRecordError, but nothing was thrown');
}

describe('migrateVaultRecord: nothing stored', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
  ])('%s -> undefined', (_, raw) => {
    expect(migrateVaultRecord(raw)).toBeUndefined();
  });
});

const KEY_ID = 'S0tLS0tLS0tLS0tLS0tLSw==';

/** A well-formed schema 2 encrypted record (the bytes need not decrypt: migration does not decrypt). */
const ENCRYPTED = {
  schema: 2,
  format: 'encrypted',
  revision: 3,
  keyId: KEY_ID,
  kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 600_000, salt: 'AAECAwQFBgcICQoLDA0ODw==' },
  wrappedKey: { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'A'.repeat(64) },
  payload: { iv: 'AQEBAQEBAQEBAQEB', ciphertext: 'B'.repeat(64) },
} as const;

/** The same as a schema 1 build stored it: no key id. */
const ENCRYPTED_V1 = { ...without(ENCRYPTED, 'keyId'), schema: 1 };

/** The same as this build seals it: schema 3, the fields of schema 2. */
const ENCRYPTED_V3 = { ...ENCRYPTED, schema: 3 };

/** An entry this build cannot read (a newer build's, or damaged): kept as it is through every migration. */
const FOREIGN = { id: 'x9', kind: 'passkey', future: { nested: [1, 'two', null, true] } };

/** The JSON text a schema 3 plain record keeps its list as, written out here. */
const LIST_JSON = '[{"type":"totp","secret":"JBSWY3DPEHPK3PXP","algorithm":"SHA1","digits":6,"period":30,"counter":0,"issuer":"GitHub","name":"alice","id":"a1","createdAt":1000,"pinned":false,"status":"active"}]';

describe('migrateVaultRecord: a current record', () => {
  it.each([
    ['with accounts', { schema: 3, format: 'plain', revision: 7, accountsJson: LIST_JSON }, { schema: 3, format: 'plain', revision: 7, accounts: [ACCOUNT] }],
    ['with client secrets', { schema: 3, format: 'plain', revision: 7, accountsJson: '[]', clientSecrets: { p1: 'x' } }, { schema: 3, format: 'plain', revision: 7, accounts: [], clientSecrets: { p1: 'x' } }],
    ['empty', { schema: 3, format: 'plain', revision: 1, accountsJson: '[]' }, { schema: 3, format: 'plain', revision: 1, accounts: [] }],
    ['with entries it cannot read: kept for the reader to set aside', { schema: 3, format: 'plain', revision: 1, accountsJson: JSON.stringify([FOREIGN, 42, null]) }, { schema: 3, format: 'plain', revision: 1, accounts: [FOREIGN, 42, null] }],
    ['with white space around the list', { schema: 3, format: 'plain', revision: 1, accountsJson: ` \n${LIST_JSON}\n` }, { schema: 3, format: 'plain', revision: 1, accounts: [ACCOUNT] }],
    ['without a revision reads as revision 0', { schema: 3, format: 'plain', accountsJson: LIST_JSON }, { schema: 3, format: 'plain', revision: 0, accounts: [ACCOUNT] }],
    ['with a non-numeric revision reads as revision 0', { schema: 3, format: 'plain', revision: '3', accountsJson: '[]' }, { schema: 3, format: 'plain', revision: 0, accounts: [] }],
    ['encrypted', ENCRYPTED_V3, ENCRYPTED_V3],
    ['encrypted, extra fields dropped', { ...ENCRYPTED_V3, accounts: [ACCOUNT], accountsJson: '[]' }, ENCRYPTED_V3],
  ])('%s', (_, raw, expected) => {
    expect(migrateVaultRecord(deepFreeze(raw))).toStrictEqual(expected);
  });

  it('this build writes schema 3', () => {
    expect(VAULT_SCHEMA).toBe(3);
  });
});

describe('migrateVaultRecord: schema 2', () => {
  it.each([
    ['plain: the list becomes the same accounts', { schema: 2, format: 'plain', revision: 7, accounts: [ACCOUNT] }, { schema: 3, format: 'plain', revision: 7, accounts: [ACCOUNT] }],
    ['plain: every entry kept in order, unreadable ones and client secrets included', { schema: 2, format: 'plain', revision: 4, accounts: [FOREIGN, ACCOUNT, 42, null], clientSecrets: { p1: 'x' } }, { schema: 3, format: 'plain', revision: 4, accounts: [FOREIGN, ACCOUNT, 42, null], clientSecrets: { p1: 'x' } }],
    ['plain: empty', { schema: 2, format: 'plain', revision: 1, accounts: [] }, { schema: 3, format: 'plain', revision: 1, accounts: [] }],
    // Its payload's additional data binds schema 2: it keeps opening with it until its next write seals it at 3.
    ['encrypted: the schema it was sealed at is kept', ENCRYPTED, ENCRYPTED],
  ])('%s', (_, raw, expected) => {
    expect(migrateVaultRecord(deepFreeze(raw))).toStrictEqual(expected);
  });
});

describe('migrateVaultRecord: schema 1', () => {
  it.each([
    ['plain: the same fields', { schema: 1, format: 'plain', revision: 7, accounts: [ACCOUNT], clientSecrets: { p1: 'x' } }, { schema: 3, format: 'plain', revision: 7, accounts: [ACCOUNT], clientSecrets: { p1: 'x' } }],
    ['encrypted: no key id (its boxes bind nothing of the header)', ENCRYPTED_V1, { ...ENCRYPTED, schema: 1, keyId: undefined }],
    ['encrypted with a keyId field: ignored, a schema 1 record is never read as bound', { ...ENCRYPTED_V1, keyId: KEY_ID }, { ...ENCRYPTED, schema: 1, keyId: undefined }],
  ])('%s', (_, raw, expected) => {
    expect(migrateVaultRecord(deepFreeze(raw))).toStrictEqual(expected);
  });
});

describe('migrateVaultRecord: unreadable records are refused, never guessed at', () => {
  it.each<[title: string, raw: unknown, code: VaultRecordError['code'], message: RegExp]>([
    ['a string', 'vault', 'vault-record-malformed', /is a string/],
    ['a number', 42, 'vault-record-malformed', /is a number/],
    ['a boolean', true, 'vault-record-malformed', /is a boolean/],
    ['an array', [ACCOUNT], 'vault-record-malformed', /is a array/],
    ['an object without a schema', { format: 'plain', accounts: [] }, 'vault-record-malformed', /schema undefined/],
    ['a schema given as a string', { schema: '1', format: 'plain', accounts: [] }, 'vault-record-malformed', /schema "1"/],
    ['schema 0', { schema: 0, format: 'plain', accounts: [] }, 'vault-record-malformed', /schema 0/],
    ['a negative schema', { schema: -1, format: 'plain', accounts: [] }, 'vault-record-malformed', /schema -1/],
    ['a fractional schema', { schema: 1.5, format: 'plain', accounts: [] }, 'vault-record-malformed', /schema 1.5/],
    ['a schema of null', { schema: null, format: 'plain', accounts: [] }, 'vault-record-malformed', /schema null/],
    ['an unknown format', { schema: 3, format: 'aes-gcm', ciphertext: 'xyz' }, 'vault-record-malformed', /format "aes-gcm"/],
    ['an unknown format of schema 2', { schema: 2, format: 'aes-gcm', accounts: [] }, 'vault-record-malformed', /format "aes-gcm"/],
    ['no format', { schema: 3, accountsJson: '[]' }, 'vault-record-malformed', /format undefined/],
    ['no account list', { schema: 3, format: 'plain' }, 'vault-record-malformed', /no account list/],
    ['schema 3 with the list as a list (the schema 2 field)', { schema: 3, format: 'plain', accounts: [ACCOUNT] }, 'vault-record-malformed', /no account list/],
    ['an account list that is a list, not its JSON text', { schema: 3, format: 'plain', accountsJson: [ACCOUNT] }, 'vault-record-malformed', /no account list/],
    ['an account list that is not JSON', { schema: 3, format: 'plain', accountsJson: '[{"secret":"JBSWY3DPEHPK3PXP"' }, 'vault-record-malformed', /not the JSON text of a list/],
    ['an account list that is the JSON of an object', { schema: 3, format: 'plain', accountsJson: JSON.stringify({ a1: ACCOUNT }) }, 'vault-record-malformed', /not the JSON text of a list/],
    ['an account list that is the JSON of a string', { schema: 3, format: 'plain', accountsJson: '"[]"' }, 'vault-record-malformed', /not the JSON text of a list/],
    ['an empty account list text', { schema: 3, format: 'plain', accountsJson: '' }, 'vault-record-malformed', /not the JSON text of a list/],
    ['schema 2 with no account list', { schema: 2, format: 'plain' }, 'vault-record-malformed', /no account list/],
    ['schema 2 with accounts that are not a list', { schema: 2, format: 'plain', accounts: { a1: ACCOUNT } }, 'vault-record-malformed', /no account list/],
    ['a newer schema', { schema: 4, format: 'plain', accountsJson: '[]' }, 'vault-schema-newer', /schema 4; this build reads up to 3/],
    ['encrypted schema 2 without a key id', { ...ENCRYPTED, keyId: undefined }, 'vault-record-malformed', /keyId/],
    ['encrypted with a key id of 15 bytes', { ...ENCRYPTED, keyId: 'S0tLS0tLS0tLS0tLS0tL' }, 'vault-record-malformed', /keyId is not Base64 of 16 bytes/],
    ['encrypted with a key id that is not Base64', { ...ENCRYPTED, keyId: '!'.repeat(24) }, 'vault-record-malformed', /keyId/],
    ['encrypted with a numeric key id', { ...ENCRYPTED, keyId: 16 }, 'vault-record-malformed', /keyId/],
    ['encrypted without kdf', { ...ENCRYPTED, kdf: undefined }, 'vault-record-malformed', /Stored encrypted vault: .*kdf/],
    ['encrypted with 10 iterations', { ...ENCRYPTED, kdf: { ...ENCRYPTED.kdf, iterations: 10 } }, 'vault-record-malformed', /iterations/],
    ['encrypted with an unknown KDF', { ...ENCRYPTED, kdf: { ...ENCRYPTED.kdf, algorithm: 'MD5' } }, 'vault-record-malformed', /algorithm/],
    ['encrypted with an 11-byte iv', { ...ENCRYPTED, payload: { ...ENCRYPTED.payload, iv: 'AAAAAAAAAAAAAAA=' } }, 'vault-record-malformed', /payload.*iv|iv.*payload/],
    ['encrypted without a wrapped key', { ...ENCRYPTED, wrappedKey: undefined }, 'vault-record-malformed', /wrapped vault key/],
    ['encrypted with a ciphertext that is not base64', { ...ENCRYPTED, payload: { ...ENCRYPTED.payload, ciphertext: '***' } }, 'vault-record-malformed', /ciphertext/],
    ['a much newer schema', { schema: 99, format: 'sealed', accounts: 'opaque' }, 'vault-schema-newer', /schema 99/],
  ])('%s', (_, raw, code, message) => {
    const error = vaultRecordErrorOf(() => migrateVaultRecord(deepFreeze(raw)));
    expect(error.code).toBe(code);
    expect(error.name).toBe('VaultRecordError');
    expect(error.message).toMatch(message);
  });
});

describe('a build before schema 3 and the records this build writes', () => {
  // An earlier build's reader is this function with its own schema (2) and steps (1 -> 2): it must refuse what this
  // build stores as newer, the code on which its callers leave storage as it is (never read as empty, never written).
  const EARLIER: Readonly<Record<number, VaultMigration>> = { 1: (record) => ({ ...record, schema: 2 }) };

  it.each<[title: string, record: VaultRecord]>([
    ['plain', { schema: 3, format: 'plain', revision: 7, accounts: [ACCOUNT, FOREIGN as unknown as Account], clientSecrets: { p1: 'x' } }],
    ['plain, empty', { schema: 3, format: 'plain', revision: 1, accounts: [] }],
    ['encrypted', ENCRYPTED_V3],
  ])('%s: refused as written by a newer build, and read back whole by this one', (_, record) => {
    const stored = deepFreeze(JSON.parse(JSON.stringify(storedVaultRecord(record))) as Record<string, unknown>);
    const error = vaultRecordErrorOf(() => migrateVaultRecord(stored, EARLIER, 2));
    expect(error.code).toBe('vault-schema-newer');
    expect(error.message).toMatch(/schema 3; this build reads up to 2/);
    expect(migrateVaultRecord(stored)).toEqual(record);
  });
});

describe('migrateVaultRecord: a damaged account list', () => {
  it('is refused without quoting it: the text holds the secrets', () => {
    const error = vaultRecordErrorOf(() => migrateVaultRecord({ schema: 3, format: 'plain', accountsJson: `${LIST_JSON.slice(0, -2)},}]` }));
    expect(error.code).toBe('vault-record-malformed');
    expect(error.message).not.toContain(ACCOUNT.secret);
    expect(error.message).not.toContain('{');
  });
});

describe('migrateVaultRecord: injected migrations', () => {
  /** Fake schema 1 -> 2 -> 3: v2 renames `accounts` to `items`, v3 stores them as JSON text (as the real schema 3) and counts the steps. */
  const calls: string[] = [];
  const MIGRATIONS: Record<number, VaultMigration> = {
    1: (record) => {
      calls.push(`1->2 from schema ${String(record['schema'])}`);
      const { accounts, ...rest } = record;
      return { ...rest, schema: 2, items: accounts, steps: ['1->2'] };
    },
    2: (record) => {
      calls.push(`2->3 from schema ${String(record['schema'])}`);
      const { items, ...rest } = record;
      return { ...rest, schema: 3, accountsJson: JSON.stringify(items), steps: [...(record['steps'] as string[]), '2->3'] };
    },
  };

  it.each<[title: string, stored: number, expectedCalls: string[]]>([
    ['from schema 1, both steps in order', 1, ['1->2 from schema 1', '2->3 from schema 2']],
    ['from schema 2, only the last step', 2, ['2->3 from schema 2']],
    ['at the target schema, no step', 3, []],
  ])('%s', (_, stored, expectedCalls) => {
    calls.length = 0;
    const raw =
      stored === 1
        ? { schema: 1, format: 'plain', revision: 4, accounts: [ACCOUNT] }
        : stored === 2
          ? { schema: 2, format: 'plain', revision: 4, items: [ACCOUNT], steps: ['1->2'] }
          : { schema: 3, format: 'plain', revision: 4, accountsJson: LIST_JSON };
    const frozen = deepFreeze(raw);
    const before = structuredClone(frozen);
    const record = migrateVaultRecord(frozen, MIGRATIONS, 3);
    expect(calls).toEqual(expectedCalls);
    expect(record).toEqual({ schema: VAULT_SCHEMA, format: 'plain', revision: 4, accounts: [ACCOUNT] });
    expect(frozen).toEqual(before);
  });

  it('refuses a record newer than the injected target before running any step', () => {
    calls.length = 0;
    const error = vaultRecordErrorOf(() => migrateVaultRecord({ schema: 4, format: 'plain', accounts: [] }, MIGRATIONS, 3));
    expect(error.code).toBe('vault-schema-newer');
    expect(error.message).toMatch(/schema 4; this build reads up to 3/);
    expect(calls).toEqual([]);
  });

  it.each<[title: string, migrations: Record<number, VaultMigration>, message: RegExp]>([
    ['a missing step', { 1: (r) => ({ ...r, schema: 2 }) }, /No migration from vault schema 2/],
    ['a step that skips a schema', { 1: (r) => ({ ...r, schema: 3 }), 2: (r) => ({ ...r, schema: 3 }) }, /from schema 1 produced schema 3/],
    ['a step that keeps the schema', { 1: (r) => ({ ...r }), 2: (r) => ({ ...r, schema: 3 }) }, /from schema 1 produced schema 1/],
    ['a step that drops the schema', { 1: (r) => without(r, 'schema'), 2: (r) => ({ ...r, schema: 3 }) }, /from schema 1 produced schema undefined/],
    ['a step that writes the schema as a string', { 1: (r) => ({ ...r, schema: '2' }), 2: (r) => ({ ...r, schema: 3 }) }, /from schema 1 produced schema "2"/],
    ['a last step that loses the account list', { 1: (r) => ({ ...r, schema: 2 }), 2: (r) => ({ ...without(r, 'accounts'), schema: 3 }) }, /schema 3 .*no account list/],
    ['a last step that leaves the list as a list', { 1: (r) => ({ ...r, schema: 2 }), 2: (r) => ({ ...r, schema: 3 }) }, /schema 3 .*no account list/],
  ])('rejects %s', (_, migrations, message) => {
    const error = vaultRecordErrorOf(() => migrateVaultRecord(deepFreeze({ schema: 1, format: 'plain', revision: 1, accounts: [ACCOUNT] }), migrations, 3));
    expect(error.code).toBe('vault-record-malformed');
    expect(error.message).toMatch(message);
  });
});
