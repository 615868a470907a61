import { accountIdentity } from '../core/account-identity.ts';
import { accountLabel } from '../core/account-label.ts';
import type { ImportEntry } from '../core/formats/import-entry.ts';
import type { Account } from '../core/vault.ts';

/** What adding would do to an entry: add it, skip it (in the vault already, or repeated in the file), or nothing (refused). */
export type ImportVerdict = 'new' | 'existing' | 'repeated' | 'refused';

/** A preview row, in file order; `label` is "" for an account with none. */
export type ImportPreviewRow =
  | { readonly verdict: 'new' | 'existing' | 'repeated'; readonly label: string }
  | { readonly verdict: 'refused'; readonly entry: Extract<ImportEntry, { ok: false }> };

export interface ImportVerdicts {
  readonly rows: readonly ImportPreviewRow[];
  readonly counts: Readonly<Record<ImportVerdict, number>>;
}

/**
 * The entries of a file (or of scanned QR codes) with what adding them would do, against the vault's accounts as
 * they are now (the same rule as adding: accountIdentity). commitImport checks again under the vault lock.
 */
export function previewImport(entries: readonly ImportEntry[], accounts: readonly Account[]): ImportVerdicts {
  // Identity keys hold secrets: they stay in these in-memory sets.
  const stored = new Set(accounts.map(accountIdentity));
  const seen = new Set<string>();
  const counts = { new: 0, existing: 0, repeated: 0, refused: 0 };
  const rows = entries.map((entry): ImportPreviewRow => {
    if (!entry.ok) {
      counts.refused++;
      return { verdict: 'refused', entry };
    }
    const key = accountIdentity(entry.account.draft);
    const verdict = stored.has(key) ? 'existing' : seen.has(key) ? 'repeated' : 'new';
    seen.add(key);
    counts[verdict]++;
    return { verdict, label: accountLabel(entry.account.draft) };
  });
  return { rows, counts };
}
