// A Bitwarden JSON export (https://bitwarden.com/help/export-your-data/):
//   { "encrypted": false, "folders": [...], "items": [ { "type": 1, "name", "login": { "username", "password",
//     "totp": otpauth URI | bare base32 secret | "steam://SECRET" | null, "uris" }, ... } ] }
// Encrypted exports (https://bitwarden.com/help/encrypted-export/) have "encrypted": true: account-restricted
// ones can only be opened by the Bitwarden account that made them; password-protected ones
// ("passwordProtected": true, "data") use Bitwarden's own key stretching (PBKDF2 or Argon2id, HKDF, AES-CBC with
// HMAC). Keystep reads neither: the user exports the plain JSON instead.
import { OtpInputError } from '../otp-input-error.ts';
import { parseOtpauthUri } from '../otpauth-uri.ts';
import { validateAccountDraft } from '../validate-account-draft.ts';
import type { ImportedAccount } from '../vault-edits.ts';
import { entryHint } from './entry-hint.ts';
import type { ImportEntry, ImportPreview } from './import-entry.ts';
import { ImportEntryError } from './import-entry-error.ts';
import { ImportFileError } from './import-file-error.ts';
import { isJsonRecord } from './json-record.ts';
import { readEntry } from './read-entry.ts';

/** A URI scheme at the start (RFC 3986 section 3.1); a base32 secret never has a colon. */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Reads a Bitwarden JSON export (parsed). Each item with a TOTP key is an entry (numbered by its place among
 * all items); items without one (other logins, notes, cards, identities) are counted in `skipped`. The key is
 * an otpauth URI (read by parseOtpauthUri) or a bare base32 secret, which gets Bitwarden's defaults (TOTP,
 * SHA1, 6 digits, 30 s) with the item's name as issuer and its username as account name. `steam://` keys are
 * refused as `encoder-unsupported` (detail `steam`); other URIs with parseOtpauthUri's reason.
 * @throws ImportFileError (format `bitwarden`): `format-encrypted-unsupported` for an encrypted export;
 *   `format-malformed` (field `items`) without an items array.
 */
export function readBitwardenExport(data: Record<string, unknown>): ImportPreview {
  if (data.encrypted === true || data.passwordProtected === true) {
    throw new ImportFileError('format-encrypted-unsupported', 'The Bitwarden export is encrypted', { format: 'bitwarden' });
  }
  const { items } = data;
  if (!Array.isArray(items)) throw new ImportFileError('format-malformed', 'The export has no items array', { format: 'bitwarden', field: 'items' });
  const entries: ImportEntry[] = [];
  items.forEach((item: unknown, index) => {
    const login = isJsonRecord(item) ? item.login : undefined;
    const totp = isJsonRecord(login) ? login.totp : undefined;
    if (totp === undefined || totp === null || (typeof totp === 'string' && totp.trim() === '')) return;
    const where = { kind: 'entry', entry: index + 1 } as const;
    const read = readEntry(() => readItem(item, `items[${index}]`));
    if (read.ok) entries.push({ ok: true, where, account: read.value });
    else entries.push({ ok: false, where, hint: entryHint(isJsonRecord(item) ? item.name : undefined, isJsonRecord(login) ? login.username : undefined), error: read.error });
  });
  return { format: 'bitwarden', entries, skipped: items.length - entries.length, migrationBatches: [] };
}

function readItem(item: unknown, at: string): ImportedAccount {
  if (!isJsonRecord(item) || !isJsonRecord(item.login)) throw new ImportEntryError('entry-malformed', `${at} is not a login item`, at);
  const { login } = item;
  if (typeof login.totp !== 'string') throw new ImportEntryError('entry-malformed', `${at}.login.totp is not a string`, `${at}.login.totp`);
  const key = login.totp.trim();
  const scheme = SCHEME.exec(key)?.[1]?.toLowerCase();
  if (scheme === 'steam') {
    throw new OtpInputError('encoder-unsupported', 'Steam Guard keys give codes that are not digits', { field: 'type', detail: 'steam' });
  }
  if (scheme !== undefined) return { draft: parseOtpauthUri(key) };
  const name = item.name ?? '';
  const username = login.username ?? '';
  if (typeof name !== 'string') throw new ImportEntryError('entry-malformed', `${at}.name is not a string`, `${at}.name`);
  if (typeof username !== 'string') throw new ImportEntryError('entry-malformed', `${at}.login.username is not a string`, `${at}.login.username`);
  return { draft: validateAccountDraft({ type: 'totp', issuer: name, name: username, secret: key }) };
}
