import { describe, expect, it } from 'vitest';
import { bigIntFromHex, bytesToHex, hexToBytes, padHex } from '../../src/cognito/big-int-hex.ts';

describe('padHex', () => {
  it.each([
    [0n, '00'],
    [1n, '01'],
    [0x7fn, '7f'],
    [0x80n, '0080'],
    [0xffn, '00ff'],
    [0xabcn, '0abc'],
    [0x8abcn, '008abc'],
    [0x7abcn, '7abc'],
    [0x100n, '0100'],
  ])('%s -> %s', (value, hex) => {
    expect(padHex(value)).toBe(hex);
  });

  it('rejects a negative value', () => {
    expect(() => padHex(-1n)).toThrow(RangeError);
  });
});

describe('bigIntFromHex', () => {
  it.each([
    ['0', 0n],
    ['00ff', 255n],
    ['FF', 255n],
    ['deadBEEF', 0xdeadbeefn],
  ])('%s -> %s', (hex, value) => {
    expect(bigIntFromHex(hex, 'X')).toBe(value);
  });

  it.each(['', '0x12', '12 34', 'g1', '-1'])('rejects %j and names the input', (hex) => {
    expect(() => bigIntFromHex(hex, 'SRP_B')).toThrow('SRP_B is not a hexadecimal string');
  });
});

describe('hexToBytes / bytesToHex', () => {
  it.each([
    ['', []],
    ['00', [0]],
    ['0aff10', [10, 255, 16]],
    ['ABcd', [0xab, 0xcd]],
  ])('%j <-> %j', (hex, bytes) => {
    expect([...hexToBytes(hex)]).toEqual(bytes);
    expect(bytesToHex(Uint8Array.from(bytes))).toBe(hex.toLowerCase());
  });

  it.each(['0', 'abc', 'zz', '0g'])('rejects %j', (hex) => {
    expect(() => hexToBytes(hex)).toThrow(/hex/);
  });
});
