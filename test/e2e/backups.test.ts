import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { ANY_COPY_BUTTON, labelOfCopyButton } from '../support/copy-button-name.ts';

// Backups in the real browser: an encrypted backup and a plain otpauth list downloaded from one browser profile,
// imported into another that already holds one of the accounts, with the preview, a wrong password, and no loss.

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS = 'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services&algorithm=SHA256&digits=8&period=60';
const BANK = 'otpauth://hotp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=5';
const BACKUP_PASSWORD = 'backup passphrase 1';

let source: LoadedExtension;
let target: LoadedExtension;
let downloads: string;
let backupFile = '';
let listFile = '';

/** Clicks `button` and saves the file it downloads under `name` in the downloads folder. */
async function download(page: Page, buttonName: string, name: string): Promise<{ path: string; suggested: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = join(downloads, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

/** The accessible names of the popup's rows, once every row shows a code. */
async function popupRows(ext: LoadedExtension): Promise<string[]> {
  const popup = await ext.openPopup();
  try {
    const buttons = popup.getByRole('button', { name: ANY_COPY_BUTTON });
    await expect.poll(async () => (await buttons.count()) > 0 && (await buttons.evaluateAll((els) => els.every((el) => /, \d/.test(el.getAttribute('aria-label') ?? ''))))).toBe(true);
    return await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  } finally {
    await popup.close();
  }
}

beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'keystep-downloads-'));
  [source, target] = await Promise.all([launchExtension(), launchExtension()]);
  await addAccountsViaOptions(source, [GITHUB, AWS, BANK]);
  await addAccountsViaOptions(target, [GITHUB]);
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
  await rm(downloads, { recursive: true, force: true });
});

describe('backups', () => {
  it('exports an encrypted backup: refuses a short or mismatched password, and the file holds no secret or label in clear', async () => {
    const page = await source.openOptions('#backup');
    const form = page.getByRole('form', { name: 'Encrypted backup' });
    await form.getByLabel('Backup password', { exact: true }).fill('short');
    await form.getByLabel('Repeat the backup password').fill('short');
    await form.getByRole('button', { name: 'Download encrypted backup' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/at least 8/);
    await form.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
    await form.getByLabel('Repeat the backup password').fill(`${BACKUP_PASSWORD}x`);
    await form.getByRole('button', { name: 'Download encrypted backup' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/not the same/);

    await form.getByLabel('Backup password', { exact: true }).fill(BACKUP_PASSWORD);
    await form.getByLabel('Repeat the backup password').fill(BACKUP_PASSWORD);
    const saved = await download(page, 'Download encrypted backup', 'backup.json');
    expect(saved.suggested).toMatch(/^keystep-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => form.getByRole('status').textContent()).toBe(`Saved 3 accounts to ${saved.suggested}. Keep the password: without it the file cannot be opened.`);
    const text = await readFile(saved.path, 'utf8');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toMatchObject({ format: 'keystep-backup', version: 1, kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 3_000_000 }, cipher: { algorithm: 'AES-256-GCM' } });
    for (const clear of ['JBSWY3DPEHPK3PXP', 'alice', 'GitHub', 'Bank', 'otpauth', BACKUP_PASSWORD]) expect(text.includes(clear), `${clear} is in the backup`).toBe(false);
    backupFile = saved.path;
    await page.close();
  });

  it('exports a plain otpauth list only after the warning is acknowledged', async () => {
    const page = await source.openOptions('#backup');
    const form = page.getByRole('form', { name: 'Plain otpauth list' });
    // The view loads on first visit.
    await form.getByText(/not encrypted/).first().waitFor();
    const button = form.getByRole('button', { name: 'Download otpauth list' });
    expect(await button.isDisabled()).toBe(true);
    await form.getByRole('checkbox', { name: 'I understand that this file is not protected' }).check();
    const saved = await download(page, 'Download otpauth list', 'accounts.txt');
    expect(saved.suggested).toMatch(/^keystep-accounts-\d{4}-\d{2}-\d{2}\.txt$/);
    const lines = (await readFile(saved.path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith('otpauth://'))).toBe(true);
    expect(lines.join('\n')).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(await button.isDisabled()).toBe(true);
    listFile = saved.path;
    await page.close();
  });

  it('imports the encrypted backup into another profile: wrong password changes nothing, the preview tells new from present, nothing is overwritten', async () => {
    const page = await target.openOptions('#backup');
    const form = page.getByRole('form', { name: 'Import' });
    const before = await dumpExtensionStorage(page);
    await form.getByLabel('File to import').setInputFiles(backupFile);
    await form.getByLabel('Password of the backup').fill('wrong password');
    await form.getByRole('button', { name: 'Decrypt' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('Wrong password, or the file was changed or damaged. Nothing was imported.');
    expect(await dumpExtensionStorage(page)).toBe(before);

    await form.getByLabel('Password of the backup').fill(BACKUP_PASSWORD);
    await form.getByRole('button', { name: 'Decrypt' }).click();
    const preview = form.getByRole('list', { name: 'Preview' });
    await preview.waitFor({ timeout: 10_000 });
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([
      'GitHub (alice@example.com) — Already in Keystep',
      'Amazon Web Services (bob@example.com) — New',
      'Bank (carol) — New',
    ]);
    expect(await form.getByText('2 to add, 1 already in Keystep, 0 with errors.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Add 2 accounts' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 2. Already in Keystep: 1.');
    await page.close();

    const rows = await popupRows(target);
    expect(rows.map(labelOfCopyButton)).toEqual(['GitHub (alice@example.com)', 'Amazon Web Services (bob@example.com)', 'Bank (carol)']);
    const aws = rows.find((row) => row.startsWith('Amazon')) ?? '';
    expect([independentTotp(AWS, Date.now() - 1000), independentTotp(AWS, Date.now())]).toContain(codeFromName(aws));
  });

  it('imports the plain list: everything is already present, so nothing is added', async () => {
    const page = await target.openOptions('#backup');
    const form = page.getByRole('form', { name: 'Import' });
    await form.getByLabel('File to import').setInputFiles(listFile);
    const preview = form.getByRole('list', { name: 'Preview' });
    await preview.waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([
      'GitHub (alice@example.com) — Already in Keystep',
      'Amazon Web Services (bob@example.com) — Already in Keystep',
      'Bank (carol) — Already in Keystep',
    ]);
    expect(await form.getByRole('button', { name: /^Add \d+ accounts?$/ }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Nothing was imported.');
    await page.screenshot({ path: 'test-results/screenshots/options-backups.png', fullPage: true });
    await page.close();
    expect(await popupRows(target)).toHaveLength(3);
  });

  it('refuses a file that is no export Keystep reads, and says so', async () => {
    const junk = join(downloads, 'notes.txt');
    await writeFile(junk, 'shopping list\nmilk\n');
    const page = await target.openOptions('#backup');
    const form = page.getByRole('form', { name: 'Import' });
    await form.getByLabel('File to import').setInputFiles(junk);
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe(
        'Keystep cannot import this file. It reads Keystep backups, Aegis vaults, 2FAS backups, Bitwarden and Authenticator extension exports (JSON), and text with one otpauth:// or otpauth-migration:// link per line. Nothing was imported.',
      );
    await page.close();
  });
});
