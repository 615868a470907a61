import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';
import { BackupError } from '../../src/core/backup-error.ts';
import type { BackupEntry, BackupEnvelope } from '../../src/core/backup-file.ts';
import {
  BACKUP_AAD,
  createBackup,
  decryptBackup,
  formatOtpauthList,
  isBackupFile,
  readBackupEnvelope,
} from '../../src/core/backup-file.ts';
import { deriveAesKey, newKdfParams, PBKDF2_ITERATIONS } from '../../src/core/kdf.ts';
import { OtpInputError } from '../../src/core/otp-input-error.ts';
import { parseUriList } from '../../src/core/parse-uri-list.ts';
import { sealBytes } from '../../src/core/sealed-box-codec.ts';
import type { CognitoLink } from '../../src/core/vault.ts';
import { fixedRandomBytes } from '../support/fixed-random-bytes.ts';
import { recordingSubtle } from '../support/recording-subtle.ts';
import { rejectionOf } from '../support/rejection-of.ts';
import { thrownBy } from '../support/thrown-by.ts';
import { draftOf } from '../support/account-fixtures.ts';
import { ACCOUNTS, BANK, COGNITO, GITHUB } from '../support/backup-fixture-accounts.ts';

const PASSWORD = 'correct horse battery staple';
const FAST = 1_000;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const SECRETS = ACCOUNTS.map((account) => account.secret);


/**
 * Made once by createBackup(ACCOUNTS, PASSWORD, { randomBytes: fixedRandomBytes(1), now: 2026-11-23T10:00Z,
 * iterations: 1000 }) and frozen here: every later build must still read it. Builds since otpauth writes the
 * URIs (URI.stringify puts the `issuer` parameter before `secret`) write the same envelope around the same
 * payload with the parameters in that order (WRITTEN_URIS).
 */
const FIXTURE = `{
  "format": "keystep-backup",
  "version": 1,
  "createdAt": "2026-11-23T10:00:00.000Z",
  "kdf": {
    "algorithm": "PBKDF2-HMAC-SHA256",
    "iterations": 1000,
    "salt": "AQIDBAUGBwgJCgsMDQ4PEA=="
  },
  "cipher": {
    "algorithm": "AES-256-GCM",
    "iv": "ERITFBUWFxgZGhsc",
    "ciphertext": "Fkg+DDoFCD1M+wBB7NF0SVbs2p9teXUMLdvDtNrQ7BROMS/TEmp+Erlv/YT9rOzeGgAb6iB/FULshUOirSbD20CJZgtg9otjSC2uqW9XbVCrhNWOnayR2Xf8mpC5eYWJSv41dkEQo0bcQ0OeSE5K8I0hLf41XJK9T/ax12ZjEFue25QWVt/+rRro7hpMt35SC40dxs1vKgfisBeUq1YY1vv1j3XJFDoY20ghh+gvlkOUXVlDzyN3JXsEk8lSk1Hx+76K4Oo0XimBPt1YjfrNA36QkAcctwzgaD6F8ATDeUPfe3HbbXwraNNWG/srURanClqPGrv7pSAdDyW3gYFdbz0DaFJMfk3iIzpiRi58uAOKc8sV6FUaYeOUzJay1iwMqxZijTwxjW7osr4o59PfqWcxZpraQlXRkN6NOq8rIAKWkGqHWekMyMbwxN4pL+U/1eOezIcyUS7JRqKXl6OhX9GftRlm0z+lm4nwHt20VYoHw/enzaTwXl41neqOH5hdqWbnf7frXA49m5nAw1oBri7QQcyu9EP8RNbovePLvK1GCQXWe7uxSq2y5jwrc+4KQfcxGNS/xpcBjNkTfIBRHcNfCbLfMlz7YtO8vS5DV2gqReLUaGJ5dGHy1IGlys62hD4zm20vLv3sUR6xjhv2f+mL5GGvYtls1+pERAuk+/Y1Gjr47StBdv+xwr8zYpHB8ayB9cNrk0CiLdYDEN7sMEnCPuJ0L3YjQpCX0UN77Z17DKNJho8gWNbvlbWOwmYDnq8V+WT6g7c+cZfkHOy1+gM89gLgWkgHuaf0OBT+gnbHaSEX1fOlqDx5fsUR2DeYMaba/issqbgAJIX4YEcIolXPsMjxIpiSnzgWE3BVHZEO1Ik="
  }
}
`;

/** The fixture's plaintext, written out by hand from the documented payload format. */
const FIXTURE_PAYLOAD = {
  accounts: [
    {
      uri: 'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&algorithm=SHA1&digits=6&period=30',
      pinned: true,
      status: 'active',
    },
    {
      uri: 'otpauth://hotp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY&issuer=Bank&algorithm=SHA256&digits=8&counter=42',
      pinned: false,
      status: 'active',
    },
    {
      uri: 'otpauth://totp/cognito-demo:demo%40example.com?secret=AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPQ&issuer=cognito-demo&algorithm=SHA1&digits=6&period=30',
      pinned: false,
      status: 'pending',
      cognito: { region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEfGhI', clientId: '1example23456789', username: 'demo@example.com' },
    },
  ],
};

/** FIXTURE_PAYLOAD's URIs as formatOtpauthUri writes them now. */
const WRITTEN_URIS = [
  'otpauth://totp/GitHub:octocat?issuer=GitHub&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  'otpauth://hotp/Bank:alice?issuer=Bank&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY&algorithm=SHA256&digits=8&counter=42',
  'otpauth://totp/cognito-demo:demo%40example.com?issuer=cognito-demo&secret=AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPQ&algorithm=SHA1&digits=6&period=30',
];

/** The plaintext of a backup file's text, decrypted as documented with an independent PBKDF2 and AES-256-GCM (OpenSSL). */
function opensslPlaintext(text: string): unknown {
  const { kdf, cipher } = JSON.parse(text) as { kdf: Record<string, string>; cipher: Record<string, string> };
  const key = pbkdf2Sync(PASSWORD.normalize('NFC'), Buffer.from(kdf.salt!, 'base64'), Number(kdf.iterations), 32, 'sha256');
  const data = Buffer.from(cipher.ciphertext!, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(cipher.iv!, 'base64'));
  decipher.setAAD(Buffer.from('keystep-backup/v1', 'utf8'));
  decipher.setAuthTag(data.subarray(-16));
  return JSON.parse(Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString('utf8'));
}

/** A backup file whose encrypted part is `plaintext` as given, to test what decryptBackup does with odd payloads. */
async function backupOfPlaintext(plaintext: Uint8Array): Promise<BackupEnvelope> {
  const kdf = newKdfParams(undefined, FAST);
  const box = await sealBytes(await deriveAesKey(PASSWORD, kdf), plaintext, BACKUP_AAD);
  return { format: 'keystep-backup', version: 1, createdAt: '2026-01-01T00:00:00.000Z', kdf, cipher: { algorithm: 'AES-256-GCM', ...box } };
}
const backupOfPayload = (payload: unknown): Promise<BackupEnvelope> => backupOfPlaintext(utf8(JSON.stringify(payload)));

function expectNoSecrets(error: Error): void {
  for (const secret of [PASSWORD, ...SECRETS]) expect(error.message).not.toContain(secret);
}

describe('createBackup / readBackupEnvelope / decryptBackup', () => {
  it('round-trips TOTP, HOTP and a pending Cognito account, field by field and in order', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, { iterations: FAST });
    const entries = await decryptBackup(readBackupEnvelope(text), PASSWORD);
    expect(entries).toHaveLength(3);
    entries.forEach((entry, index) => {
      const account = ACCOUNTS[index]!;
      if (!entry.ok) throw entry.error;
      expect(entry.index).toBe(index);
      expect(entry.draft).toEqual(draftOf(account));
      expect(entry.pinned).toBe(account.pinned);
      expect(entry.status).toBe(account.status);
      expect(entry.cognito).toEqual(account.cognito);
      expect('cognito' in entry).toBe(account.cognito !== undefined);
    });
  });

  it('writes 2-space JSON with a trailing newline, and no secret in clear', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, { iterations: FAST });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "kdf": {\n    "algorithm"');
    for (const secret of [PASSWORD, ...SECRETS]) expect(text).not.toContain(secret);
    expect(text).not.toContain('octocat');
  });

  it('uses the default 3,000,000 iterations, a fresh salt and iv, and the current time', async () => {
    const before = Date.now();
    const [a, b] = [await createBackup([GITHUB], PASSWORD), await createBackup([GITHUB], PASSWORD)];
    const envelope = readBackupEnvelope(a);
    expect(envelope.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(envelope.kdf.salt).not.toBe(readBackupEnvelope(b).kdf.salt);
    expect(envelope.cipher.iv).not.toBe(readBackupEnvelope(b).cipher.iv);
    expect(Date.parse(envelope.createdAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(envelope.createdAt)).toBeLessThanOrEqual(Date.now());
    const [entry] = await decryptBackup(envelope, PASSWORD);
    expect(entry).toMatchObject({ ok: true, draft: draftOf(GITHUB) });
  });

  it('backs up an empty vault', async () => {
    const text = await createBackup([], PASSWORD, { iterations: FAST });
    expect(await decryptBackup(readBackupEnvelope(text), PASSWORD)).toEqual([]);
  });

  it('round-trips the sites of an account, and writes none for an account without', async () => {
    const sites = ['https://github.com', 'http://127.0.0.1:8080'];
    const text = await createBackup([{ ...GITHUB, sites }, BANK, { ...COGNITO, sites: [] }], PASSWORD, { iterations: FAST });
    const entries = await decryptBackup(readBackupEnvelope(text), PASSWORD);
    expect(entries[0]).toMatchObject({ ok: true, sites });
    expect(entries.slice(1).map((entry) => 'sites' in entry)).toEqual([false, false]);
  });

  it('round-trips submitting after filling as true, and writes nothing for an account with it off', async () => {
    const text = await createBackup([{ ...GITHUB, submitAfterFill: true }, BANK, { ...COGNITO, submitAfterFill: false }], PASSWORD, { iterations: FAST });
    const entries = await decryptBackup(readBackupEnvelope(text), PASSWORD);
    expect(entries.map((entry) => (entry.ok ? entry.submitAfterFill : undefined))).toEqual([true, undefined, undefined]);
    expect(entries.slice(1).map((entry) => 'submitAfterFill' in entry)).toEqual([false, false]);
  });

  it('keeps only the four Cognito link fields', async () => {
    const cognito = { ...COGNITO.cognito!, extra: 'x' } as CognitoLink;
    const text = await createBackup([{ ...COGNITO, cognito }], PASSWORD, { iterations: FAST });
    const [entry] = await decryptBackup(readBackupEnvelope(text), PASSWORD);
    expect(entry).toMatchObject({ ok: true, cognito: COGNITO.cognito });
    expect(entry?.ok === true ? Object.keys(entry.cognito ?? {}) : []).toEqual(['region', 'userPoolId', 'clientId', 'username']);
  });

  it('keeps the endpoint of an account enrolled through a custom endpoint', async () => {
    const cognito: CognitoLink = { ...COGNITO.cognito!, endpoint: 'http://127.0.0.1:9229' };
    const text = await createBackup([{ ...COGNITO, cognito }], PASSWORD, { iterations: FAST });
    const [entry] = await decryptBackup(readBackupEnvelope(text), PASSWORD);
    expect(entry).toMatchObject({ ok: true, cognito });
    expect(entry?.ok === true ? Object.keys(entry.cognito ?? {}) : []).toEqual(['endpoint', 'region', 'userPoolId', 'clientId', 'username']);
  });

  it.each([
    ['another password', `${PASSWORD}.`],
    ['an empty password', ''],
    ['the password in NFD where it differs', 'cafe\u0301'],
  ])('rejects %s with backup-wrong-password', async (_case, password) => {
    const error = await rejectionOf(decryptBackup(readBackupEnvelope(FIXTURE), password), BackupError);
    expect(error.code).toBe('backup-wrong-password');
    expectNoSecrets(error);
  });

  it.each<[string, (envelope: BackupEnvelope) => BackupEnvelope]>([
    ['a flipped ciphertext byte', (e) => ({ ...e, cipher: { ...e.cipher, ciphertext: flipByte(e.cipher.ciphertext, 100) } })],
    ['a flipped tag byte', (e) => ({ ...e, cipher: { ...e.cipher, ciphertext: flipByte(e.cipher.ciphertext, -1) } })],
    ['a flipped iv byte', (e) => ({ ...e, cipher: { ...e.cipher, iv: flipByte(e.cipher.iv, 0) } })],
    ['another salt', (e) => ({ ...e, kdf: { ...e.kdf, salt: flipByte(e.kdf.salt, 3) } })],
    ['another iteration count', (e) => ({ ...e, kdf: { ...e.kdf, iterations: e.kdf.iterations + 1 } })],
  ])('rejects a backup with %s as backup-wrong-password (AES-GCM cannot tell tampering apart)', async (_case, tamper) => {
    const error = await rejectionOf(decryptBackup(tamper(readBackupEnvelope(FIXTURE)), PASSWORD), BackupError);
    expect(error.code).toBe('backup-wrong-password');
    expectNoSecrets(error);
  });

  it('checks an envelope it did not read itself', async () => {
    const envelope = { ...readBackupEnvelope(FIXTURE), kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 1e9, salt: 'AAAA' } };
    const error = await rejectionOf(decryptBackup(envelope as BackupEnvelope, PASSWORD), BackupError);
    expect(error).toMatchObject({ code: 'backup-malformed', field: 'kdf.iterations' });
  });
});

describe('the backup key', () => {
  it('is derived as a non-extractable key and used as it is, never as bytes, to write and to read', async () => {
    const writing = recordingSubtle();
    const text = await createBackup([GITHUB], PASSWORD, { iterations: FAST, subtle: writing.subtle });
    const reading = recordingSubtle();
    await decryptBackup(readBackupEnvelope(text), PASSWORD, { subtle: reading.subtle });
    expect(writing.calls).toEqual(['importKey', 'deriveKey PBKDF2', 'encrypt AES-GCM']);
    expect(reading.calls).toEqual(['importKey', 'deriveKey PBKDF2', 'decrypt AES-GCM']);
  });
});

describe('the frozen version 1 fixture', () => {
  it('is what createBackup still writes with the same randomness and time, the URIs in the order otpauth writes', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, {
      randomBytes: fixedRandomBytes(1),
      now: Date.parse('2026-11-23T10:00:00.000Z'),
      iterations: FAST,
    });
    // Byte for byte outside the ciphertext; inside it, the same payload with the URIs as otpauth writes them.
    const outsideCiphertext = (file: string): string => file.replace(/"ciphertext": "[^"]*"/, '"ciphertext": ""');
    expect(outsideCiphertext(text)).toBe(outsideCiphertext(FIXTURE));
    expect(opensslPlaintext(text)).toEqual({ accounts: FIXTURE_PAYLOAD.accounts.map((account, i) => ({ ...account, uri: WRITTEN_URIS[i] })) });
  });

  it('has exactly the documented structure', () => {
    const json = JSON.parse(FIXTURE) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'createdAt', 'kdf', 'cipher']);
    expect(json.format).toBe('keystep-backup');
    expect(json.version).toBe(1);
    expect(json.createdAt).toBe('2026-11-23T10:00:00.000Z');
    expect(Object.keys(json.kdf!)).toEqual(['algorithm', 'iterations', 'salt']);
    expect(json.kdf!.algorithm).toBe('PBKDF2-HMAC-SHA256');
    expect(base64ToBytes(json.kdf!.salt as string, 'salt')).toHaveLength(16);
    expect(Object.keys(json.cipher!)).toEqual(['algorithm', 'iv', 'ciphertext']);
    expect(json.cipher!.algorithm).toBe('AES-256-GCM');
    expect(base64ToBytes(json.cipher!.iv as string, 'iv')).toHaveLength(12);
    expect(readBackupEnvelope(FIXTURE)).toEqual(json);
  });

  it('decrypts with decryptBackup', async () => {
    const entries = await decryptBackup(readBackupEnvelope(FIXTURE), PASSWORD);
    expect(entries.map((entry) => (entry.ok ? draftOf(entry.draft) : entry.error))).toEqual(ACCOUNTS.map(draftOf));
    // Made before accounts could submit after filling: every account reads as off.
    expect(entries.some((entry) => 'submitAfterFill' in entry)).toBe(false);
  });

  it('decrypts as documented with an independent PBKDF2 and AES-256-GCM (OpenSSL)', () => {
    expect(opensslPlaintext(FIXTURE)).toEqual(FIXTURE_PAYLOAD);
  });
});

/** Byte `at` (negative: from the end) of a Base64 string flipped. */
function flipByte(base64: string, at: number): string {
  const bytes = base64ToBytes(base64, 'x');
  bytes[at < 0 ? bytes.length + at : at]! ^= 0x01;
  return bytesToBase64(bytes);
}

describe('readBackupEnvelope', () => {
  const valid = (): Record<string, Record<string, unknown>> => JSON.parse(FIXTURE) as Record<string, Record<string, unknown>>;
  const edit = (change: (json: Record<string, Record<string, unknown>>) => void): string => {
    const json = valid();
    change(json);
    return JSON.stringify(json);
  };
  const b64 = (length: number): string => bytesToBase64(new Uint8Array(length).fill(1));

  it.each<[string, string, BackupError['code'], string | undefined]>([
    ['not JSON', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'backup-not-json', undefined],
    ['empty', '', 'backup-not-json', undefined],
    ['truncated JSON', FIXTURE.slice(0, 100), 'backup-not-json', undefined],
    ['two BOMs', `\uFEFF\uFEFF${FIXTURE}`, 'backup-not-json', undefined],
    ['a JSON array', `[${FIXTURE}]`, 'backup-not-keystep', undefined],
    ['JSON null', 'null', 'backup-not-keystep', undefined],
    ['a JSON string', '"keystep-backup"', 'backup-not-keystep', undefined],
    ['a JSON number', '1', 'backup-not-keystep', undefined],
    ['no format', edit((j) => delete j.format), 'backup-not-keystep', 'format'],
    ['another format', edit((j) => ((j as Record<string, unknown>).format = 'keystep-vault')), 'backup-not-keystep', 'format'],
    ['format in upper case', edit((j) => ((j as Record<string, unknown>).format = 'KEYSTEP-BACKUP')), 'backup-not-keystep', 'format'],
    ['version 2', edit((j) => ((j as Record<string, unknown>).version = 2)), 'backup-version-newer', 'version'],
    ['version 100', edit((j) => ((j as Record<string, unknown>).version = 100)), 'backup-version-newer', 'version'],
    ['no version', edit((j) => delete j.version), 'backup-malformed', 'version'],
    ['version as a string', edit((j) => ((j as Record<string, unknown>).version = '1')), 'backup-malformed', 'version'],
    ['version 1.5', edit((j) => ((j as Record<string, unknown>).version = 1.5)), 'backup-malformed', 'version'],
    ['version 0', edit((j) => ((j as Record<string, unknown>).version = 0)), 'backup-malformed', 'version'],
    ['no createdAt', edit((j) => delete j.createdAt), 'backup-malformed', 'createdAt'],
    ['createdAt not a date', edit((j) => ((j as Record<string, unknown>).createdAt = 'yesterday')), 'backup-malformed', 'createdAt'],
    ['createdAt as a number', edit((j) => ((j as Record<string, unknown>).createdAt = 1_700_000_000_000)), 'backup-malformed', 'createdAt'],
    ['no kdf', edit((j) => delete j.kdf), 'backup-malformed', 'kdf'],
    ['kdf as a string', edit((j) => ((j as Record<string, unknown>).kdf = 'PBKDF2')), 'backup-malformed', 'kdf'],
    ['kdf algorithm PBKDF2-HMAC-SHA1', edit((j) => (j.kdf!.algorithm = 'PBKDF2-HMAC-SHA1')), 'backup-malformed', 'kdf.algorithm'],
    ['kdf algorithm scrypt', edit((j) => (j.kdf!.algorithm = 'scrypt')), 'backup-malformed', 'kdf.algorithm'],
    ['iterations 0', edit((j) => (j.kdf!.iterations = 0)), 'backup-malformed', 'kdf.iterations'],
    ['iterations 999', edit((j) => (j.kdf!.iterations = 999)), 'backup-malformed', 'kdf.iterations'],
    ['iterations 10,000,001', edit((j) => (j.kdf!.iterations = 10_000_001)), 'backup-malformed', 'kdf.iterations'],
    ['iterations 1e100', edit((j) => (j.kdf!.iterations = 1e100)), 'backup-malformed', 'kdf.iterations'],
    ['iterations as a string', edit((j) => (j.kdf!.iterations = '600000')), 'backup-malformed', 'kdf.iterations'],
    ['no iterations', edit((j) => delete j.kdf!.iterations), 'backup-malformed', 'kdf.iterations'],
    ['salt not Base64', edit((j) => (j.kdf!.salt = 'salt-not-base64!')), 'backup-malformed', 'kdf.salt'],
    ['salt of 8 bytes', edit((j) => (j.kdf!.salt = b64(8))), 'backup-malformed', 'kdf.salt'],
    ['no salt', edit((j) => delete j.kdf!.salt), 'backup-malformed', 'kdf.salt'],
    ['no cipher', edit((j) => delete j.cipher), 'backup-malformed', 'cipher'],
    ['cipher as an array', edit((j) => ((j as Record<string, unknown>).cipher = [])), 'backup-malformed', 'cipher'],
    ['cipher algorithm AES-CBC', edit((j) => (j.cipher!.algorithm = 'AES-CBC')), 'backup-malformed', 'cipher.algorithm'],
    ['cipher algorithm AES-128-GCM', edit((j) => (j.cipher!.algorithm = 'AES-128-GCM')), 'backup-malformed', 'cipher.algorithm'],
    ['no cipher algorithm', edit((j) => delete j.cipher!.algorithm), 'backup-malformed', 'cipher.algorithm'],
    ['iv of 11 bytes', edit((j) => (j.cipher!.iv = b64(11))), 'backup-malformed', 'cipher.iv'],
    ['iv of 16 bytes', edit((j) => (j.cipher!.iv = b64(16))), 'backup-malformed', 'cipher.iv'],
    ['iv not Base64', edit((j) => (j.cipher!.iv = '~~~~~~~~~~~~~~~~')), 'backup-malformed', 'cipher.iv'],
    ['no iv', edit((j) => delete j.cipher!.iv), 'backup-malformed', 'cipher.iv'],
    ['ciphertext empty', edit((j) => (j.cipher!.ciphertext = '')), 'backup-malformed', 'cipher.ciphertext'],
    ['ciphertext of 15 bytes', edit((j) => (j.cipher!.ciphertext = b64(15))), 'backup-malformed', 'cipher.ciphertext'],
    ['ciphertext as a number', edit((j) => (j.cipher!.ciphertext = 42)), 'backup-malformed', 'cipher.ciphertext'],
    ['ciphertext base64url', edit((j) => (j.cipher!.ciphertext = (j.cipher!.ciphertext as string).replace(/\+/g, '-'))), 'backup-malformed', 'cipher.ciphertext'],
  ])('rejects %s', (_case, text, code, field) => {
    const error = thrownBy(() => readBackupEnvelope(text), BackupError);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    if (field !== undefined) expect(error.message).toContain(field.split('.').at(-1));
    expectNoSecrets(error);
    // isBackupFile says yes exactly when the file claims to be a Keystep backup.
    expect(isBackupFile(text)).toBe(code !== 'backup-not-json' && code !== 'backup-not-keystep');
  });

  it.each([
    ['a UTF-8 BOM', `\uFEFF${FIXTURE}`],
    ['CRLF line ends', FIXTURE.replace(/\n/g, '\r\n')],
    ['minified JSON', JSON.stringify(JSON.parse(FIXTURE))],
    ['unknown fields', edit((j) => ((j as Record<string, unknown>).comment = 'made by hand'))],
    ['an unpadded iv and salt', edit((j) => (j.kdf!.salt = (j.kdf!.salt as string).replace(/=+$/, '')))],
  ])('accepts %s', async (_case, text) => {
    expect(isBackupFile(text)).toBe(true);
    const envelope = readBackupEnvelope(text);
    expect(envelope.cipher).toEqual(readBackupEnvelope(FIXTURE).cipher);
    expect(await decryptBackup(envelope, PASSWORD)).toHaveLength(3);
  });
});

describe('decryptBackup payloads', () => {
  it('reports one bad URI as that entry, and still reads the others', async () => {
    const payload = {
      accounts: [
        FIXTURE_PAYLOAD.accounts[0],
        { uri: 'otpauth://totp/Bad:one?secret=JBSWY3DPEHPK3PX1&issuer=Bad', pinned: false, status: 'active' },
        FIXTURE_PAYLOAD.accounts[2],
      ],
    };
    const entries = await decryptBackup(await backupOfPayload(payload), PASSWORD);
    expect(entries.map((entry) => entry.ok)).toEqual([true, false, true]);
    const bad = entries[1]!;
    if (bad.ok) throw new Error('expected a bad entry');
    expect(bad.index).toBe(1);
    expect(bad.error).toBeInstanceOf(OtpInputError);
    expect(bad.error).toMatchObject({ code: 'secret-invalid-char', field: 'secret' });
    expect(entries[2]).toMatchObject({ ok: true, index: 2, draft: draftOf(COGNITO), status: 'pending', cognito: COGNITO.cognito });
  });

  it('reads a repeated site once', async () => {
    const [entry] = await decryptBackup(await backupOfPayload({ accounts: [{ uri: FIXTURE_PAYLOAD.accounts[0]!.uri, sites: ['https://github.com', 'https://github.com'] }] }), PASSWORD);
    expect(entry).toMatchObject({ ok: true, sites: ['https://github.com'] });
  });

  it('reads submitAfterFill false as off, leaving it out', async () => {
    const [entry] = await decryptBackup(await backupOfPayload({ accounts: [{ uri: FIXTURE_PAYLOAD.accounts[1]!.uri, submitAfterFill: false }] }), PASSWORD);
    expect(entry).toEqual<BackupEntry>({ ok: true, index: 0, draft: draftOf(BANK), pinned: false, status: 'active' });
  });

  it('defaults a missing pinned to false and a missing status to active', async () => {
    const entries = await decryptBackup(await backupOfPayload({ accounts: [{ uri: FIXTURE_PAYLOAD.accounts[1]!.uri }] }), PASSWORD);
    expect(entries).toEqual<BackupEntry[]>([{ ok: true, index: 0, draft: draftOf(BANK), pinned: false, status: 'active' }]);
  });

  const uri = FIXTURE_PAYLOAD.accounts[0]!.uri;
  const cognito = COGNITO.cognito!;
  it.each<[string, unknown, string]>([
    ['a number', 42, 'accounts[0]'],
    ['null', null, 'accounts[0]'],
    ['a bare URI string', uri, 'accounts[0]'],
    ['no uri', { pinned: true }, 'accounts[0].uri'],
    ['uri as an array', { uri: [uri] }, 'accounts[0].uri'],
    ['pinned as a string', { uri, pinned: 'yes' }, 'accounts[0].pinned'],
    ['pinned null', { uri, pinned: null }, 'accounts[0].pinned'],
    ['an unknown status', { uri, status: 'deleted' }, 'accounts[0].status'],
    ['status in upper case', { uri, status: 'ACTIVE' }, 'accounts[0].status'],
    ['cognito null', { uri, cognito: null }, 'accounts[0].cognito'],
    ['cognito as a string', { uri, cognito: 'eu-west-1' }, 'accounts[0].cognito'],
    ['cognito without region', { uri, cognito: { ...cognito, region: undefined } }, 'accounts[0].cognito.region'],
    ['cognito with an empty userPoolId', { uri, cognito: { ...cognito, userPoolId: '' } }, 'accounts[0].cognito.userPoolId'],
    ['cognito with a blank clientId', { uri, cognito: { ...cognito, clientId: '  ' } }, 'accounts[0].cognito.clientId'],
    ['cognito with a numeric username', { uri, cognito: { ...cognito, username: 7 } }, 'accounts[0].cognito.username'],
    ['cognito with an empty endpoint', { uri, cognito: { ...cognito, endpoint: '' } }, 'accounts[0].cognito.endpoint'],
    ['cognito with an endpoint that is not text', { uri, cognito: { ...cognito, endpoint: ['http://127.0.0.1:9229'] } }, 'accounts[0].cognito.endpoint'],
    ['sites as a string', { uri, sites: 'https://github.com' }, 'accounts[0].sites'],
    ['a site with a path (not an origin)', { uri, sites: ['https://github.com/login'] }, 'accounts[0].sites[0]'],
    ['a site in upper case (not canonical)', { uri, sites: ['https://github.com', 'https://GitHub.com'] }, 'accounts[0].sites[1]'],
    ['a site on plain http', { uri, sites: ['http://github.com'] }, 'accounts[0].sites[0]'],
    ['a numeric site', { uri, sites: [443] }, 'accounts[0].sites[0]'],
    ['submitAfterFill as a string', { uri, submitAfterFill: 'true' }, 'accounts[0].submitAfterFill'],
    ['submitAfterFill as a number', { uri, submitAfterFill: 1 }, 'accounts[0].submitAfterFill'],
    ['submitAfterFill null', { uri, submitAfterFill: null }, 'accounts[0].submitAfterFill'],
  ])('reports an entry that is %s as backup-payload-invalid with its field', async (_case, entry, field) => {
    const [result, next] = await decryptBackup(await backupOfPayload({ accounts: [entry, FIXTURE_PAYLOAD.accounts[1]] }), PASSWORD);
    if (result === undefined || result.ok) throw new Error('expected a bad entry');
    expect(result.error).toBeInstanceOf(BackupError);
    expect(result.error).toMatchObject({ code: 'backup-payload-invalid', field });
    expectNoSecrets(result.error);
    expect(next).toMatchObject({ ok: true, index: 1, draft: draftOf(BANK) });
  });

  it.each<[string, Uint8Array, string | undefined]>([
    ['not UTF-8', Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d), undefined],
    ['not JSON', utf8(`{"accounts": [{"uri": "otpauth://totp/x?secret=${SECRETS[0]!}"`), undefined],
    ['JSON null', utf8('null'), 'accounts'],
    ['a JSON array', utf8(JSON.stringify(FIXTURE_PAYLOAD.accounts)), 'accounts'],
    ['an object without accounts', utf8('{}'), 'accounts'],
    ['accounts as an object', utf8(JSON.stringify({ accounts: { 0: FIXTURE_PAYLOAD.accounts[0] } })), 'accounts'],
  ])('rejects a decrypted payload that is %s as backup-payload-invalid, without quoting it', async (_case, plaintext, field) => {
    const error = await rejectionOf(decryptBackup(await backupOfPlaintext(plaintext), PASSWORD), BackupError);
    expect(error.code).toBe('backup-payload-invalid');
    expect(error.field).toBe(field);
    expectNoSecrets(error);
  });
});

describe('isBackupFile', () => {
  it.each([
    ['the fixture', FIXTURE, true],
    ['the fixture after a BOM and blank lines', `\uFEFF\n\n  ${FIXTURE}`, true],
    ['a minimal claim', '{"format":"keystep-backup"}', true],
    ['an otpauth URI list', formatOtpauthList(ACCOUNTS), false],
    ['empty text', '', false],
    ['broken JSON', '{"format":"keystep-backup"', false],
    ['another format', '{"format":"aegis"}', false],
    ['an array', '[{"format":"keystep-backup"}]', false],
    ['a string', '"keystep-backup"', false],
  ])('%s: %s', (_case, text, expected) => {
    expect(isBackupFile(text)).toBe(expected);
  });
});

describe('formatOtpauthList', () => {
  it('writes one URI per line with LF, which parseUriList reads back to the same drafts', () => {
    const text = formatOtpauthList(ACCOUNTS);
    expect(text.split('\n')).toEqual([...WRITTEN_URIS, '']);
    const lines = parseUriList(text);
    expect(lines.map((line) => line.line)).toEqual([1, 2, 3]);
    expect(lines.map((line) => (line.ok ? line.draft : line.error))).toEqual(ACCOUNTS.map(draftOf));
  });

  it('is empty for no accounts', () => {
    expect(formatOtpauthList([])).toBe('');
  });
});
