import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { decodeBase32 } from '../../src/core/base32.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import type { PlainVaultRecord } from '../../src/core/vault.ts';
import { ImageImportForm } from '../../src/options/image-import-form.tsx';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { QrImageError } from '../../src/platform/qr-image-error.ts';
import { MAX_IMAGE_BYTES, type QrDecoder } from '../../src/services/scan-for-codes.ts';
import { account, numberedDraft } from '../support/account-fixtures.ts';
import { fakeBrowser } from '../support/fake-browser.ts';
import { storedVault } from '../support/stored-vault.ts';
import { migrationPayload, migrationUri, type TestMigrationAccount } from '../support/migration-payload-writer.ts';

const NOW = 1_700_000_000_000;
const WAIT = { timeout: 3000, interval: 10 };
const uri = (n: number): string => formatOtpauthUri(numberedDraft(n));
const ga = (n: number): TestMigrationAccount => ({ secret: decodeBase32(numberedDraft(n).secret), name: `user${n}@example.com`, issuer: `Service ${n}`, algorithm: 1, digits: 1, type: 2 });
const batch = (index: number, n: number): string => migrationUri(migrationPayload({ accounts: [ga(n)], version: 1, batchSize: 2, batchIndex: index, batchId: 7 }));
const stored = (): PlainVaultRecord | undefined => storedVault() as PlainVaultRecord | undefined;

/** Images whose "pixels" are the texts of their QR codes, one per line: the fake decoder reads them back. */
const image = (texts: readonly string[], name = 'qr.png', type = 'image/png'): File => new File([texts.join('\n')], name, { type });
const decoder: QrDecoder & { seen: string[] } = {
  seen: [],
  async readQrCodes(blob) {
    const text = await blob.text();
    decoder.seen.push(text);
    if (text === 'not an image') throw new QrImageError('not an image');
    return text === '' ? [] : text.split('\n').map((line) => ({ text: line }));
  },
};

function renderForm() {
  decoder.seen.length = 0;
  let ids = 0;
  render(<ImageImportForm store={createAccountStore()} clock={() => NOW} newId={() => `new-${++ids}`} decoder={decoder} />);
  const form = screen.getByRole('form', { name: 'Add from a QR code image' });
  return { form, input: within(form).getByLabelText<HTMLInputElement>('Images with QR codes') };
}

const previewItems = (form: HTMLElement): string[] => within(within(form).getByRole('list', { name: 'Preview' })).getAllByRole('listitem').map((li) => li.textContent);

describe('ImageImportForm', () => {
  it('a chosen image: its accounts in the preview, added on Add', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [account('a1')] } });
    const { form, input } = renderForm();
    expect({ type: input.type, accept: input.accept, multiple: input.multiple }).toEqual({ type: 'file', accept: 'image/*', multiple: true });
    fireEvent.change(input, { target: { files: [image([uri(2)])] } });
    await vi.waitFor(() => expect(previewItems(form)).toEqual(['Service 2 (user2@example.com) — New']), WAIT);
    // An image has no page, so no site to offer (the popup's tab scan offers the page's).
    expect(within(form).queryByRole('checkbox', { name: /^Bind to/ })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(stored()?.accounts.map((a) => a.id)).toEqual(['a1', 'new-1']), WAIT);
    expect(stored()?.accounts[1]).not.toHaveProperty('sites');
    expect(within(form).getByRole('status').textContent).toBe('Accounts added: 1. Already in Keystep: 0.');
  });

  it('images dropped on the form, one per QR code of an export: all the accounts', async () => {
    const { form } = renderForm();
    fireEvent.drop(form, { dataTransfer: { files: [image([batch(1, 2)], 'b.png'), image([batch(0, 1)], 'a.png')], types: ['Files'] } });
    await vi.waitFor(() => expect(previewItems(form)).toEqual(['Service 1 (user1@example.com) — New', 'Service 2 (user2@example.com) — New']), WAIT);
    expect(within(form).getByText('QR codes of this Google Authenticator export scanned: 2 of 2.')).toBeTruthy();
  });

  it('a pasted screenshot is read; pasted text is left alone', async () => {
    const { form } = renderForm();
    const text = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(text, { clipboardData: { files: [] } });
    document.body.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(paste, { clipboardData: { files: [image([uri(3)], 'image.png')] } });
    document.body.dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(previewItems(form)).toEqual(['Service 3 (user3@example.com) — New']), WAIT);
    expect(within(form).queryByRole('checkbox', { name: /^Bind to/ })).toBeNull();
  });

  it('a paste while the view is hidden does nothing', () => {
    const { form } = renderForm();
    form.parentElement?.setAttribute('hidden', '');
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(paste, { clipboardData: { files: [image([uri(3)])] } });
    document.body.dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(false);
    expect(decoder.seen).toEqual([]);
  });

  it.each<[title: string, file: () => File, message: string]>([
    ['an image without a QR code', () => image([]), 'No QR code found in this image. Nothing was imported.'],
    ['a file that is not an image', () => image(['not an image'], 'notes.png'), 'This file is not an image the browser can open (PNG, JPEG, WebP, GIF or BMP). Nothing was imported.'],
    ['an image of a web link', () => image(['https://example.com/']), 'No account in what was found: a link to https://example.com. Nothing was imported.'],
    [
      'an image over 25 MB',
      () => Object.defineProperty(image([uri(1)]), 'size', { value: MAX_IMAGE_BYTES + 1 }),
      'This image is 25 MB, larger than the 25 MB Keystep reads. Crop it around the QR code, or take a screenshot of it. Nothing was imported.',
    ],
  ])('%s: says why, adds nothing', async (_, file, message) => {
    const { form, input } = renderForm();
    fireEvent.change(input, { target: { files: [file()] } });
    await vi.waitFor(() => expect(within(form).getByText(message)).toBeTruthy(), WAIT);
    expect(within(form).queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(stored()).toBeUndefined();
  });

  it('a damaged Google Authenticator code is listed as not importable, with the reason', async () => {
    const { form, input } = renderForm();
    fireEvent.change(input, { target: { files: [image(['otpauth-migration://offline?data=%2F%2F%2F'])] } });
    await vi.waitFor(() => expect(previewItems(form)).toHaveLength(1), WAIT);
    expect(previewItems(form)[0]).toMatch(/^Scanned QR code 1 — Not imported: its Google Authenticator data is damaged \(at “.+”\); copy or scan the QR code again$/);
    expect(within(form).getByRole<HTMLButtonElement>('button', { name: 'Add 0 accounts' }).disabled).toBe(true);
  });
});
