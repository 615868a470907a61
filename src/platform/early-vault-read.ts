// The popup's first script: it starts reading the vault from storage while the browser is still parsing the page
// and loading the popup's modules, instead of after them. With thousands of accounts the read takes longer than
// loading the code; started here, the two overlap. The store's first get() of the vault takes the result
// (early-read.ts), unless storage reported a change of the vault in the meantime.
//
// A classic script with no imports, built to early-vault-read.js on its own (see vite.config.ts) and named
// first in src/popup/index.html, so that it runs while the page is parsed; it uses the browser's own
// promise-returning `chrome.storage` (the webextension-polyfill comes with the other modules).
import type { EarlyRead } from './early-read.ts';

interface ChromeStorage {
  readonly onChanged: { addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void };
  readonly local: { get(key: string): Promise<Record<string, unknown>> };
}

// In a function: top-level names of a classic script would become globals of the page.
(() => {
  const storage = (globalThis as { chrome?: { storage?: ChromeStorage } }).chrome?.storage;
  if (!storage) return;
  // The name is EARLY_READS_GLOBAL of early-read.ts, written out: this script imports nothing.
  const reads: EarlyRead[] = [{ area: 'local', key: 'vault', result: storage.local.get('vault'), changed: false }];
  (globalThis as Record<string, unknown>)['__keystepEarlyReads'] = reads;
  // Marks only the reads not taken yet, through the list: the listener stays for the page's life, and must not keep
  // a taken read's result alive (with a plain vault, the JSON text of every account).
  storage.onChanged.addListener((changes, areaName) => {
    for (const read of reads) if (areaName === read.area && read.key in changes) read.changed = true;
  });
})();
