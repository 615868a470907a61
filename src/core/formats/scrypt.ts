/** scrypt's cost parameters (RFC 7914 section 2: https://www.rfc-editor.org/rfc/rfc7914#section-2). */
export interface ScryptParams {
  /** CPU/memory cost, a power of two > 1. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelization. */
  readonly p: number;
  /** Bytes of key to derive. */
  readonly dkLen: number;
}

/** scrypt(password, salt, params): injected so tests can substitute it or count its runs. */
export type Scrypt = (password: Uint8Array, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>;

/** The memory @noble/hashes may use, bytes: a little over the 128 * N * r of the largest parameters accepted. */
const MAX_SCRYPT_MEMORY_BYTES = 2 ** 28 + 2 ** 20;

/**
 * scrypt from @noble/hashes (audited, no dependencies of its own): WebCrypto has no scrypt. Loaded on first
 * use, so only decrypting an Aegis vault brings it (about 5 kB) into a page.
 */
export const defaultScrypt: Scrypt = async (password, salt, params) => {
  const { scryptAsync } = await import('@noble/hashes/scrypt.js');
  return scryptAsync(password, salt, { ...params, maxmem: MAX_SCRYPT_MEMORY_BYTES });
};
