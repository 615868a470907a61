import { createHmac } from 'node:crypto';

// Codes computed without any of the product's code or libraries, for tests to compare with what the extension
// shows: the URI read with WHATWG URL, base32 decoded here, HMAC by node:crypto, truncation as RFC 4226
// section 5.3 writes it (https://www.rfc-editor.org/rfc/rfc4226#section-5.3).

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (upper or lower case, `=` padding and spaces allowed), unused trailing bits dropped. */
export function base32Bytes(text: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`Not base32: ${JSON.stringify(char)}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

export type HashName = 'SHA1' | 'SHA256' | 'SHA512';

/** HOTP (RFC 4226): HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
export function hotpCode(key: Uint8Array, counter: number | bigint, digits = 6, algorithm: HashName = 'SHA1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm.toLowerCase(), key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** TOTP (RFC 6238 section 4) at `timestampMs`, T0 = 0. */
export function totpCode(key: Uint8Array, timestampMs: number, options: { digits?: number; period?: number; algorithm?: HashName } = {}): string {
  const { digits = 6, period = 30, algorithm = 'SHA1' } = options;
  return hotpCode(key, BigInt(Math.floor(timestampMs / 1000 / period)), digits, algorithm);
}

interface UriParameters {
  readonly type: string;
  readonly key: Buffer;
  readonly algorithm: HashName;
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
}

function readUri(uri: string): UriParameters {
  const url = new URL(uri);
  const query = url.searchParams;
  const algorithm = (query.get('algorithm') ?? 'SHA1').toUpperCase().replace('-', '');
  if (algorithm !== 'SHA1' && algorithm !== 'SHA256' && algorithm !== 'SHA512') throw new Error(`Unexpected algorithm ${algorithm}`);
  return {
    type: url.host.toLowerCase(),
    key: base32Bytes(query.get('secret') ?? ''),
    algorithm,
    digits: Number(query.get('digits') ?? 6),
    period: Number(query.get('period') ?? 30),
    counter: Number(query.get('counter') ?? 0),
  };
}

/** The TOTP code of an otpauth URI at `timestampMs`. */
export function independentTotp(uri: string, timestampMs: number): string {
  const { type, key, algorithm, digits, period } = readUri(uri);
  if (type !== 'totp') throw new Error('expected a totp URI');
  return totpCode(key, timestampMs, { digits, period, algorithm });
}

/** The HOTP code of an otpauth URI at `counter` (the URI's own counter is not used). */
export function independentHotp(uri: string, counter: number): string {
  const { type, key, algorithm, digits } = readUri(uri);
  if (type !== 'hotp') throw new Error('expected an hotp URI');
  return hotpCode(key, counter, digits, algorithm);
}

/** The code inside a copy button's accessible name ("GitHub (alice), 123 456. Copy"; in the last seconds "…, 123 456, Next 654 321. Copy"). */
export function codeFromName(name: string): string {
  const match = /, ([\d ]+)(?:, Next [\d ]+)?\. Copy$/.exec(name);
  if (!match?.[1]) throw new Error(`No code in accessible name: ${name}`);
  return match[1].replaceAll(' ', '');
}

/** The next code in a copy button's accessible name, shown in the last seconds of a period; undefined before. */
export function nextCodeFromName(name: string): string | undefined {
  return /, Next ([\d ]+)\. Copy$/.exec(name)?.[1]?.replaceAll(' ', '');
}
