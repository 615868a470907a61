import { storedVaultRecord } from '../../src/core/stored-vault-record.ts';
import { VAULT_SCHEMA, type Account, type VaultRecord } from '../../src/core/vault.ts';
import type { LoadedExtension } from '../support/launch-extension.ts';

/**
 * Replaces the stored vault with `accounts`, written from an extension page (the options page)
 * the way the extension itself writes it, then closes that page so it does not share the
 * popup's renderer while the popup is measured.
 */
export async function seedVault(ext: LoadedExtension, accounts: readonly Account[], revision = 1): Promise<void> {
  const record = storedVaultRecord({ schema: VAULT_SCHEMA, format: 'plain', revision, accounts } satisfies VaultRecord);
  const page = await ext.openOptions();
  try {
    await page.evaluate(async (vault) => {
      // The page's own `chrome` global; the project has no @types/chrome.
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
      await chrome.storage.local.set({ vault });
    }, record);
  } finally {
    await page.close();
  }
}
