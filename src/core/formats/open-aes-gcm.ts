/** AES-GCM's authentication tag, bytes: every format Keystep imports uses the full 128 bits. */
export const AES_GCM_TAG_BYTES = 16;

/**
 * Decrypts and authenticates AES-GCM data (NIST SP 800-38D) with WebCrypto, without additional data.
 * @param key raw AES key bytes (16, 24 or 32).
 * @param iv the nonce (callers check its length: 12 bytes in every format read here).
 * @param ciphertextAndTag the ciphertext followed by the 16-byte tag, as WebCrypto takes it.
 * @returns the plaintext, or undefined when the tag does not verify (wrong key, or altered data).
 */
export async function openAesGcm(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertextAndTag: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array | undefined> {
  const cryptoKey = await subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['decrypt']);
  try {
    const plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(iv), tagLength: AES_GCM_TAG_BYTES * 8 },
      cryptoKey,
      new Uint8Array(ciphertextAndTag),
    );
    return new Uint8Array(plaintext);
  } catch (error) {
    // WebCrypto rejects with an OperationError when the tag does not verify
    // (https://w3c.github.io/webcrypto/#aes-gcm-operations); anything else is a bug.
    if (error instanceof Error && error.name === 'OperationError') return undefined;
    throw error;
  }
}
