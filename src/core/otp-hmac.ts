import { hmac } from '@noble/hashes/hmac.js';
import type { CHash } from '@noble/hashes/utils.js';
import type { OtpAlgorithm } from './account.ts';

/**
 * HMAC (RFC 2104) as otpauth calls it: synchronous, by algorithm name, returning the full MAC (20, 32 or 64
 * bytes for SHA1, SHA256, SHA512).
 */
export type OtpHmac = (algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array;

/**
 * An OtpHmac over the given @noble/hashes hash functions (the ones otpauth's own full build bundles). Keystep
 * uses otpauth's bare build and passes the hashes it needs, so that a page carries only those: the popup the
 * three of the Key Uri Format, the options page SHA1 alone for Cognito (the full build bundles SHA-224,
 * SHA-384 and four SHA-3 hashes besides, about 2 kB gzip no Keystep page runs).
 *
 * @throws Error, when called, for an algorithm it was given no hash for.
 */
export function nobleHmac(hashes: Partial<Record<OtpAlgorithm, CHash>>): OtpHmac {
  return (algorithm, key, message) => {
    const hash = hashes[algorithm as OtpAlgorithm];
    if (hash === undefined) throw new Error(`No HMAC hash for ${algorithm}`);
    return hmac(hash, key, message);
  };
}
