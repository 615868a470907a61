import { base64ToBytes, bytesToBase64 } from '../core/base64.ts';
import { VAULT_SCHEMA, vaultContent, type EncryptedVaultRecord, type Vault, type VaultRecord } from '../core/vault.ts';
import type { StorageItem } from './storage-item.ts';
import { vaultKeyItem, vaultRecordItem } from './storage-items.ts';
import { withLock } from './with-lock.ts';

/**
 * The Web Lock every read-modify-write of the vault record holds, in every page and the service worker. Only this
 * module takes it: the record has one writer.
 */
const LOCK_NAME = 'keystep-vault';

/** An encrypted vault as the caller seals it; the repository adds the schema, the format and the revision. */
export type SealedVault = Pick<EncryptedVaultRecord, 'kdf' | 'wrappedKey' | 'payload'>;

/**
 * The writes of one locked section (see VaultRepository.transact). Each stores the next revision of the record
 * with ONE storage.set, so an interruption leaves either the old record or the new one; a section writes at most
 * once, and not after it has ended (the lock is gone by then).
 */
export interface VaultRecordWriter {
  /** The record as stored when the lock was taken (migrated to the current schema); undefined before the first write. */
  readonly stored: VaultRecord | undefined;
  /** Stores `content` unencrypted. */
  writePlain(content: Vault): Promise<void>;
  /**
   * Stores an encrypted vault. With `sessionKey` (the key that opens the new record, when it is a new one), that
   * key goes to session storage just before the record, and is put back as it was if the record write fails, so
   * no page ever sees the new record without its key or the old one without its own.
   */
  writeEncrypted(sealed: SealedVault, sessionKey?: Uint8Array): Promise<void>;
}

/** The stored vault record and the session's vault key: the one module that reads and writes them. */
export interface VaultRepository {
  /** The stored record, migrated to the current schema; undefined before the first write. @throws VaultRecordError (the record is left as it is). */
  read(): Promise<VaultRecord | undefined>;
  /** The vault key this browser session unlocked; undefined while locked (or without a master password). */
  sessionKey(): Promise<Uint8Array | undefined>;
  /** Keeps the unlocked vault key in session storage (memory only, cleared when the browser restarts). */
  setSessionKey(key: Uint8Array): Promise<void>;
  /** Forgets the vault key: every page then sees a protected vault as locked. */
  forgetSessionKey(): Promise<void>;
  /**
   * Runs `task` while holding the vault lock, with the record read under it; `task` writes through the writer.
   * If `task` throws before writing, nothing is written.
   */
  transact<T>(task: (writer: VaultRecordWriter) => Promise<T>): Promise<T>;
  /** Rewrites a record stored in an older schema in the current one (same revision), under the lock; true when it wrote. */
  upgrade(): Promise<boolean>;
  /** Calls back after every change of the record or of the session key, from any page; an unreadable record goes to `onError`. */
  watch(onChange: () => void, onError: (error: unknown) => void): () => void;
}

export interface VaultRepositoryDeps {
  readonly item?: StorageItem<VaultRecord | undefined>;
  /** Where the unlocked vault key is kept (session storage), standard Base64. */
  readonly keyItem?: StorageItem<string | undefined>;
  readonly lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
}

/** The vault record in chrome.storage.local and its key in chrome.storage.session. Holds no state: any number may coexist. */
export function createVaultRepository({ item = vaultRecordItem, keyItem = vaultKeyItem, lock = withLock }: VaultRepositoryDeps = {}): VaultRepository {
  const sessionKey = async (): Promise<Uint8Array | undefined> => {
    const stored = await keyItem.get();
    return stored === undefined ? undefined : base64ToBytes(stored, 'The session vault key');
  };
  return {
    read: () => item.get(),
    sessionKey,
    setSessionKey: (key) => keyItem.set(bytesToBase64(key)),
    forgetSessionKey: () => keyItem.remove(),
    transact: (task) =>
      lock(LOCK_NAME, async () => {
        const stored = await item.get();
        let state: 'open' | 'written' | 'ended' = 'open';
        const nextRevision = (): number => {
          if (state !== 'open') throw new Error(state === 'written' ? 'A locked section writes the vault once' : 'The vault lock was released: write in a new locked section');
          state = 'written';
          return (stored?.revision ?? 0) + 1;
        };
        const writer: VaultRecordWriter = {
          stored,
          writePlain: async (content) => {
            const revision = nextRevision();
            await item.set({ schema: VAULT_SCHEMA, format: 'plain', revision, ...vaultContent(content) });
          },
          writeEncrypted: async (sealed, key) => {
            const revision = nextRevision();
            const record: EncryptedVaultRecord = { schema: VAULT_SCHEMA, format: 'encrypted', revision, kdf: sealed.kdf, wrappedKey: sealed.wrappedKey, payload: sealed.payload };
            if (!key) return item.set(record);
            const previousKey = await keyItem.get();
            await keyItem.set(bytesToBase64(key));
            try {
              await item.set(record);
            } catch (error) {
              // The old record is still there: put back the key that opens it (or none).
              await (previousKey === undefined ? keyItem.remove() : keyItem.set(previousKey));
              throw error;
            }
          },
        };
        try {
          return await task(writer);
        } finally {
          state = 'ended';
        }
      }),
    upgrade: () =>
      lock(LOCK_NAME, async () => {
        const raw = await item.readRaw();
        const record = await item.get();
        if (!record || (raw as { schema?: unknown } | undefined)?.schema === VAULT_SCHEMA) return false;
        await item.set(record);
        return true;
      }),
    watch(onChange, onError) {
      const stopRecord = item.watch(onChange, onError);
      const stopKey = keyItem.watch(onChange, onError);
      return () => {
        stopRecord();
        stopKey();
      };
    },
  };
}
