import type { AccountDraft } from '../core/account.ts';
import type { SignInFlow } from './cognito-api.ts';
import type { CognitoProblem } from './cognito-problem.ts';
import type { CodeChallenge, EnrollmentStep } from './enrollment-state.ts';
import type { SignInCredentials } from './sign-in.ts';

/** Tokens of the signed-in user. */
export interface FlowTokens {
  readonly accessToken: string;
  readonly idToken: string | undefined;
  /** The refresh token that came with them, if any (also in FlowRecord.refreshTokens until it is revoked). */
  readonly refreshToken: string | undefined;
}

/** GetUser's MFA fields once they show TOTP as the preferred factor. */
export interface ConfirmedMfa {
  readonly username: string;
  readonly preferred: string;
  readonly list: readonly string[];
}

/** How far an enrollment got, so that retry() and a new sign-in resume it rather than start over. */
export interface EnrollmentProgress {
  /** With the access token (after sign-in) or inside the MFA_SETUP challenge's session. */
  readonly via: 'token' | 'session';
  readonly nextStep: EnrollmentStep;
  /** The step started last since the latest sign-in; a failure reports it as `failedStep`. */
  readonly currentStep: EnrollmentStep | undefined;
  /** VerifySoftwareToken accepted the secret: a new sign-in goes on after it instead of associating anew. */
  readonly verified: boolean;
  /** Enrolled inside MFA_SETUP (the pool requires MFA), for the summary. */
  readonly viaMfaSetup: boolean;
  /** The account saved as pending before verify. */
  readonly pendingAccountId: string | undefined;
  readonly confirmed: ConfirmedMfa | undefined;
}

/**
 * Everything the enrollment flow remembers between calls, as one immutable value: a change makes a new record,
 * and forgetting is going back to {@link INITIAL_FLOW_RECORD}. The secrets in it (credentials, session, tokens,
 * the draft's TOTP secret) stay in memory: never in a state or a problem; only the TOTP secret goes to the store.
 */
export interface FlowRecord {
  /** What the user typed to sign in (the password becomes the new one once Cognito accepted it). */
  readonly credentials: SignInCredentials | undefined;
  /** The single-use Session of the current challenge, or of the MFA_SETUP enrollment. */
  readonly session: string | undefined;
  readonly tokens: FlowTokens | undefined;
  /**
   * Every refresh token Cognito gave this flow and it has not revoked yet, oldest first (each sign-in brings one: a
   * sign-in again after an expired session, or at retry, adds another). Revoked when the enrollment ends
   * (revoke-refresh-tokens.ts); the sign-in session of each one ends with it.
   */
  readonly refreshTokens: readonly string[];
  /** The account made from AssociateSoftwareToken's SecretCode. */
  readonly draft: AccountDraft | undefined;

  /** USERNAME of challenge answers: USER_ID_FOR_SRP when Cognito sent one, else the typed username. */
  readonly challengeUsername: string;
  /** The e-mail of the ID token, for the account name. */
  readonly email: string | undefined;
  /** The flow that signed in last; a new sign-in tries it first. */
  readonly flowUsed: SignInFlow | undefined;
  /** The flow tried first that the app client does not allow, when the other one was used (sign-in flow `srp-then-password`). */
  readonly fellBackFrom: SignInFlow | undefined;
  /** The MFA factor sign-in asked for, and whether Keystep answered it from its stored secret. */
  readonly mfa: { readonly used: CodeChallenge; readonly answeredByKeystep: boolean } | undefined;
  /** The challenge a `needs-code` state waits to answer. */
  readonly codeChallenge: { readonly challenge: CodeChallenge; readonly destination: string | undefined } | undefined;
  /** NEW_PASSWORD_REQUIRED's required attributes, without the "userAttributes." prefix. */
  readonly requiredAttributes: readonly string[];
  /** A refused code's or new password's problem, shown on the form that the fresh sign-in after it asks for. */
  readonly carriedProblem: CognitoProblem | undefined;

  /** Set once the goal is a TOTP enrollment (enroll(), or MFA_SETUP at sign-in); undefined while only signing in. */
  readonly enrollment: EnrollmentProgress | undefined;
  /** The problem of the latest failure (retry() signs in again after an expired session). */
  readonly lastProblem: CognitoProblem | undefined;

  /** Challenges answered by the running action, bounded against a server that never stops challenging. */
  readonly hops: number;
  /** The running action has spent its one automatic sign-in after an expired session or token. */
  readonly restarted: boolean;
}

/** Nothing known: before the first sign-in, after reset() and once enrolled. */
export const INITIAL_FLOW_RECORD: FlowRecord = {
  credentials: undefined,
  session: undefined,
  tokens: undefined,
  refreshTokens: [],
  draft: undefined,
  challengeUsername: '',
  email: undefined,
  flowUsed: undefined,
  fellBackFrom: undefined,
  mfa: undefined,
  codeChallenge: undefined,
  requiredAttributes: [],
  carriedProblem: undefined,
  enrollment: undefined,
  lastProblem: undefined,
  hops: 0,
  restarted: false,
};

/** An enrollment about to associate a secret with the access token. */
export const FRESH_ENROLLMENT: EnrollmentProgress = {
  via: 'token',
  nextStep: 'associate',
  currentStep: undefined,
  verified: false,
  viaMfaSetup: false,
  pendingAccountId: undefined,
  confirmed: undefined,
};

/** The secret values of `record`, to keep out of problem params. */
export function secretsOf(record: FlowRecord): readonly string[] {
  const values = [
    record.credentials?.password,
    record.credentials?.clientSecret,
    record.session,
    record.tokens?.accessToken,
    record.tokens?.idToken,
    record.tokens?.refreshToken,
    ...record.refreshTokens,
    record.draft?.secret,
  ];
  return values.filter((value): value is string => value !== undefined && value !== '');
}

/**
 * The record to sign in again from: the session and token are gone, so an enrollment whose secret is not verified
 * yet associates a new one, and one verified inside MFA_SETUP goes on with the access token.
 */
export function restartFrom(record: FlowRecord): FlowRecord {
  const signedOut = { ...record, session: undefined, tokens: undefined };
  const progress = record.enrollment;
  if (progress === undefined) return signedOut;
  const nextStep = !progress.verified ? 'associate' : progress.nextStep === 'complete-setup' ? 'set-preference' : progress.nextStep;
  return { ...signedOut, enrollment: { ...progress, via: 'token', nextStep } };
}
