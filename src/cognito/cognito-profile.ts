import type { SignInFlow } from './cognito-api.ts';

/** A saved Cognito sign-in target (no secrets: the client secret and password are asked for at sign-in). */
export interface CognitoProfile {
  /** Display name; also the default issuer. */
  readonly name: string;
  /** AWS region, e.g. "ap-northeast-1". */
  readonly region: string;
  /** User pool ID, e.g. "ap-northeast-1_XXXX". */
  readonly userPoolId: string;
  /** App client ID. */
  readonly clientId: string;
  /** Issuer shown on the authenticator entry; default `name`. */
  readonly issuer?: string;
  /** Flow to try first; default USER_SRP_AUTH (the other one is the fallback). */
  readonly preferredFlow?: SignInFlow;
  /** Custom endpoint URL (emulator, proxy); default the regional AWS endpoint. */
  readonly endpoint?: string;
  /**
   * Host name of the pool's managed login (hosted UI) pages, e.g. "acme.auth.eu-west-1.amazoncognito.com" or a
   * custom domain; Keystep suggests it as the site of accounts enrolled through this profile. Optional.
   */
  readonly managedLoginDomain?: string;
}
