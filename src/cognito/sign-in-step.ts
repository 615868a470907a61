import type { SignInFlow } from './cognito-api.ts';
import { cognitoProblem, type CognitoProblemCode } from './cognito-problem.ts';
import { credentialsOf, type FlowContext } from './flow-context.ts';
import { answerWith, type FlowNext } from './flow-next.ts';
import { secretsOf } from './flow-record.ts';
import { initiateSignIn, type SignInStart } from './sign-in.ts';
import { StepFailure } from './step-failure.ts';

const FLOW_DISABLED: readonly CognitoProblemCode[] = ['srp-flow-not-enabled', 'password-flow-not-enabled'];

const otherFlow = (flow: SignInFlow): SignInFlow => (flow === 'USER_SRP_AUTH' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH');

/**
 * Signs in with the remembered credentials: the flow that worked last, else the profile's preferred one
 * (default USER_SRP_AUTH), and the other flow when the app client does not allow the first. Forgets the old
 * session and token first.
 * @returns the response to handle (tokens or the first challenge).
 * @throws {StepFailure} auth-flows-not-enabled when the client allows neither flow, or the sign-in's problem.
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
  const first = ctx.memory.record.flowUsed ?? ctx.profile.preferredFlow ?? 'USER_SRP_AUTH';
  for (const flow of [first, otherFlow(first)]) {
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
      // Only "this client does not allow <flow>" moves on to the other flow.
      if (!(error instanceof StepFailure) || !FLOW_DISABLED.includes(error.problem.code)) throw error;
      if (flow === first) continue;
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
