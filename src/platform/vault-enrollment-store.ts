import type { CognitoAccountRef, EnrollmentStore } from '../cognito/enrollment-store.ts';
import { addDrafts, AccountNotFoundError } from '../core/vault-edits.ts';
import type { Account, CognitoLink, Vault } from '../core/vault.ts';
import type { AccountStore } from './account-store.ts';

// A TOTP device belongs to the user in the pool, whichever app client enrolled it.
const sameUser = (link: CognitoLink | undefined, ref: CognitoAccountRef): boolean =>
  link !== undefined && link.region === ref.region && link.userPoolId === ref.userPoolId && link.username === ref.username;

/**
 * Keystep's vault as the Cognito enrollment flow sees it. A pending account is written before
 * VerifySoftwareToken, so the secret survives any failure after it; activating it replaces
 * (in place, keeping position and pin) the user's previous active account, whose secret
 * Cognito stopped accepting when the new one was verified.
 */
export function createVaultEnrollmentStore(store: AccountStore, options: { now?: () => number; newId?: () => string } = {}): EnrollmentStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  return {
    savePending: (draft, ref) =>
      store.update((vault) => {
        const pending = vault.accounts.find((a) => a.status === 'pending' && sameUser(a.cognito, ref));
        if (pending) {
          // A new association replaces the unverified secret (Cognito keeps only the latest).
          const accounts = vault.accounts.map((a) => (a.id === pending.id ? { ...a, ...draft, id: a.id } : a));
          return { vault: { ...vault, accounts }, result: pending.id };
        }
        const { vault: next, results } = addDrafts(vault, [draft], { newId, now: now(), status: 'pending', cognito: ref });
        const [result] = results;
        if (!result) throw new Error('addDrafts returned no result');
        return { vault: next, result: result.account.id };
      }),
    markActive: (id) =>
      store.update((vault) => ({ vault: activate(vault, id), result: undefined })),
    async findSecret(ref) {
      const { accounts } = await store.load();
      return accounts.find((a) => a.status === 'active' && sameUser(a.cognito, ref))?.secret;
    },
  };
}

function activate(vault: Vault, id: string): Vault {
  const account = vault.accounts.find((a) => a.id === id);
  if (!account) throw new AccountNotFoundError(id);
  const link = account.cognito;
  const previous = link ? vault.accounts.find((a) => a.id !== id && a.status === 'active' && sameUser(a.cognito, link)) : undefined;
  const active: Account = { ...account, status: 'active', ...(previous ? { pinned: previous.pinned } : {}) };
  const accounts = vault.accounts.flatMap((a) => {
    if (a.id === id) return previous ? [] : [active];
    if (previous && a.id === previous.id) return [active];
    return [a];
  });
  return { ...vault, accounts };
}
