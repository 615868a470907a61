/** How {@link withBackoff} treats a failure. */
export type FailureKind = 'throttled' | 'server-error' | 'fatal';

/** Options of {@link withBackoff}. */
export interface BackoffOptions {
  /** Waits `ms` milliseconds (injected so tests run without real timers). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Sorts a failure: throttling and server errors are retried, anything else is thrown at once. */
  readonly classify: (error: unknown) => FailureKind;
  /** Waits before each retry after throttling, ms; its length is the retry budget. Default [1000, 2000]. */
  readonly throttleDelaysMs?: readonly number[];
  /** Waits before each retry after a server error (HTTP 5xx), ms. Default [500]: one retry. */
  readonly serverErrorDelaysMs?: readonly number[];
}

/** Default waits after TooManyRequestsException / LimitExceededException: 1 s, then 2 s, then give up. */
export const DEFAULT_THROTTLE_DELAYS_MS: readonly number[] = [1000, 2000];
/** Default wait after an HTTP 500 before the single retry. */
export const DEFAULT_SERVER_ERROR_DELAYS_MS: readonly number[] = [500];

/**
 * Runs `attempt`, retrying after throttling and server errors with fixed, bounded waits. Never loops: at
 * most 1 + throttleDelaysMs.length + serverErrorDelaysMs.length attempts; the last failure is rethrown.
 */
export async function withBackoff<T>(attempt: () => Promise<T>, options: BackoffOptions): Promise<T> {
  const throttleDelays = options.throttleDelaysMs ?? DEFAULT_THROTTLE_DELAYS_MS;
  const serverDelays = options.serverErrorDelaysMs ?? DEFAULT_SERVER_ERROR_DELAYS_MS;
  let throttled = 0;
  let serverErrors = 0;
  for (;;) {
    try {
      return await attempt();
    } catch (error: unknown) {
      const kind = options.classify(error);
      let delay: number | undefined;
      if (kind === 'throttled') delay = throttleDelays[throttled++];
      else if (kind === 'server-error') delay = serverDelays[serverErrors++];
      if (delay === undefined) throw error;
      await options.sleep(delay);
    }
  }
}
