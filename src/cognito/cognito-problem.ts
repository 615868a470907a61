import type { CognitoOperation, SignInFlow } from './cognito-api.ts';
import { formatSkewSeconds } from './clock-skew.ts';
import { CognitoNetworkError } from './cognito-network-error.ts';
import { CognitoServiceError } from './cognito-service-error.ts';
import { endpointHost } from './normalize-endpoint.ts';

/**
 * What went wrong, as a stable code the UI maps to a localized message that says how to fix it.
 * Params listed per code are always present unless marked optional; every problem also has `operation`
 * (the API operation, e.g. "VerifySoftwareToken") when it came from a call.
 */
export type CognitoProblemCode =
  /** The app client lacks ALLOW_USER_PASSWORD_AUTH. Params: clientId, setting. */
  | 'password-flow-not-enabled'
  /** The app client lacks ALLOW_USER_SRP_AUTH. Params: clientId, setting. */
  | 'srp-flow-not-enabled'
  /** Neither flow is allowed (after falling back). Params: clientId, settings ("ALLOW_USER_SRP_AUTH ALLOW_USER_PASSWORD_AUTH"). */
  | 'auth-flows-not-enabled'
  /** The app client has a secret and none was given. Params: clientId. */
  | 'client-secret-missing'
  /** The given client secret is not the app client's. Params: clientId. */
  | 'client-secret-wrong'
  /** The app client or user pool does not exist (wrong ID or region). Params: clientId, poolId, region, message. */
  | 'app-client-not-found'
  | 'incorrect-credentials'
  | 'user-not-found'
  | 'user-not-confirmed'
  /** The user is disabled in the pool. */
  | 'user-disabled'
  | 'password-reset-required'
  /** The new password breaks the pool's password policy. Params: message. */
  | 'new-password-invalid'
  /** Cognito locked sign-in after too many wrong passwords or codes; wait and try later. */
  | 'too-many-failed-attempts'
  /** The challenge session or the access token expired or was used up: sign in again (the flow does so once by itself). */
  | 'session-expired'
  /** A sign-in MFA code was rejected. Params: skewSeconds (optional, signed, server minus local). */
  | 'code-mismatch'
  /** VerifySoftwareToken rejected the code of the new secret. Params: skewSeconds (optional). */
  | 'enable-code-mismatch'
  /** The pool has TOTP MFA disabled. Params: poolId, region, command (the aws cli fix). */
  | 'totp-disabled-on-pool'
  /** SetUserMFAPreference before a verified software token ("User does not have delivery config set ..."). */
  | 'mfa-delivery-not-configured'
  /** GetUser after enrollment does not show TOTP as preferred. Params: preferredMfaSetting, userMfaSettingList. */
  | 'enrollment-not-confirmed'
  /** TooManyRequestsException / LimitExceededException, still after backing off. */
  | 'throttled'
  /**
   * HTTP 5xx / InternalErrorException, still after one retry. Params: status (optional), host; name and message when
   * the server named the error (its `__type`, without namespace) other than InternalErrorException.
   */
  | 'service-error'
  /**
   * An HTTP 5xx whose error type says the server does not implement the request (an emulator's "Unsupported", HTTP
   * 501): not retried. Params: status, name, message, host.
   */
  | 'server-unsupported'
  /** As server-unsupported, for InitiateAuth with USER_SRP_AUTH: the server has no SRP (cognito-local). Params: as it. */
  | 'srp-unsupported'
  /**
   * The server's PASSWORD_VERIFIER challenge cannot be answered: its SRP is incomplete (moto's placeholder) or hostile.
   * Nothing was sent after it. Params: field (SALT, SRP_B or SECRET_BLOCK), host.
   */
  | 'srp-challenge-malformed'
  /**
   * AssociateSoftwareToken's SecretCode is under the 80 bits every secret in Keystep needs (moto issues 56); nothing
   * was saved. Params: bits (whole bytes it decodes to, times 8), characters (base32 characters given).
   */
  | 'secret-code-too-short'
  /** No answer from the endpoint (DNS, refused, offline, CORS). Params: host. */
  | 'network-unreachable'
  /** Any other InvalidParameterException. Params: message. */
  | 'invalid-parameter'
  /** A challenge Keystep cannot answer (e.g. CUSTOM_CHALLENGE, WEB_AUTHN). Params: challenge. */
  | 'unsupported-challenge'
  /** Keystep's own account store failed. Params: name (the store error's name). */
  | 'storage-failed'
  /**
   * A notice, not a failure: Keystep holds a secret of this user (same pool and username) but enrolled with another
   * target, so it asks for the code instead of answering with it. Params: differs (the fields that differ, of
   * "endpoint region clientId", space-separated) and, for each, enrolled<Field> and current<Field>
   * (enrolledEndpoint, currentEndpoint, enrolledRegion, ...; an endpoint as a URL, the AWS one spelled out). No secret.
   */
  | 'stored-secret-other-target'
  /** Anything else. Params: name, and message when a Cognito error carried one. */
  | 'unknown';

/**
 * What a retry can achieve:
 * - `no`: the same request fails again; the user must change input or the pool/client configuration;
 * - `restart`: signing in again (a fresh session or token) will likely get past it;
 * - `backoff`: the same step may succeed later;
 * - `next-code`: try again with the next code.
 */
export type ProblemRetry = 'no' | 'restart' | 'backoff' | 'next-code';

/** A UI-ready description of a failure. Params never contain passwords, secrets, tokens or sessions. */
export interface CognitoProblem {
  readonly code: CognitoProblemCode;
  readonly params: Readonly<Record<string, string>>;
  readonly retry: ProblemRetry;
}

/** Where the failure happened. */
export interface CognitoErrorContext {
  readonly operation: CognitoOperation;
  readonly poolId: string;
  readonly clientId: string;
  readonly region: string;
  /** The auth flow being tried, to tell "Auth flow not enabled for this client" apart. */
  readonly flow?: SignInFlow;
  /** Custom endpoint URL, for the host of network-unreachable; default cognito-idp.<region>.amazonaws.com. */
  readonly endpoint?: string;
  /** Last measured clock skew (server minus local), ms; reported with code mismatches. */
  readonly skewMs?: number;
  /** Values that must not appear in params (password, client secret, tokens, session, TOTP secret). */
  readonly redact?: readonly string[];
}

const RETRY: Readonly<Record<CognitoProblemCode, ProblemRetry>> = {
  'password-flow-not-enabled': 'no',
  'srp-flow-not-enabled': 'no',
  'auth-flows-not-enabled': 'no',
  'client-secret-missing': 'no',
  'client-secret-wrong': 'no',
  'app-client-not-found': 'no',
  'incorrect-credentials': 'no',
  'user-not-found': 'no',
  'user-not-confirmed': 'no',
  'user-disabled': 'no',
  'password-reset-required': 'no',
  'new-password-invalid': 'no',
  'too-many-failed-attempts': 'backoff',
  'session-expired': 'restart',
  'code-mismatch': 'next-code',
  'enable-code-mismatch': 'next-code',
  'totp-disabled-on-pool': 'no',
  'mfa-delivery-not-configured': 'restart',
  'enrollment-not-confirmed': 'restart',
  throttled: 'backoff',
  'service-error': 'backoff',
  'server-unsupported': 'no',
  'srp-unsupported': 'no',
  'srp-challenge-malformed': 'no',
  'secret-code-too-short': 'no',
  'network-unreachable': 'backoff',
  'invalid-parameter': 'no',
  'unsupported-challenge': 'no',
  'storage-failed': 'backoff',
  'stored-secret-other-target': 'no',
  unknown: 'no',
};

/** Builds a problem with the default `retry` of its code. */
export function cognitoProblem(code: CognitoProblemCode, params: Readonly<Record<string, string>> = {}): CognitoProblem {
  return { code, params, retry: RETRY[code] };
}

/**
 * TOTP MFA is off on the pool: the problem, with the exact command that turns it on.
 * @param base the params every problem of this call carries (at least `operation`).
 */
export function totpDisabledProblem(base: Readonly<Record<string, string>>, poolId: string, region: string): CognitoProblem {
  return cognitoProblem('totp-disabled-on-pool', { ...base, poolId, region, command: enableTotpCommand(poolId) });
}

/** The aws cli command that turns TOTP MFA on for a pool, keeping MFA optional (docs/cognito-facts.md "Operations"). */
export function enableTotpCommand(poolId: string): string {
  return `aws cognito-idp set-user-pool-mfa-config --user-pool-id ${poolId} --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL`;
}

const JWT_LIKE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/** Removes secrets from server text before it goes into params. */
function scrub(text: string, redact: readonly string[]): string {
  let out = text.replace(JWT_LIKE, '[redacted]');
  for (const value of redact) if (value.length >= 4) out = out.split(value).join('[redacted]');
  return out.slice(0, 500);
}

const hostOf = (context: CognitoErrorContext): string => endpointHost(context.endpoint, context.region);

// A 5xx answer that says the server does not implement the request: cognito-local's "CognitoLocal#Unsupported" (HTTP
// 500, docs/local-emulators.md), a "NotImplemented" type, or HTTP 501 Not Implemented (RFC 9110 section 15.6.2).
const UNSUPPORTED_TYPE = /unsupported|not_?implemented|not_?supported/i;
// Names that say no more than "server error": what the adapter gives a 5xx that carried no error type of its own
// (the SDK's "Unknown", or an unparsable body), and Cognito's own InternalErrorException.
const GENERIC_SERVER_ERRORS: readonly string[] = ['Unknown', 'UnknownError', 'SyntaxError', 'Error', 'TypeError', 'InternalErrorException'];

/** Whether a failed call is a server error whose type says the server does not implement the request (never retried). */
export function isUnsupportedServerError(error: CognitoServiceError): boolean {
  const status = error.status ?? 0;
  return status >= 500 && (status === 501 || UNSUPPORTED_TYPE.test(error.name));
}

/** An HTTP 5xx (or InternalErrorException): unsupported when its type says so, else a server error that names its type. */
function serverProblem(error: CognitoServiceError, message: string, context: CognitoErrorContext, base: Record<string, string>): CognitoProblem {
  const status = String(error.status ?? 500);
  const host = hostOf(context);
  if (isUnsupportedServerError(error)) {
    const srp = context.operation === 'InitiateAuth' && context.flow === 'USER_SRP_AUTH';
    return cognitoProblem(srp ? 'srp-unsupported' : 'server-unsupported', { ...base, status, name: error.name, message, host });
  }
  return cognitoProblem('service-error', { ...base, status, host, ...(GENERIC_SERVER_ERRORS.includes(error.name) ? {} : { name: error.name, message }) });
}

// Seen: "USER_PASSWORD_AUTH flow not enabled for this client", "Auth flow not enabled for this client"; variants tolerated.
const FLOW_NOT_ENABLED = /flow (is )?not (enabled|allowed|supported)|_AUTH (is )?not (enabled|allowed|supported)|not (enabled|allowed) for (this|the) (app )?client/i;

function flowNotEnabled(message: string, context: CognitoErrorContext, base: Record<string, string>): CognitoProblem | undefined {
  if (!FLOW_NOT_ENABLED.test(message)) return undefined;
  const flow = message.includes('USER_PASSWORD_AUTH') ? 'USER_PASSWORD_AUTH' : message.includes('USER_SRP_AUTH') ? 'USER_SRP_AUTH' : context.flow;
  if (flow === 'USER_PASSWORD_AUTH') return cognitoProblem('password-flow-not-enabled', { ...base, clientId: context.clientId, setting: 'ALLOW_USER_PASSWORD_AUTH' });
  if (flow === 'USER_SRP_AUTH') return cognitoProblem('srp-flow-not-enabled', { ...base, clientId: context.clientId, setting: 'ALLOW_USER_SRP_AUTH' });
  return undefined;
}

function secretProblem(message: string, context: CognitoErrorContext, base: Record<string, string>): CognitoProblem | undefined {
  if (/unable to verify secret hash|secret hash.*(invalid|mismatch|does not match)|invalid secret hash/i.test(message)) {
    return cognitoProblem('client-secret-wrong', { ...base, clientId: context.clientId });
  }
  if (/configured (for|with) secret|secret_hash was not received|secret.*not received|secret_hash.*(missing|required)/i.test(message)) {
    return cognitoProblem('client-secret-missing', { ...base, clientId: context.clientId });
  }
  return undefined;
}

const SESSION_EXPIRED = /invalid session|session (is |has )?expired|session.*(expired|invalid)|access token has (expired|been revoked)|invalid access token|token.*(expired|revoked)/i;

function withSkew(code: 'code-mismatch' | 'enable-code-mismatch', context: CognitoErrorContext, base: Record<string, string>): CognitoProblem {
  return cognitoProblem(code, context.skewMs === undefined ? base : { ...base, skewSeconds: formatSkewSeconds(context.skewMs) });
}

/** The name and message of what is not a Cognito error (a bug, or an SDK error the adapter passes on). */
function otherError(error: unknown): { readonly name: string; readonly message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'UnknownError', message: '' };
}

/**
 * Translates an error from a {@link CognitoApi} call into a {@link CognitoProblem}. The adapter
 * (aws-cognito-client.ts) hands over a CognitoServiceError (the exception's bare name, its message and HTTP
 * status) or a CognitoNetworkError; anything else becomes `unknown`. Matches on the exception name; the message
 * is only used to tell apart the variants of InvalidParameterException and NotAuthorizedException (several
 * wordings of each are known, see docs/cognito-facts.md "Errors"), and is scrubbed of `context.redact`
 * values and JWTs before it goes into params.
 */
export function describeCognitoError(error: unknown, context: CognitoErrorContext): CognitoProblem {
  const base: Record<string, string> = { operation: context.operation };
  if (error instanceof CognitoNetworkError) {
    return cognitoProblem('network-unreachable', { ...base, host: error.host ?? hostOf(context) });
  }
  if (!(error instanceof CognitoServiceError)) {
    const other = otherError(error);
    return cognitoProblem('unknown', { ...base, name: other.name, message: scrub(other.message, context.redact ?? []) });
  }
  const { name, status } = error;
  const message = scrub(error.message, context.redact ?? []);

  switch (name) {
    case 'InvalidParameterException':
      return (
        flowNotEnabled(message, context, base) ??
        secretProblem(message, context, base) ??
        (/delivery config/i.test(message)
          ? cognitoProblem('mfa-delivery-not-configured', base)
          : /software token mfa.*not (been )?enabled/i.test(message)
            ? totpDisabledProblem(base, context.poolId, context.region)
            : cognitoProblem('invalid-parameter', { ...base, message }))
      );
    case 'NotAuthorizedException':
      return (
        secretProblem(message, context, base) ??
        flowNotEnabled(message, context, base) ??
        (SESSION_EXPIRED.test(message)
          ? cognitoProblem('session-expired', base)
          : /password attempts exceeded|too many (failed )?attempts/i.test(message)
            ? cognitoProblem('too-many-failed-attempts', base)
            : /user is disabled/i.test(message)
              ? cognitoProblem('user-disabled', base)
              : // Anything else while signing in means wrong credentials (Cognito also says so for unknown users
                // with PreventUserExistenceErrors and for a bad SRP signature); on token calls, a bad token.
                context.operation === 'InitiateAuth' || context.operation === 'RespondToAuthChallenge'
                ? cognitoProblem('incorrect-credentials', base)
                : cognitoProblem('session-expired', base))
      );
    case 'UserNotFoundException':
      return cognitoProblem('user-not-found', base);
    case 'UserNotConfirmedException':
      return cognitoProblem('user-not-confirmed', base);
    case 'PasswordResetRequiredException':
      return cognitoProblem('password-reset-required', base);
    case 'InvalidPasswordException':
      return cognitoProblem('new-password-invalid', { ...base, message });
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
      return withSkew(context.operation === 'VerifySoftwareToken' ? 'enable-code-mismatch' : 'code-mismatch', context, base);
    case 'EnableSoftwareTokenMFAException':
      return withSkew('enable-code-mismatch', context, base);
    case 'SoftwareTokenMFANotFoundException':
      return totpDisabledProblem(base, context.poolId, context.region);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return cognitoProblem('throttled', base);
    case 'TooManyFailedAttemptsException':
      return cognitoProblem('too-many-failed-attempts', base);
    case 'ResourceNotFoundException':
      return cognitoProblem('app-client-not-found', { ...base, clientId: context.clientId, poolId: context.poolId, region: context.region, message });
    case 'InternalErrorException':
      return serverProblem(error, message, context, base);
    default:
      if (status !== undefined && status >= 500) return serverProblem(error, message, context, base);
      return cognitoProblem('unknown', { ...base, name, message });
  }
}
