import type { CognitoProfile } from './cognito-profile.ts';

/** Form fields of a connection profile, as typed. */
export interface CognitoProfileInput {
  readonly name: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly endpoint: string;
  readonly issuer: string;
  /** A host name or an https URL of one; optional (absent or empty: none). */
  readonly managedLoginDomain?: string;
}

export type CognitoProfileField = keyof CognitoProfileInput;

export type CognitoProfileErrorCode =
  | 'name-missing'
  | 'name-too-long'
  | 'region-invalid'
  | 'pool-id-missing'
  | 'pool-id-invalid'
  | 'pool-region-mismatch'
  | 'client-id-missing'
  | 'client-id-invalid'
  | 'endpoint-invalid'
  | 'endpoint-insecure'
  | 'issuer-invalid'
  | 'managed-login-domain-invalid';

/** One problem with one field; `params` name the offending value (profiles hold no secrets). */
export interface CognitoProfileError {
  readonly field: CognitoProfileField;
  readonly code: CognitoProfileErrorCode;
  readonly params: Readonly<Record<string, string>>;
}

export type ProfileValidation = { readonly ok: true; readonly profile: CognitoProfile } | { readonly ok: false; readonly errors: readonly CognitoProfileError[] };

// Patterns from the Cognito API reference (UserPoolIdType, ClientIdType):
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
const POOL_ID = /^([\w-]+)_([0-9a-zA-Z]+)$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
// Region names: us-east-1, ap-northeast-1, us-gov-west-1, eu-central-2, ...
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const MAX_NAME = 100;

/**
 * Checks a connection profile as typed and returns every problem at once, so the form can mark each
 * field. Trims every field. An empty region is taken from the pool ID; an empty issuer means the
 * profile name. A custom endpoint must be https, or http on a loopback address (a local emulator):
 * USER_PASSWORD_AUTH sends the password, which must never cross a network in clear.
 */
export function validateCognitoProfile(input: CognitoProfileInput): ProfileValidation {
  const errors: CognitoProfileError[] = [];
  const fail = (field: CognitoProfileField, code: CognitoProfileErrorCode, params: Record<string, string> = {}): void => {
    errors.push({ field, code, params });
  };
  const name = input.name.trim();
  const userPoolId = input.userPoolId.trim();
  const clientId = input.clientId.trim();
  const endpoint = input.endpoint.trim();
  const issuer = input.issuer.trim();
  const domainInput = input.managedLoginDomain?.trim() ?? '';
  let managedLoginDomain = '';

  if (name === '') fail('name', 'name-missing');
  else if (name.length > MAX_NAME) fail('name', 'name-too-long', { max: String(MAX_NAME) });

  const pool = POOL_ID.exec(userPoolId);
  const poolRegion = pool?.[1];
  const region = input.region.trim() || poolRegion || '';
  if (userPoolId === '') fail('userPoolId', 'pool-id-missing');
  else if (!pool || userPoolId.length > 55) fail('userPoolId', 'pool-id-invalid', { value: userPoolId });

  if (!REGION.test(region)) fail('region', 'region-invalid', { value: region });
  else if (poolRegion !== undefined && poolRegion !== region) fail('region', 'pool-region-mismatch', { region, poolRegion });

  if (clientId === '') fail('clientId', 'client-id-missing');
  else if (!CLIENT_ID.test(clientId)) fail('clientId', 'client-id-invalid', { value: clientId });

  if (endpoint !== '') {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
      fail('endpoint', 'endpoint-invalid', { value: endpoint });
    } else if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
      fail('endpoint', 'endpoint-insecure', { host: url.hostname });
    }
  }

  // The issuer becomes the label prefix of an otpauth URI, where a colon is the separator.
  if (issuer.length > MAX_NAME || issuer.includes(':')) fail('issuer', 'issuer-invalid', { value: issuer });
  // Without an issuer the name becomes the issuer, under the same rule.
  else if (issuer === '' && name.includes(':')) fail('issuer', 'issuer-invalid', { value: name });

  // Stored as the host name alone: https is the only scheme managed login serves.
  if (domainInput !== '') {
    let url: URL | undefined;
    try {
      url = new URL(domainInput.includes('://') ? domainInput : `https://${domainInput}`);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '' || !/^\/?$/.test(url.pathname)) {
      fail('managedLoginDomain', 'managed-login-domain-invalid', { value: domainInput });
    } else {
      managedLoginDomain = url.hostname;
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    profile: { name, region, userPoolId, clientId, ...(endpoint ? { endpoint } : {}), ...(issuer ? { issuer } : {}), ...(managedLoginDomain ? { managedLoginDomain } : {}) },
  };
}
