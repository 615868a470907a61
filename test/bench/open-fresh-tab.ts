import type { BrowserContext, Page } from 'playwright-core';

/** The toolbar popup is 360px wide; every measured tab gets this shape. */
export const POPUP_VIEWPORT = { width: 360, height: 600 } as const;

/**
 * Opens `url` in a new tab of popup size, so each run starts a new document (new timeOrigin).
 * `beforeNavigation` can attach listeners (e.g. for responses) and init scripts before the first request.
 */
export async function openFreshTab(context: BrowserContext, url: string, beforeNavigation?: (page: Page) => void | Promise<void>): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await beforeNavigation?.(page);
  await page.goto(url);
  return page;
}
