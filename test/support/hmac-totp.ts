import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Bytes of an RFC 4648 base32 string (case, spaces and `=` padding ignored); throws on another character. */
function base32Bytes(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`Not base32: ${JSON.stringify(char)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/**
 * The TOTP code of a base32 secret at `timeMs` (ms since the epoch), with node:crypto's HMAC-SHA1 as RFC 6238
 * section 4 and RFC 4226 section 5.3 define it: counter = floor(seconds / period), dynamic truncation, the last
 * `digits` decimal digits. A third implementation, independent of Keystep's and of the otpauth library, for
 * talking to emulators in tests. https://www.rfc-editor.org/rfc/rfc6238#section-4
 */
export function hmacTotp(secretBase32: string, timeMs: number, digits = 6, periodSeconds = 30): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 1000 / periodSeconds)));
  const mac = createHmac('sha1', base32Bytes(secretBase32)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}
