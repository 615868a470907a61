import { Cancelled } from './cancelled.ts';
import { cognitoProblem, type CognitoProblem } from './cognito-problem.ts';
import { driveFlow } from './drive-flow.ts';
import type { FlowContext } from './flow-context.ts';
import { SIGN_IN, type FlowNext } from './flow-next.ts';
import { restartFrom } from './flow-record.ts';
import { revokeRefreshTokens } from './revoke-refresh-tokens.ts';
import { StepFailure } from './step-failure.ts';

function problemOf(error: unknown): CognitoProblem {
  if (error instanceof StepFailure) return error.problem;
  // A bug or an injected dependency failing: name only, its message might quote anything.
  return cognitoProblem('unknown', { name: error instanceof Error ? error.name : typeof error });
}

/**
 * Ends the sign-in sessions of the flow, if it signed in, and shows `failed` with the problem, the pending account,
 * the enrollment step that failed and how the sessions ended.
 */
async function fail(ctx: FlowContext, problem: CognitoProblem): Promise<void> {
  if (ctx.runner.cancelled) return;
  const revocation = await revokeRefreshTokens(ctx);
  const record = ctx.memory.record;
  const pendingAccountId = record.enrollment?.pendingAccountId;
  const failedStep = record.enrollment?.currentStep;
  ctx.memory.update({ lastProblem: problem });
  ctx.runner.show({
    kind: 'failed',
    problem,
    canRetry: record.credentials !== undefined && problem.retry !== 'no',
    ...(pendingAccountId === undefined ? {} : { pendingAccountId }),
    ...(failedStep === undefined ? {} : { failedStep }),
    ...(revocation === undefined ? {} : { revocation }),
  });
}

/**
 * Runs an action: `start` says where the flow goes, then the flow is driven until it settles. A used-up or
 * expired session or token makes it sign in again once from the remembered credentials; any other failure
 * (and a second expiry) ends in `failed`. An action abandoned by reset() ends quietly.
 */
export async function runGuarded(ctx: FlowContext, start: () => FlowNext | Promise<FlowNext>): Promise<void> {
  let failure: unknown;
  try {
    ctx.memory.update({ hops: 0, restarted: false });
    await driveFlow(ctx, await start());
    return;
  } catch (error: unknown) {
    failure = error;
  }
  while (!(failure instanceof Cancelled)) {
    const problem = problemOf(failure);
    const record = ctx.memory.record;
    if (problem.code !== 'session-expired' || record.restarted || record.credentials === undefined) {
      await fail(ctx, problem);
      return;
    }
    try {
      ctx.memory.update({ ...restartFrom(record), restarted: true });
      await driveFlow(ctx, SIGN_IN);
      return;
    } catch (error: unknown) {
      failure = error;
    }
  }
}
