import { addSite, setSites } from '../core/site-edits.ts';
import { SiteOriginError } from '../core/site-origin-error.ts';
import type { Vault } from '../core/vault.ts';
import { AccountNotFoundError } from '../core/vault-edits.ts';
import type { AccountStore } from '../platform/account-store.ts';
import type { EditOutcome } from './account-edits.ts';

/** A site edit can also be refused for a site that is not a web address, or not https (SiteOriginError). */
export type SiteEditOutcome = EditOutcome | { readonly kind: 'invalid'; readonly error: SiteOriginError };

/** The sites an account's codes are for (Account.sites), each edit one read-modify-write of the vault. */
export interface SiteEdits {
  /** Replaces the account's sites (the popup's "Sites…" dialog); each is stored as its origin. */
  setSites(id: string, sites: readonly string[]): Promise<SiteEditOutcome>;
  /**
   * Adds one site: for callers that learn where an account is used, e.g. the page a QR code was scanned on. Only
   * after the user confirmed it: a bound site is filled without asking.
   */
  addSite(id: string, site: string): Promise<SiteEditOutcome>;
}

/** The site edits over `store`; every outcome is a value, none throws. */
export function createSiteEdits(store: Pick<AccountStore, 'update'>): SiteEdits {
  const edit = async (change: (vault: Vault) => Vault): Promise<SiteEditOutcome> => {
    try {
      const changed = await store.update((current) => {
        const next = change(current);
        return { vault: next, result: next !== current };
      });
      return { kind: 'saved', changed };
    } catch (error) {
      if (error instanceof AccountNotFoundError) return { kind: 'gone' };
      if (error instanceof SiteOriginError) return { kind: 'invalid', error };
      return { kind: 'failed', error };
    }
  };
  return {
    setSites: (id, sites) => edit((v) => setSites(v, id, sites)),
    addSite: (id, site) => edit((v) => addSite(v, id, site)),
  };
}
