import fc from 'fast-check';
import type { AccountDraft, OtpAlgorithm } from '../../src/core/account.ts';
import { encodeBase32 } from '../../src/core/base32.ts';

/** An issuer or name part: any text without a colon or control character, trimmed (what validation keeps). */
export const labelPart: fc.Arbitrary<string> = fc
  .string({ unit: 'grapheme', maxLength: 24 })
  .map((text) => text.replace(/[:\p{Cc}]|\p{Cs}/gu, '').trim());

export interface DraftArbitraryOptions {
  readonly algorithms?: readonly OtpAlgorithm[];
  readonly digits?: readonly number[];
  readonly periods?: readonly number[];
}

/** Valid, normalized account drafts (what parsers return), with the parameter values given (default: all kinds). */
export function draftArbitrary(options: DraftArbitraryOptions = {}): fc.Arbitrary<AccountDraft> {
  return fc
    .record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      issuer: labelPart,
      name: labelPart,
      secretBytes: fc.uint8Array({ minLength: 10, maxLength: 64 }),
      algorithm: fc.constantFrom<OtpAlgorithm>(...(options.algorithms ?? ['SHA1', 'SHA256', 'SHA512'])),
      digits: fc.constantFrom(...(options.digits ?? [6, 7, 8])),
      period: fc.constantFrom(...(options.periods ?? [30, 60, 15])),
      counter: fc.maxSafeNat(),
    })
    .filter((d) => d.issuer !== '' || d.name !== '')
    .map(({ secretBytes, ...d }): AccountDraft => ({
      ...d,
      secret: encodeBase32(secretBytes),
      period: d.type === 'totp' ? d.period : 30,
      counter: d.type === 'hotp' ? d.counter : 0,
    }));
}

/**
 * Any UTF-16 text, lone surrogates and controls included: fast-check's `string({ unit: 'binary' })` costs
 * milliseconds a sample, this a few microseconds.
 */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  return fc.uint16Array({ maxLength }).map((units) => String.fromCharCode(...units));
}
