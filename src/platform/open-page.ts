import browser from 'webextension-polyfill';

/** Opens one of the extension's pages (e.g. "src/options/index.html#add") in a new tab. */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
