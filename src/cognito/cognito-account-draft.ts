import type { AccountDraft, OtpParameters } from '../core/account.ts';
import { normalizeBase32Secret } from '../core/base32.ts';

/**
 * Cognito's TOTP parameters, less the secret: SHA1, 6 digits, 30 s steps (docs/cognito-facts.md, "TOTP"); the
 * same for every user pool.
 */
export const COGNITO_TOTP: Omit<OtpParameters, 'secret'> = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };

/**
 * The authenticator account for a Cognito software token: TOTP, SHA1, 6 digits, 30 s (what Cognito uses
 * and what every AWS sample's otpauth:// URI implies).
 * @param secretCode AssociateSoftwareToken's SecretCode (base32); spaces and `=` are dropped, case folded.
 * @param issuer the entry's title, e.g. the profile's issuer or name.
 * @param name the account name: the user's e-mail, else the username.
 * @throws {Error} when the SecretCode is not base32 of a valid length and at least 10 bytes, the rule every
 *   other secret follows (normalizeBase32Secret; the value is not echoed).
 */
export function cognitoAccountDraft(secretCode: string, issuer: string, name: string): AccountDraft {
  let secret: string;
  try {
    secret = normalizeBase32Secret(secretCode);
  } catch (error) {
    throw new Error('SecretCode from AssociateSoftwareToken is not base32 of a valid length (10+ bytes)', { cause: error });
  }
  return { ...COGNITO_TOTP, secret, issuer, name };
}
