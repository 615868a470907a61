import { createHmac, timingSafeEqual } from 'node:crypto';

/** Cognito TOTP parameters: SHA1, 6 digits, 30-second period (docs/cognito-facts.md, "TOTP"). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** HOTP (RFC 4226 section 5.3): HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation. */
export function hotp(secret: Uint8Array, counter: bigint, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** TOTP (RFC 6238 section 4) at `epochMs`, with T0 = 0. */
export function totpAt(secret: Uint8Array, epochMs: number, digits = TOTP_DIGITS): string {
  return hotp(secret, BigInt(Math.floor(epochMs / 1000 / TOTP_PERIOD_SECONDS)), digits);
}

/**
 * Whether `code` is the TOTP of `secret` within +-`window` steps of `epochMs`. Cognito's accepted skew is
 * undocumented; one step either side is the common choice (RFC 6238 section 5.2).
 */
export function verifyTotp(secret: Uint8Array, code: string, epochMs: number, window = 1): boolean {
  const step = BigInt(Math.floor(epochMs / 1000 / TOTP_PERIOD_SECONDS));
  const given = Buffer.from(code, 'utf8');
  let matched = false;
  for (let delta = -window; delta <= window; delta++) {
    const counter = step + BigInt(delta);
    if (counter < 0n) continue;
    const expected = Buffer.from(hotp(secret, counter), 'utf8');
    // No early exit, so the time taken does not tell which step matched.
    if (expected.length === given.length && timingSafeEqual(expected, given)) matched = true;
  }
  return matched;
}
