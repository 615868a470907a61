import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { decodeBase32 } from '../../src/core/base32.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import type { PlainVaultRecord } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { QrImageError } from '../../src/platform/qr-image-error.ts';
import { TabCaptureError } from '../../src/platform/tab-capture-error.ts';
import { App } from '../../src/popup/app.tsx';
import { ScanDialog } from '../../src/popup/scan-dialog.tsx';
import type { QrDecoder } from '../../src/services/scan-for-codes.ts';
import { account, numberedDraft } from '../support/account-fixtures.ts';
import { fakeBrowser } from '../support/fake-browser.ts';
import { storedVault } from '../support/stored-vault.ts';
import { migrationPayload, migrationUri, type TestMigrationAccount } from '../support/migration-payload-writer.ts';

const NOW = 1_700_000_000_000;
const WAIT = { timeout: 3000, interval: 10 };
const TAB = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
const uri = (n: number): string => formatOtpauthUri(numberedDraft(n));
const ga = (n: number): TestMigrationAccount => ({ secret: decodeBase32(numberedDraft(n).secret), name: `user${n}@example.com`, issuer: `Service ${n}`, algorithm: 1, digits: 1, type: 2 });
const batch = (index: number, ns: readonly number[]): string => migrationUri(migrationPayload({ accounts: ns.map(ga), version: 1, batchSize: 2, batchIndex: index, batchId: 42 }));

const stored = (): PlainVaultRecord | undefined => storedVault() as PlainVaultRecord | undefined;

/** A decoder that answers each scan with the next list of texts. */
function decoderOf(...scans: readonly (readonly string[])[]): QrDecoder {
  let next = 0;
  return { readQrCodes: () => Promise.resolve((scans[Math.min(next++, scans.length - 1)] ?? []).map((text) => ({ text }))) };
}

async function renderDialog(decoder: QrDecoder, capture: () => Promise<Blob> = () => Promise.resolve(TAB), pageUrl: () => Promise<string | undefined> = () => Promise.resolve(undefined)) {
  const store = createAccountStore();
  const { accounts } = await store.load();
  let ids = 0;
  const onClose = vi.fn();
  render(<ScanDialog store={store} accounts={accounts} clock={() => NOW} newId={() => `new-${++ids}`} capture={capture} pageUrl={pageUrl} decoder={decoder} onClose={onClose} />);
  const dialog = screen.getByRole('dialog', { name: 'Scan QR code' });
  return { dialog, onClose };
}

const previewItems = (dialog: HTMLElement): string[] => within(within(dialog).getByRole('list', { name: 'Preview' })).getAllByRole('listitem').map((li) => li.textContent);

describe('ScanDialog', () => {
  it('scans at once; one account: its preview, and Add stores it', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1)]));
    await vi.waitFor(() => expect(previewItems(dialog)).toEqual(['Service 1 (user1@example.com) — New']), WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Accounts added: 1. Already in Keystep: 0.'), WAIT);
    expect(stored()?.accounts).toEqual([{ ...numberedDraft(1), id: 'new-1', createdAt: NOW, pinned: false, status: 'active' }]);
    expect(within(dialog).queryByRole('list', { name: 'Preview' })).toBeNull();
  });

  it('several account codes: the user chooses, and only those are previewed; a link found beside them is named', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [account('a2')] } });
    const { dialog } = await renderDialog(decoderOf([uri(1), 'https://example.com/help', uri(2), uri(3)]));
    const group = await within(dialog).findByRole('group', { name: '3 QR codes with accounts found: choose the ones to add' }, WAIT);
    expect(within(dialog).getByText('Also found, not accounts: a link to https://example.com.')).toBeTruthy();
    const boxes = within(group).getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map((box) => [box.labels?.[0]?.textContent, box.checked])).toEqual([
      ['Service 1 (user1@example.com)', true],
      ['Service 2 (user2@example.com)', true],
      ['Service 3 (user3@example.com)', true],
    ]);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Service 3 (user3@example.com)' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Show the accounts' }));
    await vi.waitFor(() => expect(previewItems(dialog)).toEqual(['Service 1 (user1@example.com) — New', 'Service 2 (user2@example.com) — Already in Keystep']), WAIT);
    expect(within(dialog).queryByRole('group')).toBeNull();
  });

  it('choosing none leaves the button disabled', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1), uri(2)]));
    const group = await within(dialog).findByRole('group', {}, WAIT);
    for (const box of within(group).getAllByRole('checkbox')) fireEvent.click(box);
    expect(within(group).getByRole<HTMLButtonElement>('button', { name: 'Show the accounts' }).disabled).toBe(true);
  });

  it.each<[title: string, texts: string[], message: string]>([
    ['no QR code', [], 'No QR code found in this tab. Make sure the whole QR code is visible (scroll, or zoom out), then scan again.'],
    [
      'codes that are not accounts',
      ['https://example.com/login?token=abc', 'WIFI:S:home;P:pw;;'],
      'No account in what was found: a link to https://example.com; text that is not an account. Nothing was imported.',
    ],
  ])('%s: says so, and nothing is added', async (_, texts, message) => {
    const { dialog } = await renderDialog(decoderOf(texts));
    await vi.waitFor(() => expect(within(dialog).getByText(message)).toBeTruthy(), WAIT);
    expect(within(dialog).queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(stored()).toBeUndefined();
  });

  it.each<[title: string, error: Error, message: string]>([
    [
      'a tab the browser will not capture',
      new TabCaptureError('Cannot access a chrome:// URL'),
      'Keystep cannot look at this tab: the browser lets no extension capture its own pages (chrome://), the Chrome Web Store or other extensions’ pages. Open the page with the QR code in a normal tab, then scan again.',
    ],
    ['a capture that is no image', new QrImageError('not an image'), 'This file is not an image the browser can open (PNG, JPEG, WebP, GIF or BMP). Nothing was imported.'],
    ['a decoder that did not load', new Error('CompileError'), 'Could not read QR codes: CompileError'],
  ])('%s: an alert says why', async (_, error, message) => {
    const { dialog } = await renderDialog(decoderOf([]), () => Promise.reject(error));
    await vi.waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe(message), WAIT);
  });

  it('a Google Authenticator export: "1 of 2", the next code by scanning again, then every account', async () => {
    const { dialog } = await renderDialog(decoderOf([batch(1, [3])], [batch(1, [3])], [batch(0, [1, 2])]));
    await vi.waitFor(() => expect(previewItems(dialog)).toEqual(['Service 3 (user3@example.com) — New']), WAIT);
    expect(
      within(dialog).getByText(
        'QR codes of this Google Authenticator export scanned: 1 of 2. QR codes still to scan: 1. Show the next one and scan it too; the accounts below can be added now or with the rest.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scan again' }));
    await vi.waitFor(() => expect(within(dialog).getByText('This QR code was already scanned. Show the next one.')).toBeTruthy(), WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scan again' }));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(3), WAIT);
    expect(previewItems(dialog)).toEqual(['Service 1 (user1@example.com) — New', 'Service 2 (user2@example.com) — New', 'Service 3 (user3@example.com) — New']);
    expect(within(dialog).getByText('QR codes of this Google Authenticator export scanned: 2 of 2.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 3 accounts' }));
    await vi.waitFor(() => expect(stored()?.accounts.map((a) => a.issuer)).toEqual(['Service 1', 'Service 2', 'Service 3']), WAIT);
  });

  it('Cancel drops what was scanned; Close closes', async () => {
    const { dialog, onClose } = await renderDialog(decoderOf([uri(1)]));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(1), WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).getByRole('status').textContent).toBe('Nothing was imported.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(stored()).toBeUndefined();
  });
});

describe('ScanDialog: the page the QR code was shown on', () => {
  const at = (url: string | undefined) => () => Promise.resolve(url);
  const bindBox = (dialog: HTMLElement, site: string) => within(dialog).getByRole<HTMLInputElement>('checkbox', { name: `Bind to ${site}` });
  const BIND_HELP = "The accounts added from this page's QR codes keep it as a site: the keyboard shortcut fills their code there without asking. Sites… in an account's menu changes it.";

  it('an https page: "Bind to <origin>" is checked, and Add stores the account with that site', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1)]), undefined, at('https://accounts.example.com:443/settings/2fa?step=qr'));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(1), WAIT);
    const box = bindBox(dialog, 'https://accounts.example.com');
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(BIND_HELP);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(stored()?.accounts).toHaveLength(1), WAIT);
    expect(stored()?.accounts[0]).toEqual({ ...numberedDraft(1), id: 'new-1', createdAt: NOW, pinned: false, status: 'active', sites: ['https://accounts.example.com'] });
  });

  it('unchecked, the account is added without a site', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1)]), undefined, at('https://accounts.example.com/'));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(1), WAIT);
    fireEvent.click(bindBox(dialog, 'https://accounts.example.com'));
    expect(bindBox(dialog, 'https://accounts.example.com').checked).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(stored()?.accounts).toHaveLength(1), WAIT);
    expect(stored()?.accounts[0]).not.toHaveProperty('sites');
  });

  it('a plain http page of this computer: offered unchecked with a warning; checked, it binds', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1), uri(2)]), undefined, at('http://127.0.0.1:8080/mfa'));
    const group = await within(dialog).findByRole('group', {}, WAIT);
    fireEvent.click(within(group).getByRole('button', { name: 'Show the accounts' }));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(2), WAIT);
    const box = bindBox(dialog, 'http://127.0.0.1:8080');
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'This page is not https (a server on this computer or a test name): bind it only if it is your own.',
    );
    fireEvent.click(box);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 2 accounts' }));
    await vi.waitFor(() => expect(stored()?.accounts).toHaveLength(2), WAIT);
    expect(stored()?.accounts.map((a) => a.sites)).toEqual([['http://127.0.0.1:8080'], ['http://127.0.0.1:8080']]);
  });

  it('plain http elsewhere: named, not offered', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1)]), undefined, at('http://accounts.example.com/setup'));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(1), WAIT);
    expect(within(dialog).getByText('Scanned on http://accounts.example.com, which is not https: Keystep does not bind the accounts to it.')).toBeTruthy();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
  });

  it.each(['chrome://settings/', 'file:///home/alice/setup.html', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html', 'data:text/html,x', undefined])(
    'a page that is not a site (%s): nothing offered, the account is added without a site',
    async (url) => {
      const { dialog } = await renderDialog(decoderOf([uri(1)]), undefined, at(url));
      await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(1), WAIT);
      expect(within(dialog).queryByRole('checkbox')).toBeNull();
      expect(within(dialog).queryByText(/Bind|Scanned on/)).toBeNull();
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 account' }));
      await vi.waitFor(() => expect(stored()?.accounts).toHaveLength(1), WAIT);
      expect(stored()?.accounts[0]).not.toHaveProperty('sites');
    },
  );

  it('the choice is kept across "Scan again" on the same site; an export scanned with it is not bound', async () => {
    const { dialog } = await renderDialog(decoderOf([uri(1)], [migrationUri(migrationPayload({ accounts: [ga(2)], version: 1, batchSize: 1, batchIndex: 0, batchId: 7 }))]), undefined, at('https://accounts.example.com/'));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(1), WAIT);
    fireEvent.click(bindBox(dialog, 'https://accounts.example.com'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scan again' }));
    await vi.waitFor(() => expect(previewItems(dialog)).toHaveLength(2), WAIT);
    expect(bindBox(dialog, 'https://accounts.example.com').checked).toBe(false);
    expect(within(dialog).getByText('Accounts of a Google Authenticator export are not bound: an export holds accounts of many sites.')).toBeTruthy();
    fireEvent.click(bindBox(dialog, 'https://accounts.example.com'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 2 accounts' }));
    await vi.waitFor(() => expect(stored()?.accounts).toHaveLength(2), WAIT);
    expect(stored()?.accounts.map((a) => [a.issuer, a.sites])).toEqual([
      ['Service 1', ['https://accounts.example.com']],
      ['Service 2', undefined],
    ]);
  });
});

describe('the popup toolbar', () => {
  it('"Scan QR code" opens the scan over the list; Escape closes it and the search box has the focus', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [account('a1')] } });
    render(<App store={createAccountStore()} clock={() => NOW} scanPorts={{ capture: () => Promise.resolve(TAB), decoder: decoderOf([uri(1)]) }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Scan QR code' }, WAIT));
    const dialog = await screen.findByRole('dialog', { name: 'Scan QR code' }, WAIT);
    await vi.waitFor(() => expect(previewItems(dialog)).toEqual(['Service 1 (user1@example.com) — Already in Keystep']), WAIT);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search accounts' }));
  });
});
