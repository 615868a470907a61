import type { Account, EncryptedVaultRecord } from '../../src/core/vault.ts';

// The vault record as it sits in storage (the in-memory browser's or Chromium's), read here without the product's
// code: a plain record of vault schema 3 keeps its account list as the JSON text of the list (`accountsJson`).

/** A stored plain record with its account list decoded (`accounts`, entries as stored, readable or not). */
export interface DecodedPlainRecord {
  readonly schema: number;
  readonly format: 'plain';
  readonly revision: number;
  readonly accounts: Account[];
  readonly clientSecrets?: Readonly<Record<string, string>>;
}

/**
 * What a stored record holds: a plain one with `accountsJson` replaced by the decoded `accounts`, an encrypted one
 * as it is. A plain record of an older schema (its `accounts` a list) is returned as it is.
 */
export function decodeStoredVault(raw: unknown): DecodedPlainRecord | EncryptedVaultRecord | undefined {
  if (raw === undefined) return undefined;
  const { accountsJson, ...rest } = structuredClone(raw) as Record<string, unknown>;
  if (typeof accountsJson !== 'string') return rest as unknown as DecodedPlainRecord | EncryptedVaultRecord;
  return { ...rest, accounts: JSON.parse(accountsJson) as Account[] } as unknown as DecodedPlainRecord;
}
