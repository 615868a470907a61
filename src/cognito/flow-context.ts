import type { RandomBytes } from '../core/random-bytes.ts';
import type { ActionRunner } from './action-runner.ts';
import { Cancelled } from './cancelled.ts';
import type { CognitoCaller } from './cognito-caller.ts';
import type { CognitoProblemCode } from './cognito-problem.ts';
import type { CognitoProfile } from './cognito-profile.ts';
import type { CognitoAccountRef, EnrollmentStore } from './enrollment-store.ts';
import type { FlowMemory } from './flow-memory.ts';
import { normalizeEndpoint } from './normalize-endpoint.ts';
import type { SignInCredentials } from './sign-in.ts';
import { StepFailure } from './step-failure.ts';
import type { TotpRolloverOptions } from './submit-totp-with-rollover.ts';
import type { TotpGenerator } from './totp-generator.ts';

/** What the steps of one enrollment flow work with: its settings and ports, its memory and its runner. */
export interface FlowContext {
  readonly profile: CognitoProfile;
  readonly store: EnrollmentStore;
  /** Cognito calls with backoff, clock-skew measurement and problems. */
  readonly caller: CognitoCaller;
  readonly generateTotp: TotpGenerator;
  /** Local clock, ms since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly randomBytes: RandomBytes;
  /** WebCrypto, looked up at each use. */
  readonly subtle: () => SubtleCrypto;
  /** VerifySoftwareToken's FriendlyDeviceName. */
  readonly friendlyDeviceName: string;
  /** See TotpRolloverOptions.boundaryMarginMs; undefined: its default. */
  readonly boundaryMarginMs: number | undefined;
  readonly memory: FlowMemory;
  /** Shows states; tells whether reset() abandoned the running action. */
  readonly runner: ActionRunner;
  /** Revokes refresh tokens the flow is about to forget, without waiting and without reporting (revokeInBackground). */
  readonly revokeLater: (refreshTokens: readonly string[], clientSecret: string | undefined) => void;
}

const CODE_REJECTED: readonly CognitoProblemCode[] = ['code-mismatch', 'enable-code-mismatch'];

/** True when Cognito refused a code (the failure a code of the next step may fix). */
export const isRejectedCode = (error: unknown): error is StepFailure => error instanceof StepFailure && CODE_REJECTED.includes(error.problem.code);

/**
 * The remembered credentials.
 * @throws {Cancelled} when reset() abandoned the running action (which also forgot the credentials).
 */
export function credentialsOf(ctx: FlowContext): SignInCredentials {
  ctx.runner.checkCancelled();
  const credentials = ctx.memory.record.credentials;
  if (credentials === undefined) throw new Cancelled('no credentials');
  return credentials;
}

/** The store's key of the signed-in user: the endpoint (normalized; none for AWS), region, pool, client and the username as typed. */
export function accountRef(ctx: FlowContext): CognitoAccountRef {
  const { region, userPoolId, clientId } = ctx.profile;
  const endpoint = normalizeEndpoint(ctx.profile.endpoint, region);
  return { ...(endpoint === undefined ? {} : { endpoint }), region, userPoolId, clientId, username: credentialsOf(ctx).username };
}

/** How a TOTP code of `secret` is submitted: the current one, then once the next if the step rolled over on the way. */
export function rolloverOptions(ctx: FlowContext, secret: string): TotpRolloverOptions {
  return {
    secret,
    generateTotp: ctx.generateTotp,
    now: ctx.now,
    sleep: ctx.sleep,
    isCodeRejected: isRejectedCode,
    ...(ctx.boundaryMarginMs === undefined ? {} : { boundaryMarginMs: ctx.boundaryMarginMs }),
  };
}
