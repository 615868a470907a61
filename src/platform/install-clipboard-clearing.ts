import browser from 'webextension-polyfill';
import { CLEAR_CLIPBOARD_ALARM } from './clipboard-clear-timer.ts';

// Service worker only, as install-auto-lock.ts: the listener must be added when the worker starts, so that the alarm
// that wakes it is delivered.

/** Service worker side: calls `clear` with the time the clear was due (ms since the epoch) when its alarm fires. */
export function installClipboardClearing(clear: (dueAt: number) => Promise<unknown>, onError: (error: unknown) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLEAR_CLIPBOARD_ALARM) clear(alarm.scheduledTime).catch(onError);
  });
}
