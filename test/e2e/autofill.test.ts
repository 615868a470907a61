import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { createClipboardReader } from '../support/clipboard-reader.ts';
import { storedAccountsIn } from '../support/stored-accounts.ts';
import { startFillHarness, type FillHarness } from '../support/fill-e2e.ts';
import { codeFromName, independentHotp, independentTotp } from '../support/independent-otp.ts';
import { DIST } from '../support/launch-extension.ts';
import { copyButtonName } from '../support/copy-button-name.ts';

// Filling the code into the login prompt, in the built extension, on the local fill pages served under two origins
// (login.example.test, the site; login.examp1e.test, its look-alike; and 127.0.0.1) through Chromium's host-resolver
// rules. What each test drives (test/support/fill-e2e.ts): the activeTab grant comes from CDP
// Extensions.triggerAction, as a click on the toolbar button; then either the service worker's command or
// context-menu handler (what chrome.commands.onCommand and chrome.contextMenus.onClicked call: shortcuts and native
// menus cannot be driven headless), or the real toolbar popup's Fill button, or the real chooser window. Every filled
// value is checked against an independent computation at the instants before and after the fill.

const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const BANK = 'otpauth://hotp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=5';
const SHOP = 'otpauth://totp/Shop:dave?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Shop';

let h: FillHarness;

beforeAll(async () => {
  h = await startFillHarness();
  await addAccountsViaOptions(h.ext, [GITHUB, BANK, SHOP]);
});
afterAll(async () => {
  await h.close();
});

/** Runs `fill`, and checks that `read()` then shows the TOTP code of `uri` at an instant of the fill. */
async function expectTotpFilled(uri: string, fill: () => Promise<unknown>, read: () => Promise<string>, offsetMs = 0): Promise<void> {
  const before = Date.now();
  await fill();
  // A code with under 3 s left is not filled: Keystep waits for the next period, so the value can come up to 3 s later.
  await expect.poll(read, { timeout: 6000 }).toMatch(/^\d{6}$/);
  const after = Date.now();
  expect([independentTotp(uri, before + offsetMs), independentTotp(uri, after + offsetMs)]).toContain(await read());
}

/** Sets the "clear the clipboard 30 s after a copy" setting, as the options page stores it. */
async function setClearClipboard(on: boolean): Promise<void> {
  const page = await h.ext.openOptions();
  await page.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set({ clearClipboard: value });
  }, on);
  await page.close();
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** Binds an account to a site through the popup's Sites… dialog, as a user would. */
async function bindSite(label: string, site: string): Promise<void> {
  const popup = await h.ext.openPopup();
  await popup.getByRole('button', { name: `More actions for ${label}` }).click();
  await popup.getByRole('menuitem', { name: 'Sites…' }).click();
  const dialog = popup.getByRole('dialog', { name: `Sites of ${label}` });
  await dialog.getByRole('textbox', { name: 'Add a site (its address)' }).fill(`${site}/sign-in`);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.getByRole('list', { name: 'Sites' }).getByText(site, { exact: true }).waitFor();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await popup.close();
}

describe('the fill triggers and permissions', () => {
  it('has the fill command on Alt+Shift+K and the context-menu item, with activeTab, scripting, contextMenus and offscreen only', async () => {
    type Chrome = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> }; contextMenus: { update(id: string, p: object): Promise<void> } };
    const commands = await h.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'fill-code')?.shortcut).toBe('Alt+Shift+K');
    // contextMenus has no getter: updating the item fails when it does not exist.
    expect(await h.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.contextMenus.update('keystep-fill-code', {}).then(() => 'exists', String))).toBe('exists');
    const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['permissions']).toEqual(['storage', 'clipboardWrite', 'alarms', 'activeTab', 'scripting', 'contextMenus', 'offscreen']);
    expect(manifest['host_permissions']).toBeUndefined();
    expect(manifest['content_scripts']).toBeUndefined();
    expect(manifest['optional_host_permissions']).toBeUndefined();
  });

  it('binds accounts to their sites through the Sites… dialog', async () => {
    await bindSite('GitHub (alice)', h.origin('site'));
    await bindSite('Bank (carol)', h.origin('local'));
    expect((await storedAccountsIn(h.worker)).map((a) => [a.issuer, a.sites])).toEqual([
      ['GitHub', [h.origin('site')]],
      ['Bank', [h.origin('local')]],
      ['Shop', undefined],
    ]);
  });
});

describe('the keyboard command on the account’s own site fills at once', () => {
  it.each<[string, string, (page: Page) => Promise<string>]>([
    ['a plain one-time-code field', 'plain.html', (page) => textbox(page, 'Authentication code').inputValue()],
    // The component's own state shows the code: a React-style controlled input saw the input event.
    ['a React-style controlled input', 'react-like.html', async (page) => ((await page.getByRole('status').first().textContent()) ?? '')],
    ['six segmented boxes', 'segmented.html', async (page) => (await Promise.all([1, 2, 3, 4, 5, 6].map((n) => textbox(page, `Digit ${n}`).inputValue()))).join('')],
    // Its label points at the hidden copy's id (the page renders each form twice): the one visible textbox is the field.
    ['a Cognito classic hosted UI look-alike', 'cognito-hosted-ui-like.html', (page) => page.getByRole('textbox').inputValue()],
    ['a Cognito managed login look-alike', 'managed-login-like.html', async (page) => ((await page.getByRole('status').first().textContent()) ?? '')],
  ])('%s', async (_, file, read) => {
    const page = await h.open(file, 'site');
    const tabId = await h.grant(page);
    await expectTotpFilled(GITHUB, async () => expect(await h.command(tabId)).toMatchObject({ kind: 'filled' }), () => read(page));
    await expect.poll(async () => (await h.badge(tabId)).text).toBe('✓');
    await page.close();
  });

  it('fills the verification code, never the backup code', async () => {
    const page = await h.open('backup-and-verification.html', 'site');
    const tabId = await h.grant(page);
    await expectTotpFilled(GITHUB, () => h.command(tabId), () => textbox(page, 'Verification code from your authenticator app').inputValue());
    expect(await textbox(page, 'Backup code').inputValue()).toBe('');
    await page.close();
  });

  it('fills the field of a same-origin frame when the page itself has none', async () => {
    const page = await h.open('framed.html', 'site');
    const frame = page.getByTitle('Same-origin sign-in').contentFrame();
    await frame.getByRole('textbox', { name: 'Authentication code' }).waitFor();
    const tabId = await h.grant(page);
    let result: { kind: string; frameId?: number } | undefined;
    await expectTotpFilled(
      GITHUB,
      async () => {
        result = await h.command(tabId);
      },
      () => frame.getByRole('textbox', { name: 'Authentication code' }).inputValue(),
    );
    expect(result?.kind).toBe('filled');
    // Not the top frame, which has no field: the frame the probe found.
    expect(result?.frameId).toBeGreaterThan(0);
    await page.close();
  });

  it('the context menu on a field fills that field', async () => {
    const page = await h.open('plain.html', 'site');
    const tabId = await h.grant(page);
    // A right-click focuses the field it is on.
    await textbox(page, 'Authentication code').focus();
    await expectTotpFilled(GITHUB, async () => expect(await h.contextMenu(tabId, 0)).toMatchObject({ kind: 'filled', frameId: 0 }), () => textbox(page, 'Authentication code').inputValue());
    await page.close();
  });

  it('an HOTP account: each fill is the next counter’s code, and the counter is saved', async () => {
    const page = await h.open('plain.html', 'local');
    const tabId = await h.grant(page);
    expect(await h.command(tabId)).toMatchObject({ kind: 'filled' });
    expect(await textbox(page, 'Authentication code').inputValue()).toBe(independentHotp(BANK, 5));
    await page.reload();
    expect(await h.command(tabId)).toMatchObject({ kind: 'filled' });
    expect(await textbox(page, 'Authentication code').inputValue()).toBe(independentHotp(BANK, 6));
    await page.close();
    const popup = await h.ext.openPopup();
    await expect.poll(async () => codeFromName((await popup.getByRole('button', { name: copyButtonName('Bank (carol)') }).getAttribute('aria-label')) ?? '')).toBe(independentHotp(BANK, 7));
    await popup.close();
  });
});

describe('where the code cannot be filled', () => {
  it('a page that asks with window.prompt: the code is copied instead and the toolbar button says so; the prompt keeps what the user types', async () => {
    // Clearing off for this test: a clear due from an earlier test's copy must not empty the clipboard before it is
    // read (the clearing of the fill's copy has its own test, test/e2e/clipboard-clearing.test.ts).
    await setClearClipboard(false);
    const clipboard = await createClipboardReader(h.ext.context);
    const page = await h.open('prompt.html', 'site');
    const tabId = await h.grant(page);
    // Keep the prompt open (Playwright would otherwise dismiss it at once): Chrome holds injections meanwhile.
    const dialog = new Promise<{ accept(text: string): Promise<void> }>((resolve) => page.once('dialog', resolve));
    // The click returns once the prompt is answered.
    const clicking = page.getByRole('button', { name: 'Enter code' }).click();
    const prompt = await dialog;
    const before = Date.now();
    const result = await h.command(tabId);
    const after = Date.now();
    expect(result).toMatchObject({ kind: 'copied', reason: 'timeout' });
    expect(await h.badge(tabId)).toEqual({ text: '⧉', title: 'Keystep: no field on this page took the code, so it was copied' });
    expect([independentTotp(GITHUB, before), independentTotp(GITHUB, after)]).toContain(await clipboard.read());
    await prompt.accept('typed by hand');
    await clicking;
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Entered typed by hand');
    await clipboard.close();
    await page.close();
    await setClearClipboard(true);
  });
});

describe('a look-alike of the site', () => {
  it('is never filled silently: the chooser names the page and the sites, and fills only the account picked', async () => {
    const page = await h.open('look-alike.html', 'lookAlike');
    const tabId = await h.grant(page);
    const chooserOpened = h.ext.context.waitForEvent('page', (p) => p.url().includes('chooser='));
    expect(await h.command(tabId)).toMatchObject({ kind: 'chooser', reason: 'none' });
    const chooser = await chooserOpened;
    await chooser.getByRole('heading', { name: 'Fill a code into this page?' }).waitFor();
    expect(await chooser.getByText(h.origin('lookAlike'), { exact: true }).isVisible()).toBe(true);
    expect(await chooser.getByRole('note').textContent()).toMatch(new RegExp(`^No account is set up for ${new URL(h.origin('lookAlike')).host.replace(/\./g, '\\.')}\\.`));
    const github = chooser.getByRole('button', { name: 'Fill with GitHub (alice)' });
    expect(await github.getAttribute('aria-describedby').then((id) => chooser.locator(`[id="${id ?? ''}"]`).textContent())).toBe(`Sites: ${h.origin('site')}`);
    expect(await chooser.getByRole('checkbox', { name: /^Remember login\.examp1e\.test/ }).isChecked()).toBe(false);
    // Nothing was filled while the chooser waits.
    expect(await textbox(page, 'Authentication code').inputValue()).toBe('');
    expect((await h.badge(tabId)).text).toBe('?');
    const closed = chooser.waitForEvent('close');
    await expectTotpFilled(
      GITHUB,
      async () => {
        await github.click();
        await closed;
      },
      () => textbox(page, 'Authentication code').inputValue(),
    );
    await page.close();
  });

  it('the toolbar popup’s Fill fills the account the user chose, on any page', async () => {
    const page = await h.open('look-alike.html', 'lookAlike');
    const popup = await h.actionPopup(page);
    const name = `Fill the code of Shop (dave) into ${new URL(h.origin('lookAlike')).host}`;
    // The popup finds the page it was opened over after its first render.
    await expect.poll(() => popup.evaluate<boolean>(`!!document.querySelector('button[aria-label=${JSON.stringify(name)}]')`)).toBe(true);
    await expectTotpFilled(
      SHOP,
      () => popup.evaluate(`document.querySelector('button[aria-label=${JSON.stringify(name)}]').click()`),
      () => textbox(page, 'Authentication code').inputValue(),
    );
    await popup.close();
    await page.close();
  });
});

describe('the clock offset', () => {
  it('set on the options page, applies to the filled code', async () => {
    const options = await h.ext.openOptions('#fill');
    const field = options.getByRole('spinbutton', { name: "Clock offset for Keystep's codes (seconds, -600 to +600)" });
    await field.fill('120');
    await options.getByRole('button', { name: 'Save offset' }).click();
    await options.getByText("Keystep's codes now use a clock offset of +120 s.").waitFor();
    const page = await h.open('plain.html', 'site');
    const tabId = await h.grant(page);
    await expectTotpFilled(GITHUB, () => h.command(tabId), () => textbox(page, 'Authentication code').inputValue(), 120_000);
    await options.getByRole('button', { name: 'No offset' }).click();
    await options.getByText("Keystep's codes use the computer's clock as it is.").waitFor();
    await Promise.all([options.close(), page.close()]);
  });
});
