import browser from 'webextension-polyfill';
import { securitySettingsItem } from './storage-items.ts';
import { createVaultRepository } from './vault-repository.ts';

/** The chrome.alarms alarm that locks the vault after the idle time. */
export const AUTO_LOCK_ALARM = 'keystep-auto-lock';

/**
 * Restarts the idle countdown: Keystep locks `autoLockMinutes` after the last time this ran
 * (an unlock, opening the popup, copying a code). chrome.alarms, unlike a page timer, fires
 * even after every Keystep page has closed and the service worker has been stopped
 * (https://developer.chrome.com/docs/extensions/reference/api/alarms). 0 minutes clears it:
 * the vault then locks only when the browser restarts.
 */
export async function restartAutoLock(): Promise<void> {
  const { autoLockMinutes } = await securitySettingsItem.get();
  if (autoLockMinutes > 0) await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: autoLockMinutes });
  else await browser.alarms.clear(AUTO_LOCK_ALARM);
}

/** Stops the idle countdown (the vault was locked, or its password removed). */
export async function clearAutoLock(): Promise<void> {
  await browser.alarms.clear(AUTO_LOCK_ALARM);
}

/** Forgets the unlocked vault key (every page then shows the vault as locked) and the countdown. */
export async function lockNow(): Promise<void> {
  await createVaultRepository().forgetSessionKey();
  await clearAutoLock();
}
