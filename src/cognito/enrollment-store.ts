import type { AccountDraft } from '../core/account.ts';

/** Identifies a Cognito user across sessions: the pool, the app client and the username as typed. */
export interface CognitoAccountRef {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** The username the user signed in with (may be an e-mail alias), not USER_ID_FOR_SRP. */
  readonly username: string;
}

/**
 * Keystep's authenticator as the enrollment flow sees it. The flow gives it the TOTP secret and nothing else
 * secret (never a password, token or client secret).
 */
export interface EnrollmentStore {
  /**
   * Saves an account whose secret Cognito has associated but not yet verified, so that the secret is never
   * lost if enrollment stops midway. For a ref that already has a pending account it replaces that one's
   * draft (a new association replaces the old secret) and returns the same id.
   * @returns the account id.
   */
  savePending(draft: AccountDraft, ref: CognitoAccountRef): Promise<string>;
  /** Marks a pending account active once Cognito confirmed TOTP as the user's preferred MFA. */
  markActive(id: string): Promise<void>;
  /** The base32 secret of this user's active account, if Keystep has one (to answer SOFTWARE_TOKEN_MFA). */
  findSecret(ref: CognitoAccountRef): Promise<string | undefined>;
}
