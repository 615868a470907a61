import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountDraft, OtpAlgorithm } from '../../src/core/account.ts';
import { encodeBase32 } from '../../src/core/base32.ts';
import { OtpInputError } from '../../src/core/otp-input-error.ts';
import type { OtpInputErrorCode, OtpInputField } from '../../src/core/otp-input-error.ts';
import { formatOtpauthUri, parseOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { MAX_PERIOD_SECONDS } from '../../src/core/otp-limits.ts';
import { base32Bytes } from '../support/independent-otp.ts';
import { thrownBy } from '../support/thrown-by.ts';

const totp = (fields: Partial<AccountDraft> & Pick<AccountDraft, 'issuer' | 'name' | 'secret'>): AccountDraft => ({
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  ...fields,
});

const AWS_SECRET = 'UJ4VXKM5QH2FZN7RTA3WBCLY6DEOGPSIUJ4VXKM5QH2FZN7RTA3WBCLY6DEOGPSI';
const COGNITO_SECRET = 'AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYPQ';
const ACME_SECRET = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';

const REAL_WORLD: readonly (readonly [string, string, AccountDraft])[] = [
  [
    "Google's Key Uri Format example",
    'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    totp({ issuer: 'Example', name: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    "Google's example with every parameter and %20",
    `otpauth://totp/ACME%20Co:john.doe@email.com?secret=${ACME_SECRET}&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30`,
    totp({ issuer: 'ACME Co', name: 'john.doe@email.com', secret: ACME_SECRET }),
  ],
  [
    'GitHub style',
    'otpauth://totp/GitHub:octocat?secret=NBSWY3DPO5XXE3DE&issuer=GitHub',
    totp({ issuer: 'GitHub', name: 'octocat', secret: 'NBSWY3DPO5XXE3DE' }),
  ],
  [
    'AWS virtual MFA style (64-character secret)',
    `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`,
    totp({ issuer: 'Amazon Web Services', name: 'alice@123456789012', secret: AWS_SECRET }),
  ],
  [
    'Microsoft style (%40, lower-case grouped secret)',
    'otpauth://totp/Microsoft:alice%40outlook.com?secret=jbsw%20y3dp%20ehpk%203pxp&issuer=Microsoft',
    totp({ issuer: 'Microsoft', name: 'alice@outlook.com', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'Cognito style (no issuer prefix in the label)',
    `otpauth://totp/demo-with-mfa@example.com?secret=${COGNITO_SECRET}&issuer=cognito-demo`,
    totp({ issuer: 'cognito-demo', name: 'demo-with-mfa@example.com', secret: COGNITO_SECRET }),
  ],
  [
    'lower-case secret with + spaces',
    'otpauth://totp/Example:alice?secret=jbsw+y3dp+ehpk+3pxp&issuer=Example',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'secret with dashes',
    'otpauth://totp/Example:alice?secret=JBSW-Y3DP-EHPK-3PXP&issuer=Example',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    '%3D padding',
    'otpauth://totp/Example:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY%3D%3D%3D%3D%3D%3D&issuer=Example',
    totp({ issuer: 'Example', name: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY' }),
  ],
  [
    'literal = padding',
    'otpauth://totp/Example:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY======&issuer=Example',
    totp({ issuer: 'Example', name: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY' }),
  ],
  [
    '+ for spaces in the label and in the issuer',
    'otpauth://totp/ACME+Co:john+doe?secret=JBSWY3DPEHPK3PXP&issuer=ACME+Co',
    totp({ issuer: 'ACME Co', name: 'john doe', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    '%2B stays a plus',
    'otpauth://totp/Example:alice%2Btag%40gmail.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    totp({ issuer: 'Example', name: 'alice+tag@gmail.com', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    '%3A as the issuer colon, %20 after it',
    'otpauth://totp/Example%3A%20alice%40google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    totp({ issuer: 'Example', name: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'spaces around the colon',
    'otpauth://totp/Big%20Bank%20%3A%20%20alice?secret=JBSWY3DPEHPK3PXP',
    totp({ issuer: 'Big Bank', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'issuer only in the label',
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'no issuer at all',
    'otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP',
    totp({ issuer: '', name: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'label prefix and issuer differ only in case: the parameter wins',
    'otpauth://totp/github:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
    totp({ issuer: 'GitHub', name: 'octocat', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'issuer with an empty account name',
    'otpauth://totp/Example:?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    totp({ issuer: 'Example', name: '', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'no label at all, issuer parameter',
    'otpauth://totp?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    totp({ issuer: 'Example', name: '', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'image, codeDisplay, icon, color and unknown parameters ignored (even badly encoded)',
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&image=https%3A%2F%2Fexample.com%2Flogo.png&codeDisplay=%ZZ&icon=x&color=%23ff0000&x-extra&=&&&encoder=',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'SHA256, 8 digits, 60 s',
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA256&digits=8&period=60',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 8, period: 60 }),
  ],
  [
    'lower-case sha512, 7 digits',
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&algorithm=sha512&digits=7',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA512', digits: 7 }),
  ],
  [
    'dashed SHA-256',
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-256',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256' }),
  ],
  [
    'upper-case scheme, type and parameter names',
    'OTPAUTH://TOTP/Example:alice?SECRET=JBSWY3DPEHPK3PXP&Issuer=Example&DIGITS=8',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP', digits: 8 }),
  ],
  [
    'surrounding whitespace and a fragment',
    ' \t otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example#ignored \r\n',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'a counter on a TOTP URI is ignored',
    'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&counter=banana',
    totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'UTF-8 label',
    'otpauth://totp/Caf%C3%A9%20M%C3%BCller:j%C3%BCrgen?secret=JBSWY3DPEHPK3PXP',
    totp({ issuer: 'Café Müller', name: 'jürgen', secret: 'JBSWY3DPEHPK3PXP' }),
  ],
  [
    'HOTP with a counter',
    'otpauth://hotp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&counter=42',
    { ...totp({ issuer: 'Example', name: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP' }), type: 'hotp', counter: 42 },
  ],
  [
    'HOTP with counter 0 and a period, which is ignored',
    'otpauth://HOTP/Example:alice?secret=JBSWY3DPEHPK3PXP&counter=0&period=999999',
    { ...totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }), type: 'hotp' },
  ],
  [
    'HOTP with the largest safe counter',
    'otpauth://hotp/alice?secret=JBSWY3DPEHPK3PXP&counter=9007199254740991',
    { ...totp({ issuer: '', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }), type: 'hotp', counter: Number.MAX_SAFE_INTEGER },
  ],
];

describe('parseOtpauthUri: real-world URIs', () => {
  it.each(REAL_WORLD)('%s', (_, uri, expected) => {
    expect(parseOtpauthUri(uri)).toEqual(expected);
  });
});

describe('formatOtpauthUri -> parseOtpauthUri round trip of the real-world URIs', () => {
  it.each(REAL_WORLD)('%s', (_, uri) => {
    const draft = parseOtpauthUri(uri);
    const formatted = formatOtpauthUri(draft);
    expect(parseOtpauthUri(formatted)).toEqual(draft);
    expect(formatOtpauthUri(parseOtpauthUri(formatted))).toBe(formatted);
  });
});

describe('formatOtpauthUri is read the same by an independent reader (WHATWG URL)', () => {
  it.each(REAL_WORLD)('%s', (_, uri) => {
    const draft = parseOtpauthUri(uri);
    const url = new URL(formatOtpauthUri(draft));
    const query = url.searchParams;
    const label = decodeURIComponent(url.pathname.slice(1));
    const colon = label.indexOf(':');
    expect({
      type: url.host,
      issuer: query.get('issuer') ?? '',
      labelIssuer: colon >= 0 ? label.slice(0, colon) : '',
      name: colon >= 0 ? label.slice(colon + 1) : label,
      secret: [...base32Bytes(query.get('secret') ?? '')],
      algorithm: query.get('algorithm'),
      digits: Number(query.get('digits')),
      period: draft.type === 'totp' ? Number(query.get('period')) : 30,
      counter: draft.type === 'hotp' ? Number(query.get('counter')) : 0,
    }).toEqual({ ...draft, labelIssuer: draft.issuer, secret: [...base32Bytes(draft.secret)] });
  });
});

describe('formatOtpauthUri: canonical form', () => {
  it.each<[string, AccountDraft, string]>([
    [
      'TOTP with issuer',
      totp({ issuer: 'Example', name: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP' }),
      'otpauth://totp/Example:alice%40google.com?issuer=Example&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'spaces and reserved characters percent-encoded',
      totp({ issuer: 'ACME Co & Sons', name: 'a/b?c#d+e%f', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA512', digits: 8, period: 60 }),
      'otpauth://totp/ACME%20Co%20%26%20Sons:a%2Fb%3Fc%23d%2Be%25f?issuer=ACME%20Co%20%26%20Sons&secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=8&period=60',
    ],
    [
      'no issuer: no prefix, no issuer parameter',
      totp({ issuer: '', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
      'otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'no name: "Issuer:" label',
      totp({ issuer: 'Example', name: '', secret: 'JBSWY3DPEHPK3PXP' }),
      'otpauth://totp/Example:?issuer=Example&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'HOTP writes the counter instead of the period',
      { ...totp({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256' }), type: 'hotp', counter: 7 },
      'otpauth://hotp/Example:alice?issuer=Example&secret=JBSWY3DPEHPK3PXP&algorithm=SHA256&digits=6&counter=7',
    ],
    [
      'a secret whose last character has unused bits set is written as given',
      totp({ issuer: '', name: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGZ' }),
      'otpauth://totp/alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGZ&algorithm=SHA1&digits=6&period=30',
    ],
  ])('%s', (_, draft, uri) => {
    expect(formatOtpauthUri(draft)).toBe(uri);
    expect(parseOtpauthUri(uri)).toEqual(draft);
  });

  it.each<[string, AccountDraft, OtpInputErrorCode]>([
    ['7 digits are fine but 9 are not', totp({ issuer: 'X', name: 'a', secret: 'JBSWY3DPEHPK3PXP', digits: 9 }), 'digits-out-of-range'],
    ['a colon in the name', totp({ issuer: 'X', name: 'a:b', secret: 'JBSWY3DPEHPK3PXP' }), 'label-invalid'],
    ['a non-canonical secret that is too short', totp({ issuer: 'X', name: 'a', secret: 'JBSW' }), 'secret-too-short'],
    ['a NaN period', totp({ issuer: 'X', name: 'a', secret: 'JBSWY3DPEHPK3PXP', period: Number.NaN }), 'period-out-of-range'],
  ])('refuses an invalid draft: %s', (_, draft, code) => {
    expect(thrownBy(() => formatOtpauthUri(draft), OtpInputError).code).toBe(code);
  });
});

const S = 'JBSWY3DPEHPK3PXP';

describe('parseOtpauthUri: malformed URIs', () => {
  it.each<[string, OtpInputErrorCode, { field?: OtpInputField; detail?: string; conflictsWith?: string }]>([
    ['', 'uri-malformed', {}],
    ['   ', 'uri-malformed', {}],
    ['hello world', 'uri-malformed', {}],
    [S, 'uri-malformed', {}],
    ['://totp/a?secret=' + S, 'uri-malformed', {}],
    ['https://example.com/totp/a?secret=' + S, 'uri-scheme', { detail: 'https' }],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'uri-scheme', { detail: 'otpauth-migration' }],
    ['OTPAUTH-MIGRATION://offline?data=x', 'uri-scheme', { detail: 'otpauth-migration' }],
    [`${S}${S}:whatever`, 'uri-scheme', {}],
    ['otpauth:totp/a?secret=' + S, 'uri-malformed', {}],
    ['otpauth:/totp/a?secret=' + S, 'uri-malformed', {}],
    ['otpauth://xotp/a?secret=' + S, 'uri-type', { field: 'type', detail: 'xotp' }],
    ['otpauth:///a?secret=' + S, 'uri-type', { field: 'type', detail: '' }],
    ['otpauth://steam/a?secret=' + S, 'uri-type', { field: 'type', detail: 'steam' }],
    ['otpauth://totp/a', 'secret-missing', { field: 'secret' }],
    ['otpauth://totp/a?issuer=X', 'secret-missing', { field: 'secret' }],
    ['otpauth://totp/a?secret=', 'secret-missing', { field: 'secret' }],
    ['otpauth://totp/a?secret=%3D%3D', 'secret-missing', { field: 'secret' }],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PX1', 'secret-invalid-char', { field: 'secret', detail: '1' }],
    ['otpauth://totp/a?secret=JBSWY3DP%2FEHPK3PXP', 'secret-invalid-char', { field: 'secret', detail: '/' }],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXPA', 'secret-invalid-length', { field: 'secret' }],
    ['otpauth://totp/a?secret=JBSWY3DP', 'secret-too-short', { field: 'secret', detail: '8' }],
    ['otpauth://totp/a?secret=' + S + '&secret=' + S, 'uri-malformed', { detail: 'secret' }],
    ['otpauth://totp/a?secret=' + S + '&Secret=' + S, 'uri-malformed', { detail: 'secret' }],
    ['otpauth://totp/a?secret=' + S + '&issuer=X&issuer=X', 'uri-malformed', { detail: 'issuer' }],
    ['otpauth://totp/a?secret=%ZZ', 'uri-malformed', {}],
    ['otpauth://totp/a?secret=' + S + '&issuer=%E0%A4%A', 'uri-malformed', {}],
    ['otpauth://totp/a%E0%A4%A?secret=' + S, 'uri-malformed', {}],
    ['otpauth://totp/%ED%A0%80?secret=' + S, 'uri-malformed', {}],
    ['otpauth://totp/a?secret=' + S + '&algorithm=MD5', 'algorithm-unknown', { field: 'algorithm', detail: 'MD5' }],
    ['otpauth://totp/a?secret=' + S + '&algorithm=SHA384', 'algorithm-unknown', { field: 'algorithm', detail: 'SHA384' }],
    ['otpauth://totp/a?secret=' + S + '&algorithm=SHA--1', 'algorithm-unknown', { field: 'algorithm', detail: 'SHA--1' }],
    ['otpauth://totp/a?secret=' + S + '&algorithm=' + S, 'algorithm-unknown', { field: 'algorithm' }],
    ['otpauth://totp/a?secret=' + S + '&digits=5', 'digits-out-of-range', { field: 'digits', detail: '5' }],
    ['otpauth://totp/a?secret=' + S + '&digits=9', 'digits-out-of-range', { field: 'digits', detail: '9' }],
    ['otpauth://totp/a?secret=' + S + '&digits=six', 'digits-out-of-range', { field: 'digits', detail: 'six' }],
    ['otpauth://totp/a?secret=' + S + '&digits=6.0', 'digits-out-of-range', { field: 'digits', detail: '6.0' }],
    ['otpauth://totp/a?secret=' + S + '&digits=-6', 'digits-out-of-range', { field: 'digits', detail: '-6' }],
    ['otpauth://totp/a?secret=' + S + '&period=0', 'period-out-of-range', { field: 'period', detail: '0' }],
    ['otpauth://totp/a?secret=' + S + '&period=-30', 'period-out-of-range', { field: 'period', detail: '-30' }],
    ['otpauth://totp/a?secret=' + S + '&period=30.5', 'period-out-of-range', { field: 'period', detail: '30.5' }],
    ['otpauth://totp/a?secret=' + S + '&period=1e3', 'period-out-of-range', { field: 'period', detail: '1e3' }],
    ['otpauth://totp/a?secret=' + S + `&period=${MAX_PERIOD_SECONDS + 1}`, 'period-out-of-range', { field: 'period', detail: String(MAX_PERIOD_SECONDS + 1) }],
    ['otpauth://totp/a?secret=' + S + '&period=30000', 'period-out-of-range', { field: 'period', detail: '30000' }],
    ['otpauth://hotp/a?secret=' + S, 'counter-missing', { field: 'counter' }],
    ['otpauth://hotp/a?secret=' + S + '&counter=', 'counter-missing', { field: 'counter' }],
    ['otpauth://hotp/a?secret=' + S + '&counter=-1', 'counter-invalid', { field: 'counter', detail: '-1' }],
    ['otpauth://hotp/a?secret=' + S + '&counter=1.5', 'counter-invalid', { field: 'counter', detail: '1.5' }],
    ['otpauth://hotp/a?secret=' + S + '&counter=0x10', 'counter-invalid', { field: 'counter', detail: '0x10' }],
    ['otpauth://hotp/a?secret=' + S + '&counter=9007199254740992', 'counter-invalid', { field: 'counter', detail: '9007199254740992' }],
    [
      'otpauth://totp/Example:alice?secret=' + S + '&issuer=Other',
      'issuer-conflict',
      { field: 'issuer', detail: 'Example', conflictsWith: 'Other' },
    ],
    [
      'otpauth://totp/Example%3Aalice?secret=' + S + '&issuer=Example%20Inc',
      'issuer-conflict',
      { field: 'issuer', detail: 'Example', conflictsWith: 'Example Inc' },
    ],
    ['otpauth://totp/?secret=' + S, 'name-missing', { field: 'name' }],
    ['otpauth://totp/%20:%20?secret=' + S, 'name-missing', { field: 'name' }],
    ['otpauth://totp?secret=' + S, 'name-missing', { field: 'name' }],
    ['otpauth://totp/Example:alice:smith?secret=' + S, 'label-invalid', { field: 'name', detail: 'alice:smith' }],
    ['otpauth://totp/alice?secret=' + S + '&issuer=A%3AB', 'label-invalid', { field: 'issuer', detail: 'A:B' }],
    ['otpauth://totp/ali%00ce?secret=' + S, 'label-invalid', { field: 'name', detail: 'ali\u0000ce' }],
    ['otpauth://totp/alice?secret=' + S + '&issuer=Bad%0ABank', 'label-invalid', { field: 'issuer', detail: 'Bad\nBank' }],
    ['otpauth://totp/Bad%C2%85Bank:alice?secret=' + S, 'label-invalid', { field: 'issuer', detail: 'Bad\u0085Bank' }],
    ['otpauth://totp/Steam:alice?secret=' + S + '&issuer=Steam&encoder=steam', 'encoder-unsupported', { detail: 'steam' }],
    ['otpauth://totp/Steam:alice?secret=' + S + '&ENCODER=Steam&digits=5', 'encoder-unsupported', { detail: 'Steam' }],
    ['otpauth://totp/alice?secret=' + S + '&encoder=steam&encoder=steam', 'uri-malformed', { detail: 'encoder' }],
  ])('%j -> %s', (uri, code, params) => {
    const error = thrownBy(() => parseOtpauthUri(uri), OtpInputError);
    expect(error.code).toBe(code);
    expect(error.field).toBe(params.field);
    expect(error.detail).toBe(params.detail);
    expect(error.conflictsWith).toBe(params.conflictsWith);
    // No error message or detail ever carries the secret.
    expect(error.message).not.toContain(S);
    expect(error.message).not.toContain(S.toLowerCase());
    expect(error.detail ?? '').not.toContain(S);
  });
});

describe('parseOtpauthUri properties', () => {
  const VALID = `otpauth://totp/ACME%20Co:alice%40example.com?secret=${S}&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60`;
  const TOKENS = [
    'otpauth', 'OTPAUTH', ':', '//', '://', 'totp', 'hotp', '/', '%3A', '%3a', '%', '%2', '%E0%A4', '%ZZ', '%00', '%C3%A9',
    '?', '&', '=', '#', '+', ' ', '\t', '\n', 'secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'image',
    S, 'jbsw y3dp', '==', '%3D', 'sha1', 'SHA-512', 'md5', '6', '8', '30', '0', '-1', '1e3', '9007199254740993',
    'Example', 'alice@example.com', '\uD800', '\uDC00', 'é', '\u{1F511}', '\u0000',
  ];
  const uriLike = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 120 }).map((s) => `otpauth://${s}`),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join('')),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((tokens) => `otpauth://totp/${tokens.join('')}`),
    // Mutations of a valid URI: insert, delete or replace characters at random places.
    fc
      .array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...TOKENS)), {
        minLength: 1,
        maxLength: 5,
      })
      .map((edits) =>
        edits.reduce((uri, [at, op, token]) => {
          const i = at % (uri.length + 1);
          if (op === 'insert') return uri.slice(0, i) + token + uri.slice(i);
          if (op === 'delete') return uri.slice(0, i) + uri.slice(i + 1 + (at % 7));
          return uri.slice(0, i) + token + uri.slice(i + token.length);
        }, VALID),
      ),
  );

  it('throws nothing but OtpInputError, and what it accepts formats back to the same draft', () => {
    let parsed = 0;
    fc.assert(
      fc.property(uriLike, (uri) => {
        let draft: AccountDraft;
        try {
          draft = parseOtpauthUri(uri);
        } catch (error) {
          expect(error).toBeInstanceOf(OtpInputError);
          return;
        }
        parsed += 1;
        expect(parseOtpauthUri(formatOtpauthUri(draft))).toEqual(draft);
      }),
      { seed: 0x75726931, numRuns: 5000 },
    );
    // The generators must reach the success path too, or the round-trip half would test nothing.
    expect(parsed).toBeGreaterThan(100);
  });

  const labelPart = fc
    .string({ unit: 'binary', maxLength: 24 })
    .map((s) => s.replace(/[:\p{Cc}]/gu, '').trim());
  const draft: fc.Arbitrary<AccountDraft> = fc
    .record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      issuer: labelPart,
      name: labelPart,
      secretBytes: fc.uint8Array({ minLength: 10, maxLength: 64 }),
      algorithm: fc.constantFrom<OtpAlgorithm>('SHA1', 'SHA256', 'SHA512'),
      digits: fc.constantFrom(6, 7, 8),
      period: fc.integer({ min: 1, max: MAX_PERIOD_SECONDS }),
      counter: fc.maxSafeNat(),
    })
    .filter((d) => d.issuer !== '' || d.name !== '')
    .map(({ secretBytes, ...d }) => ({
      ...d,
      secret: encodeBase32(secretBytes),
      period: d.type === 'totp' ? d.period : 30,
      counter: d.type === 'hotp' ? d.counter : 0,
    }));

  it('parseOtpauthUri(formatOtpauthUri(draft)) equals any valid draft', () => {
    fc.assert(
      fc.property(draft, (d) => {
        expect(parseOtpauthUri(formatOtpauthUri(d))).toEqual(d);
      }),
      { seed: 0x726f756e, numRuns: 2000 },
    );
  });
});
