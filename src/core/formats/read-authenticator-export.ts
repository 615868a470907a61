// The JSON export of the "Authenticator" browser extension (https://github.com/Authenticator-Extension/
// Authenticator): an object keyed by each entry's hash, in src/models/storage.ts (getExport, RawOTPStorage):
//   { "<hash>": { "account", "issuer", "secret", "type": "totp" | "hotp" | "battle" | "steam" | "hex" | "hhex",
//                 "counter", "period" (absent: 30), "digits" (absent: 6), "algorithm" (absent: SHA1),
//                 "pinned", "index", "hash", "encrypted": false, "dataType": "OTPStorage" }, ... }
// Its encrypted export holds "EncOTPStorage" entries (CryptoJS AES under a key derived with Argon2 from the
// password) and a "key" record; Keystep does not read those: the user exports again without a password.
import type { AccountDraft } from '../account.ts';
import { encodeBase32, normalizeBase32Secret } from '../base32.ts';
import { OtpInputError, redactSecretLike } from '../otp-input-error.ts';
import { validateAccountDraft } from '../validate-account-draft.ts';
import type { ImportedAccount } from '../vault-edits.ts';
import { optionalNumberText, optionalString } from './entry-fields.ts';
import { entryHint } from './entry-hint.ts';
import { hexToBytes } from './hex-to-bytes.ts';
import type { ImportEntry, ImportPreview } from './import-entry.ts';
import { ImportEntryError } from './import-entry-error.ts';
import { ImportFileError } from './import-file-error.ts';
import { isJsonRecord } from './json-record.ts';
import { readEntry } from './read-entry.ts';

/** Top-level fields of the encryption key of older exports (`key`, or `enc` and `hash` after a bug, #557). */
const KEY_FIELDS = ['key', 'enc', 'hash'];

/** Not an entry: the extension's settings record, which some older backups carried. */
const SETTINGS_FIELD = 'UserSettings';

/**
 * Reads an Authenticator extension export (parsed JSON). Entries are read in the extension's display order
 * (their `index`), as the extension itself reads them: a `blz-`/`bliz-` secret prefix makes a Battle.net entry,
 * `stm-` a Steam one; a TOTP or HOTP secret that is hexadecimal and not base32 is a hex secret. TOTP, HOTP,
 * `battle` (TOTP with 8 digits, as the extension computes it) and the hex types become drafts, each with the key
 * bytes the extension computes codes with (its base32 and hex decoding differ from RFC 4648 in two corner cases,
 * reproduced here, so the codes stay the ones the user had); `pinned` is kept. Steam entries are refused as
 * `encoder-unsupported` (detail `steam`), GOST algorithms as `algorithm-unknown`.
 * @throws ImportFileError (format `authenticator`): `format-encrypted-unsupported` for an encrypted export.
 */
export function readAuthenticatorExport(data: Record<string, unknown>): ImportPreview {
  const keyed = Object.entries(data).filter(([key]) => !KEY_FIELDS.includes(key) && key !== SETTINGS_FIELD);
  const encrypted =
    (data.key !== undefined && data.key !== null) ||
    (data.enc !== undefined && data.hash !== undefined) ||
    keyed.some(([, value]) => isJsonRecord(value) && (value.dataType === 'EncOTPStorage' || value.dataType === 'Key' || value.encrypted === true));
  if (encrypted) {
    throw new ImportFileError('format-encrypted-unsupported', 'The Authenticator export is encrypted', { format: 'authenticator' });
  }
  const order = (value: unknown): number => (isJsonRecord(value) && typeof value.index === 'number' ? value.index : Number.POSITIVE_INFINITY);
  // Array#sort is stable: entries without an index keep their file order, after the others.
  const sorted = keyed.map(([key, value], position) => ({ key, value, position })).sort((a, b) => order(a.value) - order(b.value));
  return {
    format: 'authenticator',
    entries: sorted.map(({ key, value }, index): ImportEntry => {
      const where = { kind: 'entry', entry: index + 1 } as const;
      const read = readEntry(() => readAuthenticatorEntry(value, key));
      if (read.ok) return { ok: true, where, account: read.value };
      const hint = isJsonRecord(value) ? entryHint(value.issuer, value.account) : undefined;
      return { ok: false, where, hint, error: read.error };
    }),
    skipped: 0,
    migrationBatches: [],
  };
}

const BASE32_SECRET = /^[a-z2-7]+=*$/i;
const HEX_SECRET = /^[0-9a-f]+$/i;

function readAuthenticatorEntry(entry: unknown, at: string): ImportedAccount {
  if (!isJsonRecord(entry)) throw new ImportEntryError('entry-malformed', `${at} is not an object`, at);
  let secret = optionalString(entry.secret, `${at}.secret`) ?? '';
  let type = (optionalString(entry.type, `${at}.type`) ?? 'totp').toLowerCase();
  // The prefixes and the hex guess of EntryStorage.import in src/models/storage.ts.
  const prefix = /^(blz-|bliz-|stm-)/.exec(secret)?.[1];
  if (prefix !== undefined) {
    secret = secret.slice(prefix.length);
    type = prefix === 'stm-' ? 'steam' : 'battle';
  }
  if ((type === 'totp' || type === 'hotp') && !BASE32_SECRET.test(secret) && HEX_SECRET.test(secret)) {
    type = type === 'totp' ? 'hex' : 'hhex';
  }
  const base = {
    issuer: optionalString(entry.issuer, `${at}.issuer`) ?? '',
    name: optionalString(entry.account, `${at}.account`) ?? '',
    algorithm: optionalString(entry.algorithm, `${at}.algorithm`),
    digits: optionalNumberText(entry.digits, `${at}.digits`),
    period: optionalNumberText(entry.period, `${at}.period`),
    // The extension counts a missing counter as 0 (EntryStorage.import).
    counter: optionalNumberText(entry.counter, `${at}.counter`) ?? '0',
  };
  let draft: AccountDraft;
  switch (type) {
    case 'totp':
    case 'hotp':
      draft = validateAccountDraft({ ...base, type, secret: encodeBase32(base32Key(secret)) });
      break;
    case 'battle':
      draft = validateAccountDraft({ ...base, type: 'totp', digits: '8', secret: encodeBase32(base32Key(secret)) });
      break;
    case 'hex':
    case 'hhex':
      draft = validateAccountDraft({ ...base, type: type === 'hex' ? 'totp' : 'hotp', secret: encodeBase32(hexKey(secret, `${at}.secret`)) });
      break;
    case 'steam':
      throw new OtpInputError('encoder-unsupported', 'Steam Guard entries give codes that are not digits', { field: 'type', detail: 'steam' });
    default:
      throw new OtpInputError('uri-type', 'The entry type is not one the extension documents', { field: 'type', detail: redactSecretLike(type) });
  }
  return { draft, pinned: entry.pinned === true };
}

/**
 * The key bytes the extension derives from a base32 secret (KeyUtilities.base32tohex and generate in
 * src/models/key-utilities.ts): whitespace removed, 5 bits a character (`=` as zeros), whole hex digits kept,
 * padding of 1, 3, 4 or 6 `=` trimmed by 2, 4, 6 or 8 hex digits (other padding counts fail there), then an
 * odd hex length fixed by dropping a final 0 or appending one. This is RFC 4648 decoding except when an odd
 * count of hex digits ends in a non-zero digit (a length of 4 mod 8 with non-zero spare bits): then the
 * extension keys HMAC with one byte more, and so must we to give its codes.
 * @throws OtpInputError with Keystep's base32 rules (invalid character, impossible length, under 80 bits).
 */
function base32Key(secret: string): Uint8Array {
  const compact = secret.replace(/[\s-]/g, '');
  // Keystep's checks first, for their precise reasons (and so nothing that is not base32 goes further).
  normalizeBase32Secret(compact);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  let padding = 0;
  for (const char of compact.toUpperCase()) {
    if (char === '=') padding += 1;
    bits += char === '=' ? '00000' : alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  let hex = '';
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  const trim = new Map([[0, 0], [1, 2], [3, 4], [4, 6], [6, 8]]).get(padding);
  if (trim === undefined) {
    throw new OtpInputError('secret-invalid-length', 'The secret has a padding the extension refuses', { field: 'secret' });
  }
  return hexKey(hex.slice(0, hex.length - trim), 'secret');
}

/** The key bytes of a hex secret, the extension's way: whitespace removed, an odd length fixed as above. */
function hexKey(secret: string, at: string): Uint8Array {
  let hex = secret.replace(/\s/g, '');
  if (hex.length % 2 === 1) hex = hex.endsWith('0') ? hex.slice(0, -1) : `${hex}0`;
  const bytes = hexToBytes(hex);
  if (bytes === undefined) throw new ImportEntryError('entry-malformed', `${at} is not hexadecimal`, at);
  return bytes;
}
