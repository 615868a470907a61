import { isAwsCognitoEndpoint } from '../cognito/is-aws-cognito-endpoint.ts';

/**
 * The host (and port) of a profile's endpoint when it is not an Amazon Cognito endpoint, for the notice that whoever
 * runs it receives what the profile sends; undefined for no endpoint (AWS's), an AWS Cognito endpoint typed out, or
 * text that is not a URL (yet: the form's check says what is wrong with it).
 * @param endpoint the endpoint URL as typed or stored.
 */
export function nonAwsEndpointHost(endpoint: string | undefined): string | undefined {
  const typed = endpoint?.trim() ?? '';
  if (typed === '' || isAwsCognitoEndpoint(typed)) return undefined;
  try {
    return new URL(typed).host || undefined;
  } catch {
    return undefined;
  }
}
