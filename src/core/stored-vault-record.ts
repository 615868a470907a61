import type { StoredVaultRecord, VaultRecord } from './vault.ts';

/**
 * The record as it is written to storage (vault schema 3): a plain record's account list as one string, the JSON
 * text of the list, entries this build cannot read included as they are; an encrypted record as it is (its payload
 * is one string already). migrateVaultRecord reads it back. Pure: no field is checked here, the writer's caller
 * built the record.
 */
export function storedVaultRecord(record: VaultRecord): StoredVaultRecord {
  if (record.format === 'encrypted') return record;
  const { accounts, ...header } = record;
  return { ...header, accountsJson: JSON.stringify(accounts) };
}
