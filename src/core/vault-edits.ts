import type { AccountDraft } from './account.ts';
import { accountIdentity } from './account-identity.ts';
import { validateAccountLabel } from './validate-account-label.ts';
import type { Account, CognitoLink, Vault } from './vault.ts';

/**
 * Pure edits of a vault. Each returns a new vault (and, where useful, a result); none mutates
 * its input, so a failed write leaves the caller's copy as it was. Array order is display
 * order, kept with pinned accounts first.
 */

/** Raised when an edit names an account that is not in the vault (e.g. deleted in another window). */
export class AccountNotFoundError extends Error {
  readonly code = 'account-not-found';
  constructor(readonly accountId: string) {
    super(`No account with id ${accountId}`);
    this.name = 'AccountNotFoundError';
  }
}

export type AddResult = { readonly outcome: 'added'; readonly account: Account } | { readonly outcome: 'duplicate'; readonly account: Account };

export interface AddOptions {
  /** Makes a fresh unique id; default crypto.randomUUID at the edge. */
  readonly newId: () => string;
  /** ms since the epoch. */
  readonly now: number;
  readonly status?: Account['status'];
  readonly cognito?: CognitoLink;
}

/** One account to add with the state it had elsewhere (e.g. in a backup file). */
export interface ImportedAccount {
  readonly draft: AccountDraft;
  /** Default false. */
  readonly pinned?: boolean;
  /** Default 'active'. */
  readonly status?: Account['status'];
  readonly cognito?: CognitoLink;
  /** Canonical origins (siteOrigin), e.g. from a backup; default none. */
  readonly sites?: readonly string[];
  /** See Account.submitAfterFill; default off. */
  readonly submitAfterFill?: boolean;
}

/** Adds drafts in order; a draft whose secret + issuer + name is already present (or earlier in the same batch) is reported as a duplicate and not added. */
export function addDrafts(vault: Vault, drafts: readonly AccountDraft[], options: AddOptions): { vault: Vault; results: AddResult[] } {
  const { status, cognito } = options;
  const entries = drafts.map((draft): ImportedAccount => ({ draft, ...(status ? { status } : {}), ...(cognito ? { cognito } : {}) }));
  return addImported(vault, entries, options);
}

/**
 * Adds accounts in order, each keeping its own pinned flag, status and Cognito link; with addDrafts' duplicate
 * rule (accountIdentity, against the vault and earlier entries of the batch): a duplicate is reported, not
 * added, and the account already present is left as it is. Nothing is overwritten or removed. New pinned
 * accounts go to the end of the pinned group (where setPinned puts a newly pinned one), the others to the end
 * of the list; the accounts already in the vault keep their order. Returns the same vault object when nothing
 * is added.
 * @param options `newId` is called once per added account; `now` (ms since the epoch) becomes each `createdAt`.
 * @throws OtpInputError if a draft's secret is not canonical base32 (parsed and validated drafts always are).
 */
export function addImported(
  vault: Vault,
  entries: readonly ImportedAccount[],
  options: { readonly newId: () => string; readonly now: number },
): { vault: Vault; results: AddResult[] } {
  const byIdentity = new Map(vault.accounts.map((a) => [accountIdentity(a), a]));
  const added: Account[] = [];
  const results: AddResult[] = entries.map((entry) => {
    const existing = byIdentity.get(accountIdentity(entry.draft));
    if (existing) return { outcome: 'duplicate', account: existing };
    const account: Account = {
      ...pickDraft(entry.draft),
      id: options.newId(),
      createdAt: options.now,
      pinned: entry.pinned ?? false,
      status: entry.status ?? 'active',
      ...(entry.cognito ? { cognito: entry.cognito } : {}),
      ...(entry.sites && entry.sites.length > 0 ? { sites: [...new Set(entry.sites)] } : {}),
      ...(entry.submitAfterFill === true ? { submitAfterFill: true } : {}),
    };
    byIdentity.set(accountIdentity(account), account);
    added.push(account);
    return { outcome: 'added', account };
  });
  // Nothing new: the same vault, so the store writes nothing.
  if (added.length === 0) return { vault, results };
  // Right after the last pinned account, which is the end of the pinned group even in a vault stored out of order.
  const accounts = vault.accounts.slice();
  accounts.splice(vault.accounts.findLastIndex((a) => a.pinned) + 1, 0, ...added.filter((a) => a.pinned));
  accounts.push(...added.filter((a) => !a.pinned));
  return { vault: { ...vault, accounts }, results };
}

function pickDraft(d: AccountDraft): AccountDraft {
  return { type: d.type, secret: d.secret, algorithm: d.algorithm, digits: d.digits, period: d.period, counter: d.counter, issuer: d.issuer, name: d.name };
}

function indexOf(vault: Vault, id: string): number {
  const index = vault.accounts.findIndex((a) => a.id === id);
  if (index < 0) throw new AccountNotFoundError(id);
  return index;
}

function replace(vault: Vault, id: string, edit: (account: Account) => Account): Vault {
  const index = indexOf(vault, id);
  const accounts = vault.accounts.slice();
  accounts[index] = edit(accounts[index] as Account);
  return { ...vault, accounts };
}

/** Pinned accounts first, each group in its existing order. */
function pinnedFirst(accounts: readonly Account[]): Account[] {
  return [...accounts.filter((a) => a.pinned), ...accounts.filter((a) => !a.pinned)];
}

/**
 * Changes the shown issuer and account name, under the same rules as adding (validateAccountLabel), so the
 * account can still be exported. The secret, and so the codes, stay.
 * @throws OtpInputError for a label that validateAccountLabel refuses.
 */
export function renameAccount(vault: Vault, id: string, label: { issuer: string; name: string }): Vault {
  const { issuer, name } = validateAccountLabel(label);
  return replace(vault, id, (a) => ({ ...a, issuer, name }));
}

/** Pins (to the end of the pinned group) or unpins (to the top of the others). */
export function setPinned(vault: Vault, id: string, pinned: boolean): Vault {
  const index = indexOf(vault, id);
  const account = vault.accounts[index] as Account;
  if (account.pinned === pinned) return vault;
  const rest = vault.accounts.filter((a) => a.id !== id);
  const pinnedCount = rest.filter((a) => a.pinned).length;
  const accounts = rest.slice();
  accounts.splice(pinnedCount, 0, { ...account, pinned });
  return { ...vault, accounts };
}

/**
 * Turns submitting the form after filling this account's code on or off (Account.submitAfterFill): on is stored
 * as `true`, off removes the field. Returns the same vault when nothing changes.
 */
export function setSubmitAfterFill(vault: Vault, id: string, on: boolean): Vault {
  const account = vault.accounts[indexOf(vault, id)] as Account;
  if ((account.submitAfterFill === true) === on) return vault;
  return replace(vault, id, (a) => {
    if (on) return { ...a, submitAfterFill: true };
    const edited: Account = { ...a };
    delete (edited as { submitAfterFill?: boolean }).submitAfterFill;
    return edited;
  });
}

/** Moves an account one place up (-1) or down (+1) within its group (pinned or not). At an edge it stays. */
export function moveAccount(vault: Vault, id: string, delta: -1 | 1): Vault {
  const accounts = pinnedFirst(vault.accounts);
  const index = accounts.findIndex((a) => a.id === id);
  if (index < 0) throw new AccountNotFoundError(id);
  const target = index + delta;
  const here = accounts[index] as Account;
  const there = accounts[target];
  if (!there || there.pinned !== here.pinned) return vault;
  accounts[index] = there;
  accounts[target] = here;
  return { ...vault, accounts };
}

export function removeAccount(vault: Vault, id: string): Vault {
  indexOf(vault, id);
  return { ...vault, accounts: vault.accounts.filter((a) => a.id !== id) };
}

/** HOTP: the code for `counter` has been shown, so the next one is counter + 1 (RFC 4226 section 7.2). */
export function advanceCounter(vault: Vault, id: string): { vault: Vault; account: Account } {
  const next = replace(vault, id, (a) => {
    if (a.type !== 'hotp') throw new TypeError(`Account ${id} is ${a.type}, not hotp`);
    return { ...a, counter: a.counter + 1 };
  });
  return { vault: next, account: next.accounts[indexOf(next, id)] as Account };
}

export function markActive(vault: Vault, id: string): Vault {
  return replace(vault, id, (a) => ({ ...a, status: 'active' }));
}

/**
 * Remembers `secret` as the client secret of Cognito profile `profileId`, or forgets it when `secret` is
 * undefined or empty. Returns the same vault when nothing changes.
 */
export function setClientSecret(vault: Vault, profileId: string, secret: string | undefined): Vault {
  const current = vault.clientSecrets ?? {};
  if ((secret || undefined) === current[profileId]) return vault;
  const rest = Object.fromEntries(Object.entries(current).filter(([id]) => id !== profileId));
  return { ...vault, clientSecrets: secret ? { ...rest, [profileId]: secret } : rest };
}
