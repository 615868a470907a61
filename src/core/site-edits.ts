import { siteOrigin } from './site-origin.ts';
import { AccountNotFoundError } from './vault-edits.ts';
import type { Account, Vault } from './vault.ts';

/**
 * Sets the sites of an account (see Account.sites): each one through siteOrigin, so "GitHub.com/login" is stored
 * as "https://github.com"; repeats dropped, order kept; an empty list removes the field. Returns the same vault
 * when nothing changes; never mutates its input.
 * @throws SiteOriginError for a site siteOrigin refuses (nothing is changed); AccountNotFoundError for an unknown id.
 */
export function setSites(vault: Vault, id: string, sites: readonly string[]): Vault {
  const account = vault.accounts.find((a) => a.id === id);
  if (!account) throw new AccountNotFoundError(id);
  const next = [...new Set(sites.map(siteOrigin))];
  const current = account.sites ?? [];
  if (next.length === current.length && next.every((site, i) => site === current[i])) return vault;
  const edited: Account = { ...account };
  delete (edited as { sites?: readonly string[] }).sites;
  return { ...vault, accounts: vault.accounts.map((a) => (a.id === id ? (next.length === 0 ? edited : { ...edited, sites: next }) : a)) };
}

/**
 * Adds one site to an account's sites (at the end), unless it has it already (then the same vault).
 * @throws SiteOriginError for a site siteOrigin refuses; AccountNotFoundError for an unknown id.
 */
export function addSite(vault: Vault, id: string, site: string): Vault {
  const account = vault.accounts.find((a) => a.id === id);
  if (!account) throw new AccountNotFoundError(id);
  return setSites(vault, id, [...(account.sites ?? []), site]);
}
