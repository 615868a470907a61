import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, MIN_SECRET_BYTES, normalizeBase32Secret } from '../../src/core/base32.ts';
import { OtpInputError, type OtpInputErrorCode } from '../../src/core/otp-input-error.ts';
import { thrownBy } from '../support/thrown-by.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

// RFC 4648 section 10: https://www.rfc-editor.org/rfc/rfc4648#section-10
const RFC_4648_VECTORS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['f', 'MY======'],
  ['fo', 'MZXQ===='],
  ['foo', 'MZXW6==='],
  ['foob', 'MZXW6YQ='],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI======'],
];

describe('encodeBase32 / decodeBase32: RFC 4648 section 10', () => {
  it.each(RFC_4648_VECTORS)('BASE32(%j) = %j', (text, padded) => {
    const unpadded = padded.replace(/=+$/, '');
    expect(encodeBase32(ascii(text))).toBe(unpadded);
    expect(decodeBase32(unpadded)).toEqual(ascii(text));
  });
});

describe('encodeBase32 / decodeBase32: every byte length up to 3 blocks round-trips', () => {
  it.each(Array.from({ length: 16 }, (_, length) => length))('%i bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 73 + 251) % 256);
    const encoded = encodeBase32(bytes);
    expect(encoded).toMatch(/^[A-Z2-7]*$/);
    expect(encoded.length).toBe(Math.ceil((length * 8) / 5));
    expect(decodeBase32(encoded)).toEqual(bytes);
  });
});

describe('decodeBase32', () => {
  it('ignores the unused trailing bits of the last character', () => {
    // "MZXQ" is "fo"; "MZXR" differs only in the 4 bits past the last byte.
    expect(decodeBase32('MZXR')).toEqual(ascii('fo'));
  });

  it.each<[string, OtpInputErrorCode, number | undefined]>([
    ['MZXW6YTB=', 'secret-invalid-char', 9],
    ['mzxw6ytb', 'secret-invalid-char', 1],
    ['MZX 6YTB', 'secret-invalid-char', 4],
    ['MZXW1YTB', 'secret-invalid-char', 5],
    ['M', 'secret-invalid-length', undefined],
    ['MZX', 'secret-invalid-length', undefined],
    ['MZXW6Y', 'secret-invalid-length', undefined],
  ])('rejects non-canonical %j with %s', (input, code, position) => {
    const error = thrownBy(() => decodeBase32(input), OtpInputError);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
  });
});

describe('normalizeBase32Secret accepts what exporters write', () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
    ['jbsw y3dp ehpk 3pxp', 'JBSWY3DPEHPK3PXP'],
    ['JBSW-Y3DP-EHPK-3PXP', 'JBSWY3DPEHPK3PXP'],
    ['  JBSWY3DP\tEHPK3PXP\n', 'JBSWY3DPEHPK3PXP'],
    ['JBSW\u00a0Y3DP\u2009EHPK3PXP', 'JBSWY3DPEHPK3PXP'],
    ['GEZDGNBVGY3TQOJQGEZDGNBVGY======', 'GEZDGNBVGY3TQOJQGEZDGNBVGY'],
    ['GEZDGNBVGY3TQOJQGEZDGNBVGY=', 'GEZDGNBVGY3TQOJQGEZDGNBVGY'],
    ['gezd gnbv gy3t qojq gezd gnbv gy== ====', 'GEZDGNBVGY3TQOJQGEZDGNBVGY'],
    ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'],
  ])('%j -> %j', (input, canonical) => {
    expect(normalizeBase32Secret(input)).toBe(canonical);
  });

  it(`accepts exactly ${MIN_SECRET_BYTES} bytes (16 characters) and rejects 9 bytes (15 characters)`, () => {
    expect(decodeBase32(normalizeBase32Secret('AAAAAAAAAAAAAAAA'))).toHaveLength(MIN_SECRET_BYTES);
    expect(thrownBy(() => normalizeBase32Secret('AAAAAAAAAAAAAAA'), OtpInputError).code).toBe('secret-too-short');
  });
});

describe('normalizeBase32Secret rejects', () => {
  it.each<[string, string, OtpInputErrorCode, { detail?: string; position?: number }]>([
    ['empty', '', 'secret-missing', {}],
    ['only spaces', '   ', 'secret-missing', {}],
    ['only dashes and padding', '--==', 'secret-missing', {}],
    ['a digit 1 (for I)', 'JBSWY3DPEHPK3PX1', 'secret-invalid-char', { detail: '1', position: 16 }],
    ['a digit 0 (for O)', 'jbsw y3dp 0hpk 3pxp', 'secret-invalid-char', { detail: '0', position: 11 }],
    ['a digit 8', 'JBSWY3DPEHPK3P8P', 'secret-invalid-char', { detail: '8', position: 15 }],
    ['padding in the middle', 'JBSWY3DP=EHPK3PXP', 'secret-invalid-char', { detail: '=', position: 9 }],
    ['an underscore', 'JBSWY3DP_EHPK3PXP', 'secret-invalid-char', { detail: '_', position: 9 }],
    ['a Unicode lookalike (dotless i)', 'JBSWY3DPEHPK3PX\u0131', 'secret-invalid-char', { detail: '\u0131', position: 16 }],
    ['an emoji, counted as one position', '\u{1F511}JBSWY3DPEHPK3PXP', 'secret-invalid-char', { detail: '\u{1F511}', position: 1 }],
    ['17 characters (mod 8 = 1)', 'JBSWY3DPEHPK3PXPA', 'secret-invalid-length', {}],
    ['14 characters (mod 8 = 6)', 'JBSWY3DPEHPK3P', 'secret-invalid-length', {}],
    ['19 characters (mod 8 = 3)', 'JBSWY3DPEHPK3PXPAAA', 'secret-invalid-length', {}],
    ['8 characters (5 bytes)', 'JBSWY3DP', 'secret-too-short', { detail: '8' }],
    ['15 characters (9 bytes)', 'JBSWY3DPEHPK3PX', 'secret-too-short', { detail: '15' }],
  ])('%s', (_, input, code, params) => {
    const error = thrownBy(() => normalizeBase32Secret(input), OtpInputError);
    expect(error.code).toBe(code);
    expect(error.field).toBe('secret');
    expect(error.detail).toBe(params.detail);
    expect(error.position).toBe(params.position);
    // The message may name one bad character, never the secret.
    const secretPart = input.replace(/[^A-Za-z2-7]/g, '').slice(0, 8);
    if (secretPart.length >= 4) expect(error.message).not.toContain(secretPart);
  });
});
