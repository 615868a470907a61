import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuthResponse, AuthenticationResult, CognitoApi } from './cognito-api.ts';
import { CognitoNetworkError } from './cognito-network-error.ts';
import { CognitoServiceError } from './cognito-service-error.ts';

/** Options of {@link createAwsCognitoClient}. */
export interface AwsCognitoClientOptions {
  /** AWS region of the user pool, e.g. "ap-northeast-1" (the part of the pool ID before "_"). */
  readonly region: string;
  /**
   * Base URL to send requests to instead of https://cognito-idp.<region>.amazonaws.com/, e.g. a local
   * emulator, LocalStack or a proxy ("http://127.0.0.1:9229"). Default: the regional AWS endpoint.
   */
  readonly endpoint?: string;
  /**
   * Gives up on a request that got no answer after this many ms (it then fails as CognitoNetworkError).
   * Default 15,000. Neither the browser's fetch nor Node's http gives up by itself in reasonable time.
   */
  readonly requestTimeoutMs?: number;
}

// Node system-error codes of a request that never got an answer.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

type Dated<T> = T & { readonly serverDate?: number };

function headerDate(response: unknown): number | undefined {
  if (typeof response !== 'object' || response === null || !('headers' in response)) return undefined;
  const headers: unknown = response.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'date' && typeof value === 'string') {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : ms;
    }
  }
  return undefined;
}

function httpStatusOf(error: object): number | undefined {
  const metadata: unknown = (error as { $metadata?: unknown }).$metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const status: unknown = (metadata as { httpStatusCode?: unknown }).httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function isNetworkFailure(error: Error): boolean {
  // Browsers reject fetch with a TypeError for DNS, refused connections and CORS alike.
  if (error instanceof TypeError) return true;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/** Translates what the SDK threw into CognitoServiceError / CognitoNetworkError; anything else is rethrown as is. */
function toCognitoError(error: unknown, serverDate: number | undefined, host: string): unknown {
  if (!(error instanceof Error)) return error;
  const status = httpStatusOf(error);
  if (status !== undefined) {
    return new CognitoServiceError({
      name: error.name,
      message: error.message,
      status,
      ...(serverDate === undefined ? {} : { serverDate }),
    });
  }
  if (isNetworkFailure(error)) return new CognitoNetworkError(error.message, host, { cause: error });
  return error;
}

const withDate = <T extends object>(value: T, serverDate: number | undefined): Dated<T> =>
  serverDate === undefined ? value : { ...value, serverDate };

function authResponse(
  output: {
    ChallengeName?: string | undefined;
    Session?: string | undefined;
    ChallengeParameters?: Record<string, string> | undefined;
    AuthenticationResult?:
      | {
          AccessToken?: string | undefined;
          IdToken?: string | undefined;
          RefreshToken?: string | undefined;
          ExpiresIn?: number | undefined;
          TokenType?: string | undefined;
        }
      | undefined;
  },
  serverDate: number | undefined,
): AuthResponse {
  const result = output.AuthenticationResult;
  const tokens: AuthenticationResult | undefined =
    result === undefined
      ? undefined
      : {
          ...(result.AccessToken === undefined ? {} : { AccessToken: result.AccessToken }),
          ...(result.IdToken === undefined ? {} : { IdToken: result.IdToken }),
          ...(result.RefreshToken === undefined ? {} : { RefreshToken: result.RefreshToken }),
          ...(result.ExpiresIn === undefined ? {} : { ExpiresIn: result.ExpiresIn }),
          ...(result.TokenType === undefined ? {} : { TokenType: result.TokenType }),
        };
  return withDate(
    {
      ...(output.ChallengeName === undefined ? {} : { ChallengeName: output.ChallengeName }),
      ...(output.Session === undefined ? {} : { Session: output.Session }),
      ...(output.ChallengeParameters === undefined ? {} : { ChallengeParameters: output.ChallengeParameters }),
      ...(tokens === undefined ? {} : { AuthenticationResult: tokens }),
    },
    serverDate,
  );
}

/**
 * A {@link CognitoApi} on `@aws-sdk/client-cognito-identity-provider`.
 *
 * - No AWS credentials: the SDK's auth-scheme resolver marks InitiateAuth, RespondToAuthChallenge,
 *   AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference, GetUser and RevokeToken as
 *   `smithy.api#noAuth`, so it neither signs them nor asks a credential provider.
 * - `maxAttempts: 1`: the enrollment flow owns retries and backoff (the SDK would otherwise retry 5xx and
 *   throttling itself, hiding them and multiplying calls).
 * - A middleware wrapping the deserializer reads the response `Date` header (success and error responses) into
 *   each result's `serverDate` and each CognitoServiceError's `serverDate`.
 * - Each request is aborted after `requestTimeoutMs` (AbortSignal.timeout), so a hung connection ends as a
 *   CognitoNetworkError instead of blocking the flow.
 * - SDK service exceptions become CognitoServiceError {name, message, status = $metadata.httpStatusCode};
 *   requests that got no answer become CognitoNetworkError; anything else (e.g. an SDK configuration error)
 *   is rethrown unchanged.
 */
export function createAwsCognitoClient(options: AwsCognitoClientOptions): CognitoApi {
  const client = new CognitoIdentityProviderClient({
    region: options.region,
    maxAttempts: 1,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
  const host = options.endpoint === undefined ? `cognito-idp.${options.region}.amazonaws.com` : new URL(options.endpoint).host;

  // Results and errors are objects the SDK hands back unchanged, so a WeakMap links them to their Date header.
  const serverDates = new WeakMap<object, number>();
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        const date = headerDate(result.response);
        if (date !== undefined && typeof result.output === 'object') serverDates.set(result.output, date);
        return result;
      } catch (error: unknown) {
        if (typeof error === 'object' && error !== null) {
          const date = headerDate((error as { $response?: unknown }).$response);
          if (date !== undefined) serverDates.set(error, date);
        }
        throw error;
      }
    },
    // Outermost in the deserialize step: it sees the deserializer's output and its errors (with $response).
    { step: 'deserialize', priority: 'high', name: 'keystepServerDateMiddleware' },
  );

  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const run = async <T extends object>(send: (abortSignal: AbortSignal) => Promise<T>): Promise<{ output: T; serverDate: number | undefined }> => {
    try {
      const output = await send(AbortSignal.timeout(timeoutMs));
      return { output, serverDate: serverDates.get(output) };
    } catch (error: unknown) {
      const serverDate = typeof error === 'object' && error !== null ? serverDates.get(error) : undefined;
      throw toCognitoError(error, serverDate, host);
    }
  };

  return {
    async initiateAuth(input) {
      const { output, serverDate } = await run((abortSignal) => client.send(new InitiateAuthCommand(input), { abortSignal }));
      return authResponse(output, serverDate);
    },
    async respondToAuthChallenge(input) {
      const { output, serverDate } = await run((abortSignal) => client.send(new RespondToAuthChallengeCommand(input), { abortSignal }));
      return authResponse(output, serverDate);
    },
    async associateSoftwareToken(input) {
      const { output, serverDate } = await run((abortSignal) => client.send(new AssociateSoftwareTokenCommand(input), { abortSignal }));
      return withDate(
        {
          ...(output.SecretCode === undefined ? {} : { SecretCode: output.SecretCode }),
          ...(output.Session === undefined ? {} : { Session: output.Session }),
        },
        serverDate,
      );
    },
    async verifySoftwareToken(input) {
      const { output, serverDate } = await run((abortSignal) => client.send(new VerifySoftwareTokenCommand(input), { abortSignal }));
      return withDate(
        {
          ...(output.Status === undefined ? {} : { Status: output.Status }),
          ...(output.Session === undefined ? {} : { Session: output.Session }),
        },
        serverDate,
      );
    },
    async setUserMfaPreference(input) {
      const { serverDate } = await run((abortSignal) => client.send(new SetUserMFAPreferenceCommand(input), { abortSignal }));
      return withDate({}, serverDate);
    },
    async getUser(input) {
      const { output, serverDate } = await run((abortSignal) => client.send(new GetUserCommand(input), { abortSignal }));
      return withDate(
        {
          ...(output.Username === undefined ? {} : { Username: output.Username }),
          ...(output.UserAttributes === undefined
            ? {}
            : { UserAttributes: output.UserAttributes.map((a) => ({ Name: a.Name ?? '', ...(a.Value === undefined ? {} : { Value: a.Value }) })) }),
          ...(output.PreferredMfaSetting === undefined ? {} : { PreferredMfaSetting: output.PreferredMfaSetting }),
          ...(output.UserMFASettingList === undefined ? {} : { UserMFASettingList: output.UserMFASettingList }),
        },
        serverDate,
      );
    },
    async revokeToken(input) {
      const { serverDate } = await run((abortSignal) => client.send(new RevokeTokenCommand(input), { abortSignal }));
      return withDate({}, serverDate);
    },
  };
}
