import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts';

describe('base64', () => {
  // RFC 4648 section 10 test vectors.
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('%j <-> %s', (text, encoded) => {
    const bytes = new TextEncoder().encode(text);
    expect(bytesToBase64(bytes)).toBe(encoded);
    expect([...base64ToBytes(encoded, 'X')]).toEqual([...bytes]);
    expect([...base64ToBytes(encoded.replace(/=+$/, ''), 'X')]).toEqual([...bytes]);
  });

  it('decodes base64url', () => {
    expect([...base64ToBytes('-_8', 'X', true)]).toEqual([0xfb, 0xff]);
  });

  it('round-trips all byte values', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...base64ToBytes(bytesToBase64(bytes), 'X')]).toEqual([...bytes]);
  });

  it.each(['Zm9v!', 'Z', 'Zm9vY', '====', 'Zg==Zg==', 'Zm 9v'])('rejects %j, naming the input', (text) => {
    expect(() => base64ToBytes(text, 'SECRET_BLOCK')).toThrow('SECRET_BLOCK is not Base64');
  });
});
