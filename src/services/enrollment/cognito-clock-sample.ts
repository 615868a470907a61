import type { CognitoApi } from '../../cognito/cognito-api.ts';
import { CognitoServiceError } from '../../cognito/cognito-service-error.ts';
import type { ClockSample } from '../../core/clock-skew-samples.ts';

/**
 * An access token Cognito cannot accept: GetUser answers NotAuthorizedException without touching any user pool,
 * so the call costs nothing but a round trip.
 */
const NOT_A_TOKEN = 'keystep-clock-check';

/**
 * One clock sample from a Cognito endpoint, for the options page's "Check the clock": a GetUser that Cognito
 * refuses, whose answer (an error is an answer) carries the server's Date header. Cognito's CORS answer lists
 * Date in Access-Control-Expose-Headers (docs/cognito-facts.md, "CORS"), so the extension page can read it without
 * a host permission; the AWS SDK adapter already reads it into `serverDate` (src/cognito/aws-cognito-client.ts).
 * @returns undefined when the answer had no readable Date header.
 * @throws CognitoNetworkError when there was no answer.
 */
export function cognitoClockSample(api: Pick<CognitoApi, 'getUser'>, now: () => number = Date.now): () => Promise<ClockSample | undefined> {
  return async () => {
    const sentAt = now();
    let serverDate: number | undefined;
    try {
      serverDate = (await api.getUser({ AccessToken: NOT_A_TOKEN })).serverDate;
    } catch (error) {
      if (!(error instanceof CognitoServiceError)) throw error;
      serverDate = error.serverDate;
    }
    const receivedAt = now();
    return serverDate === undefined ? undefined : { sentAt, receivedAt, serverDate };
  };
}
