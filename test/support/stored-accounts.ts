import type { Worker } from 'playwright-core';
import type { Account } from '../../src/core/vault.ts';
import { decodeStoredVault } from './decode-stored-vault.ts';
import type { LoadedExtension } from './launch-extension.ts';

/** The accounts of the extension's plain (unencrypted) vault, read through its service worker (none when encrypted). */
export async function storedAccounts(ext: LoadedExtension): Promise<Account[]> {
  const worker = ext.context.serviceWorkers()[0];
  if (worker === undefined) throw new Error('The extension has no service worker running');
  return storedAccountsIn(worker);
}

/** The same, read through the service worker `worker` (the fill tests' harness holds it). */
export async function storedAccountsIn(worker: Worker): Promise<Account[]> {
  const record = await worker.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage;
    return (await storage.local.get('vault')).vault;
  });
  const vault = decodeStoredVault(record);
  return vault?.format === 'plain' ? vault.accounts : [];
}
