/**
 * Build-time stand-in for `@aws-sdk/core/httpAuthSchemes` (see `awsSdkTrim` in build/aws-sdk-trim.ts): never
 * imported by Keystep's code, only substituted for that entry point in the extension bundle. It replaces the
 * two names the Cognito client imports from there, both part of AWS Signature Version 4 (SigV4) signing.
 *
 * Why SigV4 is dead code for Keystep: the client's auth-scheme resolver gives the seven operations Keystep
 * calls (InitiateAuth, RespondToAuthChallenge, AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference, GetUser, RevokeToken) only the `smithy.api#noAuth` scheme, so their requests are never
 * signed: they carry no AWS credentials, only the user's password proof, access token or refresh token in the body
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html).
 */

/**
 * Stands in for the SigV4 signer the client registers for the `aws.auth#sigv4` scheme. The SDK only
 * signs with the scheme it selected for an operation, so an operation that needs SigV4 fails here loudly
 * instead of going out unsigned.
 */
export class AwsSdkSigV4Signer {
  sign(): Promise<never> {
    return Promise.reject(new Error('Keystep bundles no AWS SigV4 signer; see build/aws-sdk-trim.ts'));
  }
}

/**
 * Stands in for the SigV4 config resolver, which the client runs once at construction. The real one
 * normalizes `credentials` and adds `signer`, `systemClockOffset`, `signingEscapePath` and
 * `disableClockSkewCorrection`; in the bundled SDK only the SigV4 signer and the `aws.auth#sigv4` identity
 * lookup read them, so the config passes through unchanged.
 */
export function resolveAwsSdkSigV4Config<T>(config: T): T {
  return config;
}
