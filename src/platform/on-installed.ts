import browser from 'webextension-polyfill';

/** Runs `task` when the extension is installed or updated (https://developer.chrome.com/docs/extensions/reference/api/runtime#event-onInstalled). */
export function onInstalled(task: (reason: string) => Promise<void>): void {
  browser.runtime.onInstalled.addListener((details) => {
    task(details.reason).catch((error: unknown) => {
      console.error('Keystep:', details.reason, 'task failed:', error instanceof Error ? error.message : String(error));
    });
  });
}
