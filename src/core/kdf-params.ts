/** How a password becomes a key-wrapping key; stored with the data so the cost can be raised later. */
export interface KdfParams {
  readonly algorithm: 'PBKDF2-HMAC-SHA256';
  /** PBKDF2 iteration count. */
  readonly iterations: number;
  /** Random salt, standard Base64. */
  readonly salt: string;
}
