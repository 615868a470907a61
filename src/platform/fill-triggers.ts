import browser, { type Menus, type Runtime, type Tabs } from 'webextension-polyfill';
import { t } from './i18n.ts';

/** The manifest's command (manifest.json "commands"); its shortcut is the user's to change at chrome://extensions/shortcuts. */
export const FILL_COMMAND = 'fill-code';
/** The context-menu item on editable fields. */
const FILL_MENU_ITEM = 'keystep-fill-code';

/** What a page of the extension asks the service worker to fill (see requestFill). */
export type FillMessage =
  /** The popup's Fill on an account's row, into the tab the popup was opened over. */
  | { readonly type: 'keystep-fill-account'; readonly tabId: number; readonly accountId: string }
  /** The chooser's pick for a pending fill; `remember` binds the page's origin to the account first. */
  | { readonly type: 'keystep-fill-pending'; readonly pendingId: string; readonly accountId: string; readonly remember: boolean };

/** What each trigger does; the service worker passes the code filler's use-cases. */
export interface FillTriggerHandlers {
  readonly command: (tabId: number) => Promise<unknown>;
  readonly contextMenu: (tabId: number, frameId: number) => Promise<unknown>;
  readonly message: (message: FillMessage) => Promise<unknown>;
}

function parseFillMessage(value: unknown): FillMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m['type'] === 'keystep-fill-account' && typeof m['tabId'] === 'number' && typeof m['accountId'] === 'string') {
    return { type: m['type'], tabId: m['tabId'], accountId: m['accountId'] };
  }
  if (m['type'] === 'keystep-fill-pending' && typeof m['pendingId'] === 'string' && typeof m['accountId'] === 'string' && typeof m['remember'] === 'boolean') {
    return { type: m['type'], pendingId: m['pendingId'], accountId: m['accountId'], remember: m['remember'] };
  }
  return undefined;
}

/**
 * Service worker side: runs the handlers on the keyboard command (commands.onCommand, which grants activeTab on
 * the tab), on the context-menu item (made at install, shown on editable fields of web pages only; a click
 * grants activeTab too), and on FillMessages from Keystep's own pages (never from a content script or a web
 * page: the sender must be a page of this extension). Each message is acknowledged at once, so the popup can
 * close while the fill goes on. Errors of a handler go to `onError`.
 */
export function installFillTriggers(handlers: FillTriggerHandlers, onError: (error: unknown) => void): void {
  const run = (task: () => Promise<unknown>): void => {
    task().catch(onError);
  };
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (command === FILL_COMMAND && tab?.id !== undefined) {
      const tabId = tab.id;
      run(() => handlers.command(tabId));
    }
  });
  browser.runtime.onInstalled.addListener(() => {
    run(async () => {
      // An update keeps the items of the version before: start again so there is one, with this version's title.
      await browser.contextMenus.removeAll();
      browser.contextMenus.create({ id: FILL_MENU_ITEM, title: t('contextMenuFillCode'), contexts: ['editable'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId === FILL_MENU_ITEM && tab?.id !== undefined) {
      const tabId = tab.id;
      run(() => handlers.contextMenu(tabId, info.frameId ?? 0));
    }
  });
  const extensionOrigin = new URL(browser.runtime.getURL('')).origin;
  browser.runtime.onMessage.addListener((value: unknown, sender: Runtime.MessageSender) => {
    const message = parseFillMessage(value);
    if (message === undefined || sender.id !== browser.runtime.id || sender.url === undefined || new URL(sender.url).origin !== extensionOrigin) return undefined;
    run(() => handlers.message(message));
    return Promise.resolve(true);
  });
}

/**
 * Page side: asks the service worker to fill, and resolves once it has taken the request (the fill goes on after
 * the page closes).
 * @throws when the service worker cannot be reached.
 */
export async function requestFill(message: FillMessage): Promise<void> {
  await browser.runtime.sendMessage(message);
}

/** The keyboard shortcut the user has for filling (e.g. "Alt+Shift+K"), or undefined when none is set (Chrome leaves a taken one unset). */
export async function fillShortcut(): Promise<string | undefined> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === FILL_COMMAND)?.shortcut || undefined;
}

/** Opens Chrome's page where the user changes extension shortcuts. */
export async function openShortcutSettings(): Promise<void> {
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
