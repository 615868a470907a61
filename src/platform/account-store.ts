import { EMPTY_VAULT, VAULT_SCHEMA, type Vault, type VaultRecord } from '../core/vault.ts';
import type { StorageItem } from './storage-item.ts';
import { vaultRecordItem } from './storage-items.ts';
import { withLock } from './with-lock.ts';

/** What a snapshot of the vault looks like to a page: the accounts and the revision they came from. */
export interface VaultSnapshot extends Vault {
  readonly revision: number;
}

export interface AccountStore {
  /** Reads the current vault. */
  load(): Promise<VaultSnapshot>;
  /**
   * Read-modify-write under the vault lock: `edit` gets the freshest vault (never a stale copy
   * a page held), and its result is written as one storage.set, so the stored record is always
   * either the old or the new one. If `edit` throws, nothing is written.
   */
  update<R>(edit: (vault: Vault) => { vault: Vault; result: R }): Promise<R>;
  /** Rewrites a record stored in an older schema in the current one; true when it wrote. */
  upgrade(): Promise<boolean>;
  /** Calls back with each new snapshot written by any page, or with the error reading it. */
  subscribe(callback: (snapshot: VaultSnapshot) => void, onError: (error: unknown) => void): () => void;
}

export interface AccountStoreDeps {
  readonly item?: StorageItem<VaultRecord | undefined>;
  readonly lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
}

const LOCK_NAME = 'keystep-vault';

function toSnapshot(record: VaultRecord | undefined): VaultSnapshot {
  return record ? { accounts: record.accounts, revision: record.revision } : { ...EMPTY_VAULT, revision: 0 };
}

/** The vault behind a storage item. Swapping `item` is the seam for encryption at rest. */
export function createAccountStore({ item = vaultRecordItem, lock = withLock }: AccountStoreDeps = {}): AccountStore {
  return {
    load: async () => toSnapshot(await item.get()),
    update: (edit) =>
      lock(LOCK_NAME, async () => {
        const current = toSnapshot(await item.get());
        const { vault, result } = edit(current);
        if (vault !== current) {
          await item.set({ schema: VAULT_SCHEMA, format: 'plain', revision: current.revision + 1, accounts: vault.accounts });
        }
        return result;
      }),
    upgrade: () =>
      lock(LOCK_NAME, async () => {
        const raw = await item.readRaw();
        const record = await item.get();
        if (!record || (raw as { schema?: unknown } | undefined)?.schema === VAULT_SCHEMA) return false;
        await item.set(record);
        return true;
      }),
    subscribe: (callback, onError) => item.watch((record) => callback(toSnapshot(record)), onError),
  };
}
