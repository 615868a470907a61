import type { StorageAreaName } from './storage-item.ts';

/**
 * A storage read a page starts in its first script, before its other modules have loaded, so that the read and
 * the loading of the code run at the same time (see early-vault-read.ts). The page's first get() of
 * that key takes it instead of asking storage again.
 */
export interface EarlyRead {
  readonly area: StorageAreaName;
  readonly key: string;
  /** What storage.get(key) resolved to. */
  readonly result: Promise<Record<string, unknown>>;
  /** Set when storage reported a change of the key since the read started: the result may be stale. */
  changed: boolean;
}

/** Where the first script leaves its reads for the page's code (a global: the two are separate module graphs). */
export const EARLY_READS_GLOBAL = '__keystepEarlyReads';

/**
 * The early read of `key` in `area`, taken at most once, or undefined when there is none or storage changed the
 * key since it started (the caller then reads storage as usual).
 */
export function takeEarlyRead(area: StorageAreaName, key: string): Promise<Record<string, unknown>> | undefined {
  const reads = (globalThis as Record<string, unknown>)[EARLY_READS_GLOBAL] as EarlyRead[] | undefined;
  const index = reads?.findIndex((read) => read.area === area && read.key === key) ?? -1;
  const read = reads?.[index];
  if (!reads || !read) return undefined;
  reads.splice(index, 1);
  return read.changed ? undefined : read.result;
}
