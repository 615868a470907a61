// Writes exports of the "Authenticator" browser extension for tests, from its public source
// (https://github.com/Authenticator-Extension/Authenticator, src/models/storage.ts getOTPStorageFromEntry and
// src/components/Popup/BackupPage.vue getBackupFile): entries keyed by hash, default values left out, CRLF lines.
import type { AccountDraft } from '../../src/core/account.ts';

/** The hash (key) of entry n: a version 4 UUID, as the extension gives new entries. */
export const entryHash = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An entry for a draft as the extension stores it (period 30, digits 6 and SHA1 omitted); `overrides` win. */
export function authenticatorEntry(draft: AccountDraft, index: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account: draft.name,
    encrypted: false,
    hash: entryHash(index),
    index,
    issuer: draft.issuer,
    secret: draft.secret,
    type: draft.type,
    ...(draft.type === 'hotp' ? { counter: draft.counter } : {}),
    ...(draft.type === 'totp' && draft.period !== 30 ? { period: draft.period } : {}),
    ...(draft.digits !== 6 ? { digits: draft.digits } : {}),
    ...(draft.algorithm !== 'SHA1' ? { algorithm: draft.algorithm } : {}),
    dataType: 'OTPStorage',
    ...overrides,
  };
}

/** The export file's text: `entries` keyed by their `hash` (or by `hash-<n>` when they have none), CRLF lines. */
export function authenticatorExport(entries: readonly unknown[], extra: Record<string, unknown> = {}): string {
  const data: Record<string, unknown> = {};
  entries.forEach((entry, n) => {
    const hash = typeof entry === 'object' && entry !== null && 'hash' in entry && typeof entry.hash === 'string' ? entry.hash : `hash-${n}`;
    data[hash] = entry;
  });
  return JSON.stringify({ ...data, ...extra }, null, 2).replace(/\n/g, '\r\n');
}

/** An encrypted export (version 3 encryption): entries as EncOTPStorage, the key record among them. */
export function authenticatorEncryptedExport(count: number): string {
  const entries = Array.from({ length: count }, (_, n) => ({ dataType: 'EncOTPStorage', keyId: 'key-1', data: 'U2FsdGVkX1+AAAAAAAAAAA==', index: n, hash: entryHash(n) }));
  return authenticatorExport(entries, { 'key-1': { dataType: 'Key', id: 'key-1', salt: 'c2FsdA==', hash: '$argon2id$v=19$m=16,t=2,p=1$x', version: 3 } });
}
