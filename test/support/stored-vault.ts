import type { Account, EncryptedVaultRecord } from '../../src/core/vault.ts';
import { decodeStoredVault, type DecodedPlainRecord } from './decode-stored-vault.ts';
import { fakeBrowser } from './fake-browser.ts';

// The vault record in the in-memory browser (unit and component tests): read, decoded, and written as this build stores it.

/** The vault record in the fake browser's local storage, decoded (see decodeStoredVault). */
export function storedVault(): DecodedPlainRecord | EncryptedVaultRecord | undefined {
  return decodeStoredVault(fakeBrowser.storage.local.data.get('vault'));
}

/** The accounts of the plain vault in the fake browser's local storage, as stored (none when it is absent or encrypted). */
export function storedVaultAccounts(): Account[] {
  const record = storedVault();
  return record?.format === 'plain' ? record.accounts : [];
}

/**
 * Writes a plain vault of `accounts` into the fake browser's local storage as this build stores it (schema 3, the
 * list as JSON text), the way an earlier session would have left it.
 */
export async function storePlainVault(accounts: readonly unknown[], { revision = 1, clientSecrets }: { readonly revision?: number; readonly clientSecrets?: Readonly<Record<string, string>> } = {}): Promise<void> {
  const vault = { schema: 3, format: 'plain', revision, ...(clientSecrets === undefined ? {} : { clientSecrets }), accountsJson: JSON.stringify(accounts) };
  await fakeBrowser.storage.local.set({ vault });
}
