import type { FaultInjector } from './fault-injector.ts';
import type { Operation } from './operations/operation-table.ts';
import type { ServerContext } from './server-context.ts';
import { CognitoServiceError } from './cognito-service-error.ts';
import { serviceErrors } from './service-errors.ts';

/** What the server makes of one request, before it is put on the wire (or handed back in process). */
export type Served =
  | { readonly kind: 'output'; readonly output: object }
  | { readonly kind: 'error'; readonly error: CognitoServiceError }
  /** An injected network fault: no answer at all. */
  | { readonly kind: 'no-answer' };

export interface ServeDeps {
  readonly ctx: ServerContext;
  readonly operations: ReadonlyMap<string, Operation>;
  readonly faults: FaultInjector;
}

/**
 * Runs one operation on a parsed JSON input as the server does for every request, over HTTP or in process:
 * an unknown operation is UnknownOperationException; an injected fault answers instead of the operation;
 * an exception that is not a CognitoServiceError (a bug here) becomes InternalErrorException.
 */
export function serveOperation(deps: ServeDeps, operation: string, input: unknown): Served {
  try {
    const run = deps.operations.get(operation);
    if (run === undefined) {
      throw serviceErrors.unknownOperation(`Operation ${operation} is not supported by the local Cognito test server`);
    }
    const fault = deps.faults.take(operation);
    switch (fault?.kind) {
      case undefined:
        return { kind: 'output', output: run(deps.ctx, input) };
      case 'throttle':
        throw serviceErrors.tooManyRequests();
      case 'http500':
        throw serviceErrors.internal();
      case 'session-expired':
        throw serviceErrors.invalidSession();
      case 'custom-challenge':
        return { kind: 'output', output: customChallenge(deps.ctx, input) };
      case 'network':
        return { kind: 'no-answer' };
      case 'no-effect':
        return { kind: 'output', output: {} };
      case 'error':
        throw new CognitoServiceError(fault.name, fault.message, fault.status);
      case 'srp-challenge':
        return { kind: 'output', output: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...fault.parameters } } };
      case 'secret-code':
        return { kind: 'output', output: { SecretCode: fault.secretCode } };
    }
  } catch (caught: unknown) {
    if (caught instanceof CognitoServiceError) return { kind: 'error', error: caught };
    console.error(`cognito-server: ${operation} failed unexpectedly`, caught);
    return { kind: 'error', error: serviceErrors.internal() };
  }
}

/** The answer of a pool whose DefineAuthChallenge Lambda issues CUSTOM_CHALLENGE: a session nothing can complete here. */
function customChallenge(ctx: ServerContext, input: unknown): object {
  const params = (input as { ChallengeResponses?: { USERNAME?: unknown }; AuthParameters?: { USERNAME?: unknown } } | null) ?? {};
  const username = params.ChallengeResponses?.USERNAME ?? params.AuthParameters?.USERNAME;
  return {
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: ctx.ids.session(),
    ChallengeParameters: typeof username === 'string' ? { USERNAME: username } : {},
  };
}
