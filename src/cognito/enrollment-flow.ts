import { defaultRandomBytes, type RandomBytes } from '../core/random-bytes.ts';
import { ActionRunner, type EnrollmentListener } from './action-runner.ts';
import type { CognitoApi } from './cognito-api.ts';
import { CognitoCaller } from './cognito-caller.ts';
import type { CognitoProfile } from './cognito-profile.ts';
import type { EnrollmentState } from './enrollment-state.ts';
import type { EnrollmentStore } from './enrollment-store.ts';
import { answerCode, answerNewPassword, resume, startEnrollment, startSignIn, type NewPasswordInput } from './flow-actions.ts';
import type { FlowContext } from './flow-context.ts';
import { FlowMemory } from './flow-memory.ts';
import { revokeInBackground } from './revoke-refresh-tokens.ts';
import type { FlowNext } from './flow-next.ts';
import { runGuarded } from './run-guarded.ts';
import type { SignInCredentials } from './sign-in.ts';
import type { TotpGenerator } from './totp-generator.ts';

export type { EnrollmentListener } from './action-runner.ts';
export type { NewPasswordInput } from './flow-actions.ts';

/** Dependencies and settings of {@link createEnrollmentFlow}. */
export interface EnrollmentFlowOptions {
  /** Pool, client, endpoint, issuer and sign-in flow setting. */
  readonly profile: CognitoProfile;
  /** Cognito calls (createAwsCognitoClient in the extension; the local Cognito server's operations in process in tests). */
  readonly api: CognitoApi;
  /** Keystep's authenticator. */
  readonly store: EnrollmentStore;
  /** 6-digit SHA1/30 s TOTP of a base32 secret at a time. */
  readonly generateTotp: TotpGenerator;
  /** Local clock, ms since the epoch; default `Date.now`. */
  readonly now?: () => number;
  /** Waits `ms` milliseconds; default a `setTimeout` promise. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Randomness for SRP's `a`; default WebCrypto. */
  readonly randomBytes?: RandomBytes;
  /** WebCrypto for SRP and SECRET_HASH; default `globalThis.crypto.subtle`. */
  readonly subtle?: SubtleCrypto;
  /** VerifySoftwareToken FriendlyDeviceName; default "Keystep on Chrome". */
  readonly friendlyDeviceName?: string;
  /** Waits before retries after throttling, ms; default [1000, 2000] (2 retries). */
  readonly throttleDelaysMs?: readonly number[];
  /** Waits before retries after HTTP 5xx, ms; default [500] (1 retry). */
  readonly serverErrorDelaysMs?: readonly number[];
  /** A rejected code made with this little time left in its 30 s step is retried once with the next code; default 3000 ms. */
  readonly boundaryMarginMs?: number;
}

/**
 * Signs a user in to a Cognito user pool and enrolls them in TOTP MFA with the secret stored in Keystep.
 * A state machine over {@link EnrollmentState}; the UI renders the state and calls the actions the state
 * allows. Actions resolve when the flow has settled in a state that needs the user or is final; Cognito
 * failures never reject an action, they lead to `failed` (or back to the form, for a wrong code or a refused
 * new password). Actions reject only on misuse (wrong state, or another action still running).
 *
 * Passwords, the client secret, tokens, sessions and the TOTP secret live only inside this object (the
 * secret also goes to the store); none of them appears in a state or problem. They are dropped on
 * `enrolled` and on reset(). The sign-in sessions the flow opens end with the enrollment: every refresh token
 * Cognito gave it is revoked (RevokeToken) once it is `enrolled`, or `failed` after a sign-in (the state says
 * whether that worked), and in the background on reset() and on a new sign-in.
 */
export interface EnrollmentFlow {
  /** The current state. */
  getState(): EnrollmentState;
  /** Calls `listener` after every state change. @returns a function that unsubscribes. */
  subscribe(listener: EnrollmentListener): () => void;
  /**
   * Signs in with the auth flows the profile's sign-in flow setting allows: USER_SRP_AUTH (`srp`, the default),
   * USER_PASSWORD_AUTH (`password`), or SRP and then the password flow when the app client does not allow SRP
   * (`srp-then-password`). The password is never sent with USER_PASSWORD_AUTH under any other setting. Allowed in
   * every state when no action is running.
   */
  signIn(credentials: SignInCredentials): Promise<void>;
  /** Answers NEW_PASSWORD_REQUIRED. State `needs-new-password`; every required attribute must be given. */
  submitNewPassword(input: NewPasswordInput): Promise<void>;
  /** Answers SOFTWARE_TOKEN_MFA / SMS_MFA / EMAIL_OTP with the code the user has. State `needs-code`. */
  submitCode(code: string): Promise<void>;
  /** Enrolls the signed-in user in TOTP MFA. State `signed-in`. */
  enroll(): Promise<void>;
  /**
   * Resumes after a failure: from the failed enrollment step while the access token is good (a fresh code
   * for verify), else by signing in again with the remembered credentials. State `failed` with `canRetry`.
   */
  retry(): Promise<void>;
  /**
   * Forgets everything (credentials, tokens, progress) and returns to `idle` at once. A running action is
   * abandoned: it makes no further call, the result of the call it is waiting for is ignored, and the next action
   * starts once that call has returned (bounded by the client's request timeout).
   */
  reset(): void;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the sign-in + TOTP enrollment state machine for one Cognito profile (see {@link EnrollmentFlow}).
 * Starts in `idle`.
 *
 * Its parts: an ActionRunner (one action at a time, reset, listeners), a FlowMemory holding the immutable
 * FlowRecord (secrets and progress), and the steps (sign-in-step, handle-auth-response, enroll-steps) that
 * driveFlow runs from where each action starts (flow-actions).
 */
export function createEnrollmentFlow(options: EnrollmentFlowOptions): EnrollmentFlow {
  const { profile } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const runner = new ActionRunner();
  const memory = new FlowMemory(() => runner.checkCancelled());
  const caller = new CognitoCaller({
    api: options.api,
    now,
    sleep,
    context: {
      poolId: profile.userPoolId,
      clientId: profile.clientId,
      region: profile.region,
      ...(profile.endpoint === undefined ? {} : { endpoint: profile.endpoint }),
    },
    ...(options.throttleDelaysMs === undefined ? {} : { throttleDelaysMs: options.throttleDelaysMs }),
    ...(options.serverErrorDelaysMs === undefined ? {} : { serverErrorDelaysMs: options.serverErrorDelaysMs }),
    // An action that reset() abandoned (a lock, a new profile, "Start again") sends nothing more, not even the retry
    // after a wait.
    checkCancelled: () => runner.checkCancelled(),
  });
  const ctx: FlowContext = {
    profile,
    store: options.store,
    caller,
    generateTotp: options.generateTotp,
    now,
    sleep,
    randomBytes: options.randomBytes ?? defaultRandomBytes,
    subtle: () => options.subtle ?? globalThis.crypto.subtle,
    friendlyDeviceName: options.friendlyDeviceName ?? 'Keystep on Chrome',
    boundaryMarginMs: options.boundaryMarginMs,
    memory,
    runner,
    revokeLater: (refreshTokens, clientSecret) => revokeInBackground(options.api, profile.clientId, refreshTokens, clientSecret),
  };
  const act = (action: string, allowed: EnrollmentState['kind'] | undefined, start: () => FlowNext | Promise<FlowNext>): Promise<void> =>
    runner.run(action, allowed, () => runGuarded(ctx, start));

  return {
    getState: () => runner.state,
    subscribe: (listener) => runner.subscribe(listener),
    signIn: (credentials) => act('signIn', undefined, () => startSignIn(ctx, credentials)),
    submitNewPassword(input) {
      const missing = memory.record.requiredAttributes.filter((name) => (input.attributes?.[name] ?? '') === '');
      if (runner.state.kind === 'needs-new-password' && missing.length > 0) {
        return Promise.reject(new Error(`submitNewPassword() lacks required attributes: ${missing.join(', ')}`));
      }
      return act('submitNewPassword', 'needs-new-password', () => answerNewPassword(ctx, input));
    },
    submitCode: (code) => act('submitCode', 'needs-code', () => answerCode(ctx, code)),
    enroll: () => act('enroll', 'signed-in', () => startEnrollment(ctx)),
    retry() {
      const state = runner.state;
      if (state.kind === 'failed' && !state.canRetry) return Promise.reject(new Error(`retry() is not possible after "${state.problem.code}"`));
      return act('retry', 'failed', () => resume(ctx));
    },
    reset() {
      // The sign-in sessions end with the flow's memory of them.
      const { refreshTokens, credentials } = memory.record;
      runner.reset();
      memory.reset();
      ctx.revokeLater(refreshTokens, credentials?.clientSecret);
    },
  };
}
