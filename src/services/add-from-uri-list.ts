import { accountLabel } from '../core/account-label.ts';
import type { EntryWhere } from '../core/formats/import-entry.ts';
import type { ImportEntryError } from '../core/formats/import-entry-error.ts';
import { incompleteMigrationExports } from '../core/formats/migration-scan.ts';
import { readAccountLines } from '../core/formats/read-account-lines.ts';
import type { OtpInputError } from '../core/otp-input-error.ts';
import { addImported } from '../core/vault-edits.ts';
import type { NewAccountPorts } from './new-account-ports.ts';
import type { SaveFailed } from './save-failed.ts';

/**
 * What happened to one account of the box: an otpauth:// line (`where` a line, 1-based, blank lines counted), or
 * one account of an otpauth-migration:// line (`where` its line and place). `label` is "" for an account with none.
 */
export type UriEntryOutcome =
  | { readonly where: EntryWhere; readonly kind: 'added' | 'duplicate'; readonly label: string }
  | { readonly where: EntryWhere; readonly kind: 'refused'; readonly hint: string | undefined; readonly error: OtpInputError | ImportEntryError };

export type AddFromUriListResult =
  /** Only blank lines: nothing to do. */
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'done';
      /** One per account (an otpauth line, or each account of a migration line) or refused line, in order. */
      readonly entries: readonly UriEntryOutcome[];
      readonly added: number;
      readonly duplicates: number;
      readonly refused: number;
      /** Google Authenticator exports some of whose QR codes were not pasted: the missing batch indices (0-based). */
      readonly incomplete: readonly { readonly batchSize: number; readonly missing: readonly number[] }[];
      /**
       * The lines none of whose accounts could be added (trimmed, one per line), to leave in the box for fixing.
       * They hold secrets: show them only to who typed them.
       */
      readonly unaccepted: string;
    }
  | SaveFailed;

/**
 * Adds the accounts of pasted text with one link per line: otpauth:// URIs and Google Authenticator
 * otpauth-migration:// URIs (each gives all the accounts of its QR code), read by core's readAccountLines. Every
 * valid account is added, except one already in the vault (or earlier in the text), which is reported as a
 * duplicate; every refused line or account is reported with its reason and not added. One vault write.
 */
export async function addFromUriList(text: string, { store, clock, newId }: NewAccountPorts): Promise<AddFromUriListResult> {
  const { entries, migrationBatches } = readAccountLines(text);
  if (entries.length === 0) return { kind: 'empty' };
  const accepted = entries.flatMap((entry) => (entry.ok ? [entry.account] : []));
  let results;
  try {
    results = await store.update((vault) => {
      const { vault: next, results: added } = addImported(vault, accepted, { newId, now: clock() });
      return { vault: next, result: added };
    });
  } catch (error) {
    return { kind: 'save-failed', error };
  }
  let index = 0;
  const outcomes = entries.map((entry): UriEntryOutcome => {
    if (!entry.ok) return { where: entry.where, kind: 'refused', hint: entry.hint, error: entry.error };
    const added = results[index++]?.outcome === 'added';
    return { where: entry.where, kind: added ? 'added' : 'duplicate', label: accountLabel(entry.account.draft) };
  });
  const count = (kind: UriEntryOutcome['kind']): number => outcomes.filter((o) => o.kind === kind).length;
  const lineOf = (where: EntryWhere): number => ('line' in where ? where.line : 0);
  const acceptedLines = new Set(entries.filter((entry) => entry.ok).map((entry) => lineOf(entry.where)));
  const refusedLines = new Set(entries.filter((entry) => !entry.ok && !acceptedLines.has(lineOf(entry.where))).map((entry) => lineOf(entry.where)));
  return {
    kind: 'done',
    entries: outcomes,
    added: count('added'),
    duplicates: count('duplicate'),
    refused: count('refused'),
    incomplete: incompleteMigrationExports(migrationBatches).map(({ batchSize, missing }) => ({ batchSize, missing })),
    unaccepted: text
      .split(/\r\n|\r|\n/)
      .flatMap((raw, at) => (refusedLines.has(at + 1) ? [raw.trim()] : []))
      .join('\n'),
  };
}
