/**
 * base^exponent mod modulus on native bigint, by left-to-right square-and-multiply over 4-bit windows
 * (HAC 14.82): about one squaring per exponent bit plus one multiplication per non-zero hex digit.
 * A negative base is reduced into [0, modulus) first, so the result is always in [0, modulus).
 * @throws {RangeError} when modulus <= 0 or exponent < 0.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 0n) throw new RangeError('modPow needs a positive modulus');
  if (exponent < 0n) throw new RangeError('modPow needs a non-negative exponent');
  if (modulus === 1n) return 0n;
  const b = ((base % modulus) + modulus) % modulus;
  // table[d] = b^d mod modulus for each hex digit d.
  const table: bigint[] = [1n, b];
  for (let d = 2; d < 16; d += 1) table.push(((table[d - 1] ?? 1n) * b) % modulus);
  let result = 1n;
  let started = false;
  for (const digit of exponent.toString(16)) {
    if (started) {
      result = (result * result) % modulus;
      result = (result * result) % modulus;
      result = (result * result) % modulus;
      result = (result * result) % modulus;
    }
    const d = Number.parseInt(digit, 16);
    if (d !== 0) {
      result = (result * (table[d] ?? 1n)) % modulus;
      started = true;
    }
  }
  return result;
}
