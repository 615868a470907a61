import { accountLabel } from '../core/account-label.ts';
import type { OtpInputError } from '../core/otp-input-error.ts';
import { parseUriList } from '../core/parse-uri-list.ts';
import { addDrafts } from '../core/vault-edits.ts';
import type { NewAccountPorts } from './new-account-ports.ts';
import type { SaveFailed } from './save-failed.ts';

/** What happened to one non-blank line (1-based `line`, blank lines counted). `label` is "" for an account with none. */
export type UriLineOutcome =
  | { readonly line: number; readonly kind: 'added' | 'duplicate'; readonly label: string }
  | { readonly line: number; readonly kind: 'refused'; readonly error: OtpInputError };

export type AddFromUriListResult =
  /** Only blank lines: nothing to do. */
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'done';
      /** One per non-blank line, in order. */
      readonly lines: readonly UriLineOutcome[];
      readonly added: number;
      readonly duplicates: number;
      readonly refused: number;
      /** The refused lines (trimmed, one per line), to leave in the box for fixing. They hold secrets: show them only to who typed them. */
      readonly unaccepted: string;
    }
  | SaveFailed;

/**
 * Adds the accounts of a pasted list of otpauth:// URIs, one per line: every valid line is added, except one
 * already in the vault (or earlier in the list), which is reported as a duplicate; every invalid line is reported
 * with its reason and not added. One vault write for the whole list.
 */
export async function addFromUriList(text: string, { store, clock, newId }: NewAccountPorts): Promise<AddFromUriListResult> {
  const lines = parseUriList(text);
  if (lines.length === 0) return { kind: 'empty' };
  const valid = lines.flatMap((l) => (l.ok ? [l] : []));
  let results;
  try {
    results = await store.update((vault) => {
      const { vault: next, results: added } = addDrafts(
        vault,
        valid.map((l) => l.draft),
        { newId, now: clock() },
      );
      return { vault: next, result: added };
    });
  } catch (error) {
    return { kind: 'save-failed', error };
  }
  const outcomes = lines.map((l): UriLineOutcome => {
    if (!l.ok) return { line: l.line, kind: 'refused', error: l.error };
    const added = results[valid.indexOf(l)]?.outcome === 'added';
    return { line: l.line, kind: added ? 'added' : 'duplicate', label: accountLabel(l.draft) };
  });
  const count = (kind: UriLineOutcome['kind']): number => outcomes.filter((o) => o.kind === kind).length;
  return {
    kind: 'done',
    lines: outcomes,
    added: count('added'),
    duplicates: count('duplicate'),
    refused: count('refused'),
    unaccepted: lines
      .filter((l) => !l.ok)
      .map((l) => l.text)
      .join('\n'),
  };
}
