import type { CryptoDeps } from '../core/crypto-deps.ts';
import { newKdfParams } from '../core/kdf.ts';
import { unlockDelayMs, unlockWait } from '../core/unlock-delay.ts';
import { vaultContent, type EncryptedVaultRecord, type Vault, type VaultRecord } from '../core/vault.ts';
import { newVaultKey, openVault, sealVault, unwrapVaultKey, wrapVaultKey } from '../core/vault-cipher.ts';
import { VaultCryptoError } from '../core/vault-crypto-error.ts';
import { clearAutoLock, restartAutoLock } from './auto-lock.ts';
import type { StorageItem } from './storage-item.ts';
import { unlockAttemptsItem, type UnlockAttempts } from './storage-items.ts';
import { UnlockError } from './unlock-error.ts';
import { createVaultRepository, type VaultRecordWriter, type VaultRepositoryDeps } from './vault-repository.ts';

/** Whether a master password protects the vault, and whether this browser session has it unlocked. */
export type ProtectionStatus = 'none' | 'locked' | 'unlocked';

/** What the pages call: everything but status(), which they read from their vault snapshot instead. */
export type PageVaultProtection = Omit<VaultProtection, 'status'>;

export interface VaultProtection {
  status(): Promise<ProtectionStatus>;
  /** Puts the vault key in session storage. @throws UnlockError (wrong password, or too many: wait). */
  unlock(password: string): Promise<void>;
  /** Forgets the vault key. */
  lock(): Promise<void>;
  /** Keystep was used: when unlocked, restarts the idle countdown. */
  touch(): Promise<void>;
  /** Encrypts a plain vault under a new password; the vault stays unlocked. */
  setPassword(password: string): Promise<void>;
  /** Checks `current`, then re-encrypts under a new vault key wrapped by `next`. @throws UnlockError */
  changePassword(current: string, next: string): Promise<void>;
  /** Checks `current`, then stores the vault unencrypted. @throws UnlockError */
  removePassword(current: string): Promise<void>;
}

/** `item`, `keyItem` and `lock` are the vault repository's (where the vault lives). */
export interface VaultProtectionDeps extends VaultRepositoryDeps {
  readonly attemptsItem?: StorageItem<UnlockAttempts>;
  /** ms since the epoch. */
  readonly now?: () => number;
  readonly crypto?: CryptoDeps;
  /** PBKDF2 iterations for new passwords; default PBKDF2_ITERATIONS (tests lower it). */
  readonly iterations?: number;
  /** Called after an unlock or a new password; default restarts the auto-lock countdown. */
  readonly onUnlocked?: () => Promise<void>;
  /** Called after the key was forgotten; default clears the auto-lock countdown. */
  readonly onLocked?: () => Promise<void>;
}

/**
 * Master password operations on the stored vault. Each writes the vault record with ONE
 * storage.set, through the vault repository under the vault's Web Lock, so an interruption (a
 * closed page, a quota error, a crash) leaves either the old record or the new one: the plain
 * vault or the encrypted one, the old password or the new one, never a mix. The session key is
 * written just before the record (and put back if the record write fails), so other pages never
 * see the new record without the key that opens it.
 */
export function createVaultProtection({
  attemptsItem = unlockAttemptsItem,
  now = Date.now,
  crypto = {},
  iterations,
  onUnlocked = restartAutoLock,
  onLocked = clearAutoLock,
  ...where
}: VaultProtectionDeps = {}): VaultProtection {
  const repository = createVaultRepository(where);

  function encrypted(record: VaultRecord | undefined): EncryptedVaultRecord {
    if (record?.format !== 'encrypted') throw new Error('The vault has no master password');
    return record;
  }

  /** The vault key, when `password` is right; counts wrong ones and enforces the wait between them. */
  async function checkPassword(record: EncryptedVaultRecord, password: string): Promise<Uint8Array> {
    const attempts = await attemptsItem.get();
    const { waitMs, lastFailureAt } = unlockWait(attempts.failures, attempts.lastFailureAt, now());
    // A failure time ahead of the clock counts as now, and is stored so, so the wait it starts can end.
    if (lastFailureAt !== attempts.lastFailureAt) await attemptsItem.set({ failures: attempts.failures, lastFailureAt });
    if (waitMs > 0) throw new UnlockError('unlock-throttled', waitMs);
    try {
      const key = await unwrapVaultKey(record.wrappedKey, password, record.kdf, crypto);
      if (attempts.failures > 0) await attemptsItem.set({ failures: 0, lastFailureAt: 0 });
      return key;
    } catch (error) {
      if (!(error instanceof VaultCryptoError && error.code === 'wrong-password')) throw error;
      const failures = attempts.failures + 1;
      await attemptsItem.set({ failures, lastFailureAt: now() });
      throw new UnlockError('wrong-password', unlockDelayMs(failures));
    }
  }

  /** Writes `vault` encrypted under a fresh vault key wrapped by `password`; that key becomes the session's. */
  async function writeEncrypted(writer: VaultRecordWriter, vault: Vault, password: string): Promise<void> {
    const key = newVaultKey(crypto.randomBytes);
    const kdf = newKdfParams(crypto.randomBytes, iterations);
    const wrappedKey = await wrapVaultKey(key, password, kdf, crypto);
    const payload = await sealVault(vaultContent(vault), key, crypto);
    await writer.writeEncrypted({ kdf, wrappedKey, payload }, key);
  }

  return {
    async status() {
      const record = await repository.read();
      if (record?.format !== 'encrypted') return 'none';
      return (await repository.sessionKey()) === undefined ? 'locked' : 'unlocked';
    },
    async unlock(password) {
      const key = await checkPassword(encrypted(await repository.read()), password);
      await repository.setSessionKey(key);
      await onUnlocked();
    },
    async lock() {
      await repository.forgetSessionKey();
      await onLocked();
    },
    async touch() {
      if ((await this.status()) === 'unlocked') await onUnlocked();
    },
    setPassword: (password) =>
      repository.transact(async (writer) => {
        const record = writer.stored;
        if (record?.format === 'encrypted') throw new Error('The vault already has a master password');
        await writeEncrypted(writer, record ? vaultContent(record) : { accounts: [] }, password);
        await onUnlocked();
      }),
    changePassword: (current, next) =>
      repository.transact(async (writer) => {
        const record = encrypted(writer.stored);
        const vault = await openVault(record.payload, await checkPassword(record, current), crypto);
        await writeEncrypted(writer, vault, next);
        await onUnlocked();
      }),
    removePassword: (current) =>
      repository.transact(async (writer) => {
        const record = encrypted(writer.stored);
        const vault = await openVault(record.payload, await checkPassword(record, current), crypto);
        await writer.writePlain(vault);
        await repository.forgetSessionKey();
        await onLocked();
      }),
  };
}
