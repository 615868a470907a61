import { DateHelper } from 'amazon-cognito-identity-js';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeBase32 } from './cognito-server/base32.ts';
import { padHex } from './cognito-server/big-int-math.ts';
import { signJwt, verifyJwt } from './cognito-server/jwt.ts';
import { createServerEphemeral, createSrpCredential, expectedPasswordClaimSignature, srpPasswordMatches } from './cognito-server/srp-server.ts';
import { canonicalSrpTimestamp, formatSrpTimestamp } from './cognito-server/srp-timestamp.ts';
import { hotp, totpAt, verifyTotp } from './cognito-server/totp-check.ts';
import { SrpTestClient } from './srp-test-client.ts';
import { base32Bytes, totpCode } from './independent-otp.ts';

describe('hotp (RFC 4226 Appendix D)', () => {
  const secret = Buffer.from('12345678901234567890', 'ascii');
  it.each([
    [0n, '755224'],
    [1n, '287082'],
    [2n, '359152'],
    [3n, '969429'],
    [4n, '338314'],
    [5n, '254676'],
    [6n, '287922'],
    [7n, '162583'],
    [8n, '399871'],
    [9n, '520489'],
  ])('counter %s -> %s', (counter, code) => {
    expect(hotp(secret, counter)).toBe(code);
  });
});

describe('totpAt (RFC 6238 Appendix B, SHA1, 8 digits)', () => {
  const secret = Buffer.from('12345678901234567890', 'ascii');
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s -> %s', (seconds, code) => {
    expect(totpAt(secret, seconds * 1000, 8)).toBe(code);
  });
});

describe('verifyTotp accepts +-1 step and nothing further', () => {
  // A fixed secret, so no code of another step collides with an accepted one.
  const secret = Buffer.from('keystep-fixed-totp-secret-32-byte', 'ascii').subarray(0, 32);
  const now = Date.UTC(2026, 0, 15, 12, 0, 10);
  const codeAt = (offsetSteps: number): string =>
    totpCode(secret, now + offsetSteps * 30_000);
  it.each([
    [-2, false],
    [-1, true],
    [0, true],
    [1, true],
    [2, false],
  ])('code from %i steps away -> %s', (offset, accepted) => {
    expect(verifyTotp(secret, codeAt(offset), now)).toBe(accepted);
  });
  it.each([[''], ['12345'], ['1234567'], ['abcdef']])('rejects malformed code %j', (code) => {
    expect(verifyTotp(secret, code, now)).toBe(false);
  });
});

describe('encodeBase32 (RFC 4648 section 10, without padding)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j -> %s', (text, encoded) => {
    expect(encodeBase32(Buffer.from(text, 'ascii'))).toBe(encoded);
  });
  it('turns 32 bytes into 52 characters that decode back', () => {
    const bytes = randomBytes(32);
    const encoded = encodeBase32(bytes);
    expect(encoded).toMatch(/^[A-Z2-7]{52}$/);
    expect(base32Bytes(encoded)).toEqual(bytes);
  });
});

describe('padHex (as AuthenticationHelper.padHex)', () => {
  it.each([
    [0x1n, '01'],
    [0x7fn, '7f'],
    [0x80n, '0080'],
    [0xabcn, '0abc'],
    [0x8abcn, '008abc'],
    [0x1234n, '1234'],
  ])('%s -> %s', (value, hex) => {
    expect(padHex(value)).toBe(hex);
  });
});

describe('SRP TIMESTAMP', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    [Date.UTC(2026, 10, 3, 7, 5, 9), 'Tue Nov 3 07:05:09 UTC 2026'],
    [Date.UTC(2026, 0, 15, 12, 0, 10), 'Thu Jan 15 12:00:10 UTC 2026'],
    [Date.UTC(2024, 1, 29, 23, 59, 59), 'Thu Feb 29 23:59:59 UTC 2024'],
  ])('formats %i like amazon-cognito-identity-js DateHelper: %s', (epochMs, text) => {
    vi.useFakeTimers({ now: epochMs, toFake: ['Date'] });
    expect(new DateHelper().getNowString()).toBe(text);
    expect(formatSrpTimestamp(epochMs)).toBe(text);
  });

  it.each([
    ['Tue Nov 3 07:05:09 UTC 2026', 'Tue Nov 3 07:05:09 UTC 2026'],
    // Parsed leniently, formatted back: the signature is then checked against the canonical text.
    ['Tue Nov 03 07:05:09 UTC 2026', 'Tue Nov 3 07:05:09 UTC 2026'],
    ['Mon Nov 3 07:05:09 UTC 2026', 'Tue Nov 3 07:05:09 UTC 2026'],
    ['Tue Nov 3 7:05:09 UTC 2026', 'Tue Nov 3 07:05:09 UTC 2026'],
    ['tue nov 3 07:05:09 UTC 2026', 'Tue Nov 3 07:05:09 UTC 2026'],
  ])('canonical form of %j is %j', (text, canonical) => {
    expect(canonicalSrpTimestamp(text)).toBe(canonical);
  });

  it.each([
    [''],
    ['2026-11-03T07:05:09Z'],
    ['Tue Nov 3 07:05:09 GMT 2026'],
    ['Tue Nov 3 07:05 UTC 2026'],
    ['Xyz Nov 3 07:05:09 UTC 2026'],
    ['Tue Foo 3 07:05:09 UTC 2026'],
    ['Tue Nov 3 07:05:09 UTC 26'],
    [' Tue Nov 3 07:05:09 UTC 2026'],
  ])('rejects %j', (text) => {
    expect(canonicalSrpTimestamp(text)).toBeUndefined();
  });
});

describe('SRP server half against amazon-cognito-identity-js AuthenticationHelper', () => {
  it.each([
    ['AbC123xyZ', 'demo@example.com', 'Demo-pass-1'],
    ['Zz9', '5fb6f0d7-36e3-409f-a84c-7d758bb5b038', 'p@ss word with spaces 1A'],
    ['pool', 'ünïcødé', 'pässwörd-Ω-1'],
  ])('pool %s, user %s: the client signature matches the server expectation', async (poolName, userId, password) => {
    const identity = { poolName, userIdForSrp: userId };
    const credential = createSrpCredential(identity, password, randomBytes(16));
    expect(srpPasswordMatches(identity, password, credential)).toBe(true);
    expect(srpPasswordMatches(identity, `${password}x`, credential)).toBe(false);

    const client = new SrpTestClient(poolName);
    const A = BigInt(`0x${await client.srpA()}`);
    const { b, B } = createServerEphemeral(credential.verifier, randomBytes(128));
    const secretBlock = randomBytes(64);
    const timestamp = 'Tue Nov 3 07:05:09 UTC 2026';
    const challenge = { SRP_B: B.toString(16), SALT: credential.salt.toString(16), SECRET_BLOCK: secretBlock.toString('base64'), USER_ID_FOR_SRP: userId };
    const signature = await client.signature(challenge, password, timestamp);
    const expected = expectedPasswordClaimSignature({ ...identity, A, B, b, verifier: credential.verifier, secretBlock, timestamp });
    expect(signature).toBe(expected.toString('base64'));
    expect(await client.signature(challenge, `${password}x`, timestamp)).not.toBe(expected.toString('base64'));
  });
});

describe('jwt', () => {
  const key = randomBytes(32);
  const token = signJwt({ sub: 'abc', exp: 5 }, key, 'kid-1');
  it('round-trips claims', () => {
    expect(verifyJwt(token, key)).toEqual({ sub: 'abc', exp: 5 });
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({ kid: 'kid-1', alg: 'HS256' });
  });
  const [header = '', payload = '', signature = ''] = token.split('.');
  it.each([
    ['another key', token, randomBytes(32)],
    ['a changed payload', `${header}.${Buffer.from('{"sub":"evil","exp":5}').toString('base64url')}.${signature}`, key],
    ['a missing part', `${header}.${payload}`, key],
    ['garbage', 'not-a-jwt', key],
    ['an empty signature', `${header}.${payload}.`, key],
  ])('rejects %s', (_label, candidate, candidateKey) => {
    expect(verifyJwt(candidate, candidateKey)).toBeUndefined();
  });
});
