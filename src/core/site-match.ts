import type { Account } from './vault.ts';

/**
 * Which accounts belong to a page, by the one rule Keystep fills by: the page's origin equals one of an account's
 * sites exactly (scheme, host and port; see site-origin.ts). Nothing looser: `login.example.com` is not
 * `example.com`, `evil.example.com`, `login.example.com:8443` or `http://login.example.com`, and a look-alike
 * (`examp1e`, `rn` for `m`, a punycode twin, `example.com.evil.test`) is simply another origin. Keystep does not
 * try to recognise look-alikes: anything that is not an exact match is treated the same way, by asking.
 */
export type SiteMatch =
  /** Exactly one account has this site: the keyboard command and the context menu may fill it without asking. */
  | { readonly kind: 'one'; readonly account: Account }
  /** Several accounts have this site: the user picks one. */
  | { readonly kind: 'several'; readonly accounts: readonly Account[] }
  /** No account has this site (a new site, or a look-alike of a known one): the user picks one, or none. */
  | { readonly kind: 'none' };

/**
 * Matches a page origin against the accounts' sites. Pending accounts (a Cognito enrollment not confirmed) never
 * match: their secret may not be the one the service holds.
 * @param origin the page's origin as URL serialises it (e.g. "https://login.example.com"), compared as a string.
 */
export function matchSite(accounts: readonly Account[], origin: string): SiteMatch {
  const matching = accounts.filter((account) => account.status === 'active' && account.sites?.includes(origin) === true);
  const [first] = matching;
  if (first === undefined) return { kind: 'none' };
  return matching.length === 1 ? { kind: 'one', account: first } : { kind: 'several', accounts: matching };
}
