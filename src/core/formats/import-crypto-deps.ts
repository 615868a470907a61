import type { Scrypt } from './scrypt.ts';

/**
 * What decrypting another app's export needs, injected so tests can substitute or wrap it. Each defaults at the
 * edge: `subtle` to `globalThis.crypto.subtle`, `scrypt` to defaultScrypt (@noble/hashes, loaded on first use).
 */
export interface ImportCryptoDeps {
  readonly subtle?: SubtleCrypto | undefined;
  readonly scrypt?: Scrypt | undefined;
}
