/**
 * Hex <-> bigint <-> byte conversions with the padding rules of amazon-cognito-identity-js
 * (AuthenticationHelper.padHex), which SRP hashes depend on byte for byte.
 */

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Parses a non-empty hexadecimal string (no `0x`, either case) into a non-negative bigint.
 * @param what names the input in the error message (e.g. "SRP_B"); the value itself is never echoed.
 * @throws {Error} when `hex` is empty or has a non-hex character.
 */
export function bigIntFromHex(hex: string, what: string): bigint {
  if (!HEX.test(hex)) throw new Error(`${what} is not a hexadecimal string`);
  return BigInt(`0x${hex}`);
}

/**
 * Even-length lower-case hex of a non-negative integer, with "00" prepended when the first hex digit is 8 or
 * above, i.e. the hex of Java's BigInteger.toByteArray() for a positive value, as Cognito's SRP expects.
 * @throws {RangeError} for a negative value (SRP never pads one: every value is reduced mod N first).
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex takes a non-negative integer');
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return hex;
}

/**
 * Bytes of an even-length hex string.
 * @throws {Error} for odd length or a non-hex character.
 */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || (hex.length > 0 && !HEX.test(hex))) throw new Error('hex string must have an even number of hex digits');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Lower-case hex of some bytes, two digits per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
