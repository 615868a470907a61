import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/static/_locales/en/messages.json' with { type: 'json' };
import ja from '../../src/static/_locales/ja/messages.json' with { type: 'json' };
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { copyButtonName } from '../support/copy-button-name.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { unzipStorePackage } from '../support/store-zip.ts';

// The zip a release uploads (keystep-<version>.zip, made by `npm run test:e2e` from its build), unzipped and loaded
// into Chromium as it is, in English and in Japanese; the same browsers write the store screenshots.

/** Store screenshots, linked from the README: 1280x800 PNGs (https://developer.chrome.com/docs/webstore/images#screenshots). */
const SHOTS = 'test-results/store-screenshots';
const STORE_WIDTH = 1280;
const STORE_HEIGHT = 800;

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const ACCOUNTS = [
  GITHUB,
  'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services&algorithm=SHA256&digits=8&period=60',
  'otpauth://totp/Example%20Corp:carol@example.co.jp?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example+Corp',
  'otpauth://hotp/Bank:dave?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Bank&counter=5',
];

type Catalogue = Record<string, { readonly message: string }>;

/** The extension's `chrome` global in its pages and worker (the project has no @types/chrome). */
interface ExtensionGlobal {
  readonly chrome: { runtime: { getManifest(): { version: string } }; i18n: { getMessage(name: string): string } };
}

const message = (catalogue: Catalogue, key: string): string => {
  const text = catalogue[key]?.message;
  if (text === undefined) throw new Error(`No message ${key}`);
  return text;
};

let unzipped: string;

beforeAll(async () => {
  unzipped = await mkdtemp(join(tmpdir(), 'keystep-store-package-'));
  await unzipStorePackage(unzipped);
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await rm(unzipped, { recursive: true, force: true });
});

/** Pastes the links into the options page's Accounts view, by that language's labels, and waits for its report. */
async function addAccounts(ext: LoadedExtension, catalogue: Catalogue): Promise<void> {
  const page = await ext.openOptions('#add');
  const form = page.getByRole('form', { name: message(catalogue, 'addUrisHeading') });
  await form.getByRole('textbox', { name: message(catalogue, 'addUrisLabel') }).fill(ACCOUNTS.join('\n'));
  await form.getByRole('button', { name: message(catalogue, 'addUrisButton') }).click();
  const report = message(catalogue, 'addSummary').replace(/\$[A-Z]+\$/g, String.raw`\d+`).replaceAll('.', String.raw`\.`);
  await page.getByRole('status').filter({ hasText: new RegExp(report) }).waitFor();
  await page.close();
}

/** Width and height from a PNG's IHDR chunk (https://www.w3.org/TR/png-3/#11IHDR). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The popup as the toolbar shows it (360 px wide, as tall as its content), drawn at twice the pixel density for a
 * sharp picture, centred on a 1280x800 canvas. Playwright's own screenshot resets the density, so the popup is
 * captured with Chromium's DevTools protocol.
 */
async function popupScreenshot(ext: LoadedExtension, catalogue: Catalogue, path: string): Promise<Buffer> {
  const popup = await ext.openPopup();
  await popup.getByRole('list', { name: message(catalogue, 'accountListLabel') }).waitFor();
  await expect.poll(() => popup.getByRole('button', { name: /\d{3} \d{3}/ }).count()).toBe(ACCOUNTS.length);
  const height = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const cdp = await ext.context.newCDPSession(popup);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 360, height, deviceScaleFactor: 2, mobile: false });
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  await popup.close();
  const canvas = await ext.context.newPage();
  await canvas.setViewportSize({ width: STORE_WIDTH, height: STORE_HEIGHT });
  await canvas.setContent(
    `<body style="margin:0;height:100vh;display:grid;place-items:center;background:#e8eaed">` +
      `<img alt="Keystep popup" src="data:image/png;base64,${data}" style="border-radius:16px;box-shadow:0 4px 24px rgb(0 0 0 / 0.25)"></body>`,
  );
  await canvas.getByRole('img', { name: 'Keystep popup' }).evaluate((img: HTMLImageElement) => img.decode());
  const png = await canvas.screenshot({ path });
  await canvas.close();
  return png;
}

/** An options view at 1280x800, what the window shows without scrolling; `prepare` opens what the picture shows. */
async function optionsScreenshot(ext: LoadedExtension, hash: string, heading: string, path: string, prepare?: (page: Page) => Promise<void>): Promise<Buffer> {
  const page = await ext.openOptions(hash);
  await page.setViewportSize({ width: STORE_WIDTH, height: STORE_HEIGHT });
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  await prepare?.(page);
  const png = await page.screenshot({ path });
  await page.close();
  return png;
}

/** Opens the Cognito view's form for a new connection profile. */
const newProfileForm = (catalogue: Catalogue) => async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: message(catalogue, 'newProfile'), exact: true }).click();
  await page.getByRole('textbox').first().waitFor();
};

async function pageLanguage(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('the unzipped store package, in English', () => {
  let ext: LoadedExtension;

  beforeAll(async () => {
    ext = await launchExtension({ extension: unzipped });
    await addAccounts(ext, en);
  });
  afterAll(async () => {
    await ext.close();
  });

  it('loads as an extension and shows the code of an added account, the one computed independently', async () => {
    const manifest = JSON.parse(await readFile(join(unzipped, 'manifest.json'), 'utf8')) as { version: string; background: { service_worker: string } };
    const worker = ext.context.serviceWorkers()[0];
    expect(worker?.url()).toBe(ext.url(manifest.background.service_worker));
    expect(await worker?.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest().version)).toBe(manifest.version);
    const popup = await ext.openPopup();
    const button = popup.getByRole('button', { name: copyButtonName('GitHub (alice@example.com)') });
    await expect.poll(async () => (await button.getAttribute('aria-label')) ?? '').toMatch(/, [\d ]+(?:, Next [\d ]+)?\. Copy$/);
    const before = Date.now();
    const shown = codeFromName((await button.getAttribute('aria-label')) ?? '');
    const after = Date.now();
    expect([independentTotp(GITHUB, before), independentTotp(GITHUB, after)]).toContain(shown);
    await popup.close();
  });

  it('says the popup and the options page are in English', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('searchbox', { name: 'Search accounts' }).waitFor();
    expect(await pageLanguage(popup)).toBe('en-US');
    const options = await ext.openOptions('#add');
    await options.getByRole('heading', { name: 'Keystep settings', exact: true }).waitFor();
    expect(await pageLanguage(options)).toBe('en-US');
    await Promise.all([popup.close(), options.close()]);
  });

  it('writes the English store screenshots, 1280x800', async () => {
    const shots = [
      await popupScreenshot(ext, en, `${SHOTS}/en-1-popup.png`),
      await optionsScreenshot(ext, '#add', message(en, 'navAccounts'), `${SHOTS}/en-2-options-accounts.png`),
      await optionsScreenshot(ext, '#cognito', message(en, 'cognitoHeading'), `${SHOTS}/en-3-options-cognito.png`, newProfileForm(en)),
    ];
    expect(shots.map(pngSize)).toEqual(shots.map(() => ({ width: STORE_WIDTH, height: STORE_HEIGHT })));
  });
});

describe('the unzipped store package, in Japanese', () => {
  let ext: LoadedExtension;

  beforeAll(async () => {
    ext = await launchExtension({ extension: unzipped, uiLanguage: 'ja' });
    const page = await ext.openOptions();
    const locale = await page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.i18n.getMessage('@@ui_locale'));
    await page.close();
    if (locale !== 'ja') {
      throw new Error(`Chromium started in ${locale}, not Japanese: its Japanese locale pack is missing (Debian: apt-get install chromium-l10n)`);
    }
    await addAccounts(ext, ja);
  });
  afterAll(async () => {
    await ext.close();
  });

  it('says the popup and the options page are in Japanese, and shows them in Japanese', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('searchbox', { name: message(ja, 'searchLabel') }).waitFor();
    expect(await pageLanguage(popup)).toBe('ja');
    const options = await ext.openOptions('#add');
    await options.getByRole('heading', { name: message(ja, 'optionsTitle'), exact: true }).waitFor();
    expect(await pageLanguage(options)).toBe('ja');
    expect(await options.title()).toBe(message(ja, 'optionsTitle'));
    await Promise.all([popup.close(), options.close()]);
  });

  it('writes the Japanese store screenshots, 1280x800', async () => {
    const shots = [
      await popupScreenshot(ext, ja, `${SHOTS}/ja-1-popup.png`),
      await optionsScreenshot(ext, '#add', message(ja, 'navAccounts'), `${SHOTS}/ja-2-options-accounts.png`),
      await optionsScreenshot(ext, '#cognito', message(ja, 'cognitoHeading'), `${SHOTS}/ja-3-options-cognito.png`, newProfileForm(ja)),
    ];
    expect(shots.map(pngSize)).toEqual(shots.map(() => ({ width: STORE_WIDTH, height: STORE_HEIGHT })));
  });
});
