// One-time passwords: HOTP (RFC 4226), TOTP (RFC 6238), the HMAC they run on, and display helpers.
//   https://www.rfc-editor.org/rfc/rfc4226  https://www.rfc-editor.org/rfc/rfc6238
import type { OtpAlgorithm, OtpParameters } from './account.ts';
import { decodeBase32 } from './base32.ts';
import { codeSchedule } from './code-schedule.ts';

/**
 * HMAC as code generation needs it (RFC 2104), injected so tests and other platforms can supply their own.
 * Resolves to the full MAC (20, 32 or 64 bytes for SHA1, SHA256, SHA512).
 */
export type Hmac = (algorithm: OtpAlgorithm, key: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;

/** WebCrypto names of the Key Uri Format algorithms: https://www.w3.org/TR/WebCryptoAPI/#hmac */
const WEB_CRYPTO_HASH: Readonly<Record<OtpAlgorithm, string>> = {
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA512: 'SHA-512',
};

export interface WebCryptoHmacOptions {
  /** Defaults to `globalThis.crypto.subtle`, looked up at each call (not at import). */
  readonly subtle?: SubtleCrypto;
  /**
   * How many imported CryptoKeys to keep, least recently used evicted first; default 64 (the popup shows
   * about 15 accounts). 0 disables the cache.
   */
  readonly maxCachedKeys?: number;
}

/**
 * An Hmac over WebCrypto (importKey raw HMAC, then sign) that caches the imported, non-extractable
 * CryptoKeys by algorithm and key, since the popup signs with the same ~15 keys every period.
 *
 * The cache keeps key material (as the cache key) in memory for the life of the returned function, as the
 * loaded account list does anyway. A failed import is not cached.
 */
export function createWebCryptoHmac(options: WebCryptoHmacOptions = {}): Hmac {
  const maxCachedKeys = options.maxCachedKeys ?? 64;
  const cache = new Map<string, Promise<CryptoKey>>();

  const importKey = (subtle: SubtleCrypto, algorithm: OtpAlgorithm, key: Uint8Array): Promise<CryptoKey> => {
    const cacheKey = `${algorithm}:${toHex(key)}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) {
      // Re-insert so that Map order (oldest first) is least-recently-used order.
      cache.delete(cacheKey);
      cache.set(cacheKey, cached);
      return cached;
    }
    // Copy: importKey wants an ArrayBuffer-backed view, and a later change to the caller's array must not
    // reach the key.
    const hmacParams: HmacImportParams = { name: 'HMAC', hash: WEB_CRYPTO_HASH[algorithm] };
    const imported = subtle.importKey('raw', new Uint8Array(key), hmacParams, false, ['sign']);
    if (maxCachedKeys > 0) {
      cache.set(cacheKey, imported);
      imported.catch(() => {
        if (cache.get(cacheKey) === imported) cache.delete(cacheKey);
      });
      if (cache.size > maxCachedKeys) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    return imported;
  };

  return async (algorithm, key, message) => {
    const subtle = options.subtle ?? globalThis.crypto.subtle;
    const cryptoKey = await importKey(subtle, algorithm, key);
    return new Uint8Array(await subtle.sign('HMAC', cryptoKey, new Uint8Array(message)));
  };
}

/** The default Hmac: WebCrypto with a shared key cache. */
export const webCryptoHmac: Hmac = createWebCryptoHmac();

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export interface HotpParameters {
  /** The key: raw bytes, or canonical base32 as in OtpParameters.secret. */
  readonly secret: Uint8Array | string;
  readonly algorithm: OtpAlgorithm;
  /** Code length, an integer 1..10 (Keystep accounts use 6, 7 or 8). */
  readonly digits: number;
  /** Moving factor, an integer 0..Number.MAX_SAFE_INTEGER. */
  readonly counter: number;
}

/** SHA-1, the shortest supported hash, gives 20 bytes; truncation reads up to byte 15 + 3. */
const MIN_MAC_BYTES = 20;

/**
 * HOTP per RFC 4226 section 5.3 (https://www.rfc-editor.org/rfc/rfc4226#section-5.3): HMAC of the 8-byte
 * big-endian counter, dynamic truncation to 31 bits, modulo 10^digits, zero-padded on the left.
 *
 * @param hmac defaults to webCryptoHmac.
 * @throws RangeError for digits or counter out of range (programming errors, not user input);
 *   OtpInputError if a string secret is not canonical base32.
 */
export async function generateHotp(params: HotpParameters, hmac: Hmac = webCryptoHmac): Promise<string> {
  const { algorithm, digits, counter } = params;
  if (!Number.isInteger(digits) || digits < 1 || digits > 10) {
    throw new RangeError(`HOTP digits must be an integer from 1 to 10, got ${digits}`);
  }
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError(`HOTP counter must be a non-negative safe integer, got ${counter}`);
  }
  const key = typeof params.secret === 'string' ? decodeBase32(params.secret) : params.secret;
  const message = new Uint8Array(8);
  const counterView = new DataView(message.buffer);
  // Counters beyond 2^32 are valid (safe integers reach 2^53), so split rather than use 32-bit operators.
  counterView.setUint32(0, Math.floor(counter / 2 ** 32));
  counterView.setUint32(4, counter % 2 ** 32);
  const mac = await hmac(algorithm, key, message);
  if (mac.byteLength < MIN_MAC_BYTES) {
    throw new Error(`HMAC returned ${mac.byteLength} bytes; at least ${MIN_MAC_BYTES} expected`);
  }
  const macView = new DataView(mac.buffer, mac.byteOffset, mac.byteLength);
  const offset = macView.getUint8(mac.byteLength - 1) & 0x0f;
  const truncated = macView.getUint32(offset) & 0x7fffffff;
  return (truncated % 10 ** digits).toString().padStart(digits, '0');
}

/**
 * The current code of an account: TOTP (RFC 6238, counter from nowMs and period) or HOTP (RFC 4226, the
 * stored counter; nowMs unused). Does not advance an HOTP counter: that is the caller's job.
 *
 * @param nowMs Unix time in milliseconds, e.g. Date.now().
 * @param hmac defaults to webCryptoHmac (cached WebCrypto keys).
 * @returns the code as `digits` decimal digits, zero-padded (see formatCode for display).
 */
export async function generateCode(params: OtpParameters, nowMs: number, hmac: Hmac = webCryptoHmac): Promise<string> {
  const { step } = codeSchedule(params, nowMs);
  return await generateHotp({ secret: params.secret, algorithm: params.algorithm, digits: params.digits, counter: step }, hmac);
}

/**
 * Splits a code into two groups for reading: 6 -> "123 456", 7 -> "123 4567", 8 -> "1234 5678"
 * (the shorter group first). Codes under 6 characters are returned unchanged. Copy the raw code, not this.
 */
export function formatCode(code: string): string {
  if (code.length < 6) return code;
  const split = Math.floor(code.length / 2);
  return `${code.slice(0, split)} ${code.slice(split)}`;
}
