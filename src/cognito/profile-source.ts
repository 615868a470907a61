import type { SignInFlow } from './cognito-api.ts';
import { managedLoginDomainName } from './managed-login-domain.ts';

/** What kind of text a profile's fields were read from. */
export type ProfileSourceFormat =
  /** Amplify Gen 2 `amplify_outputs.json` (`auth.user_pool_id`, `auth.user_pool_client_id`, `auth.aws_region`). */
  | 'amplify-outputs'
  /** Amplify Gen 1 `aws-exports.js` or web `amplifyconfiguration.json` (`aws_user_pools_id`, ...). */
  | 'amplify-cli-config'
  /** Amplify Gen 1 `amplifyconfiguration.json` of Android, Swift and Flutter (`auth.plugins.awsCognitoAuthPlugin`). */
  | 'amplify-plugin-config'
  /** An object for Amplify JS `Amplify.configure` (v6: `Auth.Cognito`; v5: `Auth`) or v5 `Auth.configure`. */
  | 'amplify-configure'
  /** A managed login (hosted UI) page: /login, /oauth2/authorize, /signup or /logout on the user pool domain. */
  | 'managed-login-url'
  /** The pool's token issuer, `https://cognito-idp.<region>.amazonaws.com/<user pool ID>` (also its JWKS URL). */
  | 'issuer-url';

/** How the text was read: parsed as JSON, as JavaScript literals (never run), or as a URL. */
export type ProfileSourceSyntax = 'json' | 'javascript' | 'url';

/** Connection-profile fields a source holds; each trimmed and non-empty when present. */
export interface ProfileSourceFields {
  readonly region?: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
  /** Host name of the managed login (hosted UI) domain, lower case, e.g. `myapp.auth.us-east-1.amazoncognito.com`. */
  readonly managedLoginDomain?: string;
}

/** A field a profile needs that the source did not give (the form asks for it). */
export type MissingProfileField = 'region' | 'userPoolId' | 'clientId';

/** What the source says about the pool beyond the profile fields, when it says it. */
export interface ProfileSourceHints {
  /** The app's sign-in flow (`authenticationFlowType`), when it is one Keystep uses. */
  readonly signInFlow?: SignInFlow;
  /** The pool's MFA setting. */
  readonly mfa?: 'off' | 'optional' | 'required';
  /** Whether the pool's MFA methods include TOTP (false: SMS or e-mail only, so Keystep cannot enroll). */
  readonly totp?: boolean;
}

/** Why a text was not read as a source of profile fields. */
export type ProfileSourceUnreadable =
  /** Nothing but white space. */
  | 'empty'
  /** Longer than any config file this reader takes (see readProfileSource). */
  | 'too-long'
  /** A URL, but neither a managed login page nor a Cognito issuer. */
  | 'not-cognito-url'
  /** JSON of no known Amplify shape. */
  | 'unknown-json'
  /** Neither a URL nor JSON, and no object literal of a known Amplify shape in it. */
  | 'unknown-text';

/**
 * The result of reading a pasted or chosen text as a profile source. `found`: the fields it holds and those it
 * lacks (a URL gives no pool ID, so `missing` names it and the form asks). `no-user-pool`: a config of a known
 * kind without a Cognito user pool (for example an Amplify backend without auth). `unreadable`: why not.
 */
export type ProfileSource =
  | {
      readonly kind: 'found';
      readonly format: ProfileSourceFormat;
      readonly syntax: ProfileSourceSyntax;
      readonly fields: ProfileSourceFields;
      readonly missing: readonly MissingProfileField[];
      readonly hints: ProfileSourceHints;
    }
  | { readonly kind: 'no-user-pool'; readonly format: ProfileSourceFormat; readonly syntax: ProfileSourceSyntax }
  | { readonly kind: 'unreadable'; readonly reason: ProfileSourceUnreadable };

/** Region names: us-east-1, ap-northeast-1, us-gov-west-1, ... (the pattern validate-cognito-profile.ts checks). */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
// Prefix domains live under auth.<region>.amazoncognito.com or auth-fips.<region>.amazoncognito.com:
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html
const PREFIX_DOMAIN = /^[a-z0-9-]+\.auth(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazoncognito\.com$/;
// Longer than any Cognito ID, region or domain: such a value is not one, and is not put in the form.
const MAX_FIELD_LENGTH = 256;

/** A trimmed non-empty string of at most 256 characters, or undefined. */
export function fieldText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > MAX_FIELD_LENGTH ? undefined : trimmed;
}

/** A managed login domain as a lower-case host name (a scheme and a trailing slash are dropped), or undefined. */
export function domainName(value: unknown): string | undefined {
  const text = fieldText(value);
  return text === undefined ? undefined : managedLoginDomainName(text);
}

/** The region of a prefix domain (`<prefix>.auth.<region>.amazoncognito.com`), or undefined for a custom domain. */
export function domainRegion(domain: string | undefined): string | undefined {
  return domain === undefined ? undefined : PREFIX_DOMAIN.exec(domain)?.[1];
}

/** The region a user pool ID starts with (`ap-northeast-1_AbC`), or undefined (`local_AbC`, a placeholder). */
export function poolRegion(userPoolId: string | undefined): string | undefined {
  const prefix = userPoolId?.split('_')[0];
  return prefix !== undefined && REGION.test(prefix) ? prefix : undefined;
}

/** Field values as read, each possibly absent. */
export type ReadFields = { readonly [F in keyof ProfileSourceFields]: string | undefined };

/**
 * A `found` result from the values read. The region falls back on the pool ID's prefix, then on the prefix
 * domain's region; `missing` lists the required fields still absent.
 */
export function foundSource(
  format: ProfileSourceFormat,
  syntax: ProfileSourceSyntax,
  read: ReadFields,
  hints: ProfileSourceHints = {},
): ProfileSource {
  const region = read.region ?? poolRegion(read.userPoolId) ?? domainRegion(read.managedLoginDomain);
  const fields: ProfileSourceFields = {
    ...(region === undefined ? {} : { region }),
    ...(read.userPoolId === undefined ? {} : { userPoolId: read.userPoolId }),
    ...(read.clientId === undefined ? {} : { clientId: read.clientId }),
    ...(read.managedLoginDomain === undefined ? {} : { managedLoginDomain: read.managedLoginDomain }),
  };
  const missing = (['region', 'userPoolId', 'clientId'] as const).filter((field) => fields[field] === undefined);
  return { kind: 'found', format, syntax, fields, missing, hints };
}
