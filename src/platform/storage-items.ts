import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import { migrateVaultRecord } from '../core/migrate-vault-record.ts';
import type { VaultRecord } from '../core/vault.ts';
import { defineStorageItem } from './storage-item.ts';

/**
 * Every storage key Keystep uses, declared once with its area and default.
 * Nothing else in the code names a storage key.
 */

/** The accounts. Migrated to the current schema on read; `undefined` until the first account is added. */
export const vaultRecordItem = defineStorageItem<VaultRecord | undefined>('vault', 'local', undefined, (raw) => migrateVaultRecord(raw));

/** A saved Cognito connection profile. `clientSecret` is present only when the user asked to remember it. */
export interface StoredCognitoProfile extends CognitoProfile {
  readonly id: string;
  readonly clientSecret?: string;
}

/** Cognito connection profiles, in the order the user created them. */
export const cognitoProfilesItem = defineStorageItem<readonly StoredCognitoProfile[]>('cognitoProfiles', 'local', [], (raw) => (Array.isArray(raw) ? (raw as StoredCognitoProfile[]) : []));
