import { alarmClearTimer } from '../platform/clipboard-clear-timer.ts';
import { clearClipboardItem } from '../platform/storage-items.ts';
import type { ClipboardClearingPorts } from './copy-with-clearing.ts';

/**
 * The clipboard clearing of the running extension: the user's setting (options page, Security), the chrome.alarms
 * timer and the computer's clock. The popup's copies and the service worker's (and its clear when due) share it, so
 * both set and find the same one pending clear.
 */
export const browserClipboardClearing: ClipboardClearingPorts = { enabled: () => clearClipboardItem.get(), timer: alarmClearTimer, now: () => Date.now() };
