import type { RandomBytes } from './random-bytes.ts';

/**
 * The platform pieces the vault and backup crypto use, injected so tests can fix the randomness or
 * wrap WebCrypto. Each defaults at the edge: `subtle` to `globalThis.crypto.subtle`, `randomBytes` to
 * defaultRandomBytes (`crypto.getRandomValues`).
 */
export interface CryptoDeps {
  readonly subtle?: SubtleCrypto | undefined;
  readonly randomBytes?: RandomBytes | undefined;
}
