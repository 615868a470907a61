/** Returns `length` fresh cryptographically random bytes. Injected so tests can fix SRP's secret `a`. */
export type RandomBytes = (length: number) => Uint8Array<ArrayBuffer>;

/** Default {@link RandomBytes}: `globalThis.crypto.getRandomValues` (WebCrypto; at most 65,536 bytes a call). */
export const defaultRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));
