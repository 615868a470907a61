import { readBackupEnvelope } from '../backup-file.ts';
import type { ImportPreview } from './import-entry.ts';
import { ImportFileError } from './import-file-error.ts';
import { isJsonRecord } from './json-record.ts';
import type { LockedImport } from './locked-import.ts';
import { readAccountLines } from './read-account-lines.ts';
import { readAegisVault } from './read-aegis-vault.ts';
import { readAuthenticatorExport } from './read-authenticator-export.ts';
import { readBitwardenExport } from './read-bitwarden-export.ts';
import { readTwoFasBackup } from './read-two-fas-backup.ts';

/** Larger inputs are refused unread: a backup of a thousand accounts is about 200 kB, an Aegis vault with icons a few MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * What a file holds: a preview at once (`ready`), or an encrypted file to open with its password (`password`,
 * then unlockImport).
 */
export type ImportRead =
  | { readonly status: 'ready'; readonly preview: ImportPreview }
  | { readonly status: 'password'; readonly locked: LockedImport };

/** A line that is meant to be an account link, valid or not. */
const ACCOUNT_LINK = /^otpauth(-migration)?:/i;

/**
 * The one entry point of importing a file (or pasted text): recognises its kind from its text and reads it.
 *
 * - JSON objects: a Keystep backup (`format: "keystep-backup"`: password), an Aegis vault (`header` and `db`:
 *   plain, or password), a 2FAS backup (`schemaVersion` with `services` or `servicesEncrypted`: plain, or
 *   password), a Bitwarden export (`items`, or `encrypted: true`), an Authenticator extension export (an object
 *   of entries with a `secret` or a `dataType`).
 * - Other text: one otpauth:// or otpauth-migration:// URI per line (readAccountLines), when at least one line
 *   starts like one.
 *
 * Each entry of the preview is an account to add or a refusal with its reason; nothing is added here.
 *
 * @param input the file's bytes (checked to be UTF-8), or its text (e.g. from `File.text()`). A UTF-8 BOM is
 *   ignored.
 * @throws ImportFileError (and BackupError for a Keystep backup's envelope, as readBackupEnvelope; nothing
 *   else): `file-too-large` (over MAX_IMPORT_BYTES, detail: the size), `file-not-text`, `json-invalid`,
 *   `file-unrecognised`, and each format's errors (`format-malformed`, `format-version-unsupported`,
 *   `format-encrypted-unsupported`, `kdf-unsupported`).
 */
export function readImportFile(input: string | Uint8Array): ImportRead {
  const text = inputText(input);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Only JSON's own whitespace (RFC 8259 section 2) may come before the value.
  if (/^[ \t\n\r]*[{[]/.test(body)) return readJson(body);
  if (!body.split(/\r\n|\r|\n/).some((line) => ACCOUNT_LINK.test(line.trim()))) {
    throw new ImportFileError('file-unrecognised', 'The text has no otpauth:// line and is not a known JSON export');
  }
  return { status: 'ready', preview: readAccountLines(body) };
}

function inputText(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? utf8Length(input) : input.length;
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportFileError('file-too-large', `The input is ${size} bytes; at most ${MAX_IMPORT_BYTES} are read`, { detail: String(size) });
  }
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new ImportFileError('file-not-text', 'The file is not UTF-8 text');
  }
}

/** UTF-8 length of a string without encoding it (lone surrogates count 3, as TextEncoder writes U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function readJson(text: string): ImportRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the input in it, and the input may hold secrets.
    throw new ImportFileError('json-invalid', 'The file starts like JSON but is not valid JSON');
  }
  if (!isJsonRecord(value)) throw new ImportFileError('file-unrecognised', 'The JSON is not an object of a known export');
  if (value.format === 'keystep-backup') {
    return { status: 'password', locked: { format: 'keystep-backup', envelope: readBackupEnvelope(text) } };
  }
  if ('header' in value && 'db' in value) return fromReader(readAegisVault(value));
  if ('schemaVersion' in value && ('services' in value || 'servicesEncrypted' in value)) return fromReader(readTwoFasBackup(value));
  if (Array.isArray(value.items) || value.encrypted === true) return fromReader(readBitwardenExport(value));
  if (isAuthenticatorExport(value)) return fromReader(readAuthenticatorExport(value));
  throw new ImportFileError('file-unrecognised', 'The JSON object is not a known export');
}

function fromReader(read: ImportPreview | LockedImport): ImportRead {
  return 'entries' in read ? { status: 'ready', preview: read } : { status: 'password', locked: read };
}

/** Entries keyed by hash, each an object with a secret or a storage data type; or the key record of an encrypted export. */
function isAuthenticatorExport(value: Record<string, unknown>): boolean {
  if (isJsonRecord(value.key) && typeof value.key.enc === 'string') return true;
  const entries = Object.entries(value).filter(([key]) => !['key', 'enc', 'hash', 'UserSettings'].includes(key));
  return (
    entries.length > 0 &&
    entries.every(([, entry]) => isJsonRecord(entry)) &&
    entries.some(([, entry]) => isJsonRecord(entry) && (typeof entry.secret === 'string' || typeof entry.dataType === 'string'))
  );
}
