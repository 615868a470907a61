import { describe, expect, it } from 'vitest';
import { modPow } from '../../src/cognito/mod-pow.ts';
import { SRP_G, SRP_N } from '../../src/cognito/srp-group.ts';
import { seededRandomBytes } from './seeded-random.ts';

/** Right-to-left binary method, written independently of the windowed implementation under test. */
function referenceModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const randomBigInt = (random: (n: number) => Uint8Array, bytes: number): bigint =>
  BigInt(`0x${[...random(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')}`);

describe('modPow', () => {
  it.each([
    [2n, 10n, 1000n, 24n],
    [3n, 0n, 7n, 1n],
    [0n, 0n, 7n, 1n],
    [0n, 5n, 7n, 0n],
    [5n, 3n, 1n, 0n],
    [-2n, 3n, 7n, 6n], // (-8) mod 7 = 6
    [-7n, 2n, 7n, 0n],
    [4n, 13n, 497n, 445n], // textbook example
    [2n, 0x10n, 65537n, 65536n % 65537n],
  ])('%s^%s mod %s = %s', (base, exponent, modulus, expected) => {
    expect(modPow(base, exponent, modulus)).toBe(expected);
  });

  it.each([1, 2, 3, 4, 5])('matches the binary method on 3072-bit numbers (seed %i)', (seed) => {
    const random = seededRandomBytes(seed);
    const base = randomBigInt(random, 384) - randomBigInt(random, 384);
    const exponent = randomBigInt(random, 1 + seed * 40);
    expect(modPow(base, exponent, SRP_N)).toBe(referenceModPow(base, exponent, SRP_N));
  });

  it('computes g^(N-1) = 1 for the safe prime N (Fermat)', () => {
    expect(modPow(SRP_G, SRP_N - 1n, SRP_N)).toBe(1n);
  });

  it.each([
    [2n, 3n, 0n],
    [2n, 3n, -5n],
    [2n, -1n, 5n],
  ])('rejects base %s exponent %s modulus %s', (base, exponent, modulus) => {
    expect(() => modPow(base, exponent, modulus)).toThrow(RangeError);
  });
});
