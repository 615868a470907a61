/** AES-256-GCM output as stored: both fields standard Base64. */
export interface SealedBox {
  /** The 96-bit nonce (12 bytes), fresh for every encryption. */
  readonly iv: string;
  /** Ciphertext followed by the 128-bit authentication tag. */
  readonly ciphertext: string;
}
