// The hosts of Amazon Cognito's user-pool API: cognito-idp.<region>.<suffix>, and cognito-idp-fips.<region>.<suffix>
// for the FIPS endpoints (the only ones in AWS GovCloud). Sources: "Amazon Cognito endpoints and quotas",
// https://docs.aws.amazon.com/general/latest/gr/cognito.html, and the endpoint rules the AWS SDK resolves a region
// with (@aws-sdk/client-cognito-identity-provider, dist-es/endpoint/bdd.js: "https://cognito-idp{-fips}.{Region}.
// {dnsSuffix | dualStackDnsSuffix}", with the partitions' suffixes: amazonaws.com and api.aws for the aws and
// aws-us-gov partitions, amazonaws.com.cn and api.amazonwebservices.com.cn for aws-cn). Every one of these domains
// is AWS's own: no one else can serve a host under them.
const HOST = /^cognito-idp(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.(amazonaws\.com|api\.aws|amazonaws\.com\.cn|api\.amazonwebservices\.com\.cn)$/;
const CHINA_SUFFIXES: readonly string[] = ['amazonaws.com.cn', 'api.amazonwebservices.com.cn'];

/**
 * Whether `url` is an Amazon Cognito user-pool API endpoint (https on the default port, host as AWS names it, in any
 * region; a China region only under the China suffixes and the other regions only under the others). A profile whose
 * endpoint is not one sends the password proof, the codes and the tokens to someone other than AWS.
 * @param url the profile's endpoint URL as typed; an unparsable one is not an AWS endpoint.
 */
export function isAwsCognitoEndpoint(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return false;
  const match = HOST.exec(parsed.hostname);
  const region = match?.[1];
  const suffix = match?.[2];
  if (region === undefined || suffix === undefined) return false;
  return region.startsWith('cn-') === CHINA_SUFFIXES.includes(suffix);
}
