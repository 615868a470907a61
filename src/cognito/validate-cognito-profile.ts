import { DEFAULT_SIGN_IN_FLOW, SIGN_IN_FLOW_SETTINGS, type CognitoProfile, type SignInFlowSetting } from './cognito-profile.ts';
import { isAwsCognitoEndpoint } from './is-aws-cognito-endpoint.ts';
import { managedLoginDomainName } from './managed-login-domain.ts';

/** Form fields of a connection profile, as typed. */
export interface CognitoProfileInput {
  readonly name: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly endpoint: string;
  readonly issuer: string;
  /** Host name of the managed login pages as typed (a leading http(s):// and a trailing slash are dropped); omitted or empty: none. */
  readonly managedLoginDomain?: string;
  /** The sign-in flow chosen (a select, so always one of the settings); omitted: the profile gets none, i.e. `srp`. */
  readonly signInFlow?: SignInFlowSetting;
}

/** The typed fields a problem can point at (the sign-in flow is chosen from a list, so it has no problems). */
export type CognitoProfileField = Exclude<keyof CognitoProfileInput, 'signInFlow'>;

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
// With a custom endpoint the region only names what the SDK signs for, and these calls are unsigned
// (docs/cognito-facts.md "Protocol"): any lower-case name will do, e.g. cognito-local's "local".
const ANY_REGION = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const MAX_NAME = 100;

/**
 * Checks a connection profile as typed and returns every problem at once, so the form can mark each
 * field. Trims every field. An empty region is taken from the pool ID; an empty issuer means the
 * profile name. The managed login domain, when given, must be a host name (lower-cased; a leading `https://` and a
 * trailing slash are dropped, as when a URL is pasted). A custom endpoint must be https, or http on a loopback address (a local emulator):
 * USER_PASSWORD_AUTH sends the password, which must never cross a network in clear.
 *
 * With the AWS endpoint (none, or an AWS Cognito endpoint typed out) the region must be an AWS region name and the
 * pool ID's prefix must be that region. With any other endpoint the server decides what a pool ID looks like
 * (cognito-local names pools "local_XXXXXXXX") and the calls are unsigned, so the prefix need not be a region and
 * the region need not match it: it only has to be a plain name (by default the pool ID's prefix).
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
  const domainTyped = (input.managedLoginDomain ?? '').trim();
  const managedLoginDomain = domainTyped === '' ? undefined : managedLoginDomainName(domainTyped);

  if (name === '') fail('name', 'name-missing');
  else if (name.length > MAX_NAME) fail('name', 'name-too-long', { max: String(MAX_NAME) });

  const pool = POOL_ID.exec(userPoolId);
  const poolRegion = pool?.[1];
  const region = input.region.trim() || poolRegion || '';
  if (userPoolId === '') fail('userPoolId', 'pool-id-missing');
  else if (!pool || userPoolId.length > 55) fail('userPoolId', 'pool-id-invalid', { value: userPoolId });

  const endpointProblem = checkEndpoint(endpoint);
  // An endpoint that is refused counts as AWS's, so that the region is still checked as strictly as can be.
  const awsEndpoint = endpoint === '' || endpointProblem !== undefined || isAwsCognitoEndpoint(endpoint);
  if (!(awsEndpoint ? REGION : ANY_REGION).test(region)) fail('region', 'region-invalid', { value: region });
  else if (awsEndpoint && poolRegion !== undefined && poolRegion !== region) fail('region', 'pool-region-mismatch', { region, poolRegion });

  if (clientId === '') fail('clientId', 'client-id-missing');
  else if (!CLIENT_ID.test(clientId)) fail('clientId', 'client-id-invalid', { value: clientId });

  if (endpointProblem !== undefined) fail('endpoint', endpointProblem.code, endpointProblem.params);

  // The issuer becomes the label prefix of an otpauth URI, where a colon is the separator.
  if (issuer.length > MAX_NAME || issuer.includes(':')) fail('issuer', 'issuer-invalid', { value: issuer });
  // Without an issuer the name becomes the issuer, under the same rule.
  else if (issuer === '' && name.includes(':')) fail('issuer', 'issuer-invalid', { value: name });

  if (domainTyped !== '' && managedLoginDomain === undefined) fail('managedLoginDomain', 'managed-login-domain-invalid', { value: domainTyped });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    profile: {
      name,
      region,
      userPoolId,
      clientId,
      ...(endpoint ? { endpoint } : {}),
      ...(issuer ? { issuer } : {}),
      ...(managedLoginDomain === undefined ? {} : { managedLoginDomain }),
      ...(input.signInFlow === undefined ? {} : { signInFlow: input.signInFlow }),
    },
  };
}

/** The problem with a custom endpoint as typed (trimmed), if any; none for no endpoint. */
function checkEndpoint(endpoint: string): { readonly code: CognitoProfileErrorCode; readonly params: Record<string, string> } | undefined {
  if (endpoint === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    return { code: 'endpoint-invalid', params: { value: endpoint } };
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return { code: 'endpoint-insecure', params: { host: url.hostname } };
  return undefined;
}

/** A profile as storage may hold it: saved by this build, or by an older one that had `preferredFlow`. */
export type StoredProfileFlowFields = Pick<CognitoProfile, 'signInFlow'> & {
  /** What builds before the sign-in flow setting saved: the auth flow to try first. */
  readonly preferredFlow?: unknown;
};

/**
 * The sign-in flow setting of a profile, also of one saved before the setting existed. Those profiles had
 * `preferredFlow`, the flow to try first, and Keystep then tried the other one by itself when the app client did not
 * allow the first: it fell back from SRP to USER_PASSWORD_AUTH silently, sending the password to the server without
 * the user ever having agreed to it. That silent fallback is gone (sending the password now needs the setting
 * `srp-then-password` or `password`, the user's consent), so an old profile keeps the one flow it asked for:
 * `preferredFlow: "USER_PASSWORD_AUTH"` becomes `password`, and no preferredFlow or "USER_SRP_AUTH" becomes `srp`.
 * A value this build does not know (a damaged or newer profile) also reads as `srp`, the setting that sends no
 * password.
 */
export function signInFlowOf(profile: StoredProfileFlowFields): SignInFlowSetting {
  const setting = profile.signInFlow as unknown;
  if (SIGN_IN_FLOW_SETTINGS.includes(setting as SignInFlowSetting)) return setting as SignInFlowSetting;
  if (setting === undefined && profile.preferredFlow === 'USER_PASSWORD_AUTH') return 'password';
  return DEFAULT_SIGN_IN_FLOW;
}

/**
 * A stored profile in this build's shape: `signInFlow` set (read by {@link signInFlowOf}) and an old `preferredFlow`
 * dropped; every other field as it was. For the options page to read profiles saved by any build.
 */
export function normalizeCognitoProfile<P extends CognitoProfile>(profile: P & { readonly preferredFlow?: unknown }): P {
  const copy: { -readonly [K in keyof typeof profile]: (typeof profile)[K] } = { ...profile, signInFlow: signInFlowOf(profile) };
  delete copy.preferredFlow;
  return copy;
}
