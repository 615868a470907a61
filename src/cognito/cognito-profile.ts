/**
 * How a profile signs in: which auth flows Keystep may use, and so whether the password may leave the browser.
 * - `srp`: USER_SRP_AUTH only; the password never leaves the browser (the default);
 * - `srp-then-password`: USER_SRP_AUTH, then USER_PASSWORD_AUTH only when the app client does not allow SRP
 *   (the user's consent to send the password when SRP is off);
 * - `password`: USER_PASSWORD_AUTH only, for servers without SRP (e.g. cognito-local, docs/local-emulators.md).
 */
export type SignInFlowSetting = 'srp' | 'srp-then-password' | 'password';

/** Every {@link SignInFlowSetting}, the default first. */
export const SIGN_IN_FLOW_SETTINGS: readonly SignInFlowSetting[] = ['srp', 'srp-then-password', 'password'];

/** The setting of a profile that has none. */
export const DEFAULT_SIGN_IN_FLOW: SignInFlowSetting = 'srp';

/** A saved Cognito sign-in target (no secrets: the client secret and password are asked for at sign-in). */
export interface CognitoProfile {
  /** Display name; also the default issuer. */
  readonly name: string;
  /** AWS region, e.g. "ap-northeast-1"; with a custom endpoint any name (the endpoint decides where calls go). */
  readonly region: string;
  /** User pool ID, e.g. "ap-northeast-1_XXXX" (with a custom endpoint also e.g. cognito-local's "local_XXXX"). */
  readonly userPoolId: string;
  /** App client ID. */
  readonly clientId: string;
  /** Issuer shown on the authenticator entry; default `name`. */
  readonly issuer?: string;
  /**
   * Which auth flows sign-in may use; default `srp`. Profiles saved by older builds carry `preferredFlow`
   * instead: signInFlowOf (validate-cognito-profile.ts) reads it.
   */
  readonly signInFlow?: SignInFlowSetting;
  /** Custom endpoint URL (emulator, proxy); default the regional AWS endpoint. */
  readonly endpoint?: string;
  /**
   * Host name of the pool's managed login (hosted UI) pages, lower case, e.g. `auth.example.com` or
   * `myprefix.auth.us-east-1.amazoncognito.com`: the site where the accounts enrolled with this profile are used.
   * Optional; the profile signs in without it.
   */
  readonly managedLoginDomain?: string;
}
