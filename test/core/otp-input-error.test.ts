import { describe, expect, it } from 'vitest';
import { OTP_INPUT_ERROR_CODES, OtpInputError, redactSecretLike } from '../../src/core/otp-input-error.ts';

describe('OtpInputError', () => {
  it('carries code, params and a developer message', () => {
    const error = new OtpInputError('digits-out-of-range', 'bad digits', { field: 'digits', detail: '9' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'OtpInputError', code: 'digits-out-of-range', field: 'digits', detail: '9', message: 'bad digits' });
    expect(error.position).toBeUndefined();
    expect(error.conflictsWith).toBeUndefined();
  });

  it('clips long details to 64 characters', () => {
    const error = new OtpInputError('issuer-conflict', 'm', { detail: 'x'.repeat(100), conflictsWith: 'y'.repeat(64) });
    expect(error.detail).toBe(`${'x'.repeat(63)}…`);
    expect(error.conflictsWith).toBe('y'.repeat(64));
  });

  it('has a stable, duplicate-free code list', () => {
    expect(new Set(OTP_INPUT_ERROR_CODES).size).toBe(OTP_INPUT_ERROR_CODES.length);
    expect(OTP_INPUT_ERROR_CODES).toHaveLength(16);
  });
});

describe('redactSecretLike', () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', undefined],
    ['jbsw y3dp ehpk 3pxp', undefined],
    ['JBSW-Y3DP-EHPK-3PXP', undefined],
    ['ABCDEFGHIJKLMNOP', undefined],
    ['otpauth-migration', 'otpauth-migration'],
    ['https', 'https'],
    ['SHA384', 'SHA384'],
    ['JBSWY3DPEHPK3PX', 'JBSWY3DPEHPK3PX'],
    ['30000', '30000'],
  ])('%j -> %j', (text, shown) => {
    expect(redactSecretLike(text)).toBe(shown);
  });
});
