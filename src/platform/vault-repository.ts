import { base64ToBytes, bytesToBase64 } from '../core/base64.ts';
import { VaultRecordError } from '../core/migrate-vault-record.ts';
import { VAULT_SCHEMA, vaultContent, type EncryptedVaultRecord, type Vault, type VaultRecord } from '../core/vault.ts';
import type { StorageItem } from './storage-item.ts';
import { vaultEncryptedItem, vaultKeyItem, vaultRecordItem, type StoredSessionKey } from './storage-items.ts';
import { withLock } from './with-lock.ts';

/**
 * The Web Lock every read-modify-write of the vault record holds, in every page and the service worker. Only this
 * module takes it: the record has one writer.
 */
const LOCK_NAME = 'keystep-vault';

/** An encrypted vault as the caller seals it; the repository adds the schema, the format and the revision. */
export type SealedVault = Pick<EncryptedVaultRecord, 'kdf' | 'wrappedKey' | 'payload'> & { readonly keyId: string };

/**
 * The writes of one locked section (see VaultRepository.transact). Each stores the next revision of the record
 * with ONE storage.set, so an interruption leaves either the old record or the new one; a section writes at most
 * once, and not after it has ended (the lock is gone by then).
 */
export interface VaultRecordWriter {
  /** The record as stored when the lock was taken (migrated to the current schema); undefined before the first write. */
  readonly stored: VaultRecord | undefined;
  /** The revision the write stores: an encrypted payload binds it (src/core/vault-cipher.ts), so seal with it. */
  readonly revision: number;
  /** The session's vault key when it opens `stored` (its id is the record's key id); undefined otherwise. */
  sessionKey(): Promise<Uint8Array | undefined>;
  /** Stores `content` unencrypted; a master password that protected the record is then gone (removePassword). */
  writePlain(content: Vault): Promise<void>;
  /**
   * Stores an encrypted vault. With `sessionKey` (the key that opens the new record, when it is a new one), that
   * key goes to session storage with the record's key id just before the record, and is put back as it was if the
   * record write fails, so no page ever sees the new record without its key or the old one without its own.
   */
  writeEncrypted(sealed: SealedVault, sessionKey?: Uint8Array): Promise<void>;
}

export interface TransactOptions {
  /**
   * Run `task` even when the record is refused as vault-encryption-removed (plain, although the master password
   * was never removed in Keystep), with that record as `stored`: only to encrypt it again under a new password.
   */
  readonly acceptRemovedEncryption?: boolean;
}

/** The stored vault record, whether it was ever encrypted, and the session's vault key: the one module that reads and writes them. */
export interface VaultRepository {
  /**
   * The stored record, migrated to the current schema; undefined before the first write.
   * @throws VaultRecordError (the record is left as it is), `vault-encryption-removed` for a plain record while a
   *   master password was set and not removed in Keystep.
   */
  read(): Promise<VaultRecord | undefined>;
  /**
   * The session's vault key for `record`; undefined while locked. A session key made for another record (another
   * vault key: the password was changed elsewhere, or the record was replaced) is never returned: it is dropped
   * from the session, under the vault lock, so every page shows the unlock form instead of failing to decrypt.
   */
  keyFor(record: EncryptedVaultRecord): Promise<Uint8Array | undefined>;
  /** Keeps the unlocked vault key, with the key id of the record it opens, in session storage (memory only, cleared when the browser restarts). */
  setSessionKey(id: string, key: Uint8Array): Promise<void>;
  /** Forgets the vault key: every page then sees a protected vault as locked. */
  forgetSessionKey(): Promise<void>;
  /**
   * Runs `task` while holding the vault lock, with the record read under it; `task` writes through the writer.
   * If `task` throws before writing, nothing is written.
   * @throws VaultRecordError before `task` runs when the record cannot be read or is refused (see read()).
   */
  transact<T>(task: (writer: VaultRecordWriter) => Promise<T>, options?: TransactOptions): Promise<T>;
  /**
   * Under the lock: rewrites a plain record stored in an older schema in the current one (same revision), and marks
   * an encrypted record as such if an older build wrote it. An encrypted schema 1 record is left for the next
   * unlock, which has the password its new seal needs. True when it rewrote the record.
   */
  upgrade(): Promise<boolean>;
  /** Calls back after every change of the record, of its marker or of the session key, from any page; an unreadable record goes to `onError`. */
  watch(onChange: () => void, onError: (error: unknown) => void): () => void;
}

export interface VaultRepositoryDeps {
  readonly item?: StorageItem<VaultRecord | undefined>;
  /** Where the unlocked vault key is kept (session storage). */
  readonly keyItem?: StorageItem<StoredSessionKey | undefined>;
  /** Whether the record was encrypted and its password not removed since (local storage). */
  readonly markerItem?: StorageItem<boolean>;
  readonly lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
}

/** Throws when a plain record stands where Keystep's own marker says an encrypted one was, and was never made plain by Keystep. */
function refuseRemovedEncryption(record: VaultRecord | undefined, marked: boolean): void {
  if (record?.format === 'plain' && marked) {
    throw new VaultRecordError('vault-encryption-removed', 'The stored vault is unencrypted, but its master password was not removed in Keystep');
  }
}

const sessionKeyBytes = (stored: StoredSessionKey): Uint8Array => base64ToBytes(stored.key, 'The session vault key');

/** Whether the session key `stored` was made for `record`. A schema 1 record has no key id: no session key opens it (the unlock seals it again with one). */
const opens = (stored: StoredSessionKey | undefined, record: VaultRecord | undefined): stored is StoredSessionKey =>
  stored !== undefined && record?.format === 'encrypted' && record.keyId !== undefined && stored.id === record.keyId;

/** The vault record in chrome.storage.local and its key in chrome.storage.session. Holds no state: any number may coexist. */
export function createVaultRepository({ item = vaultRecordItem, keyItem = vaultKeyItem, markerItem = vaultEncryptedItem, lock = withLock }: VaultRepositoryDeps = {}): VaultRepository {
  return {
    async read() {
      const [record, marked] = await Promise.all([item.get(), markerItem.get()]);
      refuseRemovedEncryption(record, marked);
      return record;
    },
    async keyFor(record) {
      const stored = await keyItem.get();
      if (stored === undefined) return undefined;
      if (opens(stored, record)) return sessionKeyBytes(stored);
      // Read again under the lock: a password change writes its new key just before its record, so a key that
      // looked stale may already be the one for the record now stored.
      await lock(LOCK_NAME, async () => {
        const [current, again] = await Promise.all([item.get(), keyItem.get()]);
        if (again !== undefined && !opens(again, current)) await keyItem.remove();
      });
      return undefined;
    },
    setSessionKey: (id, key) => keyItem.set({ id, key: bytesToBase64(key) }),
    forgetSessionKey: () => keyItem.remove(),
    transact: (task, options = {}) =>
      lock(LOCK_NAME, async () => {
        const [stored, marked] = await Promise.all([item.get(), markerItem.get()]);
        if (options.acceptRemovedEncryption !== true) refuseRemovedEncryption(stored, marked);
        // A record encrypted by a build before the marker: mark it now.
        if (stored?.format === 'encrypted' && !marked) await markerItem.set(true);
        const wasMarked = marked || stored?.format === 'encrypted';
        let state: 'open' | 'written' | 'ended' = 'open';
        const revision = (stored?.revision ?? 0) + 1;
        const claimWrite = (): void => {
          if (state !== 'open') throw new Error(state === 'written' ? 'A locked section writes the vault once' : 'The vault lock was released: write in a new locked section');
          state = 'written';
        };
        const writer: VaultRecordWriter = {
          stored,
          revision,
          async sessionKey() {
            const key = await keyItem.get();
            return opens(key, stored) ? sessionKeyBytes(key) : undefined;
          },
          writePlain: async (content) => {
            claimWrite();
            // The marker goes first: if the record write then fails, the encrypted record is marked again by the
            // next locked section; the other order could leave a plain record marked, which is refused.
            if (wasMarked) await markerItem.remove();
            await item.set({ schema: VAULT_SCHEMA, format: 'plain', revision, ...vaultContent(content) });
          },
          writeEncrypted: async (sealed, key) => {
            claimWrite();
            const record: EncryptedVaultRecord = { schema: VAULT_SCHEMA, format: 'encrypted', revision, keyId: sealed.keyId, kdf: sealed.kdf, wrappedKey: sealed.wrappedKey, payload: sealed.payload };
            if (key) {
              const previousKey = await keyItem.get();
              await keyItem.set({ id: sealed.keyId, key: bytesToBase64(key) });
              try {
                await item.set(record);
              } catch (error) {
                // The old record is still there: put back the key that opens it (or none).
                await (previousKey === undefined ? keyItem.remove() : keyItem.set(previousKey));
                throw error;
              }
            } else {
              await item.set(record);
            }
            // After the record, for the same reason as in writePlain: a marked plain record is refused.
            if (!wasMarked) await markerItem.set(true);
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
        const [record, marked] = await Promise.all([item.get(), markerItem.get()]);
        if (record?.format === 'encrypted' && !marked) await markerItem.set(true);
        if (record?.format !== 'plain' || marked || (raw as { schema?: unknown }).schema === VAULT_SCHEMA) return false;
        await item.set(record);
        return true;
      }),
    watch(onChange, onError) {
      const stops = [item.watch(onChange, onError), keyItem.watch(onChange, onError), markerItem.watch(onChange, onError)];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
