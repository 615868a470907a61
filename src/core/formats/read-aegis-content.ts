// The vault content of an Aegis export: https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
// ("Vault content"): { "version": 1..3, "entries": [ { type, uuid, name, issuer, note, favorite, icon...,
// info: { secret (base32), algo, digits, period | counter }, groups } ], "groups": [...] }.
import { OtpInputError, redactSecretLike } from '../otp-input-error.ts';
import { validateAccountDraft } from '../validate-account-draft.ts';
import { optionalNumberText, optionalString } from './entry-fields.ts';
import { entryHint } from './entry-hint.ts';
import type { ImportEntry, ImportPreview } from './import-entry.ts';
import { ImportEntryError } from './import-entry-error.ts';
import { ImportFileError } from './import-file-error.ts';
import { isJsonRecord } from './json-record.ts';
import { readEntry } from './read-entry.ts';
import type { ImportedAccount } from '../vault-edits.ts';

/** The newest content version documented (Aegis's vault.md above: "The current version of the vault content format is 3"). */
const AEGIS_CONTENT_VERSION = 3;

/**
 * The accounts of Aegis vault content (the plain `db` object, or the decrypted one), in file order. TOTP and
 * HOTP entries become drafts with validateAccountDraft's rules (their `favorite` flag becomes pinned); Steam
 * entries are refused as `encoder-unsupported` (detail `steam`: Steam Guard codes are not digits); Yandex, MOTP
 * and other types as `uri-type` (detail: the type). Icons, notes, groups and uuids are ignored.
 * @param at the content's path for error fields: `db`.
 * @throws ImportFileError (format `aegis`): `format-malformed` (field `db`, `db.version`, `db.entries`) or
 *   `format-version-unsupported` (field `db.version`, detail: the version) for content newer than version 3.
 */
export function readAegisContent(content: unknown, at: string): ImportPreview {
  if (!isJsonRecord(content)) throw malformed(`The vault content is not an object`, at);
  const { version, entries } = content;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw malformed('The vault content version is not a positive integer', `${at}.version`);
  }
  if (version > AEGIS_CONTENT_VERSION) {
    throw new ImportFileError('format-version-unsupported', `The vault content is version ${version}`, {
      format: 'aegis',
      field: `${at}.version`,
      detail: String(version),
    });
  }
  if (!Array.isArray(entries)) throw malformed('The vault content has no entries array', `${at}.entries`);
  return {
    format: 'aegis',
    entries: entries.map((entry: unknown, index): ImportEntry => {
      const where = { kind: 'entry', entry: index + 1 } as const;
      const read = readEntry(() => readAegisEntry(entry, `${at}.entries[${index}]`));
      if (read.ok) return { ok: true, where, account: read.value };
      const hint = isJsonRecord(entry) ? entryHint(entry.issuer, entry.name) : undefined;
      return { ok: false, where, hint, error: read.error };
    }),
    skipped: 0,
    migrationBatches: [],
  };
}

function readAegisEntry(entry: unknown, at: string): ImportedAccount {
  if (!isJsonRecord(entry)) throw new ImportEntryError('entry-malformed', `${at} is not an object`, at);
  const { type, info } = entry;
  if (typeof type !== 'string') throw new ImportEntryError('entry-malformed', `${at}.type is not a string`, `${at}.type`);
  const kind = type.toLowerCase();
  if (kind === 'steam') {
    throw new OtpInputError('encoder-unsupported', 'Steam Guard entries give codes that are not digits', { field: 'type', detail: 'steam' });
  }
  if (kind !== 'totp' && kind !== 'hotp') {
    throw new OtpInputError('uri-type', 'The entry type is neither totp nor hotp', { field: 'type', detail: redactSecretLike(type) });
  }
  if (!isJsonRecord(info)) throw new ImportEntryError('entry-malformed', `${at}.info is not an object`, `${at}.info`);
  const draft = validateAccountDraft({
    type: kind,
    issuer: text(entry.issuer, `${at}.issuer`),
    name: text(entry.name, `${at}.name`),
    secret: text(info.secret, `${at}.info.secret`),
    algorithm: optionalString(info.algo, `${at}.info.algo`),
    digits: optionalNumberText(info.digits, `${at}.info.digits`),
    period: optionalNumberText(info.period, `${at}.info.period`),
    counter: optionalNumberText(info.counter, `${at}.info.counter`),
  });
  return { draft, pinned: entry.favorite === true };
}

/** A string field; absent or null reads as empty. */
function text(value: unknown, at: string): string {
  return optionalString(value, at) ?? '';
}

function malformed(message: string, field: string): ImportFileError {
  return new ImportFileError('format-malformed', message, { format: 'aegis', field });
}
