/** The PASSWORD_VERIFIER parameters an SRP answer is computed from. */
export type SrpChallengeField = 'SALT' | 'SRP_B' | 'SECRET_BLOCK';

/**
 * A PASSWORD_VERIFIER challenge Keystep cannot answer: `field` is missing, not hex / Base64, or a value SRP must
 * refuse (B mod N = 0, u = 0: RFC 5054 section 2.6). A server whose SRP is a placeholder (moto's SECRET_BLOCK is
 * its session ID, not Base64) ends here too. The message names the field, never a value.
 */
export class SrpChallengeError extends Error {
  readonly field: SrpChallengeField;

  constructor(field: SrpChallengeField, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SrpChallengeError';
    this.field = field;
  }
}
