import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OtpAlgorithm, OtpParameters } from '../../src/core/account.ts';
import { encodeBase32 } from '../../src/core/base32.ts';
import { OtpInputError } from '../../src/core/otp-input-error.ts';
import { formatCode, generateCode, otpGenerator } from '../../src/core/otp.ts';
import { sha1Hmac } from '../../src/core/sha1-hmac.ts';
import { standardHmac } from '../../src/core/standard-hmac.ts';
import { hotpCode, totpCode } from '../support/independent-otp.ts';
import { thrownBy } from '../support/thrown-by.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('otpGenerator: RFC 4226 Appendix D (SHA1, 6 digits, secret "12345678901234567890")', () => {
  // https://www.rfc-editor.org/rfc/rfc4226#page-32
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('counter %i -> %s', (counter, expected) => {
    const secret = encodeBase32(ascii('12345678901234567890'));
    expect(otpGenerator({ secret, algorithm: 'SHA1', digits: 6 }, standardHmac)(counter)).toBe(expected);
  });
});

describe('generateCode: RFC 6238 Appendix B (8 digits, period 30)', () => {
  // https://www.rfc-editor.org/rfc/rfc6238#appendix-B ; the seeds are the ASCII strings of the reference code.
  const SEEDS: Readonly<Record<OtpAlgorithm, string>> = {
    SHA1: '12345678901234567890',
    SHA256: '12345678901234567890123456789012',
    SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
  };
  it.each<[number, OtpAlgorithm, string]>([
    [59, 'SHA1', '94287082'],
    [59, 'SHA256', '46119246'],
    [59, 'SHA512', '90693936'],
    [1111111109, 'SHA1', '07081804'],
    [1111111109, 'SHA256', '68084774'],
    [1111111109, 'SHA512', '25091201'],
    [1111111111, 'SHA1', '14050471'],
    [1111111111, 'SHA256', '67062674'],
    [1111111111, 'SHA512', '99943326'],
    [1234567890, 'SHA1', '89005924'],
    [1234567890, 'SHA256', '91819424'],
    [1234567890, 'SHA512', '93441116'],
    [2000000000, 'SHA1', '69279037'],
    [2000000000, 'SHA256', '90698825'],
    [2000000000, 'SHA512', '38618901'],
    [20000000000, 'SHA1', '65353130'],
    [20000000000, 'SHA256', '77737706'],
    [20000000000, 'SHA512', '47863826'],
  ])('T = %i s, %s -> %s', (seconds, algorithm, expected) => {
    const params: OtpParameters = {
      type: 'totp',
      secret: encodeBase32(ascii(SEEDS[algorithm])),
      algorithm,
      digits: 8,
      period: 30,
      counter: 0,
    };
    expect(generateCode(params, seconds * 1000, standardHmac)).toBe(expected);
  });
});

describe('otpGenerator', () => {
  const secret = encodeBase32(ascii('12345678901234567890'));

  it.each([0, 1, 2 ** 32 - 1, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER])('agrees with node:crypto at counter %i (8 big-endian bytes)', (counter) => {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      expect(otpGenerator({ secret, algorithm, digits: 8 }, standardHmac)(counter)).toBe(hotpCode(ascii('12345678901234567890'), counter, 8, algorithm));
    }
  });

  it.each([
    ['digits 0', 0, 0],
    ['digits 11', 11, 0],
    ['digits 6.5', 6.5, 0],
    ['counter -1', 6, -1],
    ['counter 1.5', 6, 1.5],
    ['counter 2^53', 6, 2 ** 53],
    ['counter NaN', 6, Number.NaN],
  ])('rejects %s with a RangeError', (_, digits, counter) => {
    expect(() => otpGenerator({ secret, algorithm: 'SHA1', digits }, standardHmac)(counter)).toThrow(RangeError);
  });

  it.each([
    ['a lower-case secret', 'gezdgnbvgy3tqojqgezdgnbvgy3tqojq', 'secret-invalid-char'],
    ['a padded secret', 'GEZDGNBVGY3TQOJQGEZDGNBVGY======', 'secret-invalid-char'],
    ['a secret of 17 characters', 'GEZDGNBVGY3TQOJQG', 'secret-invalid-length'],
  ])('refuses %s (stored secrets are canonical base32)', (_, bad, code) => {
    expect(thrownBy(() => otpGenerator({ secret: bad, algorithm: 'SHA1', digits: 6 }, standardHmac), OtpInputError).code).toBe(code);
  });
});

describe('standardHmac and sha1Hmac', () => {
  const key = ascii('any key, any length');
  const message = ascii('\x00\x00\x00\x00\x00\x00\x00\x01');

  it.each(['SHA1', 'SHA256', 'SHA512'] as const)('standardHmac %s is the HMAC node:crypto computes', (algorithm) => {
    expect(Buffer.from(standardHmac(algorithm, key, message))).toEqual(createHmac(algorithm.toLowerCase(), key).update(message).digest());
  });

  it('sha1Hmac gives the SHA1 codes and refuses the other algorithms', () => {
    const secret = encodeBase32(ascii('12345678901234567890'));
    expect(otpGenerator({ secret, algorithm: 'SHA1', digits: 6 }, sha1Hmac)(3)).toBe('969429');
    expect(() => otpGenerator({ secret, algorithm: 'SHA256', digits: 6 }, sha1Hmac)(3)).toThrow('No HMAC hash for SHA256');
  });
});

describe('generateCode picks the counter by type', () => {
  const hotp: OtpParameters = { type: 'hotp', secret: encodeBase32(ascii('12345678901234567890')), algorithm: 'SHA1', digits: 6, period: 30, counter: 3 };
  it('uses the stored counter for HOTP, whatever the time', () => {
    expect(generateCode(hotp, 0, standardHmac)).toBe('969429');
    expect(generateCode(hotp, 1_700_000_000_000, standardHmac)).toBe('969429');
  });

  it('uses floor(t / period) for TOTP and ignores the stored counter', () => {
    const totp: OtpParameters = { ...hotp, type: 'totp', counter: 0, period: 60 };
    // 3 periods of 60 s and 59.999 s more: still step 3 (RFC 4226 counter 3 -> 969429).
    expect(generateCode(totp, 3 * 60_000 + 59_999, standardHmac)).toBe('969429');
    expect(generateCode({ ...totp, counter: 7 }, 3 * 60_000, standardHmac)).toBe('969429');
  });
});

describe('formatCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['000007', '000 007'],
    ['12345', '12345'],
    ['', ''],
  ])('%j -> %j', (code, shown) => {
    expect(formatCode(code)).toBe(shown);
  });
});

describe('generateCode agrees with node:crypto HMAC on seeded random accounts', () => {
  const rows = fc.sample(
    fc.record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      secretBytes: fc.uint8Array({ minLength: 10, maxLength: 64 }),
      algorithm: fc.constantFrom<OtpAlgorithm>('SHA1', 'SHA256', 'SHA512'),
      digits: fc.constantFrom(6, 7, 8),
      period: fc.oneof(fc.constantFrom(30, 60), fc.integer({ min: 1, max: 3600 })),
      counter: fc.oneof(fc.nat({ max: 1000 }), fc.maxSafeNat()),
      // Up to 20000000000 s, the last RFC 6238 test time.
      nowMs: fc.maxSafeNat().map((n) => n % 20_000_000_000_001),
    }),
    { seed: 0x6b657973, numRuns: 300 },
  ).map((row) => ({ ...row, secret: encodeBase32(row.secretBytes) }));

  it.each(rows)('$type $algorithm $digits digits, period $period, counter $counter, t=$nowMs', (row) => {
    const params: OtpParameters = {
      type: row.type,
      secret: row.secret,
      algorithm: row.algorithm,
      digits: row.digits,
      period: row.period,
      counter: row.type === 'hotp' ? row.counter : 0,
    };
    const expected =
      row.type === 'totp'
        ? totpCode(row.secretBytes, row.nowMs, { algorithm: row.algorithm, digits: row.digits, period: row.period })
        : hotpCode(row.secretBytes, row.counter, row.digits, row.algorithm);
    expect(generateCode(params, row.nowMs, standardHmac)).toBe(expected);
  });
});
