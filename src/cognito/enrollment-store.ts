import type { AccountDraft } from '../core/account.ts';

/**
 * Identifies a Cognito user across sessions: the server, the pool, the app client and the username as typed. An
 * account keeps the ref it was enrolled with (its CognitoLink).
 */
export interface CognitoAccountRef {
  /** The profile's custom endpoint as normalizeEndpoint gives it; absent for the regional AWS endpoint. */
  readonly endpoint?: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** The username the user signed in with (may be an e-mail alias), not USER_ID_FOR_SRP. */
  readonly username: string;
}

/** What {@link EnrollmentStore.findSecret} found for a ref. Never more than one secret. */
export type SecretLookup =
  /** An active account enrolled with exactly this ref (endpoint, region, pool, app client and username). */
  | { readonly kind: 'found'; readonly secret: string }
  /**
   * No account for this ref, but an active one for the same user (pool and username) enrolled with another endpoint,
   * region or app client: its ref, without its secret, so the flow can say why it does not answer with it.
   */
  | { readonly kind: 'other-target'; readonly enrolled: CognitoAccountRef }
  /** Nothing for this user. */
  | { readonly kind: 'none' };

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
  /**
   * The secret of the active account enrolled with exactly `ref`, to answer SOFTWARE_TOKEN_MFA with. A secret is
   * used only against the target it was enrolled with: another endpoint (a proxy, an emulator) or app client must
   * not receive codes of it, so an account of the same user enrolled elsewhere is reported, not used.
   */
  findSecret(ref: CognitoAccountRef): Promise<SecretLookup>;
}
