import type { ProfileSource } from './profile-source.ts';
import { domainRegion, fieldText, foundSource } from './profile-source.ts';

// The issuer of a pool's tokens, and the base of its JWKS and OpenID configuration URLs:
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
const ISSUER_HOST = /^cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com$/;
// Managed login pages that take the app client's client_id in the query, as lower case paths:
// https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-endpoints.html and
// https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
const MANAGED_LOGIN_PATHS = new Set(['/login', '/logout', '/signup', '/forgotpassword', '/confirmforgotpassword', '/passkeys/add', '/oauth2/authorize']);

const UNREADABLE: ProfileSource = { kind: 'unreadable', reason: 'not-cognito-url' };

/**
 * Reads an https URL that names a user pool: a managed login (hosted UI) page, such as
 * `https://<prefix>.auth.<region>.amazoncognito.com/login?client_id=...&response_type=code&redirect_uri=...` or
 * `/oauth2/authorize?client_id=...` (region and domain from the host, app client ID from `client_id`; a custom
 * domain gives no region), or the pool's issuer `https://cognito-idp.<region>.amazonaws.com/<user pool ID>`. A
 * managed login URL never holds the pool ID, so `missing` names it. On a custom domain only the managed login
 * paths with a `client_id` count, so another site's OAuth URL is not taken for Cognito's.
 */
export function readCognitoUrl(text: string): ProfileSource {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return UNREADABLE;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return UNREADABLE;
  const host = url.hostname;

  const issuerRegion = ISSUER_HOST.exec(host)?.[1];
  if (issuerRegion !== undefined) {
    const poolSegment = url.pathname.split('/')[1] ?? '';
    let userPoolId: string | undefined;
    try {
      userPoolId = fieldText(decodeURIComponent(poolSegment));
    } catch {
      userPoolId = undefined;
    }
    return foundSource('issuer-url', 'url', { region: issuerRegion, userPoolId, clientId: undefined, managedLoginDomain: undefined });
  }

  const clientId = fieldText(url.searchParams.get('client_id'));
  const path = url.pathname.replace(/\/+$/, '').toLowerCase() || '/';
  const prefixDomain = domainRegion(host) !== undefined;
  if (!prefixDomain && !(clientId !== undefined && MANAGED_LOGIN_PATHS.has(path))) return UNREADABLE;
  return foundSource('managed-login-url', 'url', { region: undefined, userPoolId: undefined, clientId, managedLoginDomain: host });
}
