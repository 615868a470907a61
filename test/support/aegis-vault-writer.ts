// Writes Aegis vault exports for tests, from Aegis's public description of the format
// (https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md), with Node's own crypto (scrypt and
// AES-256-GCM), independent of the WebCrypto and @noble/hashes code the product decrypts with.
import { createCipheriv, scryptSync } from 'node:crypto';
import type { AccountDraft } from '../../src/core/account.ts';

/** An Aegis entry for a draft, as Aegis writes one (icon fields null, a note, groups); `overrides` win. */
export function aegisEntry(draft: AccountDraft, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const info: Record<string, unknown> = { secret: draft.secret, algo: draft.algorithm, digits: draft.digits };
  if (draft.type === 'totp') info.period = draft.period;
  else info.counter = draft.counter;
  return {
    type: draft.type,
    uuid: '01234567-89ab-cdef-0123-456789abcdef',
    name: draft.name,
    issuer: draft.issuer,
    note: '',
    favorite: false,
    icon: null,
    icon_mime: null,
    icon_hash: null,
    info,
    groups: [],
    ...overrides,
  };
}

/** Vault content (the db object) holding `entries`. */
export function aegisContent(entries: readonly unknown[], version = 3): Record<string, unknown> {
  return { version, entries, groups: [] };
}

/** A plain vault export: header slots and params null, db the content object. */
export function aegisPlainVault(entries: readonly unknown[], options: { readonly contentVersion?: number } = {}): string {
  return JSON.stringify({ version: 1, header: { slots: null, params: null }, db: aegisContent(entries, options.contentVersion) }, null, 4);
}

export interface AegisEncryptOptions {
  /** scrypt N of the password slot; default 1024 (Aegis uses 32768; tests keep it small to stay fast). */
  readonly n?: number;
  readonly r?: number;
  readonly p?: number;
  /** Vault content to encrypt instead of aegisContent(entries): any JSON value, or raw bytes. */
  readonly content?: unknown;
  /** Further slots written before the password slot (e.g. a biometric slot, type 2). */
  readonly otherSlots?: readonly Record<string, unknown>[];
  /** A second password slot, for another password. */
  readonly secondPassword?: string;
}

/** Deterministic bytes for keys, salts and nonces: the tests need no randomness to be secret. */
function bytes(length: number, start: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (start + i) % 256));
}

function seal(key: Buffer, nonce: Buffer, plaintext: Buffer): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

function passwordSlot(masterKey: Buffer, password: string, n: number, r: number, p: number, start: number): Record<string, unknown> {
  const salt = bytes(32, start);
  const slotKey = scryptSync(Buffer.from(password, 'utf8'), salt, 32, { N: n, r, p, maxmem: 256 * 1024 * 1024 });
  const nonce = bytes(12, start + 100);
  const { ciphertext, tag } = seal(slotKey, nonce, masterKey);
  return {
    type: 1,
    uuid: '11111111-2222-4333-8444-555555555555',
    key: ciphertext.toString('hex'),
    key_params: { nonce: nonce.toString('hex'), tag: tag.toString('hex') },
    n,
    r,
    p,
    salt: salt.toString('hex'),
    repaired: true,
    is_backup: false,
  };
}

/** An encrypted vault export with one password slot (and the options' other slots). */
export function aegisEncryptedVault(entries: readonly unknown[], password: string, options: AegisEncryptOptions = {}): string {
  const { n = 1024, r = 8, p = 1 } = options;
  const masterKey = bytes(32, 7);
  const content = options.content ?? aegisContent(entries);
  const plaintext = content instanceof Uint8Array ? Buffer.from(content) : Buffer.from(JSON.stringify(content), 'utf8');
  const nonce = bytes(12, 200);
  const { ciphertext, tag } = seal(masterKey, nonce, plaintext);
  const slots = [...(options.otherSlots ?? [])];
  if (options.secondPassword !== undefined) slots.push(passwordSlot(masterKey, options.secondPassword, n, r, p, 50));
  slots.push(passwordSlot(masterKey, password, n, r, p, 1));
  return JSON.stringify(
    { version: 1, header: { slots, params: { nonce: nonce.toString('hex'), tag: tag.toString('hex') } }, db: ciphertext.toString('base64') },
    null,
    4,
  );
}

/** A biometric slot (type 2): same shape as a raw slot, its key wrapped by an Android KeyStore key. */
export const BIOMETRIC_SLOT: Readonly<Record<string, unknown>> = {
  type: 2,
  uuid: '22222222-3333-4444-8555-666666666666',
  key: 'ab'.repeat(32),
  key_params: { nonce: 'cd'.repeat(12), tag: 'ef'.repeat(16) },
};
