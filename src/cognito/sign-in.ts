import { challengeResponses } from './challenge-responses.ts';
import type { CognitoCaller } from './cognito-caller.ts';
import type { AuthResponse, SignInFlow } from './cognito-api.ts';
import type { CognitoProfile } from './cognito-profile.ts';
import { cognitoProblem } from './cognito-problem.ts';
import type { RandomBytes } from '../core/random-bytes.ts';
import { endpointHost } from './normalize-endpoint.ts';
import { secretHash } from './secret-hash.ts';
import { SrpChallengeError } from './srp-challenge-error.ts';
import { createSrpSession } from './srp-client.ts';
import { StepFailure } from './step-failure.ts';

/** What the user types to sign in. Kept in memory by the flow only, never stored. */
export interface SignInCredentials {
  readonly username: string;
  readonly password: string;
  /** The app client's secret, for clients generated with one; omit for public clients. */
  readonly clientSecret?: string;
}

/** What {@link initiateSignIn} needs. */
export interface SignInContext {
  readonly caller: CognitoCaller;
  readonly profile: CognitoProfile;
  readonly credentials: SignInCredentials;
  readonly randomBytes: RandomBytes;
  readonly subtle: SubtleCrypto;
  /** Clock for the SRP TIMESTAMP, ms since the epoch. */
  readonly now: () => number;
  /** Secret values to keep out of problems. */
  readonly redact: readonly string[];
}

/** The response after the password step, and the USERNAME to answer its challenges with. */
export interface SignInStart {
  /** Tokens, or the next challenge (NEW_PASSWORD_REQUIRED, MFA_SETUP, SOFTWARE_TOKEN_MFA, ...). */
  readonly response: AuthResponse;
  /** USER_ID_FOR_SRP after SRP (or from the challenge), else the typed username. */
  readonly challengeUsername: string;
}

/**
 * Runs the password step of one auth flow: USER_PASSWORD_AUTH is a single InitiateAuth; USER_SRP_AUTH is
 * InitiateAuth with SRP_A followed by the PASSWORD_VERIFIER answer (USERNAME and SECRET_HASH over
 * USER_ID_FOR_SRP), as amazon-cognito-identity-js CognitoUser.authenticateUserDefaultAuth does.
 * @throws {StepFailure} with the problem (e.g. srp-flow-not-enabled, incorrect-credentials; srp-challenge-malformed
 *   when the PASSWORD_VERIFIER challenge cannot be answered, and then nothing more is sent).
 */
export async function initiateSignIn(context: SignInContext, flow: SignInFlow): Promise<SignInStart> {
  const { caller, profile, credentials, subtle, redact } = context;
  const hash = async (username: string): Promise<Record<string, string>> =>
    credentials.clientSecret === undefined ? {} : { SECRET_HASH: await secretHash(credentials.clientSecret, username, profile.clientId, subtle) };

  if (flow === 'USER_PASSWORD_AUTH') {
    const response = await caller.call(
      'InitiateAuth',
      async (api) =>
        api.initiateAuth({
          AuthFlow: flow,
          ClientId: profile.clientId,
          AuthParameters: { USERNAME: credentials.username, PASSWORD: credentials.password, ...(await hash(credentials.username)) },
        }),
      { flow, redact },
    );
    const params = response.ChallengeParameters ?? {};
    return { response, challengeUsername: params['USER_ID_FOR_SRP'] ?? params['USERNAME'] ?? credentials.username };
  }

  const srp = createSrpSession({ poolId: profile.userPoolId, randomBytes: context.randomBytes, subtle, now: context.now });
  const started = await caller.call(
    'InitiateAuth',
    async (api) =>
      api.initiateAuth({
        AuthFlow: flow,
        ClientId: profile.clientId,
        AuthParameters: { USERNAME: credentials.username, SRP_A: srp.srpA, ...(await hash(credentials.username)) },
      }),
    { flow, redact },
  );
  const params = started.ChallengeParameters ?? {};
  const userIdForSrp = params['USER_ID_FOR_SRP'] ?? params['USERNAME'] ?? credentials.username;
  if (started.ChallengeName !== 'PASSWORD_VERIFIER') return { response: started, challengeUsername: userIdForSrp };

  let answer: Record<string, string>;
  try {
    answer = {
      ...(await srp.respondToChallenge({
        userIdForSrp,
        password: credentials.password,
        saltHex: params['SALT'] ?? '',
        srpBHex: params['SRP_B'] ?? '',
        secretBlockB64: params['SECRET_BLOCK'] ?? '',
      })),
    };
  } catch (error: unknown) {
    // An incomplete (a placeholder SRP, as moto's) or hostile PASSWORD_VERIFIER (e.g. B mod N = 0): the server's SRP
    // cannot sign in; the problem names the field, no value.
    if (error instanceof SrpChallengeError) {
      throw new StepFailure(
        cognitoProblem('srp-challenge-malformed', { operation: 'InitiateAuth', field: error.field, host: endpointHost(profile.endpoint, profile.region) }),
        { cause: error },
      );
    }
    const message = error instanceof Error ? error.message : 'SRP failed';
    throw new StepFailure(cognitoProblem('invalid-parameter', { operation: 'RespondToAuthChallenge', message }), { cause: error });
  }
  const response = await caller.call(
    'RespondToAuthChallenge',
    async (api) =>
      api.respondToAuthChallenge({
        ClientId: profile.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ...(started.Session === undefined ? {} : { Session: started.Session }),
        ChallengeResponses: await challengeResponses(answer, userIdForSrp, profile.clientId, credentials.clientSecret, subtle),
      }),
    { flow, redact },
  );
  const next = response.ChallengeParameters ?? {};
  return { response, challengeUsername: next['USER_ID_FOR_SRP'] ?? next['USERNAME'] ?? userIdForSrp };
}
