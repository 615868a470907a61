import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { parseMigrationUri } from '../../src/core/formats/parse-migration-uri.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { draftOf, numberedDraft } from '../support/account-fixtures.ts';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { ANY_COPY_BUTTON, copyButtonName } from '../support/copy-button-name.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { setMasterPassword } from '../support/master-password-e2e.ts';
import { pngWithoutQr, qrPng } from '../support/qr-png.ts';
import { readQrTextsInNode } from '../support/read-qr-in-node.ts';

// QR code images in the real browser, both ways: PNGs of otpauth:// QR codes given to the options page's image
// import (chosen, dropped, pasted), and the QR codes Keystep draws (an account's code in the popup, the Google
// Authenticator export's codes in the Backups view) screenshotted and read back with zxing-wasm in Node. One
// browser profile; the master password is set last, for the Google Authenticator export.

const CHOSEN = numberedDraft(21);
const DROPPED = numberedDraft(22);
const PASTED = numberedDraft(23);
/** Added for the Google Authenticator export: enough for two of its QR codes (10 accounts a code). */
const MORE = Array.from({ length: 10 }, (_, n) => numberedDraft(40 + n));
/** Google Authenticator cannot hold these: left out of its export, with the reason. */
const PERIOD_60 = numberedDraft(30, { period: 60 });
const DIGITS_7 = numberedDraft(31, { digits: 7 });
const MASTER_PASSWORD = 'master password 1';

let ext: LoadedExtension;

const label = (account: AccountDraft): string => `${account.issuer} (${account.name})`;

/** The options page's Accounts view and its image import form. */
async function imageForm(): Promise<{ page: Page; form: Locator }> {
  const page = await ext.openOptions('#add');
  return { page, form: page.getByRole('form', { name: 'Add from a QR code image' }) };
}

/** The texts of the QR codes in a screenshot of `image`. */
async function readQr(image: Locator): Promise<string[]> {
  return readQrTextsInNode(await image.screenshot());
}

/** A DataTransfer holding a PNG file made in the page from `bytes`, for a drop or a paste. */
function pngTransfer(page: Page, bytes: Uint8Array, name: string) {
  return page.evaluateHandle(
    ([data, fileName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], fileName, { type: 'image/png' }));
      return transfer;
    },
    [[...bytes], name] as const,
  );
}

/** Adds the single account the image import previews as new, and waits for its report. */
async function addPreviewed(form: Locator, account: AccountDraft): Promise<void> {
  const preview = form.getByRole('list', { name: 'Preview' });
  await preview.waitFor({ timeout: 10_000 });
  expect(await preview.getByRole('listitem').allTextContents()).toEqual([`${label(account)} — New`]);
  await form.getByRole('button', { name: 'Add 1 account' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toBe('Accounts added: 1. Already in Keystep: 0.');
}

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext.close();
});

describe('QR code images', () => {
  it('image import: a chosen PNG of an otpauth QR code is previewed and added; a PNG without a QR code says so and adds nothing', async () => {
    const { page, form } = await imageForm();
    const input = form.getByLabel('Images with QR codes');
    const before = await dumpExtensionStorage(page);
    await input.setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: Buffer.from(pngWithoutQr()) });
    await form.getByText('No QR code found in this image. Nothing was imported.').waitFor({ timeout: 10_000 });
    expect(await form.getByRole('list', { name: 'Preview' }).count()).toBe(0);
    expect(await dumpExtensionStorage(page)).toBe(before);

    await input.setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: Buffer.from(qrPng(formatOtpauthUri(CHOSEN))) });
    await addPreviewed(form, CHOSEN);
    await page.close();
  });

  it('image import: a PNG dropped on the form and one pasted on the page are previewed and added', async () => {
    const { page, form } = await imageForm();
    await form.dispatchEvent('drop', { dataTransfer: await pngTransfer(page, qrPng(formatOtpauthUri(DROPPED)), 'dropped.png') });
    await addPreviewed(form, DROPPED);

    const pasted = await pngTransfer(page, qrPng(formatOtpauthUri(PASTED)), 'pasted.png');
    await page.evaluate((clipboardData) => {
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, pasted);
    await addPreviewed(form, PASTED);
    await page.close();

    const popup = await ext.openPopup();
    const buttons = popup.getByRole('button', { name: ANY_COPY_BUTTON });
    await expect.poll(async () => (await buttons.count()) === 3 && (await buttons.evaluateAll((els) => els.every((el) => /, \d/.test(el.getAttribute('aria-label') ?? ''))))).toBe(true);
    const dropped = (await popup.getByRole('button', { name: copyButtonName(label(DROPPED)) }).getAttribute('aria-label')) ?? '';
    const uri = formatOtpauthUri(DROPPED);
    expect([independentTotp(uri, Date.now() - 1000), independentTotp(uri, Date.now())]).toContain(codeFromName(dropped));
    await popup.close();
  });

  it('an account’s QR code in the popup, behind the warning, reads back as its otpauth URI and is hidden again after 60 s', async () => {
    const popup = await ext.context.newPage();
    // Fake timers from the start, so the 60 s can pass at once.
    await popup.clock.install();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(ext.url('src/popup/index.html'));
    await popup.getByRole('button', { name: `More actions for ${label(DROPPED)}` }).click();
    await popup.getByRole('menuitem', { name: 'Show QR code' }).click();
    const dialog = popup.getByRole('dialog', { name: `QR code of ${label(DROPPED)}` });
    const image = dialog.getByRole('img', { name: `QR code of ${label(DROPPED)} for an authenticator app` });
    await dialog.getByText(/^Warning: this QR code is the account’s secret key/).waitFor();
    expect(await image.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Show the QR code' }).click();

    const [text, ...others] = await readQr(image);
    expect(others).toEqual([]);
    expect(text).toBe(formatOtpauthUri(DROPPED));

    await popup.clock.fastForward(59_000);
    expect(await image.count()).toBe(1);
    await popup.clock.fastForward(1_000);
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('The QR code was hidden again.');
    expect(await image.count()).toBe(0);
    await popup.close();
  });

  it('Google Authenticator QR codes: after the master password, one code at a time ("k of n"), each read back holds its accounts; the ones it cannot hold are listed with the reason', async () => {
    await addAccountsViaOptions(ext, [...MORE, PERIOD_60, DIGITS_7].map(formatOtpauthUri));
    const security = await ext.openOptions('#security');
    await setMasterPassword(security, MASTER_PASSWORD);
    await security.close();

    const page = await ext.openOptions('#backup');
    const form = page.getByRole('form', { name: 'Google Authenticator QR codes' });
    await form.getByRole('radio', { name: 'All accounts (15)' }).check();
    await form.getByLabel('Master password').fill('wrong password');
    await form.getByRole('button', { name: 'Show the QR codes' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 15_000 }).toBe('Wrong master password. Nothing was shown.');
    expect(await form.getByRole('img').count()).toBe(0);

    await form.getByLabel('Master password').fill(MASTER_PASSWORD);
    await form.getByRole('button', { name: 'Show the QR codes' }).click();
    const first = form.getByRole('group', { name: /^QR code 1 of \d+$/ });
    await first.waitFor({ timeout: 15_000 });
    const total = Number(/of (\d+)$/.exec((await first.getByRole('heading').textContent()) ?? '')?.[1]);
    expect(total).toBe(2);

    const left = form.getByRole('list', { name: 'Not in these QR codes (2)' });
    expect(await left.getByRole('listitem').allTextContents()).toEqual([
      `${label(PERIOD_60)} — its codes change every 60 seconds, and Google Authenticator only has 30-second codes`,
      `${label(DIGITS_7)} — its codes have 7 digits; Google Authenticator on Android shows 6 whatever the account says, so they would be wrong`,
    ]);

    const exported: AccountDraft[] = [];
    let batchId: number | undefined;
    for (let k = 1; k <= total; k++) {
      const group = form.getByRole('group', { name: `QR code ${k} of ${total}` });
      await group.waitFor();
      // One code on screen at a time.
      expect(await form.getByRole('img').count()).toBe(1);
      const [uri, ...others] = await readQr(group.getByRole('img', { name: `Google Authenticator QR code ${k} of ${total}` }));
      expect(others).toEqual([]);
      const batch = parseMigrationUri(uri ?? '');
      expect({ batchIndex: batch.batchIndex, batchSize: batch.batchSize }).toEqual({ batchIndex: k - 1, batchSize: total });
      batchId ??= batch.batchId;
      expect(batch.batchId).toBe(batchId);
      expect(batch.accounts.length).toBeLessThanOrEqual(10);
      for (const account of batch.accounts) {
        if (!account.ok) throw new Error(`QR code ${k} holds an account that cannot be read: ${account.error.message}`);
        exported.push(account.draft);
      }
      expect(await group.getByText(/^In this code: /).textContent()).toBe(`In this code: ${batch.accounts.map((account) => (account.ok ? label(account.draft) : '')).join(', ')}.`);
      if (k < total) await group.getByRole('button', { name: 'Next' }).click();
    }
    const fields = ({ secret, issuer, name, digits, algorithm, period, type }: AccountDraft) => ({ secret, issuer, name, digits, algorithm, period, type });
    expect(exported.map(fields)).toEqual([CHOSEN, DROPPED, PASTED, ...MORE].map((account) => fields(draftOf(account))));

    await form.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('The QR codes are hidden.');
    expect(await form.getByRole('img').count()).toBe(0);
    await page.close();
  });
});
