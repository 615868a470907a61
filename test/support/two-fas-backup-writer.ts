// Writes 2FAS backups (.2fas) for tests, from 2FAS's public source (https://github.com/twofas/2fas-android:
// BackupContent.kt, BackupService.kt, BackupCipherImpl.kt, BackupKeyGeneratorPbkdf.kt), with Node's own crypto.
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import type { AccountDraft } from '../../src/core/account.ts';

/** A 2FAS service for a draft, as 2FAS for Android writes one; `overrides` replace top-level fields, `otp` otp fields. */
export function twoFasService(
  draft: AccountDraft,
  overrides: Record<string, unknown> = {},
  otp: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: draft.issuer,
    secret: draft.secret,
    updatedAt: 1_704_874_073_731,
    serviceTypeID: null,
    otp: {
      label: draft.issuer === '' ? draft.name : `${draft.issuer}:${draft.name}`,
      account: draft.name,
      issuer: draft.issuer,
      digits: draft.digits,
      period: draft.period,
      algorithm: draft.algorithm,
      ...(draft.type === 'hotp' ? { counter: draft.counter } : {}),
      tokenType: draft.type.toUpperCase(),
      source: 'Link',
      ...otp,
    },
    order: { position: 0 },
    icon: { selected: 'Label', label: { text: 'GI', backgroundColor: 'Orange' }, iconCollection: { id: 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad' } },
    ...overrides,
  };
}

function backup(fields: Record<string, unknown>, schemaVersion: number): Record<string, unknown> {
  return {
    services: [],
    groups: [],
    updatedAt: 1_704_874_073_731,
    schemaVersion,
    appVersionCode: 5_000_000,
    appVersionName: '5.0.0',
    appOrigin: 'android',
    ...fields,
  };
}

/** A plain backup holding `services`. */
export function twoFasPlainBackup(services: readonly unknown[], options: { readonly schemaVersion?: number } = {}): string {
  return JSON.stringify(backup({ services }, options.schemaVersion ?? 4));
}

/** Deterministic bytes (tests need no secret randomness). */
function bytes(length: number, start: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (start + i) % 256));
}

function encryptPart(key: Buffer, plaintext: Buffer, salt: Buffer, iv: Buffer): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${data.toString('base64')}:${salt.toString('base64')}:${iv.toString('base64')}`;
}

/**
 * A password-encrypted backup: `services` empty, `servicesEncrypted` and `reference` each
 * "Base64(ciphertext + tag):Base64(salt):Base64(iv)" under PBKDF2-HMAC-SHA256(password, salt, 10,000).
 * @param plaintext what to encrypt instead of the services' JSON (to test odd payloads).
 */
export function twoFasEncryptedBackup(services: readonly unknown[], password: string, options: { readonly plaintext?: Uint8Array } = {}): string {
  const salt = bytes(256, 3);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, 10_000, 32, 'sha256');
  const servicesEncrypted = encryptPart(key, Buffer.from(options.plaintext ?? new TextEncoder().encode(JSON.stringify(services))), salt, bytes(12, 40));
  const reference = encryptPart(key, Buffer.from('tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3', 'utf8'), salt, bytes(12, 90));
  return JSON.stringify(backup({ servicesEncrypted, reference }, 4));
}
