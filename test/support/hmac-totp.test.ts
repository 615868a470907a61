import { describe, expect, it } from 'vitest';
import { hmacTotp } from './hmac-totp.ts';

// RFC 6238 appendix B, SHA1 rows: the seed is the ASCII string "12345678901234567890".
// https://www.rfc-editor.org/rfc/rfc6238#appendix-B
const RFC_SEED_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('hmacTotp', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the RFC 6238 code at %i s', (seconds, code) => {
    expect(hmacTotp(RFC_SEED_BASE32, seconds * 1000, 8)).toBe(code);
  });

  it('gives the last six digits by default, and reads lower case and padding', () => {
    expect(hmacTotp('gezdgnbvgy3tqojqgezdgnbvgy3tqojq====', 59_000)).toBe('287082');
  });

  it('refuses a character outside base32', () => {
    expect(() => hmacTotp('ABC1', 0)).toThrow('Not base32: "1"');
  });
});
