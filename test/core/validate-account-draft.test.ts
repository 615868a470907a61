import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { OtpInputError, type OtpInputErrorCode, type OtpInputField } from '../../src/core/otp-input-error.ts';
import { validateAccountDraft } from '../../src/core/validate-account-draft.ts';
import type { AccountDraftInput } from '../../src/core/validate-account-draft.ts';
import { thrownBy } from '../support/thrown-by.ts';

/** What the options page's form holds before the user touches it. */
const FORM: AccountDraftInput = {
  type: 'totp',
  issuer: 'Example',
  name: 'alice',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};
const DRAFT: AccountDraft = {
  type: 'totp',
  issuer: 'Example',
  name: 'alice',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('validateAccountDraft accepts and normalizes form values', () => {
  it.each<[string, Partial<AccountDraftInput>, Partial<AccountDraft>]>([
    ['the defaults', {}, {}],
    ['trimmed issuer and name', { issuer: '  Example ', name: '\talice \n' }, {}],
    ['a typed secret', { secret: ' jbsw y3dp-ehpk 3pxp== ' }, {}],
    ['blank optional fields take the defaults', { algorithm: '', digits: ' ', period: '' }, {}],
    ['absent optional fields take the defaults', { algorithm: undefined, digits: undefined, period: undefined, counter: undefined }, {}],
    ['upper-case type', { type: ' TOTP ' }, {}],
    ['sha256, 8 digits, 60 s', { algorithm: 'sha256', digits: '8', period: '60' }, { algorithm: 'SHA256', digits: 8, period: 60 }],
    ['SHA-512, 7 digits', { algorithm: 'SHA-512', digits: ' 7 ' }, { algorithm: 'SHA512', digits: 7 }],
    ['period 1 and 3600', { period: '1' }, { period: 1 }],
    ['period 3600', { period: '3600' }, { period: 3600 }],
    ['leading zeros', { digits: '08', period: '060' }, { digits: 8, period: 60 }],
    ['TOTP ignores the counter field', { counter: 'not a number' }, {}],
    ['HOTP with a counter', { type: 'hotp', counter: '5' }, { type: 'hotp', counter: 5 }],
    ['HOTP ignores the period field (keeps the default)', { type: 'hotp', counter: '0', period: '-1' }, { type: 'hotp' }],
    ['no issuer', { issuer: '' }, { issuer: '' }],
    ['no name, with an issuer', { name: ' ' }, { name: '' }],
    ['Unicode labels', { issuer: 'Café', name: 'jürgen 🔑' }, { issuer: 'Café', name: 'jürgen 🔑' }],
  ])('%s', (_, fields, expected) => {
    expect(validateAccountDraft({ ...FORM, ...fields })).toEqual({ ...DRAFT, ...expected });
  });
});

describe('validateAccountDraft rejects', () => {
  it.each<[string, Partial<AccountDraftInput>, OtpInputErrorCode, OtpInputField, string | undefined]>([
    ['an unknown type', { type: 'motp' }, 'uri-type', 'type', 'motp'],
    ['an empty type', { type: '' }, 'uri-type', 'type', ''],
    ['neither issuer nor name', { issuer: ' ', name: '' }, 'name-missing', 'name', undefined],
    ['a colon in the issuer', { issuer: 'A:B' }, 'label-invalid', 'issuer', 'A:B'],
    ['a colon in the name', { name: 'alice:smith' }, 'label-invalid', 'name', 'alice:smith'],
    ['a control character in the name', { name: 'ali\u0007ce' }, 'label-invalid', 'name', 'ali\u0007ce'],
    ['a lone surrogate in the issuer', { issuer: 'Bad\uD800Bank' }, 'label-invalid', 'issuer', 'Bad\uD800Bank'],
    ['an empty secret', { secret: '' }, 'secret-missing', 'secret', undefined],
    ['a 0 in the secret', { secret: 'JBSWY3DPEHPK3PX0' }, 'secret-invalid-char', 'secret', '0'],
    ['a secret of impossible length', { secret: 'JBSWY3DPEHPK3PXPA' }, 'secret-invalid-length', 'secret', undefined],
    ['a short secret', { secret: 'JBSWY3DPEHPK' }, 'secret-too-short', 'secret', '12'],
    ['MD5', { algorithm: 'MD5' }, 'algorithm-unknown', 'algorithm', 'MD5'],
    ['SHA-224', { algorithm: 'SHA-224' }, 'algorithm-unknown', 'algorithm', 'SHA-224'],
    ['5 digits', { digits: '5' }, 'digits-out-of-range', 'digits', '5'],
    ['10 digits', { digits: '10' }, 'digits-out-of-range', 'digits', '10'],
    ['Arabic-Indic digits', { digits: '\u0666' }, 'digits-out-of-range', 'digits', '\u0666'],
    ['period 0', { period: '0' }, 'period-out-of-range', 'period', '0'],
    ['period 3601', { period: '3601' }, 'period-out-of-range', 'period', '3601'],
    ['a fractional period', { period: '29.5' }, 'period-out-of-range', 'period', '29.5'],
    ['HOTP without a counter', { type: 'hotp', counter: undefined }, 'counter-missing', 'counter', undefined],
    ['HOTP with a blank counter', { type: 'hotp', counter: '  ' }, 'counter-missing', 'counter', undefined],
    ['HOTP with a negative counter', { type: 'hotp', counter: '-1' }, 'counter-invalid', 'counter', '-1'],
    ['HOTP with a counter above 2^53 - 1', { type: 'hotp', counter: '9007199254740992' }, 'counter-invalid', 'counter', '9007199254740992'],
    // A secret typed into the wrong field does not end up in the error.
    ['a secret in the algorithm field', { algorithm: 'JBSWY3DPEHPK3PXP' }, 'algorithm-unknown', 'algorithm', undefined],
    ['a secret in the counter field', { type: 'hotp', counter: 'jbsw y3dp ehpk 3pxp' }, 'counter-invalid', 'counter', undefined],
  ])('%s', (_, fields, code, field, detail) => {
    const error = thrownBy(() => validateAccountDraft({ ...FORM, ...fields }), OtpInputError);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.detail).toBe(detail);
  });

  it('reports the first problem in form order', () => {
    const error = thrownBy(() => validateAccountDraft({ ...FORM, name: 'a:b', secret: '', digits: '9' }), OtpInputError);
    expect(error.code).toBe('label-invalid');
  });
});
