import { base64ToBytes } from './base64.ts';
import { parseKdfParams } from './parse-kdf-params.ts';
import { parseSealedBox } from './parse-sealed-box.ts';
import { KEY_ID_BYTES, VAULT_SCHEMA, type Account, type VaultRecord } from './vault.ts';
import { VaultCryptoError } from './vault-crypto-error.ts';

/** Raised when a stored record cannot be read. The record is left untouched. */
export class VaultRecordError extends Error {
  constructor(
    /**
     * vault-record-altered: the encrypted record does not authenticate under the key that opens it (a box from
     * another record or an older revision was put in, or its header was edited). vault-encryption-removed: the
     * record is plain, but a master password was set and never removed in Keystep.
     */
    readonly code: 'vault-schema-newer' | 'vault-record-malformed' | 'vault-record-altered' | 'vault-encryption-removed',
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
 * 1 -> 2: nothing moves. A schema 1 encrypted record has no key id and its boxes bind nothing of the header: it
 * is read as such (keyId undefined) and sealed again by the next unlock, which has the password.
 * 2 -> 3: a plain record's account list becomes the JSON text of the same list (`accountsJson`), every entry kept
 * as it is; a list that is not a list is left for the read to refuse. An encrypted record keeps its fields (its
 * payload opens with the schema it was sealed at: see the read below).
 */
export const MIGRATIONS: Readonly<Record<number, VaultMigration>> = {
  1: (record) => ({ ...record, schema: 2 }),
  2: (record) => {
    const { accounts, ...rest } = record;
    if (record['format'] !== 'plain' || !Array.isArray(accounts)) return { ...record, schema: 3 };
    return { ...rest, schema: 3, accountsJson: JSON.stringify(accounts) };
  },
};

/** Schema from which an encrypted record carries a key id. */
const KEY_ID_SINCE_SCHEMA = 2;

/**
 * Reads whatever is stored under the vault key and returns a current-schema record (a plain one with its account
 * list parsed; an encrypted one with the schema it was sealed at, see EncryptedVaultRecord), or `undefined` when
 * nothing is stored yet. The inverse of storedVaultRecord. Never guesses: a record from a newer build, or one
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
        // As stored: the payload's additional data binds the schema it was sealed at (vault-cipher.ts).
        schema: stored,
        format: 'encrypted',
        revision,
        // Stored before key ids: any keyId field is ignored, so it cannot make the record look sealed with one.
        keyId: stored < KEY_ID_SINCE_SCHEMA ? undefined : parseKeyId(record['keyId']),
        kdf: parseKdfParams(record['kdf'], 'the stored vault kdf'),
        wrappedKey: parseSealedBox(record['wrappedKey'], 'the stored wrapped vault key'),
        payload: parseSealedBox(record['payload'], 'the stored vault payload'),
      };
    } catch (error) {
      if (error instanceof VaultCryptoError) throw new VaultRecordError('vault-record-malformed', `Stored encrypted vault: ${error.message}`);
      throw error;
    }
  }
  if (record['format'] !== 'plain' || typeof record['accountsJson'] !== 'string') {
    throw new VaultRecordError('vault-record-malformed', `Stored vault of schema ${schema} has format ${JSON.stringify(record['format'])} and no account list`);
  }
  const accounts = readAccountList(record['accountsJson'], schema);
  const clientSecrets = readClientSecrets(record['clientSecrets']);
  return { schema: VAULT_SCHEMA, format: 'plain', revision, accounts, ...(clientSecrets ? { clientSecrets } : {}) };
}

/**
 * The account list of a plain record: JSON text of a list. Its entries are checked by the reader of the vault
 * (isStoredAccount), which shows the ones it can read and keeps the others as they are.
 */
function readAccountList(json: string, schema: number): Account[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the input in it, and the input holds the secrets.
    list = undefined;
  }
  if (!Array.isArray(list)) throw new VaultRecordError('vault-record-malformed', `Stored vault of schema ${schema} has an account list that is not the JSON text of a list`);
  return list as Account[];
}

/** A key id: standard Base64 of KEY_ID_BYTES bytes. */
function parseKeyId(raw: unknown): string {
  let length: number | undefined;
  try {
    length = typeof raw === 'string' ? base64ToBytes(raw, 'keyId').length : undefined;
  } catch {
    length = undefined;
  }
  if (length !== KEY_ID_BYTES) throw new VaultRecordError('vault-record-malformed', `Stored encrypted vault: keyId is not Base64 of ${KEY_ID_BYTES} bytes`);
  return raw as string;
}

/** The remembered client secrets: an object of strings; anything else is refused rather than dropped. */
function readClientSecrets(raw: unknown): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
    throw new VaultRecordError('vault-record-malformed', 'Stored vault has clientSecrets that are not an object of strings');
  }
  return raw as Record<string, string>;
}
