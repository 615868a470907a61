import type { AccountDraft } from '../core/account.ts';

/**
 * The authenticator account for a Cognito software token: TOTP, SHA1, 6 digits, 30 s (what Cognito uses
 * and what every AWS sample's otpauth:// URI implies).
 * @param secretCode AssociateSoftwareToken's SecretCode (base32); spaces and `=` are dropped, case folded.
 * @param issuer the entry's title, e.g. the profile's issuer or name.
 * @param name the account name: the user's e-mail, else the username.
 * @throws {Error} when the SecretCode is not base32 of at least 16 characters (the value is not echoed).
 */
export function cognitoAccountDraft(secretCode: string, issuer: string, name: string): AccountDraft {
  const secret = secretCode.replace(/[\s=]/g, '').toUpperCase();
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error('SecretCode from AssociateSoftwareToken is not base32 of 16+ characters');
  return { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer, name };
}
