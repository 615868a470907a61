import browser from 'webextension-polyfill';

/** The chrome.alarms alarm that clears the clipboard after Keystep copied a code. */
export const CLEAR_CLIPBOARD_ALARM = 'keystep-clear-clipboard';

/** The one pending clear of the clipboard: starting it again moves it, so only Keystep's last copy has one. */
export interface ClearTimer {
  /** When the pending clear is due, ms since the epoch; undefined when none is pending. */
  pending(): Promise<number | undefined>;
  /** Sets the clear for `at` (ms since the epoch), replacing a pending one. */
  start(at: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The clear timer on chrome.alarms, which fires in the service worker even after the popup has closed and the worker
 * has been stopped (a timer in a page or the worker would die with it). An alarm created under a name replaces the one
 * of that name, and a one-time alarm is gone once it has fired
 * (https://developer.chrome.com/docs/extensions/reference/api/alarms). Keystep's 30 s is the shortest delay Chrome 120
 * and later let an installed extension's alarms have.
 */
export const alarmClearTimer: ClearTimer = {
  pending: async () => (await browser.alarms.get(CLEAR_CLIPBOARD_ALARM))?.scheduledTime,
  start: (at) => browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when: at }),
  async stop() {
    await browser.alarms.clear(CLEAR_CLIPBOARD_ALARM);
  },
};
