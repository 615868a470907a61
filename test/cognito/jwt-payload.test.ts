import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, emailFromIdToken } from '../../src/cognito/jwt-payload.ts';

const part = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown): string => `${part({ alg: 'RS256' })}.${part(payload)}.c2ln`;

describe('decodeJwtPayload', () => {
  it.each([
    [jwt({ sub: 'abc', email: 'a@example.com' }), { sub: 'abc', email: 'a@example.com' }],
    [jwt({ name: 'Zoë ✓', n: 1 }), { name: 'Zoë ✓', n: 1 }], // UTF-8 and base64url characters
    [`${part({})}.${part({ email: 'x@y' })}`, { email: 'x@y' }], // no signature part
  ])('decodes %s', (token, payload) => {
    expect(decodeJwtPayload(token)).toEqual(payload);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'one part'],
    ['a..c', 'empty payload'],
    [`${part({})}.${part('[1,2]')}.s`, 'array payload'],
    [`${part({})}.${part('not json')}.s`, 'not JSON'],
    [`${part({})}.!!!.s`, 'not base64url'],
    [`${part({})}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.s`, 'not UTF-8'],
  ])('returns undefined for %j (%s)', (token) => {
    expect(decodeJwtPayload(token)).toBeUndefined();
  });
});

describe('emailFromIdToken', () => {
  it.each([
    [jwt({ email: 'demo@example.com' }), 'demo@example.com'],
    [jwt({ email: '' }), undefined],
    [jwt({ email: 42 }), undefined],
    [jwt({ sub: 'x' }), undefined],
    [undefined, undefined],
  ])('%s -> %s', (token, email) => {
    expect(emailFromIdToken(token)).toBe(email);
  });
});
