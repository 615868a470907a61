import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OtpAlgorithm } from '../../src/core/account.ts';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';
import { encodeBase32 } from '../../src/core/base32.ts';
import { BackupError } from '../../src/core/backup-error.ts';
import type { BackupEnvelope } from '../../src/core/backup-file.ts';
import { createBackup, decryptBackup, isBackupFile, readBackupEnvelope } from '../../src/core/backup-file.ts';
import type { Account, CognitoLink } from '../../src/core/vault.ts';
import { draftOf } from '../support/account-fixtures.ts';
import { fixedRandomBytes } from '../support/fixed-random-bytes.ts';

const PASSWORD = 'property password';
const FAST = 1_000;

const GITHUB: Account = {
  id: 'a1', createdAt: 1, pinned: true, status: 'active',
  type: 'totp', issuer: 'GitHub', name: 'octocat', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
};
const BANK: Account = { ...GITHUB, id: 'a2', pinned: false, type: 'hotp', issuer: 'Bank', name: 'alice', counter: 7 };
const VALID_TEXT = await createBackup([GITHUB, BANK], PASSWORD, {
  randomBytes: fixedRandomBytes(1),
  now: Date.parse('2026-11-23T10:00:00.000Z'),
  iterations: FAST,
});
const VALID_ENVELOPE = readBackupEnvelope(VALID_TEXT);

type Outcome = 'read' | 'rejected';

/** readBackupEnvelope returns or throws a BackupError, and agrees with isBackupFile (which never throws). */
function checkReader(text: string): Outcome {
  let sniffed: boolean;
  try {
    sniffed = isBackupFile(text);
  } catch (error) {
    throw new Error('isBackupFile threw', { cause: error });
  }
  try {
    readBackupEnvelope(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    const { code } = error as BackupError;
    // A file that does not claim to be a backup is never reported as a broken backup, and the reverse.
    expect(sniffed).toBe(code !== 'backup-not-json' && code !== 'backup-not-keystep');
    return 'rejected';
  }
  expect(sniffed).toBe(true);
  return 'read';
}

/** Runs checkReader on every sample and returns how often each outcome happened. */
function tally(arbitrary: fc.Arbitrary<string>, seed: number, numRuns: number): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { read: 0, rejected: 0 };
  fc.assert(
    fc.property(arbitrary, (text) => {
      counts[checkReader(text)] += 1;
    }),
    { seed, numRuns },
  );
  return counts;
}

const TOKENS = [
  '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\uFEFF', '\uD800', 'null', 'true', '0', '1', '2', '-1', '1e9', '0.5',
  '"keystep-backup"', '"format"', '"version"', '"kdf"', '"cipher"', '"iterations"', '"salt"', '"iv"', '"ciphertext"',
  '"AES-256-GCM"', '"PBKDF2-HMAC-SHA256"', '"AAAA"', '"===="', '=', '+', '/', 'A', 'é',
];

/** Every path of the valid envelope, for structural mutations. */
const PATHS: readonly (readonly string[])[] = [
  ['format'], ['version'], ['createdAt'], ['kdf'], ['kdf', 'algorithm'], ['kdf', 'iterations'], ['kdf', 'salt'],
  ['cipher'], ['cipher', 'algorithm'], ['cipher', 'iv'], ['cipher', 'ciphertext'],
];

/** Plausible-looking but often wrong values for any field. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('keystep-backup', 1, 2, 1_000, 600_000, 10_000_001, 'AES-256-GCM', 'PBKDF2-HMAC-SHA256', '2026-01-01'),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => bytesToBase64(bytes)),
);

function mutatedStructure(path: readonly string[], remove: boolean, value: unknown): string {
  const json = JSON.parse(VALID_TEXT) as Record<string, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((object, key) => object[key] as Record<string, unknown>, json);
  const key = path.at(-1)!;
  if (remove) Reflect.deleteProperty(parent, key);
  else parent[key] = value;
  return JSON.stringify(json, null, 2);
}

function mutatedText(edits: readonly (readonly [number, 'insert' | 'delete' | 'replace', string])[]): string {
  return edits.reduce((text, [at, op, token]) => {
    const i = at % (text.length + 1);
    if (op === 'insert') return text.slice(0, i) + token + text.slice(i);
    if (op === 'delete') return text.slice(0, i) + text.slice(i + 1 + (at % 5));
    return text.slice(0, i) + token + text.slice(i + token.length);
  }, VALID_TEXT);
}

describe('readBackupEnvelope and isBackupFile properties', () => {
  it('throw nothing but BackupError on arbitrary strings', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `\uFEFF${s}`),
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join('')),
    );
    expect(tally(text, 0x62616b31, 5000).rejected).toBe(5000);
  });

  it('throw nothing but BackupError on arbitrary JSON values', () => {
    const counts = tally(fc.jsonValue().map((value) => JSON.stringify(value)), 0x62616b32, 5000);
    expect(counts.rejected).toBe(5000);
  });

  it('throw nothing but BackupError on objects that claim to be a backup', () => {
    const object = fc
      .record(
        {
          format: fc.constant('keystep-backup'),
          version: fc.oneof(fc.constant(1), fieldValue),
          createdAt: fc.oneof(fc.constant('2026-11-23T10:00:00.000Z'), fieldValue),
          kdf: fc.oneof(
            fc.constant<unknown>(VALID_ENVELOPE.kdf),
            fc.record({ algorithm: fieldValue, iterations: fieldValue, salt: fieldValue }, { requiredKeys: [] }),
            fieldValue,
          ),
          cipher: fc.oneof(
            fc.constant<unknown>(VALID_ENVELOPE.cipher),
            fc.record({ algorithm: fieldValue, iv: fieldValue, ciphertext: fieldValue }, { requiredKeys: [] }),
            fieldValue,
          ),
        },
        { requiredKeys: ['format'] },
      )
      .map((value) => JSON.stringify(value));
    const counts = tally(object, 0x62616b33, 5000);
    expect(counts.read).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(1000);
  });

  it('throw nothing but BackupError on character edits of a valid backup', () => {
    const edits = fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), fc.constantFrom(...TOKENS)),
      { minLength: 1, maxLength: 4 },
    );
    const counts = tally(edits.map(mutatedText), 0x62616b34, 5000);
    expect(counts.read).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(1000);
  });

  it('throw nothing but BackupError when a field of a valid backup is removed or changes type', () => {
    const mutation = fc
      .tuple(fc.constantFrom(...PATHS), fc.boolean(), fieldValue)
      .map(([path, remove, value]) => mutatedStructure(path, remove, value));
    const counts = tally(mutation, 0x62616b35, 5000);
    expect(counts.read).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(1000);
  });
});

describe('decryptBackup properties', () => {
  it('rejects with BackupError whenever the iv or ciphertext bytes are changed', async () => {
    const iv = base64ToBytes(VALID_ENVELOPE.cipher.iv, 'iv');
    const ciphertext = base64ToBytes(VALID_ENVELOPE.cipher.ciphertext, 'ciphertext');
    const total = iv.length + ciphertext.length;
    const change = fc.oneof(
      // XOR distinct positions of iv || ciphertext with non-zero masks: always a real change.
      fc
        .uniqueArray(fc.tuple(fc.nat({ max: total - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
          selector: ([at]) => at,
        })
        .map((flips) => ({ kind: 'flip' as const, flips })),
      // Cut or extend the ciphertext.
      fc.integer({ min: -ciphertext.length, max: 32 }).filter((n) => n !== 0).map((delta) => ({ kind: 'resize' as const, delta })),
    );
    let wrongPassword = 0;
    await fc.assert(
      fc.asyncProperty(change, async (mutation) => {
        const newIv = Uint8Array.from(iv);
        let newCiphertext = Uint8Array.from(ciphertext);
        if (mutation.kind === 'flip') {
          for (const [at, mask] of mutation.flips) {
            if (at < newIv.length) newIv[at]! ^= mask;
            else newCiphertext[at - newIv.length]! ^= mask;
          }
        } else {
          const length = ciphertext.length + mutation.delta;
          newCiphertext = Uint8Array.from({ length }, (_, i) => ciphertext[i] ?? i);
        }
        const envelope: BackupEnvelope = {
          ...VALID_ENVELOPE,
          cipher: { algorithm: 'AES-256-GCM', iv: bytesToBase64(newIv), ciphertext: bytesToBase64(newCiphertext) },
        };
        const error: unknown = await decryptBackup(envelope, PASSWORD).then(
          () => new Error('a changed backup decrypted'),
          (rejection: unknown) => rejection,
        );
        expect(error).toBeInstanceOf(BackupError);
        expect((error as BackupError).code).toMatch(/^backup-(wrong-password|malformed)$/);
        if ((error as BackupError).code === 'backup-wrong-password') wrongPassword += 1;
      }),
      { seed: 0x62616b36, numRuns: 200 },
    );
    expect(wrongPassword).toBeGreaterThan(100);
  });

  const labelPart = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[:\p{Cc}]|\p{Cs}/gu, '').trim());
  const nonEmpty = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
  const cognito: fc.Arbitrary<CognitoLink> = fc.record(
    { endpoint: nonEmpty, region: nonEmpty, userPoolId: nonEmpty, clientId: nonEmpty, username: nonEmpty },
    { requiredKeys: ['region', 'userPoolId', 'clientId', 'username'] },
  );
  const account: fc.Arbitrary<Account> = fc
    .record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      issuer: labelPart,
      name: labelPart,
      secretBytes: fc.uint8Array({ minLength: 10, maxLength: 64 }),
      algorithm: fc.constantFrom<OtpAlgorithm>('SHA1', 'SHA256', 'SHA512'),
      digits: fc.constantFrom(6, 8),
      period: fc.constantFrom(30, 60),
      counter: fc.maxSafeNat(),
      id: fc.uuid(),
      createdAt: fc.nat(),
      pinned: fc.boolean(),
      status: fc.constantFrom('active' as const, 'pending' as const),
      cognito: fc.option(cognito, { nil: undefined }),
      submitAfterFill: fc.option(fc.boolean(), { nil: undefined }),
    })
    .filter((a) => a.issuer !== '' || a.name !== '')
    .map(({ secretBytes, cognito: link, submitAfterFill, ...a }): Account => ({
      ...a,
      secret: encodeBase32(secretBytes),
      period: a.type === 'totp' ? a.period : 30,
      counter: a.type === 'hotp' ? a.counter : 0,
      ...(link === undefined ? {} : { cognito: link }),
      ...(submitAfterFill === undefined ? {} : { submitAfterFill }),
    }));

  it('createBackup -> readBackupEnvelope -> decryptBackup returns the same accounts in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(account, { maxLength: 6 }),
        fc.string({ unit: 'grapheme', maxLength: 24 }),
        async (accounts, password) => {
          const text = await createBackup(accounts, password, { iterations: FAST });
          const entries = await decryptBackup(readBackupEnvelope(text), password);
          expect(entries).toEqual(
            accounts.map((a, index) => ({
              ok: true,
              index,
              draft: draftOf(a),
              pinned: a.pinned,
              status: a.status,
              ...(a.cognito === undefined ? {} : { cognito: a.cognito }),
              // Off (false or absent) is written as nothing.
              ...(a.submitAfterFill === true ? { submitAfterFill: true } : {}),
            })),
          );
        },
      ),
      { seed: 0x62616b37, numRuns: 50 },
    );
  });
});
