import type { SignInFlow } from './cognito-api.ts';
import type { CognitoProblem } from './cognito-problem.ts';

/** Challenges answered with a code the user reads from an app, an SMS or an e-mail. */
export type CodeChallenge = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';

/**
 * Steps of enrolling a software token, in order. With an access token (after sign-in):
 * associate -> save-pending -> verify -> set-preference -> confirm -> activate. Inside an MFA_SETUP challenge:
 * associate -> save-pending -> verify -> complete-setup (answer MFA_SETUP, which signs in) -> set-preference
 * -> confirm -> activate.
 */
export type EnrollmentStep = 'associate' | 'save-pending' | 'verify' | 'complete-setup' | 'set-preference' | 'confirm' | 'activate';

/** What the UI shows once enrollment is done; mirrors admin-get-user's MFA fields. No secrets. */
export interface EnrollmentSummary {
  /** Keystep account id of the new entry. */
  readonly accountId: string;
  /** Entry title (profile issuer, default profile name). */
  readonly issuer: string;
  /** Entry account name: the user's e-mail from the ID token, else the username. */
  readonly accountName: string;
  /** GetUser.Username (the pool's username, e.g. a UUID for e-mail-alias pools). */
  readonly username: string;
  /** GetUser.PreferredMfaSetting, "SOFTWARE_TOKEN_MFA". */
  readonly preferredMfaSetting: string;
  /** GetUser.UserMFASettingList, including "SOFTWARE_TOKEN_MFA". */
  readonly userMfaSettingList: readonly string[];
  /** The auth flow that signed in. */
  readonly flowUsed: SignInFlow;
  /** The flow tried first that the app client does not allow, when the fallback was used (only with the sign-in flow `srp-then-password`). */
  readonly fellBackFrom?: SignInFlow;
  /** True when Cognito required MFA at sign-in (MFA_SETUP) and the token was enrolled inside that challenge. */
  readonly viaMfaSetup: boolean;
}

/**
 * How the sign-in sessions the flow opened ended, once the enrollment ended: RevokeToken of every refresh token Cognito
 * gave it. A revocation that failed (its problem) does not fail the enrollment: that session lasts until its refresh
 * token expires.
 */
export type TokenRevocation = { readonly revoked: true } | { readonly revoked: false; readonly problem: CognitoProblem };

/**
 * The flow's state, for the UI to render (discriminated on `kind`). It may show the username and e-mail,
 * never a password, token, session or secret.
 */
export type EnrollmentState =
  /** Nothing started (or reset). Action: signIn. */
  | { readonly kind: 'idle' }
  /** InitiateAuth / automatic challenge answers in progress. */
  | { readonly kind: 'signing-in'; readonly username: string; readonly flow: SignInFlow }
  /**
   * NEW_PASSWORD_REQUIRED: ask for a new password and these attributes (names without the "userAttributes."
   * prefix, e.g. "name"). `problem` is set when the previous new password was refused. Action: submitNewPassword.
   */
  | {
      readonly kind: 'needs-new-password';
      readonly username: string;
      readonly requiredAttributes: readonly string[];
      readonly problem?: CognitoProblem;
    }
  /**
   * A code is needed: from the user's existing authenticator (SOFTWARE_TOKEN_MFA without a secret in
   * Keystep for this target), an SMS or an e-mail. `destination` is Cognito's masked CODE_DELIVERY_DESTINATION.
   * `problem` is set when the previous code was refused. `notice` says why Keystep did not answer by itself
   * although it holds a secret of this user: `stored-secret-other-target` (enrolled through another endpoint,
   * region or app client). Action: submitCode.
   */
  | {
      readonly kind: 'needs-code';
      readonly username: string;
      readonly challenge: CodeChallenge;
      readonly destination?: string;
      readonly problem?: CognitoProblem;
      readonly notice?: CognitoProblem;
    }
  /**
   * Signed in. `mfaUsed` says which factor sign-in needed (SOFTWARE_TOKEN_MFA: the user already has a TOTP
   * device, which enrolling replaces). Action: enroll.
   */
  | {
      readonly kind: 'signed-in';
      readonly username: string;
      readonly email?: string;
      readonly flowUsed: SignInFlow;
      readonly fellBackFrom?: SignInFlow;
      readonly mfaUsed?: CodeChallenge;
      /** With mfaUsed: true when Keystep answered from its stored secret, false when the user typed the code. */
      readonly mfaAnsweredByKeystep?: boolean;
    }
  /** Enrollment in progress at `step`; `pendingAccountId` once the secret is saved. */
  | { readonly kind: 'enrolling'; readonly username: string; readonly step: EnrollmentStep; readonly pendingAccountId?: string }
  /** Done. `revocation`: how the sign-in sessions ended (absent when Cognito gave no refresh token). */
  | { readonly kind: 'enrolled'; readonly summary: EnrollmentSummary; readonly revocation?: TokenRevocation }
  /**
   * Stopped. `pendingAccountId` is the saved-but-unverified account, if any (the UI may discard it).
   * `failedStep` is the enrollment step that failed, if enrollment had started. `revocation`: how the sign-in
   * sessions ended, when the failure came after a sign-in (a retry signs in again). Actions: retry (when
   * `canRetry`), signIn, reset.
   */
  | {
      readonly kind: 'failed';
      readonly problem: CognitoProblem;
      readonly canRetry: boolean;
      readonly pendingAccountId?: string;
      readonly failedStep?: EnrollmentStep;
      readonly revocation?: TokenRevocation;
    };
