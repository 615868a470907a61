import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { draft, numberedDraft, numberedSecret } from '../support/account-fixtures.ts';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { aegisEncryptedVault, aegisEntry, aegisPlainVault } from '../support/aegis-vault-writer.ts';
import { authenticatorEncryptedExport, authenticatorEntry, authenticatorExport } from '../support/authenticator-export-writer.ts';
import { BITWARDEN_NOTE, bitwardenExport, bitwardenLogin } from '../support/bitwarden-export-writer.ts';
import { ANY_COPY_BUTTON, copyButtonName, labelOfCopyButton, shownLabel } from '../support/copy-button-name.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { twoFasEncryptedBackup, twoFasPlainBackup, twoFasService } from '../support/two-fas-backup-writer.ts';

// Other apps' exports imported in the real browser through the options page's Backups view: each file written by
// the test writers (test/support/*-writer.ts) from the apps' published formats, the preview's verdict per entry,
// the password of encrypted ones (a wrong one adds nothing), then the popup showing the added accounts with codes
// equal to independently computed ones. One browser profile for the file: each case adds accounts of its own.

/** In Keystep before any import. */
const EXISTING = draft();
const PASSWORD = 'export password 1';

let ext: LoadedExtension;
let folder: string;

/** Writes `text` to a file named `name` in the test's folder and returns its path. */
async function fixture(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

/** The Backups view's Import form, in a new options page. */
async function importForm(): Promise<{ page: Page; form: Locator }> {
  const page = await ext.openOptions('#backup');
  return { page, form: page.getByRole('form', { name: 'Import' }) };
}

/** The preview's rows, once shown. */
async function previewRows(form: Locator): Promise<string[]> {
  const preview = form.getByRole('list', { name: 'Preview' });
  await preview.waitFor({ timeout: 10_000 });
  return preview.getByRole('listitem').allTextContents();
}

/** "Issuer (name)", as the preview and the popup label an account. */
const label = (account: AccountDraft): string => `${account.issuer} (${account.name})`;

/**
 * Each account is in the popup once, found with the search box by its name (the popup renders only the rows in
 * view), labelled as the row shows it, with its TOTP code now (or one second ago, across a period's end).
 */
async function expectInPopup(accounts: readonly AccountDraft[]): Promise<void> {
  const popup = await ext.openPopup();
  try {
    for (const account of accounts) {
      await popup.getByRole('searchbox', { name: 'Search accounts' }).fill(account.name);
      const button = popup.getByRole('button', { name: copyButtonName(label(account)) });
      await expect.poll(async () => /, \d/.test((await button.getAttribute('aria-label')) ?? '')).toBe(true);
      // One account by that name: an import never adds a second copy of one that is there.
      await expect.poll(() => popup.getByRole('button', { name: ANY_COPY_BUTTON }).count()).toBe(1);
      const name = (await button.getAttribute('aria-label')) ?? '';
      expect(labelOfCopyButton(name)).toBe(shownLabel(label(account)));
      const uri = formatOtpauthUri(account);
      expect([independentTotp(uri, Date.now() - 1000), independentTotp(uri, Date.now())]).toContain(codeFromName(name));
    }
  } finally {
    await popup.close();
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keystep-other-apps-'));
  ext = await launchExtension();
  await addAccountsViaOptions(ext, [formatOtpauthUri(EXISTING)]);
});
afterAll(async () => {
  await ext.close();
  await rm(folder, { recursive: true, force: true });
});

describe('importing other apps’ exports', () => {
  it('Aegis plain vault: new entries are added, the one already in Keystep is reported and not overwritten, a Steam entry is refused', async () => {
    const one = numberedDraft(1);
    const two = numberedDraft(2, { algorithm: 'SHA256', digits: 8, period: 60 });
    // The same account as EXISTING by Keystep's identity (secret, issuer and name compared case-insensitively), with other digits.
    const sameAsExisting = { ...EXISTING, issuer: 'github', name: 'Alice@Example.com', digits: 8 };
    const file = await fixture(
      'aegis-export-plain.json',
      aegisPlainVault([aegisEntry(one), aegisEntry(sameAsExisting), aegisEntry(two), aegisEntry(numberedDraft(3), { type: 'steam' })]),
    );
    const { page, form } = await importForm();
    await form.getByLabel('File to import').setInputFiles(file);
    expect(await previewRows(form)).toEqual([
      `${label(one)} — New`,
      'github (Alice@Example.com) — Already in Keystep',
      `${label(two)} — New`,
      'Entry 4: Service 3 (user3@example.com) — Not imported: this account uses the “steam” code format (e.g. Steam Guard), which Keystep does not support: its codes would be wrong',
    ]);
    expect(await form.getByText('Recognised as: Aegis vault.').isVisible()).toBe(true);
    expect(await form.getByText('2 to add, 1 already in Keystep, 1 with errors.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Add 2 accounts' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 2. Already in Keystep: 1. Not imported because of errors: 1.');
    await page.close();

    // EXISTING not overwritten: still its own label and 6-digit codes.
    await expectInPopup([one, two, EXISTING]);
  });

  it('Aegis encrypted vault: asks for the password, a wrong one adds nothing and says so, the right one shows the preview', async () => {
    const four = numberedDraft(4);
    const five = numberedDraft(5, { algorithm: 'SHA512' });
    const file = await fixture('aegis-export-encrypted.json', aegisEncryptedVault([aegisEntry(four), aegisEntry(five)], PASSWORD));
    const { page, form } = await importForm();
    const before = await dumpExtensionStorage(page);
    await form.getByLabel('File to import').setInputFiles(file);
    await form.getByText('This is an encrypted Aegis vault. Enter its password to see the accounts in it.').waitFor();
    await form.getByLabel('Password of the backup').fill('not the password');
    await form.getByRole('button', { name: 'Decrypt' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('Wrong password, or the file was changed or damaged. Nothing was imported.');
    expect(await form.getByRole('list', { name: 'Preview' }).count()).toBe(0);
    expect(await dumpExtensionStorage(page)).toBe(before);

    await form.getByLabel('Password of the backup').fill(PASSWORD);
    await form.getByRole('button', { name: 'Decrypt' }).click();
    expect(await previewRows(form)).toEqual([`${label(four)} — New`, `${label(five)} — New`]);
    await form.getByRole('button', { name: 'Add 2 accounts' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 2. Already in Keystep: 0.');
    await page.close();

    await expectInPopup([four, five]);
  });

  it('2FAS plain backup: an entry repeated in the file is added once', async () => {
    const six = numberedDraft(6);
    const seven = numberedDraft(7, { digits: 7 });
    const file = await fixture('backup.2fas', twoFasPlainBackup([twoFasService(six), twoFasService(seven), twoFasService(six)]));
    const { page, form } = await importForm();
    await form.getByLabel('File to import').setInputFiles(file);
    expect(await previewRows(form)).toEqual([`${label(six)} — New`, `${label(seven)} — New`, `${label(six)} — Repeated in this file`]);
    expect(await form.getByText('Recognised as: 2FAS backup.').isVisible()).toBe(true);
    expect(await form.getByText('2 to add, 0 already in Keystep, 1 repeated in this file, 0 with errors.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Add 2 accounts' }).click();
    // The report tells the repeat (added once) from what was already in Keystep, as the preview did.
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 2. Already in Keystep: 0. Repeated in the import, added once: 1.');
    await page.close();

    await expectInPopup([six, seven]);
  });

  it('2FAS encrypted backup: decrypted with its password, then added', async () => {
    const eight = numberedDraft(8);
    const file = await fixture('encrypted.2fas', twoFasEncryptedBackup([twoFasService(eight)], PASSWORD));
    const { page, form } = await importForm();
    await form.getByLabel('File to import').setInputFiles(file);
    await form.getByText('This is an encrypted 2FAS backup. Enter its password to see the accounts in it.').waitFor();
    await form.getByLabel('Password of the backup').fill(PASSWORD);
    await form.getByRole('button', { name: 'Decrypt' }).click();
    expect(await previewRows(form)).toEqual([`${label(eight)} — New`]);
    await form.getByRole('button', { name: 'Add 1 account' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 1. Already in Keystep: 0.');
    await page.close();

    await expectInPopup([eight]);
  });

  it('Authenticator extension export: the plain one is added; the encrypted one is refused with how to export it', async () => {
    const nine = numberedDraft(9, { period: 60 });
    const ten = numberedDraft(10);
    const file = await fixture('authenticator.json', authenticatorExport([authenticatorEntry(nine, 0), authenticatorEntry(ten, 1)]));
    const { page, form } = await importForm();
    await form.getByLabel('File to import').setInputFiles(file);
    expect(await previewRows(form)).toEqual([`${label(nine)} — New`, `${label(ten)} — New`]);
    expect(await form.getByText('Recognised as: Authenticator extension export.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Add 2 accounts' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 2. Already in Keystep: 0.');

    const before = await dumpExtensionStorage(page);
    await form.getByLabel('File to import').setInputFiles(await fixture('authenticator-encrypted.json', authenticatorEncryptedExport(2)));
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe(
        'This Authenticator extension export is encrypted in a way Keystep cannot open. Export again without encryption (plain JSON), import that file, then delete it: it holds your secret keys in clear. Nothing was imported.',
      );
    expect(await dumpExtensionStorage(page)).toBe(before);
    await page.close();

    await expectInPopup([nine, ten]);
  });

  it('Bitwarden export: otpauth URIs and bare secrets are added, a steam:// key is refused with its reason, items without a key are left out', async () => {
    const eleven = numberedDraft(11, { algorithm: 'SHA256' });
    // A bare secret gets Bitwarden's defaults, the item's name as issuer and its username as name.
    const twelve = draft({ secret: numberedSecret(12), issuer: 'Example Shop', name: 'user12@example.com' });
    const file = await fixture(
      'bitwarden.json',
      bitwardenExport([
        bitwardenLogin('Service 11 login', 'someone', formatOtpauthUri(eleven)),
        BITWARDEN_NOTE,
        bitwardenLogin('Example Shop', twelve.name, twelve.secret),
        bitwardenLogin('Steam', 'gamer', `steam://${numberedSecret(13)}`),
        bitwardenLogin('Mail', 'me@example.com', null),
      ]),
    );
    const { page, form } = await importForm();
    await form.getByLabel('File to import').setInputFiles(file);
    expect(await previewRows(form)).toEqual([
      `${label(eleven)} — New`,
      `${label(twelve)} — New`,
      'Entry 4: Steam (gamer) — Not imported: this account uses the “steam” code format (e.g. Steam Guard), which Keystep does not support: its codes would be wrong',
    ]);
    expect(await form.getByText('Recognised as: Bitwarden export.').isVisible()).toBe(true);
    expect(await form.getByText('Items without a TOTP key, left out: 2.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Add 2 accounts' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 2. Already in Keystep: 0. Not imported because of errors: 1.');
    await page.close();

    await expectInPopup([eleven, twelve]);
  });
});
