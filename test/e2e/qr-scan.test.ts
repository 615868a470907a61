import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/core/base32.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { draftOf, numberedDraft } from '../support/account-fixtures.ts';
import { openActionPopup, type ActionPopup } from '../support/action-popup.ts';
import { fillHarness, type FillHarness } from '../support/fill-e2e.ts';
import { FILL_PAGE_HOSTS, HOST_RESOLVER_RULES } from '../support/fill-pages/serve-fill-pages.ts';
import { independentTotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { migrationPayload, migrationUri, type TestMigrationAccount } from '../support/migration-payload-writer.ts';
import { qrPageHtml, serveQrPages, type QrPagesServer } from '../support/qr-pages.ts';
import { selfSignedCertificate } from '../support/self-signed-certificate.ts';
import { storedAccounts } from '../support/stored-accounts.ts';

// The popup's tab scan in the real browser: the real action popup (opened over the tab with the activeTab grant,
// see test/support/action-popup.ts) captures pages of a local server showing QR codes drawn by uqr. The server also
// answers under the test host name login.example.test (mapped to 127.0.0.1 by Chromium's host-resolver rules, as the
// autofill tests do), with the plain one-time-code page of test/support/fill-pages, so a scan's site can be filled on.
// A second server answers over https with a throwaway certificate (the browser ignores certificate errors), for what
// Keystep does on an https page.

const ga = (n: number): TestMigrationAccount => ({ secret: decodeBase32(numberedDraft(n).secret), name: `user${n}@example.com`, issuer: `Service ${n}`, algorithm: 1, digits: 1, type: 2 });
/** The account a sign-in site shows for enrollment, on login.example.test. */
const SITE_ACCOUNT = formatOtpauthUri(numberedDraft(5));
const SITE_LABEL = 'Service 5 (user5@example.com)';
/** The account an https sign-in site shows for enrollment. */
const HTTPS_ACCOUNT = numberedDraft(6);
/** Google Authenticator's export of accounts 11-22: two QR codes of 10 and 2 accounts (dense: about 900 characters). */
const EXPORT = [0, 1].map((index) => migrationUri(migrationPayload({ accounts: (index === 0 ? [11, 12, 13, 14, 15, 16, 17, 18, 19, 20] : [21, 22]).map(ga), version: 1, batchSize: 2, batchIndex: index, batchId: 123 })));

let server: QrPagesServer;
let httpsServer: QrPagesServer;
let ext: LoadedExtension;
let fill: FillHarness;

beforeAll(async () => {
  server = await serveQrPages({
    'one.html': qrPageHtml('Set up two-factor authentication', [{ text: formatOtpauthUri(numberedDraft(1)) }], { caption: 'Scan this code with your authenticator app.' }),
    'export.html': qrPageHtml('Transfer accounts', EXPORT.map((text) => ({ text }))),
    'export-1.html': qrPageHtml('Transfer accounts, code 1', [{ text: EXPORT[0]! }]),
    'export-2.html': qrPageHtml('Transfer accounts, code 2', [{ text: EXPORT[1]! }]),
    'not-accounts.html': qrPageHtml('Our app', [{ text: 'https://example.com/download?ref=qr' }, { text: 'WIFI:S:Guest;T:WPA;P:guest-pass;;' }]),
    'none.html': qrPageHtml('No code here', []),
    'enroll.html': qrPageHtml('Turn on two-step verification', [{ text: SITE_ACCOUNT }], { caption: 'Scan this code with your authenticator app.' }),
    'plain.html': await readFile(join(import.meta.dirname, '../support/fill-pages/plain.html'), 'utf8'),
  });
  httpsServer = await serveQrPages(
    { 'enroll.html': qrPageHtml('Turn on two-step verification', [{ text: formatOtpauthUri(HTTPS_ACCOUNT) }]) },
    { tls: await selfSignedCertificate(FILL_PAGE_HOSTS.site) },
  );
  ext = await launchExtension({ extraArgs: [HOST_RESOLVER_RULES, '--ignore-certificate-errors'] });
  fill = await fillHarness(ext, server);
});
afterAll(async () => {
  await fill.close();
  await ext.close();
  await server.close();
  await httpsServer.close();
});

const opened: Page[] = [];

/** Opens `page` in a tab, then the action popup over it, and clicks "Scan QR code". */
async function scan(page: string): Promise<ActionPopup> {
  const tab = await openTab(page);
  const popup = await openActionPopup(ext, tab);
  await popup.click('button', 'Scan QR code');
  await popup.waitFor('dialog', 'Scan QR code');
  return popup;
}

/** A new tab showing `page`; closed after the test, so the next test's tab is the window's only one. */
async function openTab(page: string): Promise<Page> {
  const tab = await ext.context.newPage();
  opened.push(tab);
  await tab.goto(server.url(page));
  return tab;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((tab) => tab.close()));
});

describe('tab scan', () => {
  it('one account QR code: its preview, and Add stores it', async () => {
    const popup = await scan('one.html');
    try {
      await popup.waitFor('list', 'Preview');
      expect(await popup.listItems('Preview')).toEqual(['Service 1 (user1@example.com) — New']);
      await popup.click('button', 'Add 1 account');
      await expect.poll(() => popup.texts('status')).toContain('Accounts added: 1. Already in Keystep: 0.');
      expect((await storedAccounts(ext)).map(draftOf)).toEqual([numberedDraft(1)]);
    } finally {
      await popup.close();
    }
  });

  it('a Google Authenticator export shown as two QR codes: choose them, see all 12 accounts, add them', async () => {
    const popup = await scan('export.html');
    try {
      await popup.waitFor('group', '2 QR codes with accounts found: choose the ones to add');
      await popup.waitFor('checkbox', 'Google Authenticator export, QR code 1 of 2 (10 accounts)');
      await popup.waitFor('checkbox', 'Google Authenticator export, QR code 2 of 2 (2 accounts)');
      await popup.click('button', 'Show the accounts');
      await popup.waitFor('list', 'Preview');
      const items = await popup.listItems('Preview');
      expect(items).toHaveLength(12);
      expect(items[0]).toBe('Service 11 (user11@example.com) — New');
      expect(items[11]).toBe('Service 22 (user22@example.com) — New');
      expect(await popup.text()).toContain('QR codes of this Google Authenticator export scanned: 2 of 2.');
      await popup.click('button', 'Add 12 accounts');
      await expect.poll(async () => (await storedAccounts(ext)).length).toBe(13);
    } finally {
      await popup.close();
    }
  });

  it('an export one QR code at a time: "1 of 2", then the next page and Scan again', async () => {
    const tab = await openTab('export-2.html');
    const popup = await openActionPopup(ext, tab);
    try {
      await popup.click('button', 'Scan QR code');
      await popup.waitFor('list', 'Preview');
      expect(await popup.text()).toContain('QR codes of this Google Authenticator export scanned: 1 of 2. QR codes still to scan: 1.');
      expect(await popup.listItems('Preview')).toEqual(['Service 21 (user21@example.com) — Already in Keystep', 'Service 22 (user22@example.com) — Already in Keystep']);
      // The page shows the next code (same origin: the grant stays with the tab).
      await tab.goto(server.url('export-1.html'));
      await popup.click('button', 'Scan again');
      await expect.poll(() => popup.text(), { timeout: 10_000 }).toContain('QR codes of this Google Authenticator export scanned: 2 of 2.');
      expect(await popup.listItems('Preview')).toHaveLength(12);
    } finally {
      await popup.close();
    }
  });

  it('QR codes that are not accounts: says what they are, adds nothing', async () => {
    const before = await storedAccounts(ext);
    const popup = await scan('not-accounts.html');
    try {
      // Reading the capture runs the wasm decoder: seconds on a loaded machine.
      await expect
        .poll(() => popup.text(), { timeout: 10_000 })
        .toContain('No account in what was found: a link to https://example.com; text that is not an account. Nothing was imported.');
      expect(await popup.text()).not.toContain('guest-pass');
      expect(await storedAccounts(ext)).toEqual(before);
    } finally {
      await popup.close();
    }
  });

  it('a page without a QR code: says so', async () => {
    const popup = await scan('none.html');
    try {
      await popup.waitFor('button', 'Scan again');
      await expect.poll(() => popup.text(), { timeout: 5000 }).toContain('No QR code found in this tab. Make sure the whole QR code is visible (scroll, or zoom out), then scan again.');
    } finally {
      await popup.close();
    }
  });
});

describe('the page a code was scanned on becomes the account\u2019s site', () => {
  it('offers "Bind to <origin>"; added with it, the Sites dialog lists it and the fill command there fills at once', async () => {
    const site = fill.origin('site');
    expect(site).toMatch(/^http:\/\/login\.example\.test:\d+$/);
    const tab = await fill.open('enroll.html', 'site');
    opened.push(tab);
    const popup = await openActionPopup(ext, tab);
    try {
      await popup.click('button', 'Scan QR code');
      await popup.waitFor('list', 'Preview');
      expect(await popup.listItems('Preview')).toEqual([`${SITE_LABEL} — New`]);
      // Plain http (a .test name, never on the internet): offered, but not checked until the user says so.
      expect(await popup.checked(`Bind to ${site}`)).toBe(false);
      expect(await popup.text()).toContain('This page is not https (a server on this computer or a test name): bind it only if it is your own.');
      await popup.click('checkbox', `Bind to ${site}`);
      expect(await popup.checked(`Bind to ${site}`)).toBe(true);
      await popup.click('button', 'Add 1 account');
      await expect.poll(() => popup.texts('status')).toContain('Accounts added: 1. Already in Keystep: 0.');
    } finally {
      await popup.close();
    }
    const added = (await storedAccounts(ext)).find((account) => draftOf(account).secret === numberedDraft(5).secret);
    expect(added?.sites).toEqual([site]);

    // The account's menu, Sites…: the site is there.
    const list = await ext.openPopup();
    try {
      // The list shows only the rows in view: find the account first.
      await list.getByRole('searchbox', { name: 'Search accounts' }).fill('user5@');
      await list.getByRole('button', { name: `More actions for ${SITE_LABEL}` }).click();
      await list.getByRole('menuitem', { name: 'Sites…' }).click();
      const dialog = list.getByRole('dialog', { name: `Sites of ${SITE_LABEL}` });
      const sites = dialog.getByRole('list', { name: 'Sites' });
      await sites.getByText(site, { exact: true }).waitFor();
      expect(await sites.getByRole('listitem').count()).toBe(1);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await list.close();
    }

    // The site's code page: the keyboard command fills the one account bound to it, without asking.
    await tab.goto(server.url('plain.html', new URL(site).hostname));
    const tabId = await fill.grant(tab);
    const before = Date.now();
    expect(await fill.command(tabId)).toMatchObject({ kind: 'filled' });
    const field = tab.getByRole('textbox', { name: 'Authentication code', exact: true });
    // A code with under 3 s left is not filled: Keystep waits for the next period, so the value can come up to 3 s later.
    await expect.poll(() => field.inputValue(), { timeout: 6000 }).toMatch(/^\d{6}$/);
    const after = Date.now();
    expect([independentTotp(SITE_ACCOUNT, before), independentTotp(SITE_ACCOUNT, after)]).toContain(await field.inputValue());
  });

  it('on an https page, "Bind to <origin>" is checked from the start, and Add binds the account to it', async () => {
    const url = httpsServer.url('enroll.html', FILL_PAGE_HOSTS.site);
    const site = new URL(url).origin;
    expect(site).toMatch(/^https:\/\/login\.example\.test:\d+$/);
    const tab = await ext.context.newPage();
    opened.push(tab);
    await tab.goto(url);
    const popup = await openActionPopup(ext, tab);
    try {
      await popup.click('button', 'Scan QR code');
      await popup.waitFor('list', 'Preview');
      expect(await popup.checked(`Bind to ${site}`)).toBe(true);
      await popup.click('button', 'Add 1 account');
      await expect.poll(() => popup.texts('status')).toContain('Accounts added: 1. Already in Keystep: 0.');
    } finally {
      await popup.close();
    }
    const added = (await storedAccounts(ext)).find((account) => draftOf(account).secret === HTTPS_ACCOUNT.secret);
    expect(added?.sites).toEqual([site]);
  });
});
