import { createBackup, formatOtpauthList } from '../core/backup-file.ts';
import { PBKDF2_ITERATIONS } from '../core/kdf.ts';
import type { Account } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { UnlockError } from '../platform/unlock-error.ts';
import type { PageVaultProtection } from '../platform/vault-protection.ts';

/** How an export went. Only `ready` carries the accounts (in `text`): every other outcome read nothing out. */
export type ExportOutcome =
  /** `text`: the file's contents (secrets in it: never log it); `count`: accounts in it; `at`: ms since the epoch it was made. */
  | { readonly kind: 'ready'; readonly text: string; readonly count: number; readonly at: number }
  /** No account to export. */
  | { readonly kind: 'empty' }
  /** A master password protects the vault and none was given (not counted as a wrong one). */
  | { readonly kind: 'password-needed' }
  /** The master password was wrong, or too many were: `error.retryAfterMs` says how long the next try waits. */
  | { readonly kind: 'refused'; readonly error: UnlockError }
  /** The vault could not be read (locked, unreadable): `error` says why. */
  | { readonly kind: 'failed'; readonly error: unknown };

export interface ExportPorts {
  readonly store: Pick<AccountStore, 'load'>;
  /** Checks the master password again, with unlock's count of wrong passwords and its wait. */
  readonly protection: Pick<PageVaultProtection, 'confirmPassword'>;
  /** ms since the epoch: the backup's createdAt and the file's date. */
  readonly clock: () => number;
  /** PBKDF2 iterations of new backups; default PBKDF2_ITERATIONS (3,000,000). */
  readonly iterations?: number;
}

/** The exports of the options page's Backups section. None throws: every outcome is a value. */
export interface AccountExports {
  /** Every account in an encrypted backup file (backup-file.ts) under `backupPassword`, whose rules the page checked. */
  encryptedBackup(request: { readonly backupPassword: string; readonly masterPassword: string }): Promise<ExportOutcome>;
  /** Every account as a plain otpauth:// list, one per line: every secret in clear. */
  plainList(request: { readonly masterPassword: string }): Promise<ExportOutcome>;
}

/**
 * Exports over the vault. A file of the accounts hands out every secret at once, so while a master password
 * protects the vault an unlocked page is not enough: the password is asked again and checked like an unlock
 * (same count of wrong ones, same wait), before anything is read out.
 */
export function createAccountExports({ store, protection, clock, iterations = PBKDF2_ITERATIONS }: ExportPorts): AccountExports {
  const exportWith = async (masterPassword: string, write: (accounts: readonly Account[], at: number) => Promise<string> | string): Promise<ExportOutcome> => {
    try {
      const snapshot = await store.load();
      if (snapshot.accounts.length === 0) return { kind: 'empty' };
      if (snapshot.encrypted) {
        if (masterPassword === '') return { kind: 'password-needed' };
        await protection.confirmPassword(masterPassword);
      }
      const at = clock();
      return { kind: 'ready', text: await write(snapshot.accounts, at), count: snapshot.accounts.length, at };
    } catch (error) {
      return error instanceof UnlockError ? { kind: 'refused', error } : { kind: 'failed', error };
    }
  };
  return {
    encryptedBackup: ({ backupPassword, masterPassword }) => exportWith(masterPassword, (accounts, now) => createBackup(accounts, backupPassword, { now, iterations })),
    plainList: ({ masterPassword }) => exportWith(masterPassword, (accounts) => formatOtpauthList(accounts)),
  };
}
