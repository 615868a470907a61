import browser from 'webextension-polyfill';
import { AUTO_LOCK_ALARM, lockNow } from './auto-lock.ts';

// Service worker only, in a file of its own so the pages' shared code does not carry it.

/**
 * Service worker side: locks when the alarm fires, and when the browser starts (session storage
 * is memory only, so it is empty then anyway; this also covers a browser that restores it).
 */
export function installAutoLock(onError: (error: unknown) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) lockNow().catch(onError);
  });
  browser.runtime.onStartup.addListener(() => {
    lockNow().catch(onError);
  });
}
