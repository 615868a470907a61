import { createAccountStore } from './platform/account-store.ts';
import { showActionStatus } from './platform/action-status.ts';
import { restartAutoLock } from './platform/auto-lock.ts';
import { installFillTriggers, type FillTriggerHandlers } from './platform/fill-triggers.ts';
import { installAutoLock } from './platform/install-auto-lock.ts';
import { installClipboardClearing } from './platform/install-clipboard-clearing.ts';
import { moveRememberedSecrets } from './platform/move-remembered-secrets.ts';
import { readOffsetClock } from './platform/offset-clock.ts';
import { onInstalled } from './platform/on-installed.ts';
import { openChooserWindow } from './platform/open-chooser.ts';
import { createPageFill } from './platform/page-fill.ts';
import { pendingFillItem } from './platform/pending-fill-item.ts';
import { tabUrl } from './platform/tab-url.ts';
import { copyFromWorker } from './platform/worker-clipboard.ts';
import { clearClipboardWhenDue } from './services/clear-clipboard-when-due.ts';
import { createCodeFiller } from './services/code-filler.ts';
import { browserClipboardClearing } from './services/browser-clipboard-clearing.ts';
import { copyWithClearing } from './services/copy-with-clearing.ts';

/**
 * The service worker. After an update it rewrites a vault stored by an older build in the
 * current schema, once, under the vault lock, so pages never race to migrate it. A record it
 * cannot read (e.g. from a newer build) is left untouched for the pages to report. It also moves client
 * secrets that older builds remembered in the profile list into the vault (a locked vault takes them at its next
 * unlock instead).
 * It also locks a password-protected vault when the idle alarm fires and when the browser starts.
 * And it fills one-time codes into pages: on the keyboard command, the context menu, the popup's Fill and the
 * chooser's pick (services/code-filler.ts).
 * It clears the clipboard when the alarm set by a copy (the popup's or its own) fires (services/clear-clipboard-when-due.ts).
 */
onInstalled(async () => {
  const store = createAccountStore();
  await store.upgrade();
  await moveRememberedSecrets(store);
});

installAutoLock((error: unknown) => {
  console.error('Keystep: auto-lock failed:', error instanceof Error ? error.message : String(error));
});

installClipboardClearing(
  (dueAt) => clearClipboardWhenDue(dueAt, { ...browserClipboardClearing, write: copyFromWorker }),
  (error: unknown) => {
    console.error('Keystep: clearing the clipboard failed:', error instanceof Error ? error.message : String(error));
  },
);

const filler = createCodeFiller({
  store: createAccountStore(),
  page: createPageFill(),
  tabUrl,
  codeClock: () => readOffsetClock(),
  pageNow: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  copy: (text) => copyWithClearing(text, copyFromWorker, browserClipboardClearing),
  status: showActionStatus,
  openChooser: openChooserWindow,
  pending: pendingFillItem,
  newId: () => crypto.randomUUID(),
  touch: restartAutoLock,
});

const handlers: FillTriggerHandlers = {
  command: (tabId) => filler.fromShortcut({ tabId, useFocusedField: false }),
  contextMenu: (tabId, frameId) => filler.fromShortcut({ tabId, frameId, useFocusedField: true }),
  message: (message) => (message.type === 'keystep-fill-account' ? filler.forAccount(message.tabId, message.accountId) : filler.forPending(message.pendingId, message.accountId, message.remember)),
};

installFillTriggers(handlers, (error: unknown) => {
  console.error('Keystep: fill failed:', error instanceof Error ? error.message : String(error));
});

// The handlers the listeners call, on the worker's own global object (no page or content script can reach it): what
// DevTools and the real-browser tests call after a user gesture granted activeTab, because keyboard shortcuts and
// context menus cannot be driven in headless Chromium (docs/fill-design.md section 9).
Object.defineProperty(globalThis, 'keystepFillTriggers', { value: handlers });
