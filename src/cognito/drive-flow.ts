import { enrollStep } from './enroll-steps.ts';
import type { FlowContext } from './flow-context.ts';
import type { FlowNext } from './flow-next.ts';
import { handleAuthResponse } from './handle-auth-response.ts';
import { signInStep } from './sign-in-step.ts';

/** Runs the flow from `first`, one step after the other, until it settles in a state that needs the user or is final. */
export async function driveFlow(ctx: FlowContext, first: FlowNext): Promise<void> {
  let next = first;
  while (next.kind !== 'settled') {
    if (next.kind === 'sign-in') next = await signInStep(ctx);
    else if (next.kind === 'answer') next = await handleAuthResponse(ctx, next.response);
    else next = await enrollStep(ctx);
  }
}
