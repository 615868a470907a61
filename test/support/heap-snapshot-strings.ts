import type { Page } from 'playwright-core';

/** The part of a V8 heap snapshot this reads: every string the heap holds (and the names of its nodes) is in `strings`. */
interface HeapSnapshot {
  readonly strings: readonly string[];
}

/**
 * Every string in the JavaScript heap of `page` (all of its V8 contexts, Playwright's own included), read from a heap
 * snapshot taken through the Chrome DevTools Protocol after a full garbage collection: what a memory dump of the page
 * would show. V8 cuts each string to its first 1024 characters in a snapshot (`--heap-snapshot-string-limit`), and a
 * concatenated string appears as its parts; a secret held as a string of its own is found as it is.
 * https://chromedevtools.github.io/devtools-protocol/tot/HeapProfiler/
 */
export async function heapSnapshotStrings(page: Page): Promise<readonly string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return (JSON.parse(chunks.join('')) as HeapSnapshot).strings;
  } finally {
    await cdp.detach();
  }
}

/** Which of `secrets` occur (in any letter case) in one of `strings`. */
export function secretsFoundIn(strings: readonly string[], secrets: readonly string[]): readonly string[] {
  const lowered = strings.map((s) => s.toLowerCase());
  return secrets.filter((secret) => {
    const wanted = secret.toLowerCase();
    return lowered.some((s) => s.includes(wanted));
  });
}
