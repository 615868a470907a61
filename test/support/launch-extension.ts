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
  /** The unpacked extension folder to load. Default dist/, the build; the store package test loads its unzipped zip. */
  readonly extension?: string;
  /**
   * The browser's UI language, a BCP 47 tag. Default en-US. Chromium takes it from LANGUAGE on Linux (and --lang),
   * picks the extension's messages by it and answers it from i18n.getUILanguage(); any language but English needs
   * its locale pack (Debian's chromium-l10n, which .ci/run installs).
   */
  readonly uiLanguage?: string;
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
}

/**
 * Starts Debian Chromium headless (or headed, see LaunchOptions) with dist/ (or `extension`) loaded as an unpacked
 * extension, in a fresh profile, with the flags that keep it off the network, in English unless `uiLanguage` says
 * otherwise. The extension id is read from its service worker's URL.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  const headed = options.headed ?? false;
  const temporary = options.profileDir === undefined;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'keystep-profile-')));
  const extensions = [options.extension ?? DIST, ...(options.extraExtensions ?? [])].join(',');
  const uiLanguage = options.uiLanguage ?? 'en-US';
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
    // LANGUAGE rather than the machine's own (LANG=C gives en-US): the messages do not depend on where tests run.
    // LANG as well: Chromium on Linux reads it for its own strings (a file input's "No file chosen").
    env: { ...process.env, LANGUAGE: uiLanguage.replace('-', '_'), LANG: `${uiLanguage.replace('-', '_')}.UTF-8` },
    args: [
      ...(headed ? [] : ['--headless=new']),
      `--lang=${uiLanguage}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...(options.extraArgs ?? []),
    ],
    viewport: headed ? null : { width: 900, height: 700 },
    colorScheme: options.colorScheme ?? (headed ? null : 'light'),
    locale: uiLanguage,
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
