import type { Page } from 'playwright-core';

interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
}

/** Everything in the extension's local, session and sync storage, read from one of its pages, as JSON text. */
export async function dumpExtensionStorage(page: Page): Promise<string> {
  const areas = await page.evaluate(async () => {
    const storage = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', StorageArea> } }).chrome.storage;
    return { local: await storage.local.get(null), session: await storage.session.get(null), sync: await storage.sync.get(null) };
  });
  return JSON.stringify(areas);
}
