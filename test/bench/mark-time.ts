import type { Page } from 'playwright-core';

/**
 * The startTime of the first User Timing mark `name` on the page: ms from the document's
 * navigation start (performance.timeOrigin). Waits for it through a buffered
 * PerformanceObserver, so no polling runs on the page while it starts.
 * https://w3c.github.io/user-timing/#dom-performance-mark
 */
export async function markTime(page: Page, name: string, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    ({ name, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No performance mark ${name} within ${timeoutMs} ms`)), timeoutMs);
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntriesByName(name)[0];
          if (!entry) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(entry.startTime);
        });
        observer.observe({ type: 'mark', buffered: true });
      }),
    { name, timeoutMs },
  );
}
