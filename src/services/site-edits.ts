import { addSite, setSites } from '../core/site-edits.ts';
import { SiteOriginError } from '../core/site-origin-error.ts';
import type { Vault } from '../core/vault.ts';
import { AccountNotFoundError, setSubmitAfterFill } from '../core/vault-edits.ts';
import type { AccountStore } from '../platform/account-store.ts';
import type { EditOutcome } from './account-edits.ts';

/** A site edit can also be refused for a site that is not a web address, or not https (SiteOriginError). */
export type SiteEditOutcome = EditOutcome | { readonly kind: 'invalid'; readonly error: SiteOriginError };

/** How an account's code is filled into pages: what the popup's "Sites…" dialog edits. */
export interface FillSettings {
  /** The account's sites (Account.sites); each is stored as its origin. */
  readonly sites: readonly string[];
  /** Submit the form after filling (Account.submitAfterFill). */
  readonly submitAfterFill: boolean;
}

/** The sites an account's codes are for (Account.sites) and how they are filled, each edit one read-modify-write of the vault. */
export interface SiteEdits {
  /** Replaces the account's sites and sets whether it submits after filling (the popup's "Sites…" dialog), in one write. */
  setFillSettings(id: string, settings: FillSettings): Promise<SiteEditOutcome>;
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
    // Both edits return the vault they were given when they change nothing, so an unchanged dialog writes nothing.
    setFillSettings: (id, { sites, submitAfterFill }) => edit((v) => setSubmitAfterFill(setSites(v, id, sites), id, submitAfterFill)),
    addSite: (id, site) => edit((v) => addSite(v, id, site)),
  };
}
