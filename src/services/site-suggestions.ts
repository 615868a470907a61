import { issuerSites } from '../core/issuer-sites.ts';
import { siteOrigin } from '../core/site-origin.ts';
import type { Account, CognitoLink } from '../core/vault.ts';

/** Where a suggested site comes from, for the dialog to say so. */
export type SiteSource = 'page' | 'issuer' | 'cognito';

export interface SiteSuggestion {
  /** A canonical origin the account does not have yet. */
  readonly site: string;
  readonly source: SiteSource;
}

/** A saved Cognito connection profile, as far as suggestions need it. */
export interface ManagedLoginProfile extends Pick<CognitoLink, 'region' | 'userPoolId' | 'clientId'> {
  /** The host of the user pool's managed login (hosted UI), when the user gave it. */
  readonly managedLoginDomain?: string;
}

/**
 * Sites to offer for an account, none bound until the user adds it: the page the popup was opened over, the
 * issuer's well-known sign-in site (core/issuer-sites.ts), and for a Cognito enrollment the managed-login domain of
 * the profile it was enrolled through (same region, pool and app client). Each site once, those the account has
 * left out, in that order.
 */
export function siteSuggestions(account: Account, sources: { readonly pageOrigin?: string | undefined; readonly profiles?: readonly ManagedLoginProfile[] }): readonly SiteSuggestion[] {
  const found: SiteSuggestion[] = [];
  const add = (site: string | undefined, source: SiteSource): void => {
    if (site === undefined || account.sites?.includes(site) === true || found.some((s) => s.site === site)) return;
    found.push({ site, source });
  };
  const origin = (input: string): string | undefined => {
    try {
      return siteOrigin(input);
    } catch {
      return undefined;
    }
  };
  if (sources.pageOrigin !== undefined) add(origin(sources.pageOrigin), 'page');
  for (const site of issuerSites(account.issuer)) add(site, 'issuer');
  const link = account.cognito;
  if (link) {
    for (const profile of sources.profiles ?? []) {
      if (profile.managedLoginDomain && profile.region === link.region && profile.userPoolId === link.userPoolId && profile.clientId === link.clientId) {
        add(origin(profile.managedLoginDomain), 'cognito');
      }
    }
  }
  return found;
}
