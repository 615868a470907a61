import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import { migrateVaultRecord } from '../core/migrate-vault-record.ts';
import { storedVaultRecord } from '../core/stored-vault-record.ts';
import type { VaultRecord } from '../core/vault.ts';
import { defineStorageItem } from './storage-item.ts';

/**
 * Every storage key Keystep uses, declared once with its area and default; the Cognito profile list's is in
 * cognito-profiles-item.ts, so that the popup, which never reads it, does not load its validator.
 * Nothing else in the code names a storage key.
 */

/**
 * The accounts. Migrated to the current schema on read; `undefined` until the first account is added. Stored as
 * storedVaultRecord writes it (a plain record's account list as one JSON string). Written only by the vault
 * repository.
 */
export const vaultRecordItem = defineStorageItem<VaultRecord | undefined>(
  'vault',
  'local',
  undefined,
  (raw) => migrateVaultRecord(raw),
  (record) => (record === undefined ? undefined : storedVaultRecord(record)),
);

/**
 * The unwrapped vault key while a password-protected vault is unlocked: `key` standard Base64 of 32 bytes, `id`
 * the key id of the record it opens (EncryptedVaultRecord.keyId), so a key is used only on its own record.
 * Session storage is memory only: Chrome clears it when the browser restarts, and content scripts cannot read it
 * (access level TRUSTED_CONTEXTS, the default).
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 * Anything else stored there (e.g. the bare Base64 string of builds before key ids) reads as no key: locked.
 * Written only by the vault repository.
 */
export interface StoredSessionKey {
  readonly id: string;
  readonly key: string;
}

export const vaultKeyItem = defineStorageItem<StoredSessionKey | undefined>('vaultKey', 'session', undefined, (raw) => {
  const { id, key } = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof StoredSessionKey, unknown>>;
  return typeof id === 'string' && typeof key === 'string' ? { id, key } : undefined;
});

/**
 * True from the moment the vault record is first stored encrypted until the master password is removed in Keystep.
 * A plain record while it is true was not written by Keystep's "remove password": it is refused, and nothing is
 * written over it. Kept apart from the security settings, which the options page writes. Written only by the
 * vault repository.
 */
export const vaultEncryptedItem = defineStorageItem<boolean>('vaultEncrypted', 'local', false, (raw) => raw === true);

/** Security settings. `autoLockMinutes`: lock after this many minutes without use of Keystep; 0 = only on browser restart. */
export interface SecuritySettings {
  readonly autoLockMinutes: number;
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { autoLockMinutes: 15 };

export const securitySettingsItem = defineStorageItem<SecuritySettings>('security', 'local', DEFAULT_SECURITY_SETTINGS, (raw) => {
  const minutes = (raw as { autoLockMinutes?: unknown } | null)?.autoLockMinutes;
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 ? { autoLockMinutes: minutes } : DEFAULT_SECURITY_SETTINGS;
});

/**
 * Whether Keystep clears the clipboard 30 s after it copied a code (options page, Security). On unless the user turned
 * it off: anything stored but `false` reads as on.
 */
export const clearClipboardItem = defineStorageItem<boolean>('clearClipboard', 'local', true, (raw) => raw !== false);

/** Wrong master passwords in a row, and when the last one was typed (ms since the epoch); kept across restarts so closing the popup does not reset the wait. */
export interface UnlockAttempts {
  readonly failures: number;
  readonly lastFailureAt: number;
}

export const unlockAttemptsItem = defineStorageItem<UnlockAttempts>('unlockAttempts', 'local', { failures: 0, lastFailureAt: 0 }, (raw) => {
  const value = raw as Partial<UnlockAttempts> | null;
  const failures = typeof value?.failures === 'number' && value.failures >= 0 ? Math.floor(value.failures) : 0;
  const lastFailureAt = typeof value?.lastFailureAt === 'number' ? value.lastFailureAt : 0;
  return { failures, lastFailureAt };
});

/** A saved Cognito connection profile. `clientSecret` is present only when the user asked to remember it. */
export interface StoredCognitoProfile extends CognitoProfile {
  readonly id: string;
  readonly clientSecret?: string;
}
