import type { AccountDraft } from './account.ts';

/** Where an account enrolled through Cognito came from, so later sign-ins can find its secret. */
export interface CognitoLink {
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
}

/** The decrypted contents of the vault. Array order is the display order (pinned first is applied when shown). */
export interface Vault {
  readonly accounts: readonly Account[];
}

/** The version of the stored vault record this build writes. Older records are migrated on read. */
export const VAULT_SCHEMA = 1;

/**
 * The vault as it sits in storage. `format` is the seam for encryption at rest: today only
 * `plain` exists; an encrypted format stores ciphertext in place of `accounts`.
 */
export interface PlainVaultRecord {
  readonly schema: typeof VAULT_SCHEMA;
  readonly format: 'plain';
  /** Bumped on every write; lets readers tell two versions apart cheaply. */
  readonly revision: number;
  readonly accounts: readonly Account[];
}

export type VaultRecord = PlainVaultRecord;

export const EMPTY_VAULT: Vault = { accounts: [] };
