import browser from 'webextension-polyfill';
import { takeEarlyRead } from './early-read.ts';

export type StorageAreaName = 'local' | 'session' | 'sync';

/** The part of a chrome.storage area Keystep uses; a Map-backed fake implements the same in tests. */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** A typed value under one key of one storage area. */
export interface StorageItem<T> {
  readonly key: string;
  readonly area: StorageAreaName;
  /** The stored value, or the default when nothing is stored. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** What is stored, before parsing; `undefined` when nothing is. */
  readRaw(): Promise<unknown>;
  remove(): Promise<void>;
  /**
   * Calls back with the new value after every change, from any page of the extension;
   * a stored value that `parse` rejects goes to `onError` instead.
   */
  watch(callback: (value: T) => void, onError: (error: unknown) => void): () => void;
}

/**
 * Declares a storage key once, with its area and default. `parse` turns what is stored into
 * a T (and may throw on a value it cannot read, which then reaches the caller of get());
 * `serialize` turns a T into what set() stores (default: the value itself).
 */
export function defineStorageItem<T>(
  key: string,
  area: StorageAreaName,
  defaultValue: T,
  parse: (raw: unknown) => T = (raw) => raw as T,
  serialize: (value: T) => unknown = (value) => value,
): StorageItem<T> {
  const storage = (): StorageAreaLike => browser.storage[area];
  const read = (raw: unknown): T => (raw === undefined ? defaultValue : parse(raw));
  return {
    key,
    area,
    async get() {
      // The page's first script may have started this read already (see early-read.ts).
      const result = await (takeEarlyRead(area, key) ?? storage().get(key));
      return read(result[key]);
    },
    set: (value) => storage().set({ [key]: serialize(value) }),
    async readRaw() {
      return (await storage().get(key))[key];
    },
    remove: () => storage().remove(key),
    watch(callback, onError) {
      const listener = (changes: Record<string, browser.Storage.StorageChange>, areaName: string): void => {
        const change = changes[key];
        if (areaName !== area || !change) return;
        let value: T;
        try {
          value = read(change.newValue);
        } catch (error) {
          onError(error);
          return;
        }
        callback(value);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
