import type { Page } from 'playwright-core';

/**
 * Starts recording the extension's own JS and CSS the page loads (responses to
 * chrome-extension:// URLs ending .js or .css), deduplicated by URL. Attach before navigating.
 */
export function watchAssets(page: Page): ReadonlySet<string> {
  const urls = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.protocol === 'chrome-extension:' && /\.(js|css)$/.test(url.pathname)) urls.add(`${url.protocol}//${url.host}${url.pathname}`);
  });
  return urls;
}
