import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The built extension that users load unpacked; `npm test` builds it before the e2e tests. */
export const DIST = resolve(import.meta.dirname, '../../dist');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface LoadedExtension {
  readonly context: BrowserContext;
  readonly id: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  openPopup(): Promise<Page>;
  openOptions(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Debian Chromium headless with dist/ loaded as an unpacked extension, in a fresh
 * profile, with the flags that keep it off the network. The extension id is read from its
 * service worker's URL.
 */
export async function launchExtension(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<LoadedExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'keystep-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
    ],
    viewport: { width: 900, height: 700 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  const url = (path: string): string => `chrome-extension://${id}/${path.replace(/^\//, '')}`;
  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(url(path));
    return page;
  };
  return {
    context,
    id,
    url,
    async openPopup() {
      const page = await context.newPage();
      // The toolbar popup is 360px wide; give the tab the same shape.
      await page.setViewportSize({ width: 360, height: 600 });
      await page.goto(url('src/popup/index.html'));
      return page;
    },
    openOptions: (hash = '') => open(`src/options/index.html${hash}`),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
