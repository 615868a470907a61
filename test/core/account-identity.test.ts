import { describe, expect, it } from 'vitest';
import { accountIdentity, foldLabelText } from '../../src/core/account-identity.ts';
import { OtpInputError } from '../../src/core/otp-input-error.ts';
import { thrownBy } from '../support/thrown-by.ts';

const base = { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', name: 'alice@example.com' };

describe('accountIdentity: duplicates', () => {
  it.each([
    ['the same account', base],
    ['issuer in another case', { ...base, issuer: 'github' }],
    ['name in another case and with spaces around it', { ...base, name: '  Alice@Example.COM ' }],
    ['decomposed accents', { ...base, issuer: 'Cafe\u0301' }, { ...base, issuer: 'Caf\u00e9' }],
    // "MZXR" differs from "MZXQ" ("fo") only in the 4 unused bits of the last character: same key bytes.
    ['a secret that decodes to the same bytes', { ...base, secret: 'MZXR' }, { ...base, secret: 'MZXQ' }],
  ])('%s', (_, a, b = base) => {
    expect(accountIdentity(a)).toBe(accountIdentity(b));
  });
});

describe('accountIdentity: different accounts', () => {
  it.each([
    ['another secret', { ...base, secret: 'JBSWY3DPEHPK3PXA' }],
    ['another issuer', { ...base, issuer: 'GitLab' }],
    ['another name', { ...base, name: 'bob@example.com' }],
    ['no issuer', { ...base, issuer: '' }],
    ['issuer and name swapped', { ...base, issuer: 'alice@example.com', name: 'GitHub' }],
    // A separator inside a part must not make two different splits equal.
    ['parts that would collide if joined naively', { ...base, issuer: 'a","b', name: 'c' }, { ...base, issuer: 'a', name: 'b","c' }],
  ])('%s', (_, a, b = base) => {
    expect(accountIdentity(a)).not.toBe(accountIdentity(b));
  });

  it('rejects a secret that is not canonical base32', () => {
    expect(thrownBy(() => accountIdentity({ ...base, secret: 'jbswy3dpehpk3pxp' }), OtpInputError).code).toBe('secret-invalid-char');
  });
});

describe('foldLabelText', () => {
  it.each([
    [' GitHub ', 'github'],
    ['ÉCOLE', 'école'],
    ['Cafe\u0301', 'caf\u00e9'],
    ['', ''],
  ])('%j -> %j', (text, folded) => {
    expect(foldLabelText(text)).toBe(folded);
  });
});
