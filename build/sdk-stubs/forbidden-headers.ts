/**
 * Build-time stand-in for the SDK middleware that sets the `host` and `content-length` request headers, as the
 * Cognito client's modules import it (`CognitoIdentityProviderClient.js` from `@smithy/core/protocols` and, through
 * ./aws-core-client.ts, `@aws-sdk/core/client`; `runtimeConfig.browser.js` from `@smithy/core/serde`; see
 * `awsSdkTrim` in build/aws-sdk-trim.ts): never imported by Keystep's code.
 *
 * Why they are dead code for Keystep: both are forbidden request headers, which `fetch` leaves out of a page's
 * request whatever the code sets (https://fetch.spec.whatwg.org/#forbidden-request-header); the browser writes
 * them itself. So the requests Keystep sends are the same without these middleware.
 */

interface Plugin {
  applyToStack(stack: unknown): void;
}

const nothing: Plugin = { applyToStack: () => undefined };

/** The SDK's plugin sets `host` (or `:authority`); the browser does. */
export function getHostHeaderPlugin(): Plugin {
  return nothing;
}

/** The SDK's resolver adds nothing to the config either. */
export function resolveHostHeaderConfig<T>(config: T): T {
  return config;
}

/** The SDK's plugin sets `content-length`; the browser does. */
export function getContentLengthPlugin(): Plugin {
  return nothing;
}

/** The default `bodyLengthChecker`, which only the content-length middleware reads: no length. */
export function calculateBodyLength(): undefined {
  return undefined;
}
