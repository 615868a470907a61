import { normalizeProvider } from '@smithy/core/client';
import { HttpRequest } from '@smithy/core/protocols';
import { v4 } from '@smithy/core/serde';

/**
 * Build-time stand-in for `@smithy/core/retry` (see `awsSdkTrim` in build/aws-sdk-trim.ts): never imported by Keystep's
 * code, only substituted for that entry point in the extension bundle. It replaces the names the Cognito client
 * and @aws-sdk/core import from there.
 *
 * Why retries are dead code for Keystep: the client is made with `maxAttempts: 1` (src/cognito/aws-cognito-client.ts;
 * the enrollment flow owns retries and backoff), so the SDK's standard strategy never retries, its adaptive
 * strategy and rate limiter are never made, and what is left of the retry middleware is what this one does for
 * the single attempt: the `amz-sdk-invocation-id` and `amz-sdk-request` headers, `$metadata.attempts` and
 * `totalRetryDelay` on results and errors, and errors that are not Error objects wrapped in one. A client made
 * with more attempts fails here loudly instead of silently not retrying.
 */

const unavailable = (): Error => new Error('Keystep bundles no AWS SDK retries: maxAttempts must be 1');

export const RETRY_MODES = { STANDARD: 'standard', ADAPTIVE: 'adaptive' } as const;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_RETRY_MODE = RETRY_MODES.STANDARD;

interface RetryInput {
  readonly maxAttempts?: number | (() => Promise<number>);
}

interface RetryResolved {
  readonly maxAttempts: () => Promise<number>;
  /** The standard strategy, as far as anything reads it: @aws-sdk/core names its mode in the User-Agent. */
  readonly retryStrategy: () => Promise<{ readonly mode: string }>;
}

/** Resolves `maxAttempts` as the SDK does (default 3); the strategy is the standard one's name only. */
export function resolveRetryConfig<T extends RetryInput>(input: T): T & RetryResolved {
  return Object.assign(input, {
    maxAttempts: normalizeProvider(input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    retryStrategy: () => Promise.resolve({ mode: DEFAULT_RETRY_MODE }),
  });
}

interface Metadata {
  attempts?: number;
  totalRetryDelay?: number;
}

type Handler = (args: { readonly request: unknown }) => Promise<{ readonly response: unknown; readonly output: { $metadata: Metadata } }>;

interface Stack {
  add(middleware: (next: Handler) => Handler, options: Readonly<Record<string, unknown>>): void;
}

function asSdkError(error: unknown): Error & { $metadata?: Metadata } {
  if (error instanceof Error) return error;
  if (error instanceof Object) return Object.assign(new Error(), error);
  if (typeof error === 'string') return new Error(error);
  return new Error(`AWS SDK error wrapper for ${String(error)}`);
}

/** The retry middleware for one attempt, in the place and under the name of the SDK's. */
export function getRetryPlugin(options: { readonly maxAttempts: () => Promise<number> }): { applyToStack(stack: Stack): void } {
  const middleware =
    (next: Handler): Handler =>
    async (args) => {
      if ((await options.maxAttempts()) !== 1) throw unavailable();
      if (HttpRequest.isInstance(args.request)) {
        args.request.headers['amz-sdk-invocation-id'] = v4();
        args.request.headers['amz-sdk-request'] = 'attempt=1; max=1';
      }
      try {
        const result = await next(args);
        result.output.$metadata.attempts = 1;
        result.output.$metadata.totalRetryDelay = 0;
        return result;
      } catch (thrown) {
        const error = asSdkError(thrown);
        error.$metadata ??= {};
        error.$metadata.attempts = 1;
        error.$metadata.totalRetryDelay = 0;
        throw error;
      }
    };
  return {
    applyToStack: (stack) => stack.add(middleware, { name: 'retryMiddleware', tags: ['RETRY'], step: 'finalizeRequest', priority: 'high', override: true }),
  };
}
