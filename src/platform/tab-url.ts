import browser from 'webextension-polyfill';

/**
 * The URL of a tab, when Keystep may see it: after a user gesture granted activeTab on it (the toolbar button, the
 * keyboard command, the context menu), until it navigates to another origin. undefined otherwise, or when the tab is
 * gone. Without the "tabs" permission Chrome leaves `url` out of every other tab.
 */
export async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

/** The id and URL (as tabUrl) of the active tab of the window the calling page is in; undefined when there is none. */
export async function activeTab(): Promise<{ readonly id: number; readonly url: string | undefined } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}
