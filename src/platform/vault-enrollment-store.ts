import type { CognitoAccountRef, EnrollmentStore, SecretLookup } from '../cognito/enrollment-store.ts';
import { addDrafts, AccountNotFoundError } from '../core/vault-edits.ts';
import type { Account, CognitoLink, Vault } from '../core/vault.ts';
import type { AccountStore } from './account-store.ts';

// Refs and links carry the endpoint already normalized (absent for AWS), so plain equality compares them.

/**
 * The same user on the same server: endpoint, pool and username. Cognito keeps one software token per user, whichever
 * app client enrolled it, so a new enrollment of this user replaces the old account.
 */
const sameUser = (link: CognitoLink | undefined, ref: CognitoAccountRef): boolean =>
  link !== undefined && link.endpoint === ref.endpoint && link.userPoolId === ref.userPoolId && link.username === ref.username;

/** Exactly the target the account was enrolled with: endpoint, region, pool, app client and username. */
const sameTarget = (link: CognitoLink | undefined, ref: CognitoAccountRef): boolean =>
  sameUser(link, ref) && link?.region === ref.region && link.clientId === ref.clientId;

/** The user of the same pool under the same name, whatever endpoint, region or app client. */
const samePoolUser = (link: CognitoLink | undefined, ref: CognitoAccountRef): link is CognitoLink =>
  link !== undefined && link.userPoolId === ref.userPoolId && link.username === ref.username;

/** The link to store for `ref`: its fields only, no endpoint key for the AWS endpoint. */
function linkOf(ref: CognitoAccountRef): CognitoLink {
  const { endpoint, region, userPoolId, clientId, username } = ref;
  return { ...(endpoint === undefined ? {} : { endpoint }), region, userPoolId, clientId, username };
}

/**
 * What the user set on the account a re-enrollment replaces, carried to the new one: its pin, its sites (the
 * replaced account's first, then any the new one was given while pending, without repeats) and submitting after
 * filling (on when either had it on). The secret, label and link are the new enrollment's.
 */
function keptFrom(previous: Account, next: Account): Pick<Account, 'pinned' | 'sites' | 'submitAfterFill'> {
  const sites = [...new Set([...(previous.sites ?? []), ...(next.sites ?? [])])];
  const submit = previous.submitAfterFill === true || next.submitAfterFill === true;
  return { pinned: previous.pinned, ...(sites.length > 0 ? { sites } : {}), ...(submit ? { submitAfterFill: true } : {}) };
}

/**
 * Keystep's vault as the Cognito enrollment flow sees it. A pending account is written before
 * VerifySoftwareToken, so the secret survives any failure after it; activating it replaces
 * (in place, keeping position, pin, sites and submit-after-fill) the user's previous active account on the same server, whose
 * secret Cognito stopped accepting when the new one was verified. A secret is found for a sign-in only
 * through the exact target it was enrolled with.
 */
export function createVaultEnrollmentStore(store: AccountStore, options: { now?: () => number; newId?: () => string } = {}): EnrollmentStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  return {
    savePending: (draft, ref) =>
      store.update((vault) => {
        const pending = vault.accounts.find((a) => a.status === 'pending' && sameUser(a.cognito, ref));
        if (pending) {
          // A new association replaces the unverified secret (Cognito keeps only the latest), and the link becomes
          // the target of this enrollment.
          const accounts = vault.accounts.map((a) => (a.id === pending.id ? { ...a, ...draft, id: a.id, cognito: linkOf(ref) } : a));
          return { vault: { ...vault, accounts }, result: pending.id };
        }
        const { vault: next, results } = addDrafts(vault, [draft], { newId, now: now(), status: 'pending', cognito: linkOf(ref) });
        const [result] = results;
        if (!result) throw new Error('addDrafts returned no result');
        return { vault: next, result: result.account.id };
      }),
    markActive: (id) =>
      store.update((vault) => ({ vault: activate(vault, id), result: undefined })),
    async findSecret(ref): Promise<SecretLookup> {
      const active = (await store.load()).accounts.filter((a) => a.status === 'active');
      const found = active.find((a) => sameTarget(a.cognito, ref));
      if (found) return { kind: 'found', secret: found.secret };
      const elsewhere = active.map((a) => a.cognito).find((link) => samePoolUser(link, ref));
      return elsewhere ? { kind: 'other-target', enrolled: linkOf(elsewhere) } : { kind: 'none' };
    },
  };
}

function activate(vault: Vault, id: string): Vault {
  const account = vault.accounts.find((a) => a.id === id);
  if (!account) throw new AccountNotFoundError(id);
  const link = account.cognito;
  const previous = link ? vault.accounts.find((a) => a.id !== id && a.status === 'active' && sameUser(a.cognito, link)) : undefined;
  const active: Account = previous ? { ...account, ...keptFrom(previous, account), status: 'active' } : { ...account, status: 'active' };
  const accounts = vault.accounts.flatMap((a) => {
    if (a.id === id) return previous ? [] : [active];
    if (previous && a.id === previous.id) return [active];
    return [a];
  });
  return { ...vault, accounts };
}
