import type { RandomBytes } from '../../src/core/random-bytes.ts';

/**
 * A RandomBytes for tests: the bytes start, start + 1, ... (mod 256), continuing across calls, so salts and
 * ivs are fixed yet differ from each other. `lengths` records what each call asked for.
 */
export function fixedRandomBytes(start = 1): RandomBytes & { readonly lengths: number[] } {
  let next = start;
  const lengths: number[] = [];
  const randomBytes = (length: number): Uint8Array<ArrayBuffer> => {
    lengths.push(length);
    return Uint8Array.from({ length }, () => {
      const byte = next % 256;
      next += 1;
      return byte;
    });
  };
  return Object.assign(randomBytes, { lengths });
}
