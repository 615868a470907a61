import type { CognitoApi, RevokeTokenInput } from './cognito-api.ts';
import type { CognitoProblem } from './cognito-problem.ts';
import type { TokenRevocation } from './enrollment-state.ts';
import type { FlowContext } from './flow-context.ts';
import { secretsOf } from './flow-record.ts';
import { StepFailure } from './step-failure.ts';

// Ending the sign-in sessions an enrollment opened: RevokeToken of each refresh token Cognito gave it, which also ends
// the access and ID tokens issued with it (docs/cognito-facts.md "RevokeToken").

/** RevokeToken's request: the client secret itself goes with it, for a client that has one. */
const revokeInput = (ClientId: string, Token: string, clientSecret: string | undefined): RevokeTokenInput =>
  clientSecret === undefined ? { ClientId, Token } : { ClientId, Token, ClientSecret: clientSecret };

/**
 * Revokes every refresh token of the flow's record (with the client secret of its credentials, when there is one) and
 * forgets those revoked, and the access token issued with a revoked one: a retry then signs in again. Best effort: a
 * refused or unanswered revocation is reported, never thrown; its token stays in the record, for the next end.
 * @returns how it went; undefined when the record held no refresh token.
 * @throws {Cancelled} when reset() abandoned the action (reset() then revokes them itself).
 */
export async function revokeRefreshTokens(ctx: FlowContext): Promise<TokenRevocation | undefined> {
  const record = ctx.memory.record;
  if (record.refreshTokens.length === 0) return undefined;
  const clientSecret = record.credentials?.clientSecret;
  const kept: string[] = [];
  let problem: CognitoProblem | undefined;
  for (const token of record.refreshTokens) {
    try {
      await ctx.caller.call(
        'RevokeToken',
        (api) => api.revokeToken(revokeInput(ctx.profile.clientId, token, clientSecret)),
        { redact: secretsOf(record) },
      );
    } catch (error: unknown) {
      if (!(error instanceof StepFailure)) throw error;
      problem ??= error.problem;
      kept.push(token);
    }
  }
  ctx.memory.update((current) => {
    const refreshToken = current.tokens?.refreshToken;
    return { ...current, refreshTokens: kept, tokens: refreshToken !== undefined && !kept.includes(refreshToken) ? undefined : current.tokens };
  });
  return problem === undefined ? { revoked: true } : { revoked: false, problem };
}

/**
 * Revokes `tokens` without waiting and without telling anyone: for a flow that is being reset (a lock, another
 * profile, "Start again", a new sign-in), which has no state left to report a failure in.
 */
export function revokeInBackground(api: CognitoApi, clientId: string, tokens: readonly string[], clientSecret: string | undefined): void {
  for (const token of tokens) {
    api.revokeToken(revokeInput(clientId, token, clientSecret)).catch(() => undefined);
  }
}
