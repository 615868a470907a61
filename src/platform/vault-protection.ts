import type { CryptoDeps } from '../core/crypto-deps.ts';
import { newKdfParams } from '../core/kdf.ts';
import { unlockDelayMs, unlockWait } from '../core/unlock-delay.ts';
import { VAULT_SCHEMA, vaultContent, type EncryptedVaultRecord, type Vault, type VaultRecord } from '../core/vault.ts';
import { deriveWrappingKey, newKeyId, newVaultKey, openRecordPayload, sealVault, unwrapVaultKey, wrapVaultKey } from '../core/vault-cipher.ts';
import { VaultCryptoError } from '../core/vault-crypto-error.ts';
import { createAccountStore } from './account-store.ts';
import { clearAutoLock, restartAutoLock } from './auto-lock.ts';
import { moveRememberedSecrets } from './move-remembered-secrets.ts';
import type { ProfileRepository } from './profile-repository.ts';
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
  /**
   * Checks the master password again before something that hands the accounts out (an export), with the same
   * count of wrong passwords and the same wait as unlock; changes nothing else.
   * @throws UnlockError (wrong password, or too many: wait); Error when the vault has no master password.
   */
  confirmPassword(password: string): Promise<void>;
  /** Forgets the vault key. */
  lock(): Promise<void>;
  /** Keystep was used: when unlocked, restarts the idle countdown. */
  touch(): Promise<void>;
  /**
   * Encrypts a plain vault under a new password; the vault stays unlocked. Also encrypts a plain record that is
   * refused because its master password was not removed in Keystep (VaultRecordError vault-encryption-removed):
   * that is the way to use it again.
   */
  setPassword(password: string): Promise<void>;
  /** Checks `current`, then re-encrypts under a new vault key wrapped by `next`. @throws UnlockError */
  changePassword(current: string, next: string): Promise<void>;
  /** Checks `current`, then stores the vault unencrypted. @throws UnlockError */
  removePassword(current: string): Promise<void>;
}

/** `item`, `keyItem`, `markerItem` and `lock` are the vault repository's (where the vault lives). */
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
  /** The Cognito profile list, where older builds left remembered client secrets; default the extension's. */
  readonly profiles?: ProfileRepository;
}

/** What a right password opens: the vault key, and the key derived from the password that wraps it. */
interface Checked {
  readonly vaultKey: Uint8Array;
  readonly wrappingKey: CryptoKey;
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
  profiles,
  ...where
}: VaultProtectionDeps = {}): VaultProtection {
  const repository = createVaultRepository(where);

  /**
   * The vault can be written again: client secrets an older build left in the profile list, in clear, move into it
   * now (the move after an update could not, if the vault was locked then). After the vault lock is released: the
   * move takes the profile list's lock first (see profile-repository.ts). A failure (e.g. an unreadable list,
   * which the options page reports) does not undo the unlock; the secrets stay where they were, for the next one.
   */
  async function moveLegacySecrets(): Promise<void> {
    await moveRememberedSecrets(createAccountStore(where), profiles).catch(() => undefined);
  }

  function encrypted(record: VaultRecord | undefined): EncryptedVaultRecord {
    if (record?.format !== 'encrypted') throw new Error('The vault has no master password');
    return record;
  }

  /** The vault key, when `password` is right; counts wrong ones and enforces the wait between them. */
  async function checkPassword(record: EncryptedVaultRecord, password: string): Promise<Checked> {
    const attempts = await attemptsItem.get();
    const { waitMs, lastFailureAt } = unlockWait(attempts.failures, attempts.lastFailureAt, now());
    // A failure time ahead of the clock counts as now, and is stored so, so the wait it starts can end.
    if (lastFailureAt !== attempts.lastFailureAt) await attemptsItem.set({ failures: attempts.failures, lastFailureAt });
    if (waitMs > 0) throw new UnlockError('unlock-throttled', waitMs);
    try {
      const wrappingKey = await deriveWrappingKey(password, record.kdf, crypto);
      const vaultKey = await unwrapVaultKey(record.wrappedKey, wrappingKey, record, crypto);
      if (attempts.failures > 0) await attemptsItem.set({ failures: 0, lastFailureAt: 0 });
      return { vaultKey, wrappingKey };
    } catch (error) {
      if (!(error instanceof VaultCryptoError && error.code === 'wrong-password')) throw error;
      const failures = attempts.failures + 1;
      await attemptsItem.set({ failures, lastFailureAt: now() });
      throw new UnlockError('wrong-password', unlockDelayMs(failures));
    }
  }

  /** Writes `vault` encrypted under a fresh vault key (with a fresh key id) wrapped by `password`; that key becomes the session's. */
  async function writeEncrypted(writer: VaultRecordWriter, vault: Vault, password: string): Promise<void> {
    const key = newVaultKey(crypto.randomBytes);
    const keyId = newKeyId(crypto.randomBytes);
    const kdf = newKdfParams(crypto.randomBytes, iterations);
    const wrappedKey = await wrapVaultKey(key, await deriveWrappingKey(password, kdf, crypto), { kdf, keyId }, crypto);
    const payload = await sealVault(vaultContent(vault), key, { schema: VAULT_SCHEMA, revision: writer.revision, keyId }, crypto);
    await writer.writeEncrypted({ keyId, kdf, wrappedKey, payload }, key);
  }

  /**
   * A record a schema 1 build sealed (no key id, nothing of its header bound): sealed again, same vault key and
   * password, with a new key id and both boxes bound to the header, in the same locked section as the unlock.
   * Everything the payload holds is kept as it is, entries this build cannot read included.
   */
  async function sealAgain(writer: VaultRecordWriter, record: EncryptedVaultRecord, { vaultKey, wrappingKey }: Checked): Promise<void> {
    const vault = await openRecordPayload(record, vaultKey, crypto);
    const keyId = newKeyId(crypto.randomBytes);
    const wrappedKey = await wrapVaultKey(vaultKey, wrappingKey, { kdf: record.kdf, keyId }, crypto);
    const payload = await sealVault(vault, vaultKey, { schema: VAULT_SCHEMA, revision: writer.revision, keyId }, crypto);
    await writer.writeEncrypted({ keyId, kdf: record.kdf, wrappedKey, payload }, vaultKey);
  }

  return {
    async status() {
      const record = await repository.read();
      if (record?.format !== 'encrypted') return 'none';
      return (await repository.keyFor(record)) === undefined ? 'locked' : 'unlocked';
    },
    async unlock(password) {
      // Under the lock, so the key id the session gets is that of the record the password opened.
      await repository.transact(async (writer) => {
        const record = encrypted(writer.stored);
        const checked = await checkPassword(record, password);
        if (record.keyId === undefined) await sealAgain(writer, record, checked);
        else await repository.setSessionKey(record.keyId, checked.vaultKey);
      });
      await onUnlocked();
      await moveLegacySecrets();
    },
    async confirmPassword(password) {
      // Under the lock like unlock, so two checks at once count both wrong passwords.
      await repository.transact(async (writer) => {
        await checkPassword(encrypted(writer.stored), password);
      });
    },
    async lock() {
      await repository.forgetSessionKey();
      await onLocked();
    },
    async touch() {
      if ((await this.status()) === 'unlocked') await onUnlocked();
    },
    async setPassword(password) {
      await repository.transact(
        async (writer) => {
          const record = writer.stored;
          if (record?.format === 'encrypted') throw new Error('The vault already has a master password');
          await writeEncrypted(writer, record ? vaultContent(record) : { accounts: [] }, password);
          await onUnlocked();
        },
        { acceptRemovedEncryption: true },
      );
      await moveLegacySecrets();
    },
    async changePassword(current, next) {
      await repository.transact(async (writer) => {
        const record = encrypted(writer.stored);
        const vault = await openRecordPayload(record, (await checkPassword(record, current)).vaultKey, crypto);
        await writeEncrypted(writer, vault, next);
        await onUnlocked();
      });
      await moveLegacySecrets();
    },
    removePassword: (current) =>
      repository.transact(async (writer) => {
        const record = encrypted(writer.stored);
        const vault = await openRecordPayload(record, (await checkPassword(record, current)).vaultKey, crypto);
        await writer.writePlain(vault);
        await repository.forgetSessionKey();
        await onLocked();
      }),
  };
}
