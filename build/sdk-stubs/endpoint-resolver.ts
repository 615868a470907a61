import { partition } from '@aws-sdk/core/client';

/**
 * Build-time stand-in for the Cognito client's `endpoint/endpointResolver.js` (see `awsSdkTrim` in
 * build/aws-sdk-trim.ts): never imported by Keystep's code, only substituted for that module in the extension
 * bundle. The SDK's resolver runs the client's endpoint rules (`endpoint/bdd.js`, a binary decision diagram)
 * through the generic rules engine of `@smithy/core/endpoints`; this one gives the same endpoint for every
 * configuration Keystep makes, without the engine.
 *
 * What the rules say (bdd.js of @aws-sdk/client-cognito-identity-provider 3.1169): with a custom `Endpoint`, that
 * URL (FIPS and dual-stack refused); otherwise, for a `Region`, `https://cognito-idp.{Region}.{dnsSuffix}` where
 * `dnsSuffix` is that of the region's AWS partition (amazonaws.com, amazonaws.com.cn, ...), by the SDK's own
 * `partition()`; no region is an error. Keystep's client never asks for FIPS or dual-stack endpoints
 * (src/cognito/aws-cognito-client.ts), whose rules are left out: asking for one fails here loudly instead of
 * reaching a host the SDK would not have chosen. `test/build/sdk-stubs.test.ts` compares this resolver
 * with the SDK's for every region the SDK knows.
 */

/** The parameters the client's endpoint middleware passes (`endpoint/EndpointParameters.js`). */
export interface CognitoEndpointParameters {
  readonly Endpoint?: string | undefined;
  readonly Region?: string | undefined;
  readonly UseDualStack?: boolean | undefined;
  readonly UseFIPS?: boolean | undefined;
}

/** The resolved endpoint, as the SDK's `decideEndpoint` returns it. */
export interface ResolvedEndpoint {
  readonly url: URL;
  readonly properties: Record<string, never>;
  readonly headers: Record<string, never>;
}

const endpoint = (url: string): ResolvedEndpoint => ({ url: new URL(url), properties: {}, headers: {} });

/** Resolves the Cognito user-pool API endpoint, as the SDK's rules do for Keystep's settings (see above). */
export function defaultEndpointResolver(params: CognitoEndpointParameters): ResolvedEndpoint {
  if (params.UseFIPS === true || params.UseDualStack === true) {
    throw new Error('Keystep bundles no FIPS or dual-stack endpoint rules; see build/aws-sdk-trim.ts');
  }
  if (params.Endpoint !== undefined) return endpoint(params.Endpoint);
  if (params.Region === undefined) throw new Error('Invalid Configuration: Missing Region');
  return endpoint(`https://cognito-idp.${params.Region}.${partition(params.Region).dnsSuffix}`);
}
