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
  /** Chromium's profile folder (user data dir). */
  readonly profileDir: string;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  openPopup(): Promise<Page>;
  openOptions(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly colorScheme?: 'light' | 'dark';
  /**
   * More unpacked extension folders to load next to dist/ (e.g. the bench's empty "floor"
   * extension). They must not have a service worker: dist/'s id is read from the first one.
   */
  readonly extraExtensions?: readonly string[];
  /**
   * Show Chromium's window (`npm run demo`). Default false: headless, as the tests run. A headed
   * window keeps the system's window size and color scheme unless `colorScheme` is given.
   */
  readonly headed?: boolean;
  /** Chromium profile folder to use and keep (`npm run demo -- --profile DIR`). Default: a fresh temporary one that close() deletes. */
  readonly profileDir?: string;
  /**
   * Leave SIGINT, SIGTERM and SIGHUP to the caller, which then must call close(). Default false:
   * Playwright closes Chromium on them (and exits on SIGINT before the caller can clean up).
   */
  readonly callerHandlesSignals?: boolean;
  /**
   * More Chromium switches, e.g. the fill tests' HOST_RESOLVER_RULES (test/support/fill-pages/serve-fill-pages.ts),
   * which send their test host names to 127.0.0.1.
   */
  readonly extraArgs?: readonly string[];
  /**
   * The browser's UI language, a BCP 47 tag such as 'ja'. Default: English (en-US). It sets Chromium's own UI
   * (`--lang`, and the LANGUAGE and LANG variables, which Chromium on Linux reads for its own strings such as a file
   * input's "No file chosen"), the catalogue chrome.i18n.getMessage reads, and what pages see as
   * navigator.language and chrome.i18n.getUILanguage() (Playwright's locale, which it sets on every page).
   */
  readonly language?: string;
}

/**
 * Starts Debian Chromium headless (or headed, see LaunchOptions) with dist/ loaded as an unpacked
 * extension, in a fresh profile, with the flags that keep it off the network. The extension id is
 * read from its service worker's URL.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  const headed = options.headed ?? false;
  const language = options.language;
  const temporary = options.profileDir === undefined;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'keystep-profile-')));
  const extensions = [DIST, ...(options.extraExtensions ?? [])].join(',');
  const signals = options.callerHandlesSignals === true ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {};
  // When the browser closed itself (the demo's window), Chromium may still be writing its profile as it
  // exits: retry the ENOTEMPTY that racing rm hits.
  const removeProfile = async (): Promise<void> => {
    if (temporary) await rm(profile, { recursive: true, force: true, maxRetries: 10 });
  };
  const launching = chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    ...signals,
    args: [
      ...(headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...(language === undefined ? [] : [`--lang=${language}`]),
      ...(options.extraArgs ?? []),
    ],
    ...(language === undefined ? {} : { env: { ...process.env, LANGUAGE: language, LANG: `${language.replace('-', '_')}.UTF-8` } }),
    viewport: headed ? null : { width: 900, height: 700 },
    colorScheme: options.colorScheme ?? (headed ? null : 'light'),
    locale: language ?? 'en-US',
  });
  const context = await launching.catch(async (error: unknown) => {
    await removeProfile();
    throw error;
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
    profileDir: profile,
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
      await removeProfile();
    },
  };
}
