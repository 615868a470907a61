import { HttpRequest } from '@smithy/core/protocols';

/**
 * Build-time stand-in for `@aws-sdk/core/client` as the Cognito client's own modules import it
 * (`CognitoIdentityProviderClient.js`, `runtimeConfig.browser.js`; see `awsSdkTrim` in build/aws-sdk-trim.ts): never
 * imported by Keystep's code. The recursion-detection plugin is the SDK's, the host-header plugin is
 * ./forbidden-headers.ts, and the logger and User-Agent plugins give way to smaller ones (the rest of the SDK keeps
 * importing the real entry point).
 *
 * - Logger: the client is made without a `logger` (src/cognito/aws-cognito-client.ts), so the SDK's logger
 *   middleware logs to its NoOpLogger and only passes results and errors through; this plugin adds nothing.
 * - User-Agent: the SDK's middleware builds `x-amz-user-agent` from the SDK's name and version, the service, the
 *   browser's platform and the SDK features used (telemetry for AWS; Cognito's API does not read it:
 *   https://docs.aws.amazon.com/sdkref/latest/guide/feature-appid.html). This one sends the SDK's name and
 *   version only, in the same header, and without the app id, custom parts or feature list Keystep never sets.
 */

export { getRecursionDetectionPlugin } from '@aws-sdk/core/client';
export { getHostHeaderPlugin, resolveHostHeaderConfig } from './forbidden-headers.ts';

interface Stack {
  add(middleware: (next: (args: { readonly request: unknown }) => Promise<unknown>) => (args: { readonly request: unknown }) => Promise<unknown>, options: Readonly<Record<string, unknown>>): void;
}

interface Plugin {
  applyToStack(stack: Stack): void;
}

/** The SDK's logger plugin when the logger is its NoOpLogger: nothing to add. */
export function getLoggerPlugin(): Plugin {
  return { applyToStack: () => undefined };
}

/** The SDK resolves the app id and custom User-Agent parts here; Keystep sets neither. */
export function resolveUserAgentConfig<T>(config: T): T {
  return config;
}

/** `[name, version]` pairs of the User-Agent: only the SDK's, e.g. `aws-sdk-js/3.1169.0`. */
export function createDefaultUserAgentProvider({ clientVersion }: { readonly clientVersion: string }): () => Promise<readonly (readonly [string, string])[]> {
  return () => Promise.resolve([['aws-sdk-js', clientVersion]]);
}

/** Sets `x-amz-user-agent` (browsers do not let a page set `user-agent`), in the place and under the name of the SDK's. */
export function getUserAgentPlugin(config: { readonly defaultUserAgentProvider: () => Promise<readonly (readonly [string, string])[]> }): Plugin {
  return {
    applyToStack: (stack) =>
      stack.add(
        (next) => async (args) => {
          if (HttpRequest.isInstance(args.request)) {
            args.request.headers['x-amz-user-agent'] = (await config.defaultUserAgentProvider()).map((pair) => pair.join('/')).join(' ');
          }
          return next(args);
        },
        { name: 'getUserAgentMiddleware', step: 'build', priority: 'low', tags: ['SET_USER_AGENT', 'USER_AGENT'], override: true },
      ),
  };
}
