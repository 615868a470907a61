import { isStoredAccount } from '../core/is-stored-account.ts';
import { EMPTY_VAULT, VAULT_SCHEMA, vaultContent, type Account, type EncryptedVaultRecord, type Vault, type VaultRecord } from '../core/vault.ts';
import { createVaultRepository, type VaultRepositoryDeps } from './vault-repository.ts';
import { VaultLockedError } from './vault-locked-error.ts';

/** What a snapshot of the vault looks like to a page: the accounts and the revision they came from. */
export interface VaultSnapshot extends Vault {
  readonly revision: number;
  /** True when a master password protects the vault (so the page offers to lock it). */
  readonly encrypted: boolean;
  /** Stored entries this build cannot read (see isStoredAccount): not shown, kept in storage as they are. */
  readonly unreadable: number;
}

export interface AccountStore {
  /**
   * Reads the current vault.
   * @throws VaultLockedError when it is password-protected and locked (or the session's key is another record's);
   *   VaultRecordError when the record cannot be read, `vault-record-altered` when it does not authenticate.
   */
  load(): Promise<VaultSnapshot>;
  /**
   * Read-modify-write under the vault lock: `edit` gets the freshest vault (never a stale copy
   * a page held), and its result is written as one storage.set, so the stored record is always
   * either the old or the new one. If `edit` throws, nothing is written. A protected vault is
   * decrypted and re-encrypted (fresh nonce) with the session's vault key.
   * @throws VaultLockedError when the vault is locked.
   */
  update<R>(edit: (vault: Vault) => { vault: Vault; result: R }): Promise<R>;
  /** Rewrites a record stored in an older schema in the current one; true when it wrote. */
  upgrade(): Promise<boolean>;
  /**
   * Calls back with each new snapshot written by any page (and when the vault is unlocked), or
   * with the error reading it (VaultLockedError when it is locked).
   */
  subscribe(callback: (snapshot: VaultSnapshot) => void, onError: (error: unknown) => void): () => void;
}

/** Where the vault lives; the defaults are the extension's storage and the Web Lock. */
export type AccountStoreDeps = VaultRepositoryDeps;

/** A readable vault and, when it is protected, the key that opened it (to seal the next version). */
interface Opened {
  readonly snapshot: VaultSnapshot;
  readonly key: Uint8Array | undefined;
  /** The stored entries that are not accounts this build can read, to write back unchanged. */
  readonly unreadable: readonly unknown[];
}

/** The snapshot of what a record holds: its readable accounts, and the others counted and set aside. */
function toOpened(vault: Vault, revision: number, encrypted: boolean, key: Uint8Array | undefined): Opened {
  const { accounts, ...rest } = vaultContent(vault);
  const stored: readonly unknown[] = accounts;
  // One pass: each entry is checked once (a starting popup checks thousands).
  const readable: Account[] = [];
  const unreadable: unknown[] = [];
  for (const entry of stored) {
    if (isStoredAccount(entry)) readable.push(entry);
    else unreadable.push(entry);
  }
  return { snapshot: { ...rest, accounts: readable, revision, encrypted, unreadable: unreadable.length }, key, unreadable };
}

/** The AES-GCM code, loaded only for a password-protected vault: pages of a plain one never download it. */
const loadCipher = (): Promise<typeof import('../core/vault-cipher.ts')> => import('../core/vault-cipher.ts');

/**
 * Decrypts `record` with the session key (from `keyFor`) when it is protected.
 * @throws VaultLockedError without a key for it; VaultRecordError `vault-record-altered` when the payload does
 *   not authenticate under it with the record's header (a payload of another record or revision, an edited header).
 */
async function openRecord(record: VaultRecord | undefined, keyFor: (record: EncryptedVaultRecord) => Promise<Uint8Array | undefined>): Promise<Opened> {
  if (!record) return toOpened(EMPTY_VAULT, 0, false, undefined);
  if (record.format === 'plain') return toOpened(record, record.revision, false, undefined);
  const key = await keyFor(record);
  if (key === undefined) throw new VaultLockedError();
  const { openRecordPayload } = await loadCipher();
  return toOpened(await openRecordPayload(record, key), record.revision, true, key);
}

/**
 * The vault behind a storage item, encrypted at rest when a master password is set. Reads and writes go through
 * the vault repository, the record's one writer.
 */
export function createAccountStore(deps: AccountStoreDeps = {}): AccountStore {
  const repository = createVaultRepository(deps);
  const read = async (): Promise<Opened> => openRecord(await repository.read(), (record) => repository.keyFor(record));
  return {
    load: async () => (await read()).snapshot,
    update: (edit) =>
      repository.transact(async (writer) => {
        const { stored } = writer;
        const { snapshot: current, key, unreadable } = await openRecord(stored, () => writer.sessionKey());
        const { vault, result } = edit(current);
        if (vault === current) return result;
        // Entries this build cannot read go back as they were (at the end): an edit never drops them.
        const content = { ...vaultContent(vault), accounts: [...vault.accounts, ...(unreadable as Account[])] };
        if (stored?.format === 'encrypted') {
          // openRecord opened it with the session key, so both are there; an encrypted record is never written plain here.
          if (!key || stored.keyId === undefined) throw new VaultLockedError();
          const { sealVault } = await loadCipher();
          const payload = await sealVault(content, key, { schema: VAULT_SCHEMA, revision: writer.revision, keyId: stored.keyId });
          await writer.writeEncrypted({ keyId: stored.keyId, kdf: stored.kdf, wrappedKey: stored.wrappedKey, payload });
        } else {
          await writer.writePlain(content);
        }
        return result;
      }),
    upgrade: () => repository.upgrade(),
    subscribe(callback, onError) {
      // Each change starts a read; only the newest read reports, so a slow decrypt cannot roll the view back.
      // After unsubscribing, reads still in flight report nothing (the page that asked may be gone).
      let latest = 0;
      let active = true;
      const refresh = (): void => {
        const ticket = ++latest;
        read().then(
          ({ snapshot }) => {
            if (active && ticket === latest) callback(snapshot);
          },
          (error: unknown) => {
            if (active && ticket === latest) onError(error);
          },
        );
      };
      const stop = repository.watch(refresh, onError);
      return () => {
        active = false;
        stop();
      };
    },
  };
}
