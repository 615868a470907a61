/**
 * Computes the 6-digit SHA1 TOTP code of a base32 secret at a time (RFC 6238, 30 s step), e.g. core's
 * generateCode wired in by the caller. Injected so that src/cognito does not depend on how core computes HMAC.
 * @param secretBase32 canonical base32 secret (upper case, no padding).
 * @param nowMs time in ms since the epoch.
 * @returns the code as a string of exactly 6 digits.
 */
export type TotpGenerator = (secretBase32: string, nowMs: number) => Promise<string>;
