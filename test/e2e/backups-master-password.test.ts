import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { setMasterPassword } from '../support/master-password-e2e.ts';

// With a master password set, a file of the accounts is saved only after the master password is typed again,
// with the wait of unlocking after wrong ones: in the real browser, no download starts before.

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const BANK = 'otpauth://hotp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=5';
const MASTER = 'correct horse battery';
const BACKUP_PASSWORD = 'backup passphrase 1';

let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await addAccountsViaOptions(ext, [GITHUB, BANK]);
  const options = await ext.openOptions('#security');
  await setMasterPassword(options, MASTER);
  await options.close();
});
afterAll(async () => {
  await ext.close();
});

/** Every download the page starts, by suggested file name. */
function watchDownloads(page: Page): string[] {
  const names: string[] = [];
  page.on('download', (download) => names.push(download.suggestedFilename()));
  return names;
}

/** The number of wrong passwords counted in storage. */
async function failures(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { failures?: number } | undefined>> } } } };
    return (await chrome.storage.local.get('unlockAttempts'))['unlockAttempts']?.failures ?? 0;
  });
}

describe('exports with a master password', () => {
  it('the encrypted backup: wrong master passwords download nothing, the third makes the next try wait; the right one downloads', async () => {
    const page = await ext.openOptions('#backup');
    const downloads = watchDownloads(page);
    const form = page.getByRole('form', { name: 'Encrypted backup' });
    await form.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
    await form.getByLabel('Repeat the backup password').fill(BACKUP_PASSWORD);
    const button = form.getByRole('button', { name: 'Download encrypted backup' });
    for (const [n, verdict] of [
      [1, 'Wrong master password. Nothing was saved.'],
      [2, 'Wrong master password. Nothing was saved.'],
      [3, 'Too many wrong passwords: try again in 1 s.'],
    ] as const) {
      await form.getByLabel('Master password', { exact: true }).fill(`wrong ${n}`);
      await button.click();
      await expect.poll(() => failures(page), { timeout: 10_000 }).toBe(n);
      await expect.poll(() => form.getByRole('alert').textContent()).toBe(verdict);
    }
    // Even the right password waits, and nothing was downloaded.
    await form.getByLabel('Master password', { exact: true }).fill(MASTER);
    await button.click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^Too many wrong passwords: try again in [01] s\.$/);
    expect(downloads).toEqual([]);

    await expect.poll(async () => {
      await form.getByLabel('Master password', { exact: true }).fill(MASTER);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 3000 }).catch(() => undefined), button.click()]);
      return download?.suggestedFilename();
    }, { timeout: 10_000, interval: 500 }).toMatch(/^keystep-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(downloads).toHaveLength(1);
    expect(await failures(page)).toBe(0);
    await page.close();
  });

  it('the plain list: a wrong master password downloads nothing; the right one downloads', async () => {
    const page = await ext.openOptions('#backup');
    const downloads = watchDownloads(page);
    const form = page.getByRole('form', { name: 'Plain otpauth list' });
    await form.getByRole('checkbox', { name: 'I understand that this file is not protected' }).check();
    await form.getByLabel('Master password', { exact: true }).fill('not the master password');
    await form.getByRole('button', { name: 'Download otpauth list' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('Wrong master password. Nothing was saved.');
    expect(downloads).toEqual([]);

    await form.getByLabel('Master password', { exact: true }).fill(MASTER);
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download otpauth list' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^keystep-accounts-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(downloads).toHaveLength(1);
    await page.close();
  });
});
