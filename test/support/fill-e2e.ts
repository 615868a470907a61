import type { CDPSession, Page, Worker } from 'playwright-core';
import type { FillResult } from '../../src/services/code-filler.ts';
import { FILL_PAGE_HOSTS, HOST_RESOLVER_RULES, startFillPagesServer, type FillPagesServer } from './fill-pages/serve-fill-pages.ts';
import { launchExtension, type LoadedExtension } from './launch-extension.ts';

// Driving the fill triggers of the built extension in headless Chromium (docs/fill-design.md section 9):
// - Keyboard shortcuts do not reach extensions in headless Chromium and native context menus cannot be clicked, so
//   the activeTab grant a user gesture gives is obtained with CDP Extensions.triggerAction (what clicking the toolbar
//   button does; it grants activeTab on the tab), and the handler chrome.commands.onCommand or
//   chrome.contextMenus.onClicked would call is called in the service worker (keystepFillTriggers, src/background.ts).
// - The toolbar popup that triggerAction opens is a CDP target Playwright does not attach to: actionPopup() reaches it
//   over CDP.

/** The service worker's fill handlers, as src/background.ts leaves them on its global object. */
interface FillTriggers {
  command(tabId: number): Promise<FillResult>;
  contextMenu(tabId: number, frameId: number): Promise<FillResult>;
}

/** The slice of the chrome API the tests call in the service worker (no @types/chrome in this project). */
interface WorkerChrome {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  contextMenus: { update(id: string, properties: object): Promise<void> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

type WorkerGlobal = { chrome: WorkerChrome; keystepFillTriggers: FillTriggers };

export type FillHost = keyof typeof FILL_PAGE_HOSTS | 'local';

export interface FillHarness {
  readonly ext: LoadedExtension;
  readonly server: FillPagesServer;
  readonly worker: Worker;
  /** The origin of a host of the fill pages server, e.g. http://login.example.test:41234. */
  origin(host: FillHost): string;
  /** Opens a fill page on a host in a new tab (a query string makes its URL unique among the tabs). */
  open(page: string, host: FillHost): Promise<Page>;
  /** What clicking Keystep's toolbar button on this tab does: grants activeTab (and opens the popup, closed again). Returns the tab's id. */
  grant(page: Page): Promise<number>;
  /** Keystep's toolbar popup, opened over this tab as a click on the toolbar button does (granting activeTab). */
  actionPopup(page: Page): Promise<ActionPopup>;
  /** What chrome.commands.onCommand calls for the fill command on this tab. */
  command(tabId: number): Promise<FillResult>;
  /** The same, with Date.now() in the service worker just before the handler is called (for the bench). */
  timedCommand(tabId: number): Promise<{ readonly startedAt: number; readonly result: FillResult }>;
  /** What chrome.contextMenus.onClicked calls for "Fill code from Keystep" in this frame of this tab. */
  contextMenu(tabId: number, frameId: number): Promise<FillResult>;
  /** The tab's toolbar button: badge text and tooltip. */
  badge(tabId: number): Promise<{ readonly text: string; readonly title: string }>;
  close(): Promise<void>;
}

/** The real toolbar popup, reached over CDP. */
export interface ActionPopup {
  /** Runs `expression` in the popup and returns its (JSON) value; promises are awaited. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** A CDP reply from the popup's session (Runtime.evaluate). */
interface Reply {
  readonly id?: number;
  readonly result?: { readonly result?: { readonly value?: unknown }; readonly exceptionDetails?: { readonly text?: string } };
  readonly error?: { readonly message: string };
}

let unique = 0;

/** Launches the extension with the fill pages' host names mapped to 127.0.0.1, and serves the pages. */
export async function startFillHarness(): Promise<FillHarness> {
  const server = await startFillPagesServer();
  const ext = await launchExtension({ extraArgs: [HOST_RESOLVER_RULES] });
  const harness = await fillHarness(ext, server);
  return {
    ...harness,
    async close() {
      await harness.close();
      await ext.close();
      await server.close();
    },
  };
}

/**
 * The harness over an extension the caller launched and a fill pages server it started (the bench's browser);
 * its close() ends only its own CDP session. The test host names reach the server only when the browser was
 * launched with HOST_RESOLVER_RULES; the 'local' host always does.
 */
export async function fillHarness(ext: LoadedExtension, server: FillPagesServer): Promise<FillHarness> {
  const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
  const browser = ext.context.browser();
  if (!browser) throw new Error('No browser behind the persistent context');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const hostName = (host: FillHost): string => (host === 'local' ? '127.0.0.1' : FILL_PAGE_HOSTS[host]);

  /** The CDP tab target showing `page` (Extensions.triggerAction wants a tab target, not a page one). */
  const tabTarget = async (page: Page): Promise<string> => {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const found = targetInfos.find((t) => t.url === page.url());
    if (!found) throw new Error(`No tab target for ${page.url()}`);
    return found.targetId;
  };

  const popupTargets = async (): Promise<string[]> => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'page' && t.url === ext.url('src/popup/index.html')).map((t) => t.targetId);
  };

  /** Clicks the toolbar button for the tab and returns the popup's target id. */
  const openPopupOver = async (page: Page): Promise<string> => {
    const before = new Set(await popupTargets());
    await page.bringToFront();
    await cdp.send('Extensions.triggerAction' as never, { id: ext.id, targetId: await tabTarget(page) } as never);
    for (let i = 0; i < 100; i++) {
      const opened = (await popupTargets()).find((id) => !before.has(id));
      if (opened !== undefined) return opened;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('The toolbar popup did not open');
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const id = await worker.evaluate(async (url) => (await (globalThis as unknown as WorkerGlobal).chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    if (id === undefined) throw new Error(`Keystep cannot see the tab ${page.url()}: no activeTab grant`);
    return id;
  };

  const attach = async (targetId: string): Promise<ActionPopup> => {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    let next = 0;
    const waiting = new Map<number, (message: Reply) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as Reply;
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    });
    return {
      async evaluate<T>(expression: string): Promise<T> {
        const id = ++next;
        const answer = new Promise<Reply>((resolve) => waiting.set(id, resolve));
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) });
        const reply = await answer;
        if (reply.error) throw new Error(reply.error.message);
        if (reply.result?.exceptionDetails) throw new Error(reply.result.exceptionDetails.text ?? 'exception in the popup');
        return reply.result?.result?.value as T;
      },
      async close() {
        await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      },
    };
  };

  return {
    ext,
    server,
    worker,
    origin: (host) => new URL(server.url('', hostName(host))).origin,
    async open(page, host) {
      const tab = await ext.context.newPage();
      await tab.goto(`${server.url(page, hostName(host))}?tab=${++unique}`);
      return tab;
    },
    async grant(page) {
      const popup = await openPopupOver(page);
      await cdp.send('Target.closeTarget', { targetId: popup });
      return tabIdOf(page);
    },
    async actionPopup(page) {
      return attach(await openPopupOver(page));
    },
    command: (tabId) => worker.evaluate((id) => (globalThis as unknown as WorkerGlobal).keystepFillTriggers.command(id), tabId),
    timedCommand: (tabId) =>
      worker.evaluate(async (id) => {
        const startedAt = Date.now();
        return { startedAt, result: await (globalThis as unknown as WorkerGlobal).keystepFillTriggers.command(id) };
      }, tabId),
    contextMenu: (tabId, frameId) => worker.evaluate(([id, frame]) => (globalThis as unknown as WorkerGlobal).keystepFillTriggers.contextMenu(id, frame), [tabId, frameId] as const),
    badge: (tabId) =>
      worker.evaluate(async (id) => {
        const { action } = (globalThis as unknown as WorkerGlobal).chrome;
        return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
      }, tabId),
    async close() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
