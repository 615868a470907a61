import { pbkdf2Sync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';
import { deriveAesKey, newKdfParams, PBKDF2_ITERATIONS } from '../../src/core/kdf.ts';
import { KDF_ITERATION_RANGE, parseKdfParams } from '../../src/core/parse-kdf-params.ts';
import type { KdfParams } from '../../src/core/kdf-params.ts';
import { VaultCryptoError } from '../../src/core/vault-crypto-error.ts';
import { fingerprintOfBytes, fingerprintOfKey } from '../support/aes-key-fingerprint.ts';
import { fixedRandomBytes } from '../support/fixed-random-bytes.ts';
import { recordingSubtle } from '../support/recording-subtle.ts';
import { rejectionOf } from '../support/rejection-of.ts';
import { thrownBy } from '../support/thrown-by.ts';

const params = (salt: string | Uint8Array, iterations: number): KdfParams => ({
  algorithm: 'PBKDF2-HMAC-SHA256',
  iterations,
  salt: bytesToBase64(typeof salt === 'string' ? new TextEncoder().encode(salt) : salt),
});
const SALT_16 = bytesToBase64(new Uint8Array(16).fill(7));

describe('deriveAesKey', () => {
  // RFC 7914 section 11 (https://www.rfc-editor.org/rfc/rfc7914#section-11), PBKDF2-HMAC-SHA256 with dkLen 64.
  // deriveAesKey derives 32 bytes, and PBKDF2 output is a prefix-stable concatenation of blocks
  // (RFC 8018 section 5.2), so the key must be the first 32 published bytes. It cannot be exported, so the
  // test compares what it encrypts with what those bytes encrypt in OpenSSL.
  it.each([
    [
      'passwd',
      'salt',
      1,
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    ],
    [
      'Password',
      'NaCl',
      80_000,
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    ],
  ])('RFC 7914: P=%j S=%j c=%i', async (password, salt, iterations, dk64) => {
    const key = await deriveAesKey(password, params(salt, iterations));
    expect(await fingerprintOfKey(key)).toBe(fingerprintOfBytes(dk64.slice(0, 64)));
  });

  it('matches OpenSSL (node:crypto pbkdf2Sync) on arbitrary passwords and salts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.uint8Array({ minLength: 16, maxLength: 64 }),
        fc.integer({ min: 1, max: 50 }),
        async (password, salt, iterations) => {
          const key = await deriveAesKey(password, params(salt, iterations));
          expect(await fingerprintOfKey(key)).toBe(fingerprintOfBytes(pbkdf2Sync(password.normalize('NFC'), salt, iterations, 32, 'sha256')));
        },
      ),
      { seed: 0x6b646631, numRuns: 200 },
    );
  });

  it.each([
    ['é precomposed vs decomposed', 'caf\u00e9', 'cafe\u0301'],
    ['Å as A + ring vs U+00C5', 'A\u030angstr\u00f6m', '\u00c5ngstro\u0308m'],
    ['Hangul syllable vs jamo', '\uD55C', '\u1112\u1161\u11AB'],
  ])('normalizes the password to NFC: %s give the same key', async (_case, a, b) => {
    expect(a).not.toBe(b);
    const kdf = params(SALT_16, 1_000);
    expect(await fingerprintOfKey(await deriveAesKey(a, kdf))).toBe(await fingerprintOfKey(await deriveAesKey(b, kdf)));
  });

  it('gives different keys for different passwords, salts and iteration counts', async () => {
    const fingerprint = async (password: string, kdf: KdfParams): Promise<string> => fingerprintOfKey(await deriveAesKey(password, kdf));
    const base = await fingerprint('pw', params(SALT_16, 1_000));
    expect(await fingerprint('pW', params(SALT_16, 1_000))).not.toBe(base);
    expect(await fingerprint('pw', params(new Uint8Array(16).fill(8), 1_000))).not.toBe(base);
    expect(await fingerprint('pw', params(SALT_16, 1_001))).not.toBe(base);
  });

  it('derives with the default 3,000,000 iterations that newKdfParams stores, as OpenSSL does', async () => {
    const kdf = newKdfParams(fixedRandomBytes());
    expect(kdf.iterations).toBe(3_000_000);
    const key = await deriveAesKey('correct horse', kdf);
    expect(await fingerprintOfKey(key)).toBe(fingerprintOfBytes(pbkdf2Sync('correct horse', base64ToBytes(kdf.salt, 'salt'), 3_000_000, 32, 'sha256')));
  });

  it('is a non-extractable AES-256-GCM key for encrypt and decrypt: its bytes cannot be read', async () => {
    const key = await deriveAesKey('correct horse', params(SALT_16, 1_000));
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toEqual({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('asks WebCrypto for a derived key, never for derived bits (which would be bytes in JavaScript)', async () => {
    const { subtle, calls } = recordingSubtle();
    await deriveAesKey('correct horse', params(SALT_16, 1_000), subtle);
    expect(calls).toEqual(['importKey', 'deriveKey PBKDF2']);
  });

  it.each<[string, KdfParams, string]>([
    ['iterations 0', params(SALT_16, 0), 'iterations'],
    ['iterations above the maximum', params(SALT_16, KDF_ITERATION_RANGE.max + 1), 'iterations'],
    ['fractional iterations', params(SALT_16, 1.5), 'iterations'],
    ['salt not Base64', { ...params(SALT_16, 1), salt: 'no!' }, 'salt'],
    ['another algorithm', { ...params(SALT_16, 1), algorithm: 'scrypt' as 'PBKDF2-HMAC-SHA256' }, 'algorithm'],
  ])('rejects %s with kdf-params-invalid', async (_case, kdf, field) => {
    const error = await rejectionOf(deriveAesKey('secret-password', kdf), VaultCryptoError);
    expect(error.code).toBe('kdf-params-invalid');
    expect(error.field).toBe(field);
    expect(error.message).not.toContain('secret-password');
  });
});

describe('newKdfParams', () => {
  it('defaults to PBKDF2-HMAC-SHA256 with 3,000,000 iterations and a 16-byte salt from randomBytes', () => {
    const randomBytes = fixedRandomBytes(100);
    const kdf = newKdfParams(randomBytes);
    expect(PBKDF2_ITERATIONS).toBe(3_000_000);
    expect(kdf).toEqual({
      algorithm: 'PBKDF2-HMAC-SHA256',
      iterations: PBKDF2_ITERATIONS,
      salt: bytesToBase64(Uint8Array.from({ length: 16 }, (_, i) => 100 + i)),
    });
    expect(randomBytes.lengths).toEqual([16]);
    expect(parseKdfParams(kdf, 'new')).toEqual(kdf);
  });

  it('uses crypto.getRandomValues by default: two salts differ', () => {
    expect(newKdfParams().salt).not.toBe(newKdfParams().salt);
    expect(base64ToBytes(newKdfParams().salt, 'salt')).toHaveLength(16);
  });

  it.each([KDF_ITERATION_RANGE.min, KDF_ITERATION_RANGE.max])('accepts %i iterations', (iterations) => {
    expect(newKdfParams(fixedRandomBytes(), iterations).iterations).toBe(iterations);
  });

  it.each([0, KDF_ITERATION_RANGE.min - 1, KDF_ITERATION_RANGE.max + 1, 1_000.5, Number.NaN])(
    'refuses %d iterations, which it could not read back',
    (iterations) => {
      const error = thrownBy(() => newKdfParams(fixedRandomBytes(), iterations), VaultCryptoError);
      expect(error.code).toBe('kdf-params-invalid');
      expect(error.field).toBe('iterations');
    },
  );
});

describe('parseKdfParams', () => {
  const VALID = { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 600_000, salt: SALT_16 };

  it.each([
    ['the default', VALID],
    ['the minimum iterations', { ...VALID, iterations: KDF_ITERATION_RANGE.min }],
    ['the maximum iterations', { ...VALID, iterations: KDF_ITERATION_RANGE.max }],
    ['a 64-byte salt', { ...VALID, salt: bytesToBase64(new Uint8Array(64)) }],
    ['an unpadded salt', { ...VALID, salt: SALT_16.replace(/=+$/, '') }],
  ])('accepts %s', (_case, raw) => {
    expect(parseKdfParams(raw, 'the kdf')).toEqual(raw);
  });

  it('returns only the known fields', () => {
    expect(parseKdfParams({ ...VALID, extra: 'x' }, 'the kdf')).toEqual(VALID);
  });

  it.each<[string, unknown, string | undefined]>([
    ['null', null, undefined],
    ['an array', [VALID], undefined],
    ['a string', 'PBKDF2-HMAC-SHA256', undefined],
    ['no algorithm', { iterations: 600_000, salt: SALT_16 }, 'algorithm'],
    ['algorithm PBKDF2-HMAC-SHA1', { ...VALID, algorithm: 'PBKDF2-HMAC-SHA1' }, 'algorithm'],
    ['algorithm in lower case', { ...VALID, algorithm: 'pbkdf2-hmac-sha256' }, 'algorithm'],
    ['algorithm argon2id', { ...VALID, algorithm: 'argon2id' }, 'algorithm'],
    ['no iterations', { algorithm: VALID.algorithm, salt: SALT_16 }, 'iterations'],
    ['iterations as a string', { ...VALID, iterations: '600000' }, 'iterations'],
    ['iterations 0', { ...VALID, iterations: 0 }, 'iterations'],
    ['iterations 999', { ...VALID, iterations: 999 }, 'iterations'],
    ['iterations 10,000,001', { ...VALID, iterations: 10_000_001 }, 'iterations'],
    ['negative iterations', { ...VALID, iterations: -600_000 }, 'iterations'],
    ['fractional iterations', { ...VALID, iterations: 600_000.5 }, 'iterations'],
    ['Infinity iterations', { ...VALID, iterations: Number.POSITIVE_INFINITY }, 'iterations'],
    ['no salt', { algorithm: VALID.algorithm, iterations: 600_000 }, 'salt'],
    ['salt as a number', { ...VALID, salt: 16 }, 'salt'],
    ['salt as bytes', { ...VALID, salt: [1, 2, 3] }, 'salt'],
    ['salt not Base64', { ...VALID, salt: 'not base64!' }, 'salt'],
    ['salt base64url', { ...VALID, salt: '-_-_-_-_-_-_-_-_-_-_-_' }, 'salt'],
    ['empty salt', { ...VALID, salt: '' }, 'salt'],
    ['15-byte salt', { ...VALID, salt: bytesToBase64(new Uint8Array(15)) }, 'salt'],
    ['65-byte salt', { ...VALID, salt: bytesToBase64(new Uint8Array(65)) }, 'salt'],
  ])('rejects %s, naming the input and the field', (_case, raw, field) => {
    const error = thrownBy(() => parseKdfParams(raw, 'THE-STORED-KDF'), VaultCryptoError);
    expect(error.code).toBe('kdf-params-invalid');
    expect(error.field).toBe(field);
    expect(error.message).toContain('THE-STORED-KDF');
    if (field !== undefined) expect(error.message).toContain(field);
  });
});
