import { describe, expect, it } from 'vitest';
import { isStoredAccount } from '../../src/core/is-stored-account.ts';

const GOOD = {
  id: 'a1', createdAt: 1, pinned: false, status: 'active', type: 'totp', secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'GitHub', name: 'alice',
};
const COGNITO = { region: 'eu-west-1', userPoolId: 'eu-west-1_Abc', clientId: 'client', username: 'alice' };

describe('isStoredAccount', () => {
  it.each<[string, unknown]>([
    ['a TOTP account', GOOD],
    ['an HOTP account with a counter', { ...GOOD, type: 'hotp', counter: 42, algorithm: 'SHA512', digits: 8 }],
    ['a pending Cognito account', { ...GOOD, status: 'pending', cognito: COGNITO }],
    ['a Cognito account enrolled through a custom endpoint', { ...GOOD, cognito: { ...COGNITO, endpoint: 'http://127.0.0.1:9229' } }],
    ['an empty issuer and name', { ...GOOD, issuer: '', name: '' }],
    ['7 digits and a 3600 s period', { ...GOOD, digits: 7, period: 3600 }],
    ['extra fields (a newer build may add some)', { ...GOOD, color: 'blue' }],
    ['sites', { ...GOOD, sites: ['https://github.com', 'https://login.example.com:8443', 'http://127.0.0.1:5173'] }],
    ['an empty list of sites', { ...GOOD, sites: [] }],
    // The shape of an origin only: siteOrigin's rules (https) apply where sites are typed or imported.
    ['an http site elsewhere than this computer', { ...GOOD, sites: ['http://github.com'] }],
    ['an IPv6 site', { ...GOOD, sites: ['http://[::1]:8080'] }],
    ['submit after filling on', { ...GOOD, submitAfterFill: true }],
    // Keystep writes only true (off removes the field); a false written by hand still means off.
    ['submit after filling explicitly off', { ...GOOD, submitAfterFill: false }],
  ])('accepts %s', (_, value) => {
    expect(isStoredAccount(value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'],
    ['an array', [GOOD]],
    ['no id', { ...GOOD, id: undefined }],
    ['an empty id', { ...GOOD, id: '' }],
    ['createdAt as text', { ...GOOD, createdAt: '1' }],
    ['pinned as text', { ...GOOD, pinned: 'no' }],
    ['an unknown status', { ...GOOD, status: 'deleted' }],
    ['an unknown type', { ...GOOD, type: 'steam' }],
    ['no secret', { ...GOOD, secret: undefined }],
    ['an empty secret', { ...GOOD, secret: '' }],
    ['a lower-case secret (not canonical)', { ...GOOD, secret: 'jbswy3dpehpk3pxp' }],
    ['a secret with a character base32 does not use', { ...GOOD, secret: 'JBSWY3DPEHPK3PX1' }],
    ['a secret of a length base32 cannot have (9 characters)', { ...GOOD, secret: 'JBSWY3DPE' }],
    ['a secret with padding', { ...GOOD, secret: 'JBSWY3DPEHPK3PXP====' }],
    ['an unknown algorithm', { ...GOOD, algorithm: 'MD5' }],
    ['5 digits', { ...GOOD, digits: 5 }],
    ['digits as text', { ...GOOD, digits: '6' }],
    ['period 0', { ...GOOD, period: 0 }],
    ['a fractional period', { ...GOOD, period: 30.5 }],
    ['a period over an hour', { ...GOOD, period: 3601 }],
    ['no period', { ...GOOD, period: undefined }],
    ['a negative counter', { ...GOOD, counter: -1 }],
    ['an unsafe counter', { ...GOOD, counter: 2 ** 53 }],
    ['a numeric issuer', { ...GOOD, issuer: 7 }],
    ['no name', { ...GOOD, name: undefined }],
    ['a Cognito link without a username', { ...GOOD, cognito: { ...COGNITO, username: '' } }],
    ['a Cognito link that is text', { ...GOOD, cognito: 'eu-west-1_Abc' }],
    ['a Cognito link with an empty endpoint', { ...GOOD, cognito: { ...COGNITO, endpoint: '' } }],
    ['a Cognito link with an endpoint that is not text', { ...GOOD, cognito: { ...COGNITO, endpoint: 9229 } }],
    ['sites as text', { ...GOOD, sites: 'https://github.com' }],
    ['a site with a path', { ...GOOD, sites: ['https://github.com/login'] }],
    ['a site not in canonical form', { ...GOOD, sites: ['https://GitHub.com'] }],
    ['the same site twice', { ...GOOD, sites: ['https://github.com', 'https://github.com'] }],
    ['a site that is not text', { ...GOOD, sites: [null] }],
    ['submit after filling as text', { ...GOOD, submitAfterFill: 'true' }],
    ['submit after filling as a number', { ...GOOD, submitAfterFill: 1 }],
    ['submit after filling as null', { ...GOOD, submitAfterFill: null }],
  ])('refuses %s', (_, value) => {
    expect(isStoredAccount(value)).toBe(false);
  });
});
