import { parseKdfParams } from './parse-kdf-params.ts';
import { parseSealedBox } from './parse-sealed-box.ts';
import { VAULT_SCHEMA, type Account, type VaultRecord } from './vault.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/** Raised when a stored record cannot be read. The record is left untouched. */
export class VaultRecordError extends Error {
  constructor(
    readonly code: 'vault-schema-newer' | 'vault-record-malformed',
    message: string,
    /** vault-schema-newer: the schema the stored record has. */
    readonly schema?: number,
  ) {
    super(message);
    this.name = 'VaultRecordError';
  }
}

/** One upgrade step: takes a record of schema `from` and returns one of schema `from + 1`. */
export type VaultMigration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades steps by schema number: MIGRATIONS[n] turns schema n into n + 1.
 * Schema 1 is the first shipped; a later format adds its step here and bumps VAULT_SCHEMA.
 */
export const MIGRATIONS: Readonly<Record<number, VaultMigration>> = {};

/**
 * Reads whatever is stored under the vault key and returns a current-schema record, or
 * `undefined` when nothing is stored yet. Never guesses: a record from a newer build, or one
 * that is not a vault, throws VaultRecordError so the caller leaves storage as it is.
 */
export function migrateVaultRecord(raw: unknown, migrations: Readonly<Record<number, VaultMigration>> = MIGRATIONS, target: number = VAULT_SCHEMA): VaultRecord | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new VaultRecordError('vault-record-malformed', `Stored vault is a ${Array.isArray(raw) ? 'array' : typeof raw}, not an object`);
  }
  let record = raw as Record<string, unknown>;
  const stored = record['schema'];
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    throw new VaultRecordError('vault-record-malformed', `Stored vault has schema ${JSON.stringify(stored)}, expected an integer from 1`);
  }
  let schema = stored;
  if (schema > target) {
    throw new VaultRecordError('vault-schema-newer', `Stored vault has schema ${schema}; this build reads up to ${target}`, schema);
  }
  while (schema < target) {
    const step = migrations[schema];
    if (!step) throw new VaultRecordError('vault-record-malformed', `No migration from vault schema ${schema}`);
    record = step(record);
    const next: unknown = record['schema'];
    if (next !== schema + 1) throw new VaultRecordError('vault-record-malformed', `Migration from schema ${schema} produced schema ${JSON.stringify(next)}`);
    schema += 1;
  }
  const revision = typeof record['revision'] === 'number' ? record['revision'] : 0;
  if (record['format'] === 'encrypted') {
    try {
      return {
        schema: VAULT_SCHEMA,
        format: 'encrypted',
        revision,
        kdf: parseKdfParams(record['kdf'], 'the stored vault kdf'),
        wrappedKey: parseSealedBox(record['wrappedKey'], 'the stored wrapped vault key'),
        payload: parseSealedBox(record['payload'], 'the stored vault payload'),
      };
    } catch (error) {
      if (error instanceof VaultCryptoError) throw new VaultRecordError('vault-record-malformed', `Stored encrypted vault: ${error.message}`);
      throw error;
    }
  }
  if (record['format'] !== 'plain' || !Array.isArray(record['accounts'])) {
    throw new VaultRecordError('vault-record-malformed', `Stored vault of schema ${schema} has format ${JSON.stringify(record['format'])} and no account list`);
  }
  const clientSecrets = readClientSecrets(record['clientSecrets']);
  return { schema: VAULT_SCHEMA, format: 'plain', revision, accounts: record['accounts'] as Account[], ...(clientSecrets ? { clientSecrets } : {}) };
}

/** The remembered client secrets: an object of strings; anything else is refused rather than dropped. */
function readClientSecrets(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
    throw new VaultRecordError('vault-record-malformed', 'Stored vault has clientSecrets that are not an object of strings');
  }
  return raw as Record<string, string>;
}
