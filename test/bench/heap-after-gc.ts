import type { BrowserContext, Page } from 'playwright-core';

/**
 * Bytes of JS heap in use on the page's isolate after a forced full GC (CDP
 * HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize). Pages of one extension
 * share a renderer and so an isolate: only the measured page should be open.
 * https://chromedevtools.github.io/devtools-protocol/tot/Runtime/#method-getHeapUsage
 */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}
