import type { BrowserContext, Page } from 'playwright-core';

const metric = (metrics: readonly { name: string; value: number }[], name: string): number => {
  const found = metrics.find((m) => m.name === name);
  if (!found) throw new Error(`CDP Performance.getMetrics returned no ${name}`);
  return found.value;
};

/**
 * Main-thread work while the page sits open, in ms per second: the growth of the renderer's
 * TaskDuration (seconds of main-thread tasks) over `windowMs`, divided by the elapsed
 * Timestamp. https://chromedevtools.github.io/devtools-protocol/tot/Performance/#method-getMetrics
 */
export async function idleCost(context: BrowserContext, page: Page, windowMs = 5000): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    await cdp.send('Performance.disable');
    const busySeconds = metric(after, 'TaskDuration') - metric(before, 'TaskDuration');
    const elapsedSeconds = metric(after, 'Timestamp') - metric(before, 'Timestamp');
    return (busySeconds * 1000) / elapsedSeconds;
  } finally {
    await cdp.detach();
  }
}
