import type { LoadedExtension } from './launch-extension.ts';

/**
 * Adds accounts as a user would: pastes the otpauth:// links into the options page's Accounts view and waits for
 * its "N added" report. Usable in beforeAll (no expect.poll).
 */
export async function addAccountsViaOptions(ext: LoadedExtension, uris: readonly string[]): Promise<void> {
  const page = await ext.openOptions('#add');
  try {
    await page.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(uris.join('\n'));
    await page.getByRole('button', { name: 'Add accounts' }).click();
    await page.getByRole('status').filter({ hasText: /^\d+ added/ }).waitFor();
  } finally {
    await page.close();
  }
}
