import type { AccountDraft } from './account.ts';
import type { KdfParams } from './kdf-params.ts';
import type { SealedBox } from './sealed-box.ts';

/**
 * Where an account enrolled through Cognito came from: the server, pool, app client and user it was enrolled with.
 * A later sign-in answers the user's TOTP challenge with its secret only when it signs in to that same target.
 */
export interface CognitoLink {
  /**
   * The custom endpoint the enrollment talked to, in one canonical form (origin and path, no trailing slash);
   * absent for the regional AWS endpoint (and for accounts enrolled before Keystep recorded it).
   */
  readonly endpoint?: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly username: string;
}

/**
 * A stored account. `pending` marks a secret Keystep holds but the service has not yet
 * confirmed (a Cognito enrollment that has not finished): it is shown, never silently dropped.
 */
export interface Account extends AccountDraft {
  readonly id: string;
  /** ms since the epoch. */
  readonly createdAt: number;
  readonly pinned: boolean;
  readonly status: 'active' | 'pending';
  readonly cognito?: CognitoLink;
  /**
   * The web origins this account's codes are for (e.g. "https://github.com"), canonical as siteOrigin returns
   * them, no repeats. The keyboard command fills without asking only on a page whose origin is exactly one of
   * them (site-match.ts). Absent when none is set.
   */
  readonly sites?: readonly string[];
  /**
   * Submit the page's form after filling this account's code (the user's choice per account, in the popup's Sites…
   * dialog): only when the form has one obvious way to submit (src/inject/form-submission.ts). Absent (or false)
   * is off, the default; the editors write only true and remove the field for off, so records and backups made
   * before the option existed read as off.
   */
  readonly submitAfterFill?: boolean;
}

/** The decrypted contents of the vault. Array order is the display order (pinned first is applied when shown). */
export interface Vault {
  readonly accounts: readonly Account[];
  /**
   * Cognito app client secrets the user asked Keystep to remember, by connection profile id. They are
   * secrets, so they live in the vault: a master password encrypts them with the accounts.
   */
  readonly clientSecrets?: Readonly<Record<string, string>>;
}

/** Only the fields a vault stores (a snapshot's page-side fields dropped; no empty clientSecrets). */
export function vaultContent(vault: Vault): Vault {
  const secrets = vault.clientSecrets && Object.keys(vault.clientSecrets).length > 0 ? { clientSecrets: vault.clientSecrets } : {};
  return { accounts: vault.accounts, ...secrets };
}

/**
 * The version of the stored vault record this build writes. Older records are migrated on read.
 * 2: an encrypted record carries `keyId`, and its two AES-GCM boxes bind the record's header in their additional
 * data (src/core/vault-cipher.ts); schema 1 records are read, and an encrypted one is sealed again as schema 2 at
 * the next unlock (it needs the password). Plain records are the same in both.
 * 3: a plain record stores its account list as one string, the JSON text of the list (`accountsJson`, see
 * storedVaultRecord): chrome.storage hands a page one string far faster than thousands of objects (the popup's
 * start with 5,000 accounts). Encrypted records are the same as in schema 2 (their payload is one string already);
 * one sealed at schema 2 keeps opening with schema 2 in its additional data, and is sealed at 3 by its next write.
 */
export const VAULT_SCHEMA = 3;

/** The vault without a master password, as read from storage (its account list parsed; see StoredPlainVaultRecord). */
export interface PlainVaultRecord {
  readonly schema: typeof VAULT_SCHEMA;
  readonly format: 'plain';
  /** Bumped on every write; lets readers tell two versions apart cheaply. */
  readonly revision: number;
  readonly accounts: readonly Account[];
  readonly clientSecrets?: Readonly<Record<string, string>>;
}

/** A plain record as it sits in storage: the account list is the JSON text of the list (entries this build cannot read included). */
export interface StoredPlainVaultRecord {
  readonly schema: typeof VAULT_SCHEMA;
  readonly format: 'plain';
  readonly revision: number;
  readonly accountsJson: string;
  readonly clientSecrets?: Readonly<Record<string, string>>;
}

/**
 * The vault as it sits in storage with a master password. A random 256-bit vault key encrypts
 * the JSON of the Vault (`payload`, AES-256-GCM); the key derived from the password by `kdf`
 * wraps the vault key (`wrappedKey`, AES-256-GCM). Everything here may be read by anyone with
 * access to the profile: none of it reveals an account without the password.
 */
export interface EncryptedVaultRecord {
  /**
   * The schema the record was stored with, which its payload's additional data binds: VAULT_SCHEMA for every record
   * this build writes; 2 (or 1) for a record an earlier build sealed, until its next write seals it at VAULT_SCHEMA.
   */
  readonly schema: number;
  readonly format: 'encrypted';
  readonly revision: number;
  /**
   * Names the vault key (standard Base64 of 16 random bytes, new with every vault key): the session keeps it with
   * the unlocked key, so a key that belongs to another record is never used on this one, and both boxes bind it.
   * Undefined for a record a schema 1 build sealed (additional data without any field of the header), which the
   * next unlock seals again with one.
   */
  readonly keyId: string | undefined;
  readonly kdf: KdfParams;
  readonly wrappedKey: SealedBox;
  readonly payload: SealedBox;
}

export type VaultRecord = PlainVaultRecord | EncryptedVaultRecord;

/** The vault record as it sits in storage (see storedVaultRecord and migrateVaultRecord). */
export type StoredVaultRecord = StoredPlainVaultRecord | EncryptedVaultRecord;

/** Length of a key id (EncryptedVaultRecord.keyId), bytes. */
export const KEY_ID_BYTES = 16;

export const EMPTY_VAULT: Vault = { accounts: [] };
