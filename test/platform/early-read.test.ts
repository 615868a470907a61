import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_READS_GLOBAL, takeEarlyRead } from '../../src/platform/early-read.ts';
import { defineStorageItem } from '../../src/platform/storage-item.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

type ChangeListener = (changes: Record<string, unknown>, areaName: string) => void;

/** The parts of the browser's own `chrome.storage` the popup's first script uses, with its reads counted. */
function installChrome(stored: Record<string, unknown>): { gets: string[]; change: ChangeListener } {
  const gets: string[] = [];
  const listeners: ChangeListener[] = [];
  (globalThis as Record<string, unknown>)['chrome'] = {
    storage: {
      local: {
        get: (key: string) => {
          gets.push(key);
          return Promise.resolve(key in stored ? { [key]: stored[key] } : {});
        },
      },
      onChanged: { addListener: (listener: ChangeListener) => listeners.push(listener) },
    },
  };
  return { gets, change: (changes, areaName) => listeners.forEach((listener) => listener(changes, areaName)) };
}

/** Runs the popup's first script, as the page does before its modules. */
async function runFirstScript(): Promise<void> {
  vi.resetModules();
  await import('../../src/platform/early-vault-read.ts');
}

beforeEach(resetFakeBrowser);
afterEach(() => {
  const global = globalThis as { chrome?: unknown; __keystepEarlyReads?: unknown };
  delete global.chrome;
  delete global.__keystepEarlyReads;
});

describe('the popup reads the vault early', () => {
  it('starts one read of the vault; the first take gets it, later takes and other keys get nothing', async () => {
    const { gets } = installChrome({ vault: { revision: 7 } });
    await runFirstScript();
    expect(gets).toEqual(['vault']);
    expect(takeEarlyRead('local', 'vaultKey')).toBeUndefined();
    expect(takeEarlyRead('session', 'vault')).toBeUndefined();
    expect(await takeEarlyRead('local', 'vault')).toEqual({ vault: { revision: 7 } });
    expect(takeEarlyRead('local', 'vault')).toBeUndefined();
  });

  it('drops the read when storage reports a change of the vault after it started', async () => {
    const { change } = installChrome({ vault: { revision: 7 } });
    await runFirstScript();
    change({ vault: { newValue: { revision: 8 } } }, 'local');
    expect(takeEarlyRead('local', 'vault')).toBeUndefined();
  });

  it('once the read is taken, a change no longer reaches it: the listener, which stays, holds no taken result', async () => {
    const { change } = installChrome({ vault: { revision: 7 } });
    await runFirstScript();
    const [read] = (globalThis as Record<string, unknown>)[EARLY_READS_GLOBAL] as { changed: boolean }[];
    expect(await takeEarlyRead('local', 'vault')).toEqual({ vault: { revision: 7 } });
    change({ vault: { newValue: { revision: 8 } } }, 'local');
    expect(read?.changed).toBe(false);
  });

  it.each([
    ['another key', { security: {} }, 'local'],
    ['the same key in another area', { vault: {} }, 'session'],
  ])('keeps the read on a change of %s', async (_, changes, areaName) => {
    const { change } = installChrome({ vault: { revision: 7 } });
    await runFirstScript();
    change(changes, areaName);
    expect(await takeEarlyRead('local', 'vault')).toEqual({ vault: { revision: 7 } });
  });

  it('leaves its reads under the name takeEarlyRead looks for', async () => {
    installChrome({});
    await runFirstScript();
    expect(EARLY_READS_GLOBAL).toBe('__keystepEarlyReads');
    expect((globalThis as Record<string, unknown>)[EARLY_READS_GLOBAL]).toHaveLength(1);
  });

  it('does nothing where there is no chrome.storage (e.g. a test page)', async () => {
    await runFirstScript();
    expect((globalThis as Record<string, unknown>)[EARLY_READS_GLOBAL]).toBeUndefined();
    expect(takeEarlyRead('local', 'vault')).toBeUndefined();
  });
});

describe('a storage item and the early read', () => {
  it('serves its first get() from the early read, and asks storage from then on', async () => {
    installChrome({ vault: 'read early' });
    await runFirstScript();
    await fakeBrowser.storage.local.set({ vault: 'in storage' });
    const item = defineStorageItem<string | undefined>('vault', 'local', undefined);
    expect(await item.get()).toBe('read early');
    expect(await item.get()).toBe('in storage');
  });

  it('asks storage when the early read is stale', async () => {
    const { change } = installChrome({ vault: 'read early' });
    await runFirstScript();
    change({ vault: {} }, 'local');
    await fakeBrowser.storage.local.set({ vault: 'in storage' });
    expect(await defineStorageItem<string | undefined>('vault', 'local', undefined).get()).toBe('in storage');
  });
});
