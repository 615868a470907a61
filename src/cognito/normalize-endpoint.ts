/** The host the AWS SDK calls for `region` when a profile has no endpoint (docs/cognito-facts.md "Protocol"). */
export function defaultCognitoHost(region: string): string {
  return region.startsWith('cn-') ? `cognito-idp.${region}.amazonaws.com.cn` : `cognito-idp.${region}.amazonaws.com`;
}

/**
 * The host a profile's calls go to, for messages: the custom endpoint's host (with its port), else the regional AWS one.
 * @param endpoint the profile's endpoint as saved; blank means none. Text that is not a URL is returned as it is.
 */
export function endpointHost(endpoint: string | undefined, region: string): string {
  const text = endpoint?.trim() ?? '';
  if (text === '') return defaultCognitoHost(region);
  try {
    return new URL(text).host;
  } catch {
    return text;
  }
}

/**
 * The endpoint a profile sends its calls to, in one canonical form, so that an account can remember where it was
 * enrolled and a later sign-in can tell whether it talks to the same server: undefined for the regional AWS endpoint
 * (no endpoint, or one naming exactly the default host of `region`), else the URL's origin (scheme, lower-case host,
 * port unless the default) and its path without trailing slashes, query kept, fragment dropped (never sent).
 * @param endpoint the profile's endpoint as saved; blank means none.
 * @param region the profile's region.
 * @returns e.g. undefined, "http://127.0.0.1:9229", "https://proxy.example.com/cognito". Text that is not a URL is
 *   returned trimmed (validateCognitoProfile refuses it, so only a damaged stored profile can hold one).
 */
export function normalizeEndpoint(endpoint: string | undefined, region: string): string | undefined {
  const text = endpoint?.trim() ?? '';
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (url.protocol === 'https:' && url.port === '' && url.hostname === defaultCognitoHost(region) && path === '' && url.search === '') return undefined;
  return `${url.origin}${path}${url.search}`;
}
