import { OtpInputError } from '../core/otp-input-error.ts';
import type { Vault } from '../core/vault.ts';
import { AccountNotFoundError, advanceCounter, moveAccount, removeAccount, renameAccount, setPinned } from '../core/vault-edits.ts';
import type { AccountStore } from '../platform/account-store.ts';

/** How an edit of one account went. */
export type EditOutcome =
  /** Stored; `changed` is false when the edit changed nothing (e.g. moving the first account up), so nothing was written. */
  | { readonly kind: 'saved'; readonly changed: boolean }
  /** The account is no longer in the vault (removed or replaced in another window); nothing was written. */
  | { readonly kind: 'gone' }
  /** Nothing was written: `error` says why (a locked vault, a storage error). */
  | { readonly kind: 'failed'; readonly error: unknown };

/** A rename can also be refused for its label (validateAccountLabel: a colon or a control character). */
export type RenameOutcome = EditOutcome | { readonly kind: 'invalid'; readonly error: OtpInputError };

/** The edits of one account the popup offers, each one read-modify-write of the vault. */
export interface AccountEdits {
  /** New issuer and name, under the rules of adding; the secret and codes stay. */
  rename(id: string, label: { readonly issuer: string; readonly name: string }): Promise<RenameOutcome>;
  remove(id: string): Promise<EditOutcome>;
  /** Pins to the end of the pinned group, or unpins to the top of the others. */
  setPinned(id: string, pinned: boolean): Promise<EditOutcome>;
  /** One place up (-1) or down (+1) within its group; at an edge nothing changes. */
  move(id: string, delta: -1 | 1): Promise<EditOutcome>;
  /** HOTP: the shown code was used, so the counter moves on to the next one (RFC 4226 section 7.2). */
  nextCode(id: string): Promise<EditOutcome>;
}

/** The account edits over `store`; every outcome is a value, none throws. */
export function createAccountEdits(store: Pick<AccountStore, 'update'>): AccountEdits {
  const edit = async (change: (vault: Vault) => Vault): Promise<EditOutcome> => {
    try {
      const changed = await store.update((current) => {
        const next = change(current);
        return { vault: next, result: next !== current };
      });
      return { kind: 'saved', changed };
    } catch (error) {
      return error instanceof AccountNotFoundError ? { kind: 'gone' } : { kind: 'failed', error };
    }
  };
  return {
    async rename(id, label) {
      const outcome = await edit((v) => renameAccount(v, id, label));
      return outcome.kind === 'failed' && outcome.error instanceof OtpInputError ? { kind: 'invalid', error: outcome.error } : outcome;
    },
    remove: (id) => edit((v) => removeAccount(v, id)),
    setPinned: (id, pinned) => edit((v) => setPinned(v, id, pinned)),
    move: (id, delta) => edit((v) => moveAccount(v, id, delta)),
    nextCode: (id) => edit((v) => advanceCounter(v, id).vault),
  };
}
