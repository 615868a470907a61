import { describe, expect, it } from 'vitest';
import { base32Bytes, totpCode, type HashName } from './independent-otp.ts';

// The tests' oracle must itself be right: RFC 6238 appendix B, with the seeds of its reference code.
// https://www.rfc-editor.org/rfc/rfc6238#appendix-B
const SEEDS: Readonly<Record<HashName, string>> = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const RFC_SEED_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('independent TOTP', () => {
  it.each<[number, HashName, string]>([
    [59, 'SHA1', '94287082'],
    [59, 'SHA256', '46119246'],
    [59, 'SHA512', '90693936'],
    [1111111109, 'SHA1', '07081804'],
    [1111111111, 'SHA256', '67062674'],
    [1234567890, 'SHA512', '93441116'],
    [2000000000, 'SHA1', '69279037'],
    [20000000000, 'SHA1', '65353130'],
  ])('gives the RFC 6238 code at %i s with %s', (seconds, algorithm, code) => {
    expect(totpCode(Buffer.from(SEEDS[algorithm], 'ascii'), seconds * 1000, { digits: 8, algorithm })).toBe(code);
  });

  it('reads base32 in lower case with padding, and gives six digits by default', () => {
    expect(base32Bytes(RFC_SEED_BASE32).toString('ascii')).toBe(SEEDS.SHA1.slice(0, 20));
    expect(totpCode(base32Bytes('gezdgnbvgy3tqojqgezdgnbvgy3tqojq===='), 59_000)).toBe('287082');
  });

  it('refuses a character outside base32', () => {
    expect(() => base32Bytes('ABC1')).toThrow('Not base32: "1"');
  });
});
