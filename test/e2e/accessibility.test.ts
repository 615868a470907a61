import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { draft, numberedDraft, numberedSecret } from '../support/account-fixtures.ts';
import { openActionPopup } from '../support/action-popup.ts';
import { shownLabel } from '../support/copy-button-name.ts';
import { axeViolations, describeViolations, type EvaluateIn } from '../support/axe-check.ts';
import { catalogueText, type CatalogueLanguage } from '../support/catalogue-text.ts';
import { independentHotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { qrPageHtml, serveQrPages, type QrPagesServer } from '../support/qr-pages.ts';

// Issue 12: axe-core's WCAG 2.0/2.1 A and AA rules on the popup (empty, with accounts, its menu, each dialog, the
// tab scan, locked) and on every view and form of the options page, in light and dark, in English and in Japanese
// (Chromium started with --lang=ja and LANGUAGE=ja): no violation. Each language is one browser; every state is
// checked in both color schemes. Also: no button of the 360 px popup is clipped, every Tab stop shows a focus ring,
// and the account menu and its dialogs work by keyboard alone. Screenshots go to test-results/accessibility/.

const SHOTS = 'test-results/accessibility';
const SCHEMES = ['light', 'dark'] as const;

const GITHUB = draft();
const BANK = draft({ type: 'hotp', issuer: 'Bank', name: 'carol', secret: numberedSecret(2), counter: 5 });
const LONG = numberedDraft(3, { issuer: 'Amazon Web Services', name: 'a-rather-long-account-name@example.com', digits: 8, period: 60, algorithm: 'SHA256' });
const JAPANESE = numberedDraft(4, { issuer: '楽天証券', name: '山田太郎' });
const L_GITHUB = 'GitHub (alice@example.com)';
/** The options page's views: their hash, navigation link and heading. */
const VIEWS = [
  { hash: '#add', nav: 'navAccounts', heading: 'navAccounts' },
  { hash: '#cognito', nav: 'navCognito', heading: 'cognitoHeading' },
  { hash: '#security', nav: 'navSecurity', heading: 'securityHeading' },
  { hash: '#backup', nav: 'navBackup', heading: 'backupHeading' },
  { hash: '#fill', nav: 'navFill', heading: 'fillHeading' },
] as const;
const L_BANK = 'Bank (carol)';
const PASSWORD = 'correct horse battery staple';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name that starts with `text`, then `rest`: a copy button's name is its row's label, then its code. */
const startsWith = (text: string, rest: RegExp): RegExp => new RegExp(`^${escapeRegExp(text)}${rest.source}`);

/** What a popup or page is checked through: Playwright's Page, or the action popup's CDP driver. */
interface Checked {
  readonly evaluate: EvaluateIn;
  emulate(scheme: (typeof SCHEMES)[number]): Promise<void>;
  screenshot?(path: string): Promise<unknown>;
}

const pageChecked = (page: Page, fullPage = false): Checked => ({
  evaluate: (expression) => page.evaluate(expression),
  emulate: (colorScheme) => page.emulateMedia({ colorScheme }),
  screenshot: (path) => page.screenshot({ path, fullPage }),
});

/** Names of the buttons and links shown whose text overflows them or that stick out of the window's width. */
const CLIPPED = `[...document.querySelectorAll('button, a[href], summary')]
  .filter((el) => el.getClientRects().length > 0)
  .filter((el) => {
    const rect = el.getBoundingClientRect();
    return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || rect.left < -0.5 || rect.right > innerWidth + 0.5;
  })
  .map((el) => el.getAttribute('aria-label') || el.textContent.trim())`;

describe.each<CatalogueLanguage>(['en', 'ja'])('accessibility in %s', (language) => {
  const m = catalogueText(language);
  let ext: LoadedExtension;
  let server: QrPagesServer;
  /** Every violation found, one line each, asserted empty by each test. */
  let found: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await serveQrPages({ 'one.html': qrPageHtml('Set up two-factor authentication', [{ text: formatOtpauthUri(numberedDraft(1)) }]) });
    ext = await launchExtension(language === 'ja' ? { uiLanguage: 'ja' } : {});
  });
  afterAll(async () => {
    await ext.close();
    await server.close();
  });
  beforeEach(() => {
    found = [];
  });
  // A failed test leaves no page behind (an open dialog, a second options page) for the next one.
  afterEach(async () => {
    await Promise.all(ext.context.pages().filter((page) => page.url().startsWith('chrome-extension://')).map((page) => page.close()));
  });

  /** Runs axe on `target` as it is now, in light and in dark; with `shot`, saves a screenshot of each. */
  async function check(state: string, target: Checked, shot?: string): Promise<void> {
    for (const scheme of SCHEMES) {
      await target.emulate(scheme);
      found.push(...describeViolations(`${state} (${scheme})`, await axeViolations(target.evaluate)));
      if (shot !== undefined && target.screenshot) await target.screenshot(`${SHOTS}/${language}-${shot}-${scheme}.png`);
    }
    await target.emulate('light');
  }

  /** Also checks that no button of the popup is clipped. */
  async function checkPopup(state: string, popup: Page, shot?: string): Promise<void> {
    await check(state, pageChecked(popup), shot);
    const clipped = await popup.evaluate<string[]>(CLIPPED);
    found.push(...clipped.map((name) => `${state}: the button "${name}" is clipped`));
  }

  const reported = (): string[] => {
    const lines = found;
    found = [];
    return lines;
  };

  async function openMenuItem(popup: Page, label: string, item: string): Promise<Locator> {
    await popup.getByRole('button', { name: m('moreActions', label) }).click();
    await popup.getByRole('menuitem', { name: item }).click();
    const dialog = popup.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  it('the popup, empty', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('heading', { name: m('emptyTitle') }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}(?:-|$)`));
    await checkPopup('empty popup', popup, 'popup-empty');
    await popup.close();
    expect(reported()).toEqual([]);
  });

  it('every view and form of the options page', async () => {
    const page = await ext.openOptions('#add');
    const options = pageChecked(page, true);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}(?:-|$)`));
    const links = [GITHUB, BANK, LONG, JAPANESE].map((d) => formatOtpauthUri(d));
    const paste = page.getByRole('form', { name: m('addUrisHeading') });
    await paste.getByRole('textbox', { name: m('addUrisLabel') }).fill([...links, 'otpauth://totp/Broken?secret=NOT-BASE32-1!'].join('\n'));
    await paste.getByRole('button', { name: m('addUrisButton') }).click();
    await page.getByRole('status').filter({ hasText: m('addSummary', 4, 0, 1) }).waitFor();
    const manual = page.getByRole('form', { name: m('manualHeading') });
    await manual.getByText(m('advanced'), { exact: true }).click();
    await manual.getByRole('button', { name: m('manualAdd') }).click();
    await manual.getByRole('alert').waitFor();
    await check('#add with a line report, the manual form with Advanced open and an error', options, 'options-add');

    await page.getByRole('navigation').getByRole('link', { name: m('navCognito'), exact: true }).click();
    await page.getByRole('button', { name: m('newProfile') }).click();
    const profile = page.getByRole('form', { name: m('profileFormHeading') });
    await profile.getByText(m('profileSourceSummary')).click();
    await profile.getByRole('button', { name: m('profileSourceFill') }).waitFor();
    await profile.getByText(m('advanced'), { exact: true }).click();
    await profile.getByRole('textbox', { name: m('profileEndpoint') }).fill('http://127.0.0.1:9229');
    await profile.getByRole('note').waitFor();
    await check('#cognito, the profile form (Amplify fill, Advanced, the not-Amazon-Cognito notice)', options, 'options-profile-form');
    await profile.getByRole('textbox', { name: m('profileName') }).fill('Emulator');
    await profile.getByRole('textbox', { name: m('profilePoolId') }).fill('local_1a2B3c4D');
    await profile.getByRole('textbox', { name: m('profileClientId') }).fill('emulatorclient0123456789');
    await profile.getByRole('button', { name: m('saveProfile') }).click();
    await page.getByRole('form', { name: m('signInHeading', 'Emulator') }).waitFor();
    await check('#cognito, the profile list and its sign-in form', options, 'options-sign-in');

    for (const { hash, nav, heading } of VIEWS.slice(2)) {
      await page.getByRole('navigation').getByRole('link', { name: m(nav), exact: true }).click();
      await page.getByRole('heading', { name: m(heading), exact: true }).waitFor();
      await check(hash, options, `options-${hash.slice(1)}`);
    }
    await page.close();
    expect(reported()).toEqual([]);
  });

  it('the popup with accounts, its menu and each dialog', async () => {
    const popup = await ext.openPopup();
    // Each row shows its code (its copy button's name has it).
    await popup.getByRole('button', { name: startsWith(shownLabel(L_GITHUB), /,? \d{3} \d{3}/) }).waitFor();
    await popup.getByRole('button', { name: startsWith(shownLabel(L_BANK), /,? \d{3} \d{3}/) }).waitFor();
    await checkPopup('popup with accounts', popup, 'popup-accounts');

    await popup.getByRole('button', { name: m('moreActions', L_GITHUB) }).click();
    await popup.getByRole('menu').waitFor();
    await checkPopup('account menu', popup, 'popup-menu');
    await popup.keyboard.press('Escape');

    await openMenuItem(popup, L_GITHUB, m('rename'));
    await checkPopup('rename dialog', popup, 'popup-rename');
    await popup.keyboard.press('Escape');

    await openMenuItem(popup, L_GITHUB, m('sitesMenuItem'));
    await checkPopup('sites dialog', popup, 'popup-sites');
    await popup.keyboard.press('Escape');

    const qr = await openMenuItem(popup, L_GITHUB, m('showQrCode'));
    await checkPopup('QR code dialog, its warning', popup, 'popup-qr-warning');
    await qr.getByRole('button', { name: m('qrCodeShow') }).click();
    await qr.getByRole('img', { name: m('qrCodeImage', L_GITHUB) }).waitFor();
    await checkPopup('QR code dialog, the code shown', popup, 'popup-qr-shown');
    await popup.keyboard.press('Escape');

    await openMenuItem(popup, L_BANK, m('delete'));
    await checkPopup('delete dialog', popup, 'popup-delete');
    await popup.keyboard.press('Escape');

    // A tab showing the popup page has no activeTab grant: the scan says it cannot look at this tab.
    await popup.getByRole('button', { name: m('scanQrCode') }).click();
    await popup.getByRole('dialog').getByRole('alert').waitFor();
    await checkPopup('scan dialog, capture refused', popup, 'popup-scan-refused');
    await popup.keyboard.press('Escape');
    await popup.close();
    expect(reported()).toEqual([]);
  });

  it('the toolbar popup over a web page: rows with Fill buttons, and the scan dialog with its preview', async () => {
    const tab = await ext.context.newPage();
    try {
      await tab.goto(server.url('one.html'));
      const popup = await openActionPopup(ext, tab);
      try {
        const checked: Checked = { evaluate: (expression) => popup.evaluate(expression), emulate: (scheme) => popup.emulateColorScheme(scheme) };
        await popup.waitFor('button', m('fillLabel', L_GITHUB, new URL(server.url('')).host));
        await check('toolbar popup with Fill buttons', checked);
        await popup.click('button', m('scanQrCode'));
        await popup.waitFor('list', m('importPreviewHeading'));
        await check('scan dialog with its preview', checked);
      } finally {
        await popup.close();
      }
    } finally {
      await tab.close();
    }
    expect(reported()).toEqual([]);
  });

  it('keyboard alone: every Tab stop shows a focus ring; the account menu, Show QR code, next code and Sites by keys; Escape gives focus back', async () => {
    const popup = await ext.openPopup();
    const focused = (): Promise<string> => popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    await popup.getByRole('list', { name: m('accountListLabel') }).waitFor();
    await popup.keyboard.press('/');
    await expect.poll(focused).toBe(m('searchLabel'));
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatch(startsWith(shownLabel(L_GITHUB), /,? \d/));
    await popup.keyboard.press('Tab');
    await expect.poll(focused).toBe(m('moreActions', L_GITHUB));

    // The menu: Enter opens it on its first item, arrows move, Enter picks.
    await popup.keyboard.press('Enter');
    await expect.poll(focused).toBe(m('rename'));
    await popup.keyboard.press('End');
    await expect.poll(focused).toBe(m('delete'));
    await popup.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(m('showQrCode'));
    await popup.keyboard.press('Enter');
    const qr = popup.getByRole('dialog', { name: m('qrCodeHeading', L_GITHUB) });
    await expect.poll(focused).toBe(m('qrCodeShow'));
    await popup.keyboard.press('Enter');
    await qr.getByRole('img', { name: m('qrCodeImage', L_GITHUB) }).waitFor();
    await popup.keyboard.press('Escape');
    await expect.poll(() => qr.count()).toBe(0);
    await expect.poll(focused).toBe(m('moreActions', L_GITHUB));

    // Down to the HOTP row: Tab reaches its next-code button, Enter advances the counter.
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatch(startsWith(shownLabel(L_BANK), /,? \d/));
    const bank = popup.getByRole('button', { name: startsWith(shownLabel(L_BANK), /,? \d/) });
    /** The HOTP code in the Bank row's copy button's name, as "123456". */
    const bankCode = async (): Promise<string> => /(\d{3}) (\d{3})/.exec((await bank.getAttribute('aria-label')) ?? '')?.slice(1).join('') ?? '';
    await expect.poll(bankCode).toBe(independentHotp(formatOtpauthUri(BANK), 5));
    await popup.keyboard.press('Tab');
    await expect.poll(focused).toBe(m('hotpNextLabel', L_BANK));
    await popup.keyboard.press('Enter');
    await expect.poll(bankCode).toBe(independentHotp(formatOtpauthUri(BANK), 6));
    await popup.keyboard.press('Tab');
    await expect.poll(focused).toBe(m('moreActions', L_BANK));
    await popup.keyboard.press('Enter');
    await expect.poll(focused).toBe(m('rename'));
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(m('sitesMenuItem'));
    await popup.keyboard.press('Enter');
    const sites = popup.getByRole('dialog', { name: m('sitesHeading', L_BANK) });
    await sites.waitFor();
    await expect.poll(() => sites.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await popup.keyboard.press('Escape');
    await expect.poll(() => sites.count()).toBe(0);
    await expect.poll(focused).toBe(m('moreActions', L_BANK));

    // Every Tab stop of the popup, and of each options view, shows the focus ring (src/ui/base.css :focus-visible).
    const noRing: string[] = [];
    /** How many Tab stops each walk met: a walk that meets none checks nothing. */
    const stops: Record<string, number> = {};
    // Tab from wherever the focus is, round the page (past its end the focus leaves the page, then comes back to its
    // first stop) until a stop comes again: every stop once, each element counted once (a WeakSet in the page).
    const walkTabStops = async (page: Page, where: string): Promise<void> => {
      await page.evaluate(() => {
        (globalThis as unknown as { tabWalk: WeakSet<Element> }).tabWalk = new WeakSet();
      });
      let outside = 0;
      for (let i = 0; i < 150 && outside < 2; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement;
          if (el === null || el === document.body) return 'outside';
          const walked = (globalThis as unknown as { tabWalk: WeakSet<Element> }).tabWalk;
          if (walked.has(el)) return 'again';
          walked.add(el);
          const style = getComputedStyle(el);
          const ring = el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          return { name: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40), ring };
        });
        if (stop === 'again') return;
        if (stop === 'outside') {
          outside++;
          continue;
        }
        stops[where] = (stops[where] ?? 0) + 1;
        if (!stop.ring) noRing.push(`${where}: ${stop.name}`);
      }
    };
    await walkTabStops(popup, 'popup');
    await popup.keyboard.press('/');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Tab');
    await popup.screenshot({ path: `${SHOTS}/${language}-popup-focus-ring.png` });
    await popup.close();

    const page = await ext.openOptions('#add');
    for (const { hash, heading } of VIEWS) {
      await page.goto(ext.url(`src/options/index.html${hash}`));
      await page.getByRole('heading', { name: m(heading), exact: true }).waitFor();
      await walkTabStops(page, hash);
    }
    await page.close();
    expect(noRing).toEqual([]);
    // The toolbar's four buttons and the search box, and a row's copy, next-code and menu buttons; each view its links and forms.
    expect(Object.entries(stops).filter(([, count]) => count < 6)).toEqual([]);
    expect(Object.keys(stops)).toEqual(['popup', ...VIEWS.map((view) => view.hash)]);
  });

  it('locked: the popup, its unlock form after wrong passwords, and the options page', async () => {
    const page = await ext.openOptions('#security');
    const form = page.getByRole('form', { name: m('setPasswordHeading') });
    await form.getByLabel(m('newMasterPassword'), { exact: true }).fill(PASSWORD);
    await form.getByLabel(m('repeatPassword')).fill(PASSWORD);
    await form.getByRole('button', { name: m('setPassword') }).click();
    await page.getByRole('status').filter({ hasText: m('passwordSet') }).waitFor({ timeout: 10_000 });

    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: m('lockNow') }).click();
    await popup.getByRole('heading', { name: m('lockedHeading') }).waitFor();
    await checkPopup('locked popup', popup, 'popup-locked');
    const field = popup.getByLabel(m('masterPassword'), { exact: true });
    for (let i = 0; i < 3; i++) {
      await field.fill(`wrong ${i}`);
      await popup.getByRole('button', { name: m('unlock') }).click();
      // The form empties the field once it has its verdict.
      await expect.poll(() => field.inputValue()).toBe('');
    }
    await popup.getByRole('timer').waitFor();
    await checkPopup('locked popup after wrong passwords', popup, 'popup-locked-wait');
    await popup.close();

    await page.getByRole('heading', { name: m('lockedHeading') }).waitFor();
    await check('options page, locked', pageChecked(page, true), 'options-locked');
    await page.close();
    expect(reported()).toEqual([]);
  });
});
