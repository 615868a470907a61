import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account } from '../support/account-fixtures.ts';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { legacyEncryptedRecord } from '../support/legacy-vault-record.ts';
import { expectLocked, popupCopyNames, setMasterPassword, unlockWith, writeLocalStorage } from '../support/master-password-e2e.ts';
import { ANY_COPY_BUTTON, labelOfCopyButton, shownLabel } from '../support/copy-button-name.ts';

// The master password against a storage that was changed outside Keystep (a wrong clock, an edited or swapped
// record), in the real browser.

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const GITLAB = 'otpauth://totp/GitLab:bob%40example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=GitLab';
const PASSWORD = 'correct horse battery';
const YEAR_MS = 365 * 24 * 3600 * 1000;

let ext: LoadedExtension;

/** The stored vault record, as JSON. */
async function storedVault(page: Page): Promise<Record<string, unknown>> {
  return (JSON.parse(await dumpExtensionStorage(page)) as { local: { vault: Record<string, unknown> } }).local.vault;
}

/** The "could not read" alert a page shows for `reason`. */
const couldNotRead = (reason: string): string => `Keystep could not read its stored accounts: ${reason}. They were left untouched.`;
const ALTERED = 'part of the encrypted record was replaced or edited outside Keystep (for example with an older copy), so Keystep does not trust it';
const ENCRYPTION_REMOVED =
  "they are stored unencrypted although a master password was set and never removed in Keystep, so they may have been replaced outside Keystep. To use them anyway, set a new master password in Keystep's options (Security)";

beforeAll(async () => {
  ext = await launchExtension();
  await addAccountsViaOptions(ext, [GITHUB]);
  const options = await ext.openOptions('#security');
  await setMasterPassword(options, PASSWORD);
  await options.close();
});
afterAll(async () => {
  await ext.close();
});

describe('a wrong clock', () => {
  it('cannot lock the owner out: a failure time a year ahead costs one short wait, then the password opens Keystep', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await expectLocked(popup);
    // Three wrong passwords typed while the clock was a year ahead.
    await writeLocalStorage(popup, { unlockAttempts: { failures: 3, lastFailureAt: Date.now() + YEAR_MS } });
    await unlockWith(popup, PASSWORD);
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Too many wrong passwords: try again in 1 s.');
    await expect.poll(() => popup.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 5000 }).toBe(true);
    await unlockWith(popup, PASSWORD);
    expect(await popupCopyNames(popup)).toHaveLength(1);

    // Ten failures a year ahead: the wait shown is the longest one, 60 s, not a year.
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await expectLocked(popup);
    await writeLocalStorage(popup, { unlockAttempts: { failures: 10, lastFailureAt: Date.now() + YEAR_MS } });
    await unlockWith(popup, PASSWORD);
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Too many wrong passwords: try again in (60|59) s\.$/);
    await writeLocalStorage(popup, { unlockAttempts: { failures: 0, lastFailureAt: 0 } });
    await popup.close();
    // The next tests start unlocked (a new popup: this one counts down the 60 s it was told).
    const again = await ext.openPopup();
    await unlockWith(again, PASSWORD);
    expect(await popupCopyNames(again)).toHaveLength(1);
    await again.close();
  });
});

describe('a stored record changed outside Keystep', () => {
  it('an older payload put into the current record is refused with the reason, in the popup and the options page, and nothing is written', async () => {
    const page = await ext.openOptions('#security');
    const older = await storedVault(page);
    await page.close();
    await addAccountsViaOptions(ext, [GITLAB]);
    const options = await ext.openOptions('#add');
    const current = await storedVault(options);
    expect(current['revision']).toBe((older['revision'] as number) + 1);
    // Before vault schema 2 this opened: the same vault key, and nothing in the box said which revision it was.
    await writeLocalStorage(options, { vault: { ...current, payload: older['payload'] } });
    const swapped = await dumpExtensionStorage(options);
    await expect.poll(() => options.getByRole('alert').first().textContent()).toBe(couldNotRead(ALTERED));
    const popup = await ext.openPopup();
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toBe(couldNotRead(ALTERED));
    expect(await popup.getByRole('button', { name: ANY_COPY_BUTTON }).count()).toBe(0);
    expect(await dumpExtensionStorage(popup)).toBe(swapped);

    // The record as Keystep wrote it opens again, in the pages already open.
    await writeLocalStorage(options, { vault: current });
    expect(await popupCopyNames(popup)).toHaveLength(2);
    await popup.close();
    await options.close();
  });

  it('a session key made for another record leaves the pages locked, not broken: the password opens the record', async () => {
    const options = await ext.openOptions('#security');
    const popup = await ext.openPopup();
    expect(await popupCopyNames(popup)).toHaveLength(2);
    const current = await storedVault(options);
    // Another record under the same password (as another profile would have): its own vault key and key id.
    const other = legacyEncryptedRecord({ accounts: [account('a7', { issuer: 'Elsewhere', name: 'carol' })] }, PASSWORD, { revision: 3 });
    await writeLocalStorage(options, { vault: other.record });
    await expectLocked(popup);
    await expectLocked(options);
    expect((JSON.parse(await dumpExtensionStorage(popup)) as { session: Record<string, unknown> }).session).toEqual({});
    // It was sealed by a build before vault schema 2: it opens, and the unlock seals it again with its header bound.
    await unlockWith(popup, PASSWORD);
    expect((await popupCopyNames(popup)).map(labelOfCopyButton)).toEqual([shownLabel('Elsewhere (carol)')]);
    const resealed = await storedVault(popup);
    expect(resealed).toMatchObject({ schema: 3, format: 'encrypted', revision: 4, keyId: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) as unknown });
    await writeLocalStorage(options, { vault: current });
    await expectLocked(popup);
    await unlockWith(popup, PASSWORD);
    expect(await popupCopyNames(popup)).toHaveLength(2);
    await popup.close();
    await options.close();
  });

  it('a plain record where Keystep never removed the password is refused; a new master password is the way to use it', async () => {
    const options = await ext.openOptions('#add');
    const current = await storedVault(options);
    const planted = { schema: 3, format: 'plain', revision: (current['revision'] as number) + 1, accountsJson: JSON.stringify([account('a9', { issuer: 'Planted', name: 'mallory' })]) };
    await writeLocalStorage(options, { vault: planted });
    const written = await dumpExtensionStorage(options);
    await expect.poll(() => options.getByRole('alert').first().textContent()).toBe(couldNotRead(ENCRYPTION_REMOVED));
    const popup = await ext.openPopup();
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toBe(couldNotRead(ENCRYPTION_REMOVED));
    expect(await popup.getByRole('button', { name: ANY_COPY_BUTTON }).count()).toBe(0);
    expect(await dumpExtensionStorage(popup)).toBe(written);

    // The options page offers to encrypt it again under a new password; then it is used like any vault.
    const form = options.getByRole('form', { name: 'Set a master password' });
    await form.getByLabel('New master password', { exact: true }).fill('a new master password');
    await form.getByLabel('Repeat the new master password').fill('a new master password');
    await form.getByRole('button', { name: 'Set password and encrypt' }).click();
    await expect.poll(async () => (await storedVault(options))['format'], { timeout: 10_000 }).toBe('encrypted');
    expect(await storedVault(options)).toMatchObject({ revision: planted.revision + 1 });
    expect((await popupCopyNames(popup)).map(labelOfCopyButton)).toEqual([shownLabel('Planted (mallory)')]);
    await popup.close();
    await options.close();
  });
});
