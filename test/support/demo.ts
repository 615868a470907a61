// `npm run demo`: the local Cognito server with the demo pools, and Chromium with the built extension and the demo
// connection profiles, so a newcomer can try the enrollment without an AWS account. See README.md, "Try it without AWS".
// package.json runs it with `node --import tsx`, not the tsx CLI: the CLI relays signals to its child process and
// SIGKILLs a child that does not acknowledge within 30 ms, which a busy machine misses, skipping the clean-up.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { seedDemo, startCognitoServer, type CognitoServer, type DemoSeed } from './cognito-server/index.ts';
import { DEMO_PROFILE_ID_PREFIX, demoProfiles, type DemoProfile } from './demo-profiles.ts';
import { formatDemoTable } from './format-demo-table.ts';
import { hasDisplay } from './has-display.ts';
import { launchExtension, type LoadedExtension } from './launch-extension.ts';
import { DEMO_PORT, DEMO_USAGE, parseDemoArgs } from './parse-demo-args.ts';

// cognitoProfilesItem's key (src/platform/cognito-profiles-item.ts). That module cannot be imported here: it loads
// webextension-polyfill, which refuses to run outside an extension. The e2e test checks the options page reads it.
const PROFILES_KEY = 'cognitoProfiles';
// vaultRecordItem's key: remembered client secrets live in the vault (Vault.clientSecrets), not in the profiles.
const VAULT_KEY = 'vault';

export interface DemoOptions {
  /** Port of the local Cognito server on 127.0.0.1. Default DEMO_PORT, or a free port when that one is taken; 0: a free port. */
  readonly port?: number;
  /** Force headless Chromium. Default: headed when a display is available (see hasDisplay). */
  readonly headless?: boolean;
  /** Chromium profile folder to use and keep. Default: a temporary one that close() deletes. */
  readonly profileDir?: string;
  /** Leave SIGINT/SIGTERM/SIGHUP to the caller (the CLI), which then must call close(). Default false. */
  readonly callerHandlesSignals?: boolean;
  /** Where the demo's lines go; default console.log. */
  readonly log?: (line: string) => void;
  /** Environment and platform that decide headed or headless; default process.env and process.platform. */
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
}

/** A running demo. */
export interface DemoHandles {
  /** e.g. http://127.0.0.1:9229 */
  readonly serverUrl: string;
  readonly server: CognitoServer;
  readonly seed: DemoSeed;
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly headless: boolean;
  /** The options page, open at #cognito. */
  readonly optionsPage: Page;
  /** The connection profiles saved in the extension, with their logins. */
  readonly profiles: readonly DemoProfile[];
  /** Closes Chromium (deleting a temporary profile) and then the server; safe to call more than once. */
  close(): Promise<void>;
}

const isAddressInUse = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'EADDRINUSE';

async function startServer(port: number | undefined, log: (line: string) => void): Promise<CognitoServer> {
  try {
    return await startCognitoServer({ port: port ?? DEMO_PORT });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    if (port !== undefined) throw new Error(`Port ${port} is in use: choose another with --port N, or --port 0 for any free port`, { cause: error });
    const server = await startCognitoServer({ port: 0 });
    log(`Port ${DEMO_PORT} is in use; the Cognito server took port ${server.port} instead.`);
    return server;
  }
}

/**
 * Saves the demo profiles through the extension's service worker, before any page of the extension is
 * shown: the options page then reads them on its first render (no reload, no flash of an empty list).
 * Profiles of an earlier demo run (same --profile) are replaced, the user's own kept after them.
 */
async function saveProfiles(ext: LoadedExtension, profiles: readonly DemoProfile[]): Promise<void> {
  const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(ext.url('')));
  if (worker === undefined) throw new Error(`The service worker of extension ${ext.id} is not running`);
  await worker.evaluate(
    async ({ key, vaultKey, prefix, demo }) => {
      // The worker's own `chrome` global; the project has no @types/chrome.
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } } };
      const existing = (await chrome.storage.local.get(key))[key];
      const own: unknown[] = Array.isArray(existing) ? existing.filter((p: { id?: unknown } | null) => !(typeof p?.id === 'string' && p.id.startsWith(prefix))) : [];
      const profiles = demo.map((profile) => Object.fromEntries(Object.entries(profile).filter(([name]) => name !== 'clientSecret')));
      const secrets = Object.fromEntries(demo.flatMap((p) => (p.clientSecret === undefined ? [] : [[p.id, p.clientSecret]])));
      // The secret client's secret is "remembered": in the vault, as the options page stores it. A vault with a
      // master password cannot be written from here; its user types the secret at sign-in instead.
      const vault = (await chrome.storage.local.get(vaultKey))[vaultKey] as
        | { format?: string; revision?: number; accounts?: unknown[]; accountsJson?: string; clientSecrets?: Record<string, string> }
        | undefined;
      const items: Record<string, unknown> = { [key]: [...profiles, ...own] };
      if (vault === undefined || vault.format === 'plain') {
        // Vault schema 3 (README, Storage and encryption at rest): the account list as its JSON text, every entry
        // kept, from a record of this build or of an earlier one (a list).
        items[vaultKey] = {
          schema: 3,
          format: 'plain',
          revision: (vault?.revision ?? 0) + 1,
          accountsJson: vault?.accountsJson ?? JSON.stringify(vault?.accounts ?? []),
          clientSecrets: { ...vault?.clientSecrets, ...secrets },
        };
      }
      await chrome.storage.local.set(items);
    },
    { key: PROFILES_KEY, vaultKey: VAULT_KEY, prefix: DEMO_PROFILE_ID_PREFIX, demo: profiles.map((p) => p.profile) },
  );
}

/**
 * Starts the demo: the local Cognito server on 127.0.0.1 seeded with seedDemo, Chromium with dist/ loaded
 * (`npm run build` first), the demo profiles saved in the extension, and the options page open at #cognito.
 * Prints where everything is and the demo logins through `log`.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoHandles> {
  const log = options.log ?? console.log;
  const displayed = hasDisplay(options.env ?? process.env, options.platform ?? process.platform);
  const headless = options.headless === true || !displayed;

  const server = await startServer(options.port, log);
  let ext: LoadedExtension | undefined;
  try {
    const seed = seedDemo(server);
    const profiles = demoProfiles(seed, server.url);
    ext = await launchExtension({
      headed: !headless,
      ...(options.profileDir === undefined ? {} : { profileDir: resolve(options.profileDir) }),
      ...(options.callerHandlesSignals === undefined ? {} : { callerHandlesSignals: options.callerHandlesSignals }),
    }).catch((error: unknown) => {
      if (headless) throw error;
      // Playwright's message goes on with Chromium's whole log: keep its first line, the log stays in `cause`.
      const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      throw new Error(`Chromium could not open a window (${first}); run with --headless, or fix the display`, { cause: error });
    });
    await saveProfiles(ext, profiles);
    // Reuse the blank tab a new Chromium window opens with.
    const optionsPage = ext.context.pages()[0] ?? (await ext.context.newPage());
    await optionsPage.goto(ext.url('src/options/index.html#cognito'));

    const secretProfile = profiles.find((p) => p.profile.clientSecret !== undefined)?.profile.name ?? '';
    log('');
    log('Keystep demo: a local Cognito server and Chromium with the extension; no AWS account needed.');
    log(`  Cognito server  ${server.url}  (in memory, made-up users; gone when the demo stops)`);
    log(
      headless
        ? `  Chromium        headless: ${options.headless === true ? '--headless was given' : 'no display (DISPLAY and WAYLAND_DISPLAY are unset)'}, so there is no window to click`
        : '  Chromium        a window with Keystep loaded (pin it from the puzzle-piece menu)',
    );
    log(`  Profile folder  ${ext.profileDir}${options.profileDir === undefined ? '  (temporary: deleted when the demo stops; keep one with --profile DIR)' : ''}`);
    log(`  Options page    ${optionsPage.url()}`);
    log(`  Popup           ${ext.url('src/popup/index.html')}  (or Keystep's toolbar button)`);
    log('');
    log(`The options page already lists these connection profiles, each pointed at ${server.url}.`);
    log('Pick one, sign in with its login below and enroll; the popup then shows the account and its code.');
    log('');
    log(formatDemoTable(profiles));
    log('');
    log(`"${secretProfile}" keeps its client secret saved as "remembered", so its sign-in is one click as well.`);
    log('Stop: close the browser window, or press Ctrl-C here.');

    const loaded = ext;
    let closing: Promise<void> | undefined;
    return {
      serverUrl: server.url,
      server,
      seed,
      context: loaded.context,
      extensionId: loaded.id,
      headless,
      optionsPage,
      profiles,
      close() {
        closing ??= (async () => {
          try {
            await loaded.close();
          } finally {
            await server.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    try {
      await ext?.close();
    } finally {
      await server.close();
    }
    throw error;
  }
}

/** The CLI: runs until the browser closes or a signal asks to stop, then closes Chromium and the server. */
async function main(argv: readonly string[]): Promise<void> {
  let args;
  try {
    args = parseDemoArgs(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(DEMO_USAGE);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(DEMO_USAGE);
    return;
  }
  // on(), not once(): under `npx tsx` the tsx CLI relays to its child a Ctrl-C the child already got, and tsx's
  // preload exits the child when a signal finds no listener, before the clean-up below.
  let stop: (reason: string) => void = () => undefined;
  const stopped = new Promise<string>((done) => (stop = done));
  const onSignal = (signal: NodeJS.Signals): void => stop(`${signal} received`);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const demo = await runDemo({ ...args, callerHandlesSignals: true });
  demo.context.once('close', () => stop('The browser was closed'));
  const reason = await stopped;
  console.log(`\n${reason}: stopping the demo.`);
  await demo.close();
  console.log('Chromium and the Cognito server are stopped.');
  for (const signal of signals) process.off(signal, onSignal);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`npm run demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
