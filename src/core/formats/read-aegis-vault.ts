// An Aegis vault export: https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md, section Format.
//   { "version": 1, "header": { "slots": [...] | null, "params": { "nonce": hex, "tag": hex } | null },
//     "db": { vault content } | "Base64 of the AES-256-GCM ciphertext of the content's UTF-8 JSON" }
// Encrypted: a random master key encrypts the content; each slot holds the master key wrapped (AES-256-GCM,
// key_params nonce/tag, hex) by its credential. Password slots (type 1) derive that credential with scrypt
// (n, r, p, salt hex) from the password; Aegis uses N = 2^15, r = 8, p = 1 and 32-byte salts.
import { base64ToBytes } from '../base64.ts';
import { hexToBytes } from './hex-to-bytes.ts';
import type { ImportPreview } from './import-entry.ts';
import { ImportFileError } from './import-file-error.ts';
import { isJsonRecord } from './json-record.ts';
import { AES_GCM_TAG_BYTES } from './open-aes-gcm.ts';
import { readAegisContent } from './read-aegis-content.ts';

/** The vault format version this build reads (Aegis's vault.md above: "The current version of the vault format is 1"). */
const AEGIS_VAULT_VERSION = 1;

/** Slot type of a password slot (Aegis's vault.md above, section Slots). */
const PASSWORD_SLOT = 1;

const NONCE_BYTES = 12;
const KEY_BYTES = 32;

/**
 * Bounds on a slot's scrypt parameters, so that a damaged or hostile file cannot make the page compute for
 * minutes or allocate gigabytes: memory 128 * N * r at most 256 MiB, work N * r * p at most 2^22 (Aegis's own
 * 2^15 * 8 * 1 is 2^18, with room for stronger settings). A few seconds at most in a browser.
 */
const MAX_SCRYPT_MEMORY = 2 ** 28;
const MAX_SCRYPT_WORK = 2 ** 22;

/** More password slots than this is not a real vault (each costs a scrypt run per password tried). */
const MAX_PASSWORD_SLOTS = 8;

/** One password slot of an encrypted vault, decoded and range-checked. */
export interface AegisPasswordSlot {
  /** Its index in `header.slots`, for error fields. */
  readonly index: number;
  /** The master key, wrapped: 32 bytes of ciphertext. */
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
  readonly tag: Uint8Array;
  readonly salt: Uint8Array;
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** An encrypted Aegis vault, checked and decoded, waiting for its password (see unlockAegisVault). */
export interface LockedAegisVault {
  readonly format: 'aegis';
  readonly slots: readonly AegisPasswordSlot[];
  /** The content's AES-GCM nonce and tag (header.params). */
  readonly nonce: Uint8Array;
  readonly tag: Uint8Array;
  /** The content's ciphertext (db). */
  readonly db: Uint8Array;
}

/**
 * Reads an Aegis vault export (parsed JSON): a plain vault gives its preview at once; an encrypted one is
 * checked (every password slot and the content parameters) and returned locked, so a damaged file is reported
 * before the password is asked for.
 * @throws ImportFileError (format `aegis`): `format-malformed` (field: `version`, `header`, `header.slots`,
 *   `header.slots[1].salt`, `header.params.nonce`, `db`, ...); `format-version-unsupported` (field `version` or
 *   `db.version`); `kdf-unsupported` (field `header.slots[i].n`) for scrypt parameters beyond the bounds.
 */
export function readAegisVault(vault: Record<string, unknown>): ImportPreview | LockedAegisVault {
  const { version, header, db } = vault;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw malformed('The vault version is not a positive integer', 'version');
  }
  if (version > AEGIS_VAULT_VERSION) {
    throw new ImportFileError('format-version-unsupported', `The vault is version ${version}`, { format: 'aegis', field: 'version', detail: String(version) });
  }
  if (isJsonRecord(db)) return readAegisContent(db, 'db');
  if (typeof db !== 'string') throw malformed('The vault has no db object or string', 'db');
  if (!isJsonRecord(header)) throw malformed('The encrypted vault has no header', 'header');
  const { slots, params } = header;
  if (!Array.isArray(slots)) throw malformed('The encrypted vault has no slots', 'header.slots');
  const passwordSlots = slots.flatMap((slot: unknown, index): AegisPasswordSlot[] =>
    isJsonRecord(slot) && slot.type === PASSWORD_SLOT ? [readPasswordSlot(slot, index)] : [],
  );
  if (passwordSlots.length === 0 || passwordSlots.length > MAX_PASSWORD_SLOTS) {
    throw malformed('The encrypted vault has no usable password slot', 'header.slots');
  }
  if (!isJsonRecord(params)) throw malformed('The encrypted vault has no params', 'header.params');
  const ciphertext = decodeBase64(db, 'db');
  return {
    format: 'aegis',
    slots: passwordSlots,
    nonce: hexField(params.nonce, NONCE_BYTES, 'header.params.nonce'),
    tag: hexField(params.tag, AES_GCM_TAG_BYTES, 'header.params.tag'),
    db: ciphertext,
  };
}

function readPasswordSlot(slot: Record<string, unknown>, index: number): AegisPasswordSlot {
  const at = `header.slots[${index}]`;
  const keyParams = slot.key_params;
  if (!isJsonRecord(keyParams)) throw malformed(`${at}.key_params is not an object`, `${at}.key_params`);
  const n = integer(slot.n, `${at}.n`);
  const r = integer(slot.r, `${at}.r`);
  const p = integer(slot.p, `${at}.p`);
  // N must be a power of two above 1 (RFC 7914 section 2); r and p at least 1.
  if (n < 2 || (n & (n - 1)) !== 0 || r < 1 || p < 1 || 128 * n * r > MAX_SCRYPT_MEMORY || n * r * p > MAX_SCRYPT_WORK) {
    throw new ImportFileError('kdf-unsupported', `${at} has scrypt parameters Keystep does not compute`, { format: 'aegis', field: `${at}.n` });
  }
  const salt = typeof slot.salt === 'string' ? hexToBytes(slot.salt) : undefined;
  if (salt === undefined || salt.length === 0) throw malformed(`${at}.salt is not hexadecimal`, `${at}.salt`);
  return {
    index,
    key: hexField(slot.key, KEY_BYTES, `${at}.key`),
    nonce: hexField(keyParams.nonce, NONCE_BYTES, `${at}.key_params.nonce`),
    tag: hexField(keyParams.tag, AES_GCM_TAG_BYTES, `${at}.key_params.tag`),
    salt,
    n,
    r,
    p,
  };
}

function integer(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw malformed(`${field} is not an integer`, field);
  return value;
}

function hexField(value: unknown, length: number, field: string): Uint8Array {
  const bytes = typeof value === 'string' ? hexToBytes(value) : undefined;
  if (bytes?.length !== length) throw malformed(`${field} is not ${length} bytes of hexadecimal`, field);
  return bytes;
}

function decodeBase64(text: string, field: string): Uint8Array {
  try {
    return base64ToBytes(text, field);
  } catch {
    throw malformed(`${field} is not Base64`, field);
  }
}

function malformed(message: string, field: string): ImportFileError {
  return new ImportFileError('format-malformed', message, { format: 'aegis', field });
}
