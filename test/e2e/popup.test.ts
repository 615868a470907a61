import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClipboardReader } from '../support/clipboard-reader.ts';
import { decodeStoredVault } from '../support/decode-stored-vault.ts';
import { codeFromName, independentHotp, independentTotp, nextCodeFromName } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { copyButtonName } from '../support/copy-button-name.ts';

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS = 'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services&algorithm=SHA256&digits=8&period=60';
const BANK = 'otpauth://hotp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=5';
const SHOTS = 'test-results/screenshots';

let ext: LoadedExtension;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext.close();
});

async function pasteUris(page: Page, lines: string[]): Promise<void> {
  await page.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(lines.join('\n'));
  await page.getByRole('button', { name: 'Add accounts' }).click();
}

/** The code a row shows, checked against the otpauth library at the same instant (either side of a period boundary). */
async function expectShownTotp(page: Page, label: RegExp, uri: string): Promise<string> {
  const button = page.getByRole('button', { name: label });
  await expect.poll(async () => (await button.getAttribute('aria-label')) ?? '').toMatch(/, \d/);
  const before = Date.now();
  const shown = codeFromName((await button.getAttribute('aria-label')) ?? '');
  const after = Date.now();
  expect([independentTotp(uri, before), independentTotp(uri, after)]).toContain(shown);
  return shown;
}

describe('popup and adding accounts', () => {
  it('shows an empty state that leads to adding an account', async () => {
    const popup = await ext.openPopup();
    await expect.poll(() => popup.getByRole('heading', { name: 'No accounts yet' }).isVisible()).toBe(true);
    await popup.screenshot({ path: `${SHOTS}/popup-empty.png` });
    const [options] = await Promise.all([ext.context.waitForEvent('page'), popup.getByRole('button', { name: 'Add your first account' }).click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(ext.url('src/options/index.html#add'));
    await options.close();
    await popup.close();
  });

  it('adds pasted links line by line: valid lines added, bad lines reported, duplicates skipped', async () => {
    const options = await ext.openOptions('#add');
    const steam = 'otpauth://totp/Steam:gaben?secret=JBSWY3DPEHPK3PXQ&issuer=Steam&encoder=steam';
    await pasteUris(options, [GITHUB, 'otpauth://totp/Broken?secret=NOT-BASE32-1!', '', AWS, GITHUB.replace('JBSWY3DPEHPK3PXP', 'jbsw y3dp ehpk 3pxp'), steam]);
    const status = options.getByRole('status').filter({ hasText: 'added' });
    await expect.poll(() => status.textContent()).toBe('2 added, 1 already present, 2 with errors.');
    const report = options.getByRole('list', { name: 'Result' });
    expect(await report.getByRole('listitem').allTextContents()).toEqual([
      'Line 1: added GitHub (alice@example.com)',
      expect.stringMatching(/^Line 2: the secret key has a character base32 does not use/) as string,
      'Line 4: added Amazon Web Services (bob@example.com)',
      'Line 5: GitHub (alice@example.com) is already in Keystep',
      'Line 6: this account uses the “steam” code format (e.g. Steam Guard), which Keystep does not support: its codes would be wrong',
    ]);
    // Only the failed lines stay in the box, to be fixed in place.
    expect(await options.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).inputValue()).toBe(`otpauth://totp/Broken?secret=NOT-BASE32-1!\n${steam}`);
    await options.screenshot({ path: `${SHOTS}/options-add.png`, fullPage: true });
    await options.close();
  });

  it('adds an HOTP account by hand with the advanced fields, and refuses bad input with a specific message', async () => {
    const options = await ext.openOptions('#add');
    const form = options.getByRole('form', { name: 'Enter a secret key' });
    await form.getByRole('textbox', { name: 'Issuer (service)' }).fill('Bank');
    await form.getByRole('textbox', { name: 'Account name' }).fill('carol');
    await form.getByRole('textbox', { name: 'Secret key (base32)' }).fill('GEZDGNBVGY3TQOJQ GEZDGNBVGY3TQOJ1');
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/character base32 does not use/);
    expect(await form.getByRole('textbox', { name: 'Secret key (base32)' }).getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('textbox', { name: 'Secret key (base32)' }).fill('gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
    await form.getByText('Advanced').click();
    await form.getByRole('combobox', { name: 'Type' }).selectOption('hotp');
    await form.getByRole('spinbutton', { name: 'Counter' }).fill('5');
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Added Bank (carol).');
    // The same account again is not duplicated.
    await form.getByRole('textbox', { name: 'Issuer (service)' }).fill('Bank');
    await form.getByRole('textbox', { name: 'Account name' }).fill('carol');
    await form.getByRole('textbox', { name: 'Secret key (base32)' }).fill('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    await form.getByRole('combobox', { name: 'Type' }).selectOption('hotp');
    await form.getByRole('spinbutton', { name: 'Counter' }).fill('5');
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Bank (carol) is already in Keystep; nothing was added.');
    await options.close();
  });

  it('shows each current code, equal to an independent computation, and copies it', async () => {
    const popup = await ext.openPopup();
    const github = await expectShownTotp(popup, copyButtonName('GitHub (alice@example.com)'), GITHUB);
    await expectShownTotp(popup, copyButtonName('Amazon Web Services (bob@example.com)'), AWS);
    expect(codeFromName((await popup.getByRole('button', { name: copyButtonName('Bank (carol)') }).getAttribute('aria-label')) ?? '')).toBe(independentHotp(BANK, 5));
    expect(await popup.getByRole('list', { name: 'Accounts' }).getByRole('listitem').count()).toBe(3);
    await popup.screenshot({ path: `${SHOTS}/popup-light.png` });

    const clipboard = await createClipboardReader(ext.context);
    await popup.bringToFront();
    await popup.getByRole('button', { name: copyButtonName('GitHub (alice@example.com)') }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Copied. Cleared from the clipboard in 30 s.');
    const copied = await clipboard.read();

    expect([github, independentTotp(GITHUB, Date.now())]).toContain(copied);
    await clipboard.close();
    await popup.close();
  });

  it('HOTP: "next code" shows the following code and the counter survives reopening', async () => {
    let popup = await ext.openPopup();
    const bank = () => popup.getByRole('button', { name: copyButtonName('Bank (carol)') });
    await expect.poll(async () => codeFromName((await bank().getAttribute('aria-label')) ?? '')).toBe(independentHotp(BANK, 5));
    await popup.getByRole('button', { name: 'Generate the next code for Bank (carol)' }).click();
    await expect.poll(async () => codeFromName((await bank().getAttribute('aria-label')) ?? '')).toBe(independentHotp(BANK, 6));
    await popup.close();
    popup = await ext.openPopup();
    await expect.poll(async () => codeFromName((await bank().getAttribute('aria-label')) ?? '')).toBe(independentHotp(BANK, 6));
    await popup.close();
  });

  it('filters as you type, with "/" to search and arrows and Enter to copy', async () => {
    const popup = await ext.openPopup();
    const search = popup.getByRole('searchbox', { name: 'Search accounts' });
    await popup.getByRole('list', { name: 'Accounts' }).waitFor();
    await popup.keyboard.press('/');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('web serv');
    const items = popup.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    await search.fill('nothing like this');
    await expect.poll(() => popup.getByText('No account matches “nothing like this”.').isVisible()).toBe(true);
    await search.fill('');
    await expect.poll(() => items.count()).toBe(3);
    await search.press('ArrowDown');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^GitHub/);
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Amazon Web Services/);
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Copied. Cleared from the clipboard in 30 s.');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.close();
  });

  it('renames, pins, reorders and deletes (after confirming) through the account menu', async () => {
    const popup = await ext.openPopup();
    const labels = async () =>
      (await popup.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: /^More actions for / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((n) => n.replace(/^More actions for /, ''));
    await expect.poll(labels).toEqual(['GitHub (alice@example.com)', 'Amazon Web Services (bob@example.com)', 'Bank (carol)']);

    await popup.getByRole('button', { name: 'More actions for Bank (carol)' }).click();
    await popup.getByRole('menuitem', { name: 'Pin to top' }).click();
    await expect.poll(labels).toEqual(['Bank (carol)', 'GitHub (alice@example.com)', 'Amazon Web Services (bob@example.com)']);

    await popup.getByRole('button', { name: 'More actions for Amazon Web Services (bob@example.com)' }).click();
    await popup.getByRole('menuitem', { name: 'Move up' }).click();
    await expect.poll(labels).toEqual(['Bank (carol)', 'Amazon Web Services (bob@example.com)', 'GitHub (alice@example.com)']);

    await popup.getByRole('button', { name: 'More actions for GitHub (alice@example.com)' }).click();
    await popup.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = popup.getByRole('dialog', { name: 'Rename GitHub (alice@example.com)' });
    // A colon could not be exported (the otpauth label is "issuer:name"): refused with the reason, as when adding.
    await rename.getByRole('textbox', { name: 'Issuer (service)' }).fill('GitHub: Enterprise');
    expect(await rename.getByText('cannot be used').textContent()).toBe('“GitHub: Enterprise” cannot be used: issuer and account name may not contain a colon or control characters');
    expect(await rename.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await rename.getByRole('textbox', { name: 'Issuer (service)' }).fill('GitHub Enterprise');
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect.poll(labels).toContain('GitHub Enterprise (alice@example.com)');

    await popup.getByRole('button', { name: 'More actions for Amazon Web Services (bob@example.com)' }).click();
    await popup.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = popup.getByRole('dialog', { name: 'Delete Amazon Web Services (bob@example.com)?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(labels).toHaveLength(3);
    await popup.getByRole('button', { name: 'More actions for Amazon Web Services (bob@example.com)' }).click();
    await popup.getByRole('menuitem', { name: 'Delete' }).click();
    await popup.getByRole('dialog', { name: /^Delete Amazon/ }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(labels).toEqual(['Bank (carol)', 'GitHub Enterprise (alice@example.com)']);

    // The edits are stored, not just shown.
    await popup.reload();
    await expect.poll(labels).toEqual(['Bank (carol)', 'GitHub Enterprise (alice@example.com)']);
    await popup.close();
  });

  it('shows the next code in the last seconds of a period', async () => {
    const uri = 'otpauth://totp/Short:dave?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Short&period=10';
    const options = await ext.openOptions('#add');
    await pasteUris(options, [uri]);
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'added' }).textContent()).toBe('1 added, 0 already present, 0 with errors.');
    await options.close();
    const popup = await ext.openPopup();
    const button = popup.getByRole('button', { name: copyButtonName('Short (dave)') });
    // A 10 s period spends its last 5 s showing the next code: it appears within 6 s.
    await expect.poll(async () => nextCodeFromName((await button.getAttribute('aria-label')) ?? ''), { timeout: 7000 }).toMatch(/^\d{6}$/);
    const before = Date.now();
    const name = (await button.getAttribute('aria-label')) ?? '';
    const after = Date.now();
    expect([independentTotp(uri, before + 10_000), independentTotp(uri, after + 10_000)]).toContain(nextCodeFromName(name));
    await popup.close();
    // Remove it again so later tests see the accounts they expect.
    const cleanup = await ext.openPopup();
    await cleanup.getByRole('button', { name: 'More actions for Short (dave)' }).click();
    await cleanup.getByRole('menuitem', { name: 'Delete' }).click();
    await cleanup.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => cleanup.getByRole('button', { name: /^Short/ }).count()).toBe(0);
    await cleanup.close();
  });

  it('loses no account when two pages add at the same moment', async () => {
    const [left, right] = await Promise.all([ext.openOptions('#add'), ext.openOptions('#add')]);
    const batch = (prefix: string) =>
      Array.from({ length: 15 }, (_, i) => `otpauth://totp/${prefix}${i}:user?secret=${'ABCDEFGHIJKLMNOP'.slice(0, 14)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i]}${prefix === 'L' ? 'A' : 'B'}&issuer=${prefix}${i}`);
    await left.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(batch('L').join('\n'));
    await right.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(batch('R').join('\n'));
    await Promise.all([left.getByRole('button', { name: 'Add accounts' }).click(), right.getByRole('button', { name: 'Add accounts' }).click()]);
    await expect.poll(() => left.getByRole('status').filter({ hasText: 'added' }).textContent()).toBe('15 added, 0 already present, 0 with errors.');
    await expect.poll(() => right.getByRole('status').filter({ hasText: 'added' }).textContent()).toBe('15 added, 0 already present, 0 with errors.');
    const popup = await ext.openPopup();
    await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('user');
    await expect.poll(() => popup.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first().getAttribute('aria-setsize')).toBe('30');
    await Promise.all([left.close(), right.close(), popup.close()]);
  });

  it('follows the dark color scheme', async () => {
    const popup = await ext.openPopup();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.getByRole('list', { name: 'Accounts' }).waitFor();
    const background = await popup.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(21, 24, 28)');
    await popup.screenshot({ path: `${SHOTS}/popup-dark.png` });
    await popup.close();
  });

  it('shows the accounts it can read when a stored entry is damaged, and an edit keeps that entry', async () => {
    /** The plain record with its account list decoded (vault schema 3 stores it as JSON text). */
    interface StoredVault {
      schema?: number;
      revision: number;
      accounts: unknown[];
    }
    interface LocalArea {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    }
    const page = await ext.openOptions('#add');
    const damaged = { id: 'damaged-entry', type: 'totp', issuer: 'Half written' };
    const readVault = async (): Promise<StoredVault> =>
      decodeStoredVault(await page.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local.get('vault'))['vault'])) as StoredVault;
    const writeVault = ({ accounts, ...header }: StoredVault) =>
      page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local.set({ vault: v }), { ...header, accountsJson: JSON.stringify(accounts) });
    const before = await readVault();
    await writeVault({ ...before, revision: before.revision + 1, accounts: [...before.accounts, damaged] });

    const popup = await ext.openPopup();
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Stored accounts this version of Keystep cannot read: 1. They are not shown, and kept unchanged in storage.');
    await expect.poll(() => popup.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(before.accounts.length));
    // An edit through the popup writes the damaged entry back as it was.
    await popup.getByRole('button', { name: /^More actions for / }).first().click();
    await popup.getByRole('menuitem', { name: /^(Pin to top|Unpin)$/ }).click();
    await expect.poll(async () => (await readVault()).revision).toBe(before.revision + 2);
    expect((await readVault()).accounts).toContainEqual(damaged);
    await popup.close();

    // A record from a newer build: nothing shown as empty, the reason and the fix said, storage untouched.
    const current = await readVault();
    const future = { ...current, schema: 99 };
    await writeVault(future);
    const newer = await ext.openPopup();
    await expect
      .poll(() => newer.getByRole('alert').textContent())
      .toBe('Keystep could not read its stored accounts: they were saved by a newer version of Keystep (vault schema 99; this version reads up to schema 3). Update Keystep to see them. They were left untouched.');
    expect(await newer.getByRole('heading', { name: 'No accounts yet' }).count()).toBe(0);
    await newer.close();
    expect(await readVault()).toEqual(future);

    // Leave the store as the other tests expect it.
    await writeVault({ ...current, revision: current.revision + 1, accounts: current.accounts.filter((a) => (a as { id?: unknown }).id !== damaged.id) });
    await page.close();
  });

  it('a vault stored by the build before (schema 2, the list as a list) shows every account, and the next write stores the same entries as schema 3', async () => {
    interface LocalArea {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    }
    const page = await ext.openOptions('#add');
    const readRaw = () => page.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local.get('vault'))['vault'] as Record<string, unknown>);
    const writeRaw = (vault: object) => page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local.set({ vault: v }), vault);
    const current = decodeStoredVault(await readRaw()) as { revision: number; accounts: { id: string; issuer: string }[] };
    expect(current.accounts.length).toBeGreaterThan(0);
    await writeRaw({ schema: 2, format: 'plain', revision: current.revision + 1, accounts: current.accounts });

    const popup = await ext.openPopup();
    await expect.poll(() => popup.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(current.accounts.length));
    await popup.close();
    await pasteUris(page, ['otpauth://totp/Schema%20Three:dora?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43V&issuer=Schema%20Three']);
    await expect.poll(async () => (await readRaw())['schema']).toBe(3);
    const written = await readRaw();
    expect(Object.keys(written).sort()).toEqual(['accountsJson', 'format', 'revision', 'schema']);
    const accounts = (decodeStoredVault(written) as { accounts: { id: string; issuer: string }[] }).accounts;
    expect(accounts.slice(0, -1)).toEqual(current.accounts);
    expect(accounts.at(-1)?.issuer).toBe('Schema Three');

    // Leave the store as the other tests expect it.
    await writeRaw({ schema: 3, format: 'plain', revision: (written['revision'] as number) + 1, accountsJson: JSON.stringify(current.accounts) });
    await page.close();
  });
});
