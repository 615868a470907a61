/**
 * Machine codes of the errors of the vault and backup crypto. The UI maps them to localized messages,
 * so this set is an API: add codes, never rename or remove them.
 */
export const VAULT_CRYPTO_ERROR_CODES = [
  /** The password-derived key does not open the wrapped vault key (AES-GCM tag mismatch). */
  'wrong-password',
  /** Data did not authenticate under the key, or decrypted to something that is not what was sealed. */
  'decrypt-failed',
  /** Stored key-derivation parameters are unusable (field: `algorithm`, `iterations` or `salt`). */
  'kdf-params-invalid',
  /** A stored AES-GCM box is unusable (field: `iv` or `ciphertext`). */
  'sealed-box-invalid',
] as const;

export type VaultCryptoErrorCode = (typeof VAULT_CRYPTO_ERROR_CODES)[number];

/**
 * An error of encryption at rest. `message` is English for developers and names the bad input (which
 * record, which field); it never contains a password, a key, a salt-derived value or decrypted data.
 */
export class VaultCryptoError extends Error {
  override readonly name = 'VaultCryptoError';
  readonly code: VaultCryptoErrorCode;
  /** The field of the parsed object that is wrong, e.g. `iterations` or `iv`; undefined when not about one field. */
  readonly field: string | undefined;

  constructor(code: VaultCryptoErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
