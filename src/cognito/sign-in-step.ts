import type { SignInFlow } from './cognito-api.ts';
import { cognitoProblem, type CognitoProblemCode } from './cognito-problem.ts';
import type { SignInFlowSetting } from './cognito-profile.ts';
import { credentialsOf, type FlowContext } from './flow-context.ts';
import { answerWith, type FlowNext } from './flow-next.ts';
import { secretsOf } from './flow-record.ts';
import { initiateSignIn, type SignInStart } from './sign-in.ts';
import { StepFailure } from './step-failure.ts';
import { signInFlowOf } from './validate-cognito-profile.ts';

const FLOW_DISABLED: readonly CognitoProblemCode[] = ['srp-flow-not-enabled', 'password-flow-not-enabled'];

/**
 * The auth flows each setting allows, in the order they are tried. USER_PASSWORD_AUTH sends the password to the
 * server, so it is here only where the user chose a setting that says so.
 */
const FLOWS: Readonly<Record<SignInFlowSetting, readonly SignInFlow[]>> = {
  srp: ['USER_SRP_AUTH'],
  'srp-then-password': ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'],
  password: ['USER_PASSWORD_AUTH'],
};

/** The flows to try: those the setting allows, the one that signed in last (if any) first. */
function flowsToTry(setting: SignInFlowSetting, used: SignInFlow | undefined): readonly SignInFlow[] {
  const allowed = FLOWS[setting];
  return used !== undefined && allowed.includes(used) ? [used, ...allowed.filter((flow) => flow !== used)] : allowed;
}

/**
 * Signs in with the remembered credentials, with the auth flows the profile's sign-in flow setting allows
 * (signInFlowOf): USER_SRP_AUTH for `srp`, USER_PASSWORD_AUTH for `password`, and for `srp-then-password` SRP,
 * then the password flow when the app client does not allow SRP (the flow that signed in last goes first on a
 * later sign-in of the same action). Forgets the old session and token first.
 * @returns the response to handle (tokens or the first challenge).
 * @throws {StepFailure} srp-flow-not-enabled / password-flow-not-enabled when the client does not allow the one flow
 *   the setting allows; auth-flows-not-enabled when it allows neither of two; or the sign-in's problem.
 */
export async function signInStep(ctx: FlowContext): Promise<FlowNext> {
  const credentials = credentialsOf(ctx);
  ctx.memory.update((record) => ({
    ...record,
    session: undefined,
    tokens: undefined,
    mfa: undefined,
    codeChallenge: undefined,
    enrollment: record.enrollment === undefined ? undefined : { ...record.enrollment, currentStep: undefined },
  }));
  const flows = flowsToTry(signInFlowOf(ctx.profile), ctx.memory.record.flowUsed);
  const first = flows[0] ?? 'USER_SRP_AUTH';
  for (const flow of flows) {
    ctx.runner.show({ kind: 'signing-in', username: credentials.username, flow });
    let start: SignInStart;
    try {
      start = await initiateSignIn(
        {
          caller: ctx.caller,
          profile: ctx.profile,
          credentials,
          randomBytes: ctx.randomBytes,
          subtle: ctx.subtle(),
          now: ctx.now,
          redact: secretsOf(ctx.memory.record),
        },
        flow,
      );
    } catch (error: unknown) {
      // Only "this client does not allow <flow>" moves on to the next flow the setting allows, if any.
      if (!(error instanceof StepFailure) || !FLOW_DISABLED.includes(error.problem.code) || flows.length === 1) throw error;
      if (flow !== flows.at(-1)) continue;
      throw new StepFailure(
        cognitoProblem('auth-flows-not-enabled', {
          operation: 'InitiateAuth',
          clientId: ctx.profile.clientId,
          settings: 'ALLOW_USER_SRP_AUTH ALLOW_USER_PASSWORD_AUTH',
        }),
        { cause: error },
      );
    }
    ctx.memory.update({ flowUsed: flow, ...(flow === first ? {} : { fellBackFrom: first }), challengeUsername: start.challengeUsername });
    return answerWith(start.response);
  }
  throw new Error('sign-in ended without a response');
}
