import { withBackoff, type FailureKind } from './backoff.ts';
import { Cancelled } from './cancelled.ts';
import { measureClockSkew } from './clock-skew.ts';
import type { CognitoApi, CognitoOperation, ServerDated, SignInFlow } from './cognito-api.ts';
import { describeCognitoError, isUnsupportedServerError, type CognitoErrorContext } from './cognito-problem.ts';
import { CognitoServiceError } from './cognito-service-error.ts';
import { StepFailure } from './step-failure.ts';

/** Options of {@link CognitoCaller}. */
export interface CognitoCallerOptions {
  readonly api: CognitoApi;
  /** Local clock, ms since the epoch. */
  readonly now: () => number;
  /** Waits `ms` milliseconds. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Pool, client, region and endpoint, for problem params. */
  readonly context: Pick<CognitoErrorContext, 'poolId' | 'clientId' | 'region' | 'endpoint'>;
  /** Waits before retries after throttling, ms; default [1000, 2000]. */
  readonly throttleDelaysMs?: readonly number[];
  /** Waits before retries after HTTP 5xx, ms; default [500]. */
  readonly serverErrorDelaysMs?: readonly number[];
  /**
   * Called before each attempt (the first and every retry after a wait); throws {@link Cancelled} to stop, e.g. when
   * reset() abandoned the action, which then sends nothing more. Default: never stops.
   */
  readonly checkCancelled?: () => void;
}

/** Per-call details for {@link CognitoCaller.call}. */
export interface CallDetails {
  /** Auth flow being tried (InitiateAuth), to interpret "flow not enabled". */
  readonly flow?: SignInFlow;
  /** Secret values to keep out of problem params. */
  readonly redact: readonly string[];
}

function classify(error: unknown): FailureKind {
  if (!(error instanceof CognitoServiceError)) return 'fatal';
  if (error.name === 'TooManyRequestsException' || error.name === 'LimitExceededException') return 'throttled';
  // A server that says it does not implement the request answers the same way every time: not worth a retry.
  if (isUnsupportedServerError(error)) return 'fatal';
  if (error.name === 'InternalErrorException' || (error.status !== undefined && error.status >= 500)) return 'server-error';
  return 'fatal';
}

/**
 * Runs CognitoApi calls for the flow: bounded backoff on throttling and 5xx, clock-skew measurement from
 * every response's (and error's) Date header, and translation of the final failure into a StepFailure that
 * carries a UI problem.
 */
export class CognitoCaller {
  readonly #options: CognitoCallerOptions;
  #skewMs: number | undefined;

  constructor(options: CognitoCallerOptions) {
    this.#options = options;
  }

  /** Latest measured skew (server minus local), ms; undefined until a response carried a Date header. */
  get skewMs(): number | undefined {
    return this.#skewMs;
  }

  #observe(serverDate: number | undefined): void {
    if (serverDate !== undefined) this.#skewMs = measureClockSkew(serverDate, this.#options.now());
  }

  /**
   * Calls `send` with the API, retrying per the backoff policy.
   * @throws {StepFailure} with the described problem when the call finally fails; {@link Cancelled} when
   *   `checkCancelled` stopped it before an attempt.
   */
  async call<T extends ServerDated>(operation: CognitoOperation, send: (api: CognitoApi) => Promise<T>, details: CallDetails): Promise<T> {
    const { api, sleep } = this.#options;
    try {
      return await withBackoff(
        async () => {
          this.#options.checkCancelled?.();
          try {
            const result = await send(api);
            this.#observe(result.serverDate);
            return result;
          } catch (error: unknown) {
            if (error instanceof CognitoServiceError) this.#observe(error.serverDate);
            throw error;
          }
        },
        {
          sleep,
          classify,
          ...(this.#options.throttleDelaysMs === undefined ? {} : { throttleDelaysMs: this.#options.throttleDelaysMs }),
          ...(this.#options.serverErrorDelaysMs === undefined ? {} : { serverErrorDelaysMs: this.#options.serverErrorDelaysMs }),
        },
      );
    } catch (error: unknown) {
      if (error instanceof Cancelled) throw error;
      const problem = describeCognitoError(error, {
        ...this.#options.context,
        operation,
        redact: details.redact,
        ...(details.flow === undefined ? {} : { flow: details.flow }),
        ...(this.#skewMs === undefined ? {} : { skewMs: this.#skewMs }),
      });
      throw new StepFailure(problem, { cause: error });
    }
  }
}
