/** (base ^ exponent) mod modulus by square-and-multiply; base may be negative, exponent must be >= 0. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (exponent < 0n) throw new RangeError('modPow: the exponent must not be negative');
  let result = 1n;
  let square = ((base % modulus) + modulus) % modulus;
  let rest = exponent;
  while (rest > 0n) {
    if ((rest & 1n) === 1n) result = (result * square) % modulus;
    rest >>= 1n;
    square = (square * square) % modulus;
  }
  return result;
}

/** Parses an unsigned hex string (any length, any case); throws a RangeError naming the member on bad input. */
export function bigIntFromHex(hex: string, memberName: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new RangeError(`${memberName} is not a hex string`);
  return BigInt(`0x${hex}`);
}

/**
 * Hex of a non-negative integer as amazon-cognito-identity-js pads it (Java BigInteger.toByteArray): even length,
 * with "00" prepended when the first hex digit is 8 or above so the value stays positive.
 * See AuthenticationHelper.padHex in amazon-cognito-identity-js.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex: negative values are not used by SRP');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}
