import fc from 'fast-check';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { OtpAlgorithm, OtpParameters } from '../../src/core/account.ts';
import { encodeBase32 } from '../../src/core/base32.ts';
import {
  createWebCryptoHmac,
  formatCode,
  generateCode,
  generateHotp,
  webCryptoHmac,
} from '../../src/core/otp.ts';
import type { Hmac } from '../../src/core/otp.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

describe('generateHotp: RFC 4226 Appendix D (SHA1, 6 digits, secret "12345678901234567890")', () => {
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
  ])('counter %i -> %s', async (counter, expected) => {
    const secret = ascii('12345678901234567890');
    expect(await generateHotp({ secret, algorithm: 'SHA1', digits: 6, counter })).toBe(expected);
    expect(await generateHotp({ secret: encodeBase32(secret), algorithm: 'SHA1', digits: 6, counter })).toBe(expected);
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
  ])('T = %i s, %s -> %s', async (seconds, algorithm, expected) => {
    const params: OtpParameters = {
      type: 'totp',
      secret: encodeBase32(ascii(SEEDS[algorithm])),
      algorithm,
      digits: 8,
      period: 30,
      counter: 0,
    };
    expect(await generateCode(params, seconds * 1000)).toBe(expected);
  });
});

describe('generateHotp with an injected HMAC', () => {
  it('applies dynamic truncation as in RFC 4226 section 5.4', async () => {
    // The worked example: offset 0xa, P = 0x50ef7f19 = 1357872921, 6 digits -> 872921.
    const mac = fromHex('1f8698690e02ca16618550ef7f19da8e945b555a');
    const hmac: Hmac = () => Promise.resolve(mac);
    expect(await generateHotp({ secret: new Uint8Array(20), algorithm: 'SHA1', digits: 6, counter: 0 }, hmac)).toBe('872921');
    expect(await generateHotp({ secret: new Uint8Array(20), algorithm: 'SHA1', digits: 8, counter: 0 }, hmac)).toBe('57872921');
  });

  it('zero-pads short codes', async () => {
    // Offset 0 and P = 0x00000007.
    const hmac: Hmac = () => Promise.resolve(fromHex('0000000700000000000000000000000000000000'));
    expect(await generateHotp({ secret: new Uint8Array(20), algorithm: 'SHA1', digits: 6, counter: 0 }, hmac)).toBe('000007');
  });

  it.each<[number, string]>([
    [0, '0000000000000000'],
    [1, '0000000000000001'],
    [2 ** 32 - 1, '00000000ffffffff'],
    [2 ** 32 + 1, '0000000100000001'],
    [Number.MAX_SAFE_INTEGER, '001fffffffffffff'],
  ])('passes counter %i as 8 big-endian bytes, with the algorithm and key', async (counter, hex) => {
    const calls: { algorithm: OtpAlgorithm; key: Uint8Array; message: Uint8Array }[] = [];
    const hmac: Hmac = (algorithm, key, message) => {
      calls.push({ algorithm, key, message });
      return Promise.resolve(new Uint8Array(32));
    };
    await generateHotp({ secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 6, counter }, hmac);
    expect(calls).toEqual([{ algorithm: 'SHA256', key: fromHex('48656c6c6f21deadbeef'), message: fromHex(hex) }]);
  });

  it('rejects an HMAC result too short to truncate', async () => {
    const hmac: Hmac = () => Promise.resolve(new Uint8Array(19));
    await expect(generateHotp({ secret: new Uint8Array(20), algorithm: 'SHA1', digits: 6, counter: 0 }, hmac)).rejects.toThrow(
      /19 bytes/,
    );
  });

  it.each([
    ['digits 0', 0, 0],
    ['digits 11', 11, 0],
    ['digits 6.5', 6.5, 0],
    ['counter -1', 6, -1],
    ['counter 1.5', 6, 1.5],
    ['counter 2^53', 6, 2 ** 53],
    ['counter NaN', 6, Number.NaN],
  ])('rejects %s with a RangeError', async (_, digits, counter) => {
    await expect(generateHotp({ secret: new Uint8Array(20), algorithm: 'SHA1', digits, counter })).rejects.toThrow(RangeError);
  });
});

describe('generateCode picks the counter by type', () => {
  const hotp: OtpParameters = { type: 'hotp', secret: encodeBase32(ascii('12345678901234567890')), algorithm: 'SHA1', digits: 6, period: 30, counter: 3 };
  it('uses the stored counter for HOTP, whatever the time', async () => {
    expect(await generateCode(hotp, 0)).toBe('969429');
    expect(await generateCode(hotp, 1_700_000_000_000)).toBe('969429');
  });

  it('uses floor(t / period) for TOTP and ignores the stored counter', async () => {
    const totp: OtpParameters = { ...hotp, type: 'totp', counter: 0, period: 60 };
    // 3 periods of 60 s and 59.999 s more: still step 3 (RFC 4226 counter 3 -> 969429).
    expect(await generateCode(totp, 3 * 60_000 + 59_999)).toBe('969429');
    expect(await generateCode({ ...totp, counter: 7 }, 3 * 60_000)).toBe('969429');
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

describe('createWebCryptoHmac', () => {
  /** Real WebCrypto, with the importKey calls counted (and optionally failing). */
  function countingSubtle(failImports = 0): { subtle: SubtleCrypto; imports: () => number } {
    const real = globalThis.crypto.subtle;
    let imports = 0;
    let failures = failImports;
    const subtle = {
      importKey: (...args: Parameters<SubtleCrypto['importKey']>) => {
        imports += 1;
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('import failed'));
        }
        return real.importKey(...args);
      },
      sign: (...args: Parameters<SubtleCrypto['sign']>) => real.sign(...args),
    } as unknown as SubtleCrypto;
    return { subtle, imports: () => imports };
  }
  const keyA = ascii('12345678901234567890');
  const keyB = ascii('abcdefghijabcdefghij');
  const message = new Uint8Array(8);

  it('imports each key once per algorithm and gives the same MACs as the uncached default', async () => {
    const { subtle, imports } = countingSubtle();
    const hmac = createWebCryptoHmac({ subtle });
    const first = await hmac('SHA1', keyA, message);
    expect(await hmac('SHA1', keyA, message)).toEqual(first);
    expect(await hmac('SHA1', new Uint8Array(keyA), message)).toEqual(first);
    expect(imports()).toBe(1);
    await Promise.all([hmac('SHA256', keyA, message), hmac('SHA256', keyA, message), hmac('SHA1', keyB, message)]);
    expect(imports()).toBe(3);
    expect(first).toEqual(await createWebCryptoHmac({ maxCachedKeys: 0 })('SHA1', keyA, message));
    expect(first).toHaveLength(20);
  });

  it('evicts the least recently used key beyond maxCachedKeys', async () => {
    const { subtle, imports } = countingSubtle();
    const hmac = createWebCryptoHmac({ subtle, maxCachedKeys: 2 });
    await hmac('SHA1', keyA, message);
    await hmac('SHA1', keyB, message);
    await hmac('SHA1', keyA, message); // A is now the most recently used
    await hmac('SHA256', keyA, message); // evicts SHA1/B
    expect(imports()).toBe(3);
    await hmac('SHA1', keyA, message);
    expect(imports()).toBe(3);
    await hmac('SHA1', keyB, message);
    expect(imports()).toBe(4);
  });

  it('does not cache a failed import', async () => {
    const { subtle, imports } = countingSubtle(1);
    const hmac = createWebCryptoHmac({ subtle });
    await expect(hmac('SHA1', keyA, message)).rejects.toThrow('import failed');
    expect(await hmac('SHA1', keyA, message)).toHaveLength(20);
    expect(imports()).toBe(2);
  });

  it.each<[OtpAlgorithm, number]>([
    ['SHA1', 20],
    ['SHA256', 32],
    ['SHA512', 64],
  ])('webCryptoHmac %s gives %i bytes', async (algorithm, length) => {
    expect(await webCryptoHmac(algorithm, keyA, message)).toHaveLength(length);
  });
});

describe('generateCode agrees with the otpauth library on seeded random accounts', () => {
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

  it.each(rows)('$type $algorithm $digits digits, period $period, counter $counter, t=$nowMs', async (row) => {
    const params: OtpParameters = {
      type: row.type,
      secret: row.secret,
      algorithm: row.algorithm,
      digits: row.digits,
      period: row.period,
      counter: row.type === 'hotp' ? row.counter : 0,
    };
    const secret = OTPAuth.Secret.fromBase32(row.secret);
    const expected =
      row.type === 'totp'
        ? OTPAuth.TOTP.generate({ secret, algorithm: row.algorithm, digits: row.digits, period: row.period, timestamp: row.nowMs })
        : OTPAuth.HOTP.generate({ secret, algorithm: row.algorithm, digits: row.digits, counter: row.counter });
    expect(await generateCode(params, row.nowMs)).toBe(expected);
  });
});
