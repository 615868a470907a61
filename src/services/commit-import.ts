import { addImported } from '../core/vault-edits.ts';
import type { ImportEntry } from '../core/formats/import-entry.ts';
import type { NewAccountPorts } from './new-account-ports.ts';
import type { SaveFailed } from './save-failed.ts';

export type CommitImportResult =
  /**
   * `existing`: entries not added because the vault had them; `repeated`: entries not added because an earlier
   * entry of the same import was the same account (that one was added); `refused`: entries that were not accounts.
   */
  | { readonly kind: 'done'; readonly added: number; readonly existing: number; readonly repeated: number; readonly refused: number }
  | SaveFailed;

/**
 * Adds the importable entries in one vault write. Duplicates are checked again under the vault lock (another page
 * may have added some since the preview); nothing is ever overwritten or removed.
 */
export async function commitImport(entries: readonly ImportEntry[], { store, clock, newId }: NewAccountPorts): Promise<CommitImportResult> {
  const importable = entries.flatMap((entry) => (entry.ok ? [entry.account] : []));
  try {
    const results = await store.update((vault) => {
      const { vault: next, results: outcome } = addImported(vault, importable, { newId, now: clock() });
      return { vault: next, result: outcome };
    });
    const addedNow = new Set(results.flatMap((r) => (r.outcome === 'added' ? [r.account] : [])));
    const repeated = results.filter((r) => r.outcome === 'duplicate' && addedNow.has(r.account)).length;
    return { kind: 'done', added: addedNow.size, existing: results.length - addedNow.size - repeated, repeated, refused: entries.length - importable.length };
  } catch (error) {
    return { kind: 'save-failed', error };
  }
}
