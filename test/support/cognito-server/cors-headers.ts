import type { IncomingHttpHeaders } from 'node:http';

// Cognito answers CORS for browser callers (here: chrome-extension:// pages running the AWS SDK v3), which need to
// read Date (clock skew), x-amzn-RequestId and x-amzn-ErrorType. https://fetch.spec.whatwg.org/#http-cors-protocol

const EXPOSED = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';
const DEFAULT_ALLOWED = 'content-type,x-amz-target,x-amz-user-agent,authorization,x-amz-date,x-amz-security-token,amz-sdk-invocation-id,amz-sdk-request,cache-control';
const MAX_AGE_SECONDS = '172800';

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Headers on every actual response: the origin echoed (or *), and the exposed response headers. */
export function corsResponseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = single(headers.origin);
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED,
    ...(origin === undefined ? {} : { Vary: 'Origin' }),
  };
}

/** Headers answering an OPTIONS preflight: POST, the requested headers echoed, cached for two days. */
export function corsPreflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const requested = single(headers['access-control-request-headers']);
  const privateNetwork = single(headers['access-control-request-private-network']) === 'true';
  return {
    ...corsResponseHeaders(headers),
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': requested ?? DEFAULT_ALLOWED,
    'Access-Control-Max-Age': MAX_AGE_SECONDS,
    // Chrome's Private Network Access preflight for pages calling 127.0.0.1.
    ...(privateNetwork ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
  };
}
