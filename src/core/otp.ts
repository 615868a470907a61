// One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), computed by otpauth, and display helpers.
//   https://www.rfc-editor.org/rfc/rfc4226  https://www.rfc-editor.org/rfc/rfc6238
import { HOTP } from 'otpauth/bare';
import type { OtpParameters } from './account.ts';
import { base32Secret } from './base32.ts';
import { codeSchedule } from './code-schedule.ts';
import type { OtpHmac } from './otp-hmac.ts';

/** The code of one account at a moving factor (TOTP time step or HOTP counter), as `digits` decimal digits. */
export type CodeAt = (step: number) => string;

/**
 * The code generator of one account: its secret is decoded once (an otpauth Secret), then each call is one
 * HMAC. A TOTP code is the HOTP code of the time step (RFC 6238 section 4.2), so both types are HOTP.generate
 * of the step that codeSchedule gives: otpauth's own TOTP clock (TOTP.counter) would be a second copy of the
 * schedule.
 *
 * @param hmac the HMAC otpauth runs, e.g. standardHmac (all three algorithms).
 * @throws OtpInputError if `secret` is not canonical base32 (e.g. a damaged stored account).
 */
export function otpGenerator({ secret, algorithm, digits }: Pick<OtpParameters, 'secret' | 'algorithm' | 'digits'>, hmac: OtpHmac): CodeAt {
  const key = base32Secret(secret);
  if (!Number.isInteger(digits) || digits < 1 || digits > 10) {
    throw new RangeError(`HOTP digits must be an integer from 1 to 10, got ${digits}`);
  }
  return (step) => {
    // otpauth writes the counter as 8 bytes without checking it: a fraction or a negative number would give a
    // code for some other counter instead of failing.
    if (!Number.isSafeInteger(step) || step < 0) {
      throw new RangeError(`HOTP counter must be a non-negative safe integer, got ${step}`);
    }
    return HOTP.generate({ secret: key, algorithm, digits, counter: step, hmac });
  };
}

/**
 * The current code of an account: TOTP (RFC 6238, the time step of nowMs and period) or HOTP (RFC 4226, the
 * stored counter; nowMs unused). Does not advance an HOTP counter: that is the caller's job.
 *
 * @param nowMs Unix time in milliseconds, e.g. Date.now().
 * @param hmac the HMAC otpauth runs (see otpGenerator).
 * @returns the code as `digits` decimal digits, zero-padded (see formatCode for display).
 * @throws OtpInputError if the secret is not canonical base32.
 */
export function generateCode(params: OtpParameters, nowMs: number, hmac: OtpHmac): string {
  return otpGenerator(params, hmac)(codeSchedule(params, nowMs).step);
}

/**
 * Splits a code into two groups for reading: 6 -> "123 456", 7 -> "123 4567", 8 -> "1234 5678"
 * (the shorter group first). Codes under 6 characters are returned unchanged. Copy the raw code, not this.
 */
export function formatCode(code: string): string {
  if (code.length < 6) return code;
  const split = Math.floor(code.length / 2);
  return `${code.slice(0, split)} ${code.slice(split)}`;
}
