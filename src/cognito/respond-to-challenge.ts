import { challengeResponses } from './challenge-responses.ts';
import type { AnsweredChallenge, AuthResponse } from './cognito-api.ts';
import { credentialsOf, type FlowContext } from './flow-context.ts';
import { secretsOf } from './flow-record.ts';

/**
 * RespondToAuthChallenge with the current session: `responses` plus USERNAME (the challenge username) and, for a
 * client with a secret, SECRET_HASH.
 * @param alsoSecret values besides the record's secrets to keep out of problems (e.g. a new password).
 * @throws {StepFailure} when Cognito refuses the answer.
 */
export async function respondToChallenge(
  ctx: FlowContext,
  challenge: AnsweredChallenge,
  responses: Readonly<Record<string, string>>,
  alsoSecret: readonly string[] = [],
): Promise<AuthResponse> {
  const { clientSecret } = credentialsOf(ctx);
  const record = ctx.memory.record;
  const { clientId } = ctx.profile;
  return ctx.caller.call(
    'RespondToAuthChallenge',
    async (api) =>
      api.respondToAuthChallenge({
        ClientId: clientId,
        ChallengeName: challenge,
        ...(record.session === undefined ? {} : { Session: record.session }),
        ChallengeResponses: await challengeResponses(responses, record.challengeUsername, clientId, clientSecret, ctx.subtle()),
      }),
    { redact: [...secretsOf(record), ...alsoSecret.filter((value) => value !== '')] },
  );
}
