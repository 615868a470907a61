import { describe, expect, it } from 'vitest';
import type { CognitoOperation } from '../../src/cognito/cognito-api.ts';
import { CognitoNetworkError } from '../../src/cognito/cognito-network-error.ts';
import { describeCognitoError, type CognitoErrorContext } from '../../src/cognito/cognito-problem.ts';
import { CognitoServiceError } from '../../src/cognito/cognito-service-error.ts';

const context = (operation: CognitoOperation, extra: Partial<CognitoErrorContext> = {}): CognitoErrorContext => ({
  operation,
  poolId: 'ap-northeast-1_XXXX',
  clientId: 'client123',
  region: 'ap-northeast-1',
  ...extra,
});
/** An error as the adapter (src/cognito/aws-cognito-client.ts) hands it over: the bare exception name, message and HTTP status. */
const err = (name: string, message: string, status = 400): CognitoServiceError => new CognitoServiceError({ name, message, status });

interface Row {
  readonly error: unknown;
  readonly context: CognitoErrorContext;
  readonly code: string;
  readonly retry: string;
  readonly params?: Record<string, string>;
}

const rows: readonly Row[] = [
  // Flow not enabled: named in the message, or generic and told apart by the flow being tried.
  { error: err('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client'), context: context('InitiateAuth'), code: 'password-flow-not-enabled', retry: 'no', params: { setting: 'ALLOW_USER_PASSWORD_AUTH', clientId: 'client123' } },
  { error: err('InvalidParameterException', 'USER_SRP_AUTH is not enabled for the client.'), context: context('InitiateAuth'), code: 'srp-flow-not-enabled', retry: 'no', params: { setting: 'ALLOW_USER_SRP_AUTH' } },
  { error: err('InvalidParameterException', 'Auth flow not enabled for this client'), context: context('InitiateAuth', { flow: 'USER_SRP_AUTH' }), code: 'srp-flow-not-enabled', retry: 'no' },
  { error: err('InvalidParameterException', 'Auth flow not enabled for this client'), context: context('InitiateAuth', { flow: 'USER_PASSWORD_AUTH' }), code: 'password-flow-not-enabled', retry: 'no' },
  { error: err('InvalidParameterException', 'Auth flow not enabled for this client'), context: context('InitiateAuth'), code: 'invalid-parameter', retry: 'no', params: { message: 'Auth flow not enabled for this client' } },
  // Client secret variants.
  { error: err('NotAuthorizedException', 'Client client123 is configured for secret but secret was not received'), context: context('InitiateAuth'), code: 'client-secret-missing', retry: 'no', params: { clientId: 'client123' } },
  { error: err('NotAuthorizedException', 'Client client123 is configured with secret but SECRET_HASH was not received'), context: context('InitiateAuth'), code: 'client-secret-missing', retry: 'no' },
  { error: err('NotAuthorizedException', 'Unable to verify secret hash for client client123'), context: context('RespondToAuthChallenge'), code: 'client-secret-wrong', retry: 'no' },
  // Credentials, users.
  { error: err('NotAuthorizedException', 'Incorrect username or password.'), context: context('InitiateAuth'), code: 'incorrect-credentials', retry: 'no' },
  { error: err('NotAuthorizedException', 'Something new and unexpected'), context: context('RespondToAuthChallenge'), code: 'incorrect-credentials', retry: 'no' },
  { error: err('NotAuthorizedException', 'Password attempts exceeded'), context: context('InitiateAuth'), code: 'too-many-failed-attempts', retry: 'backoff' },
  { error: err('NotAuthorizedException', 'User is disabled.'), context: context('InitiateAuth'), code: 'user-disabled', retry: 'no' },
  { error: err('UserNotFoundException', 'User does not exist.'), context: context('InitiateAuth'), code: 'user-not-found', retry: 'no' },
  { error: err('UserNotConfirmedException', 'User is not confirmed.'), context: context('InitiateAuth'), code: 'user-not-confirmed', retry: 'no' },
  { error: err('PasswordResetRequiredException', 'Password reset required for the user'), context: context('InitiateAuth'), code: 'password-reset-required', retry: 'no' },
  { error: err('InvalidPasswordException', 'Password did not conform with policy'), context: context('RespondToAuthChallenge'), code: 'new-password-invalid', retry: 'no', params: { message: 'Password did not conform with policy' } },
  { error: err('ResourceNotFoundException', 'User pool client client123 does not exist.'), context: context('InitiateAuth'), code: 'app-client-not-found', retry: 'no', params: { region: 'ap-northeast-1' } },
  // Sessions and tokens.
  { error: err('NotAuthorizedException', 'Invalid session for the user.'), context: context('RespondToAuthChallenge'), code: 'session-expired', retry: 'restart' },
  { error: err('NotAuthorizedException', 'Invalid session for the user, session is expired.'), context: context('VerifySoftwareToken'), code: 'session-expired', retry: 'restart' },
  { error: err('NotAuthorizedException', 'Access Token has expired'), context: context('AssociateSoftwareToken'), code: 'session-expired', retry: 'restart' },
  { error: err('NotAuthorizedException', 'Access Token has been revoked'), context: context('GetUser'), code: 'session-expired', retry: 'restart' },
  { error: err('NotAuthorizedException', 'Invalid Access Token'), context: context('SetUserMFAPreference'), code: 'session-expired', retry: 'restart' },
  // Codes, with skew.
  { error: err('CodeMismatchException', 'Invalid code or auth state for the user.'), context: context('RespondToAuthChallenge', { skewMs: 42_700 }), code: 'code-mismatch', retry: 'next-code', params: { skewSeconds: '+42' } },
  { error: err('CodeMismatchException', 'Invalid code received for user'), context: context('VerifySoftwareToken', { skewMs: -3_200 }), code: 'enable-code-mismatch', retry: 'next-code', params: { skewSeconds: '-3' } },
  { error: err('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'), context: context('VerifySoftwareToken'), code: 'enable-code-mismatch', retry: 'next-code', params: { operation: 'VerifySoftwareToken' } },
  { error: err('ExpiredCodeException', 'Invalid code provided, please request a code again.'), context: context('RespondToAuthChallenge'), code: 'code-mismatch', retry: 'next-code' },
  // MFA configuration.
  {
    error: err('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.'),
    context: context('AssociateSoftwareToken'),
    code: 'totp-disabled-on-pool',
    retry: 'no',
    params: {
      poolId: 'ap-northeast-1_XXXX',
      command: 'aws cognito-idp set-user-pool-mfa-config --user-pool-id ap-northeast-1_XXXX --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL',
    },
  },
  { error: err('InvalidParameterException', 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA'), context: context('SetUserMFAPreference'), code: 'mfa-delivery-not-configured', retry: 'restart' },
  { error: err('InvalidParameterException', 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.'), context: context('RespondToAuthChallenge'), code: 'invalid-parameter', retry: 'no', params: { message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.' } },
  // Throttling, server, network.
  { error: err('TooManyRequestsException', 'Too many requests'), context: context('InitiateAuth'), code: 'throttled', retry: 'backoff' },
  { error: err('LimitExceededException', 'Attempt limit exceeded, please try after some time.'), context: context('VerifySoftwareToken'), code: 'throttled', retry: 'backoff' },
  { error: err('TooManyFailedAttemptsException', 'Too many failed attempts'), context: context('RespondToAuthChallenge'), code: 'too-many-failed-attempts', retry: 'backoff' },
  { error: err('InternalErrorException', 'Internal error', 500), context: context('GetUser'), code: 'service-error', retry: 'backoff', params: { status: '500' } },
  { error: err('Unknown', 'UnknownError', 503), context: context('GetUser'), code: 'service-error', retry: 'backoff', params: { status: '503' } },
  { error: err('SyntaxError', 'Unexpected token < in JSON', 502), context: context('GetUser'), code: 'service-error', retry: 'backoff', params: { status: '502', host: 'cognito-idp.ap-northeast-1.amazonaws.com' } },
  // A 5xx that names its type shows it; one whose type says the server does not implement the request is not transient.
  { error: err('ServiceUnavailableException', 'Back soon', 503), context: context('GetUser', { endpoint: 'https://proxy.example.com' }), code: 'service-error', retry: 'backoff', params: { status: '503', name: 'ServiceUnavailableException', message: 'Back soon', host: 'proxy.example.com' } },
  {
    error: err('Unsupported', 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH', 500),
    context: context('InitiateAuth', { flow: 'USER_SRP_AUTH', endpoint: 'http://127.0.0.1:9229' }),
    code: 'srp-unsupported',
    retry: 'no',
    params: { status: '500', name: 'Unsupported', message: 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH', host: '127.0.0.1:9229' },
  },
  { error: err('Unsupported', 'Cognito Local unsupported feature: InitAuth with AuthFlow=USER_AUTH', 500), context: context('InitiateAuth', { flow: 'USER_PASSWORD_AUTH' }), code: 'server-unsupported', retry: 'no', params: { name: 'Unsupported' } },
  { error: err('NotImplemented', 'Not implemented', 500), context: context('GetUser'), code: 'server-unsupported', retry: 'no', params: { name: 'NotImplemented', status: '500' } },
  { error: err('InternalFailure', "API for service 'cognito-idp' not yet implemented", 501), context: context('InitiateAuth', { flow: 'USER_SRP_AUTH' }), code: 'srp-unsupported', retry: 'no', params: { status: '501' } },
  // The same words in a client error are a Cognito exception like any other.
  { error: err('UnsupportedUserStateException', 'User is not in a state to resend'), context: context('InitiateAuth'), code: 'unknown', retry: 'no', params: { name: 'UnsupportedUserStateException' } },
  { error: new CognitoNetworkError('getaddrinfo ENOTFOUND', 'cognito-idp.eu-west-1.amazonaws.com'), context: context('InitiateAuth'), code: 'network-unreachable', retry: 'backoff', params: { host: 'cognito-idp.eu-west-1.amazonaws.com' } },
  { error: new CognitoNetworkError('Failed to fetch'), context: context('InitiateAuth', { endpoint: 'http://127.0.0.1:9229/' }), code: 'network-unreachable', retry: 'backoff', params: { host: '127.0.0.1:9229' } },
  { error: new CognitoNetworkError('Failed to fetch'), context: context('InitiateAuth'), code: 'network-unreachable', retry: 'backoff', params: { host: 'cognito-idp.ap-northeast-1.amazonaws.com' } },
  // Anything else: another Cognito exception, or what is not a Cognito error at all (a bug, or an SDK error the
  // adapter passes on as it is, whatever its name).
  { error: err('AliasExistsException', 'An account with the given email already exists.'), context: context('RespondToAuthChallenge'), code: 'unknown', retry: 'no', params: { name: 'AliasExistsException' } },
  { error: new TypeError('Region is missing'), context: context('InitiateAuth'), code: 'unknown', retry: 'no', params: { name: 'TypeError', message: 'Region is missing' } },
  { error: Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' }), context: context('InitiateAuth'), code: 'unknown', retry: 'no', params: { name: 'NotAuthorizedException' } },
  { error: 'a string', context: context('GetUser'), code: 'unknown', retry: 'no', params: { name: 'UnknownError', message: '' } },
];

describe('describeCognitoError', () => {
  it.each(rows)('$context.operation $error.name "$error.message" -> $code', (row) => {
    const problem = describeCognitoError(row.error, row.context);
    expect(problem.code).toBe(row.code);
    expect(problem.retry).toBe(row.retry);
    expect(problem.params['operation']).toBe(row.context.operation);
    if (row.params !== undefined) expect(problem.params).toMatchObject(row.params);
  });

  it.each([
    ['Unknown', 500],
    ['SyntaxError', 502],
    ['InternalErrorException', 500],
  ])('names no type for a 5xx the adapter named %s (it says no more than "server error")', (name, status) => {
    expect(describeCognitoError(err(name, 'x', status), context('GetUser')).params).not.toHaveProperty('name');
  });

  it('leaves skewSeconds out when no skew was measured', () => {
    expect(describeCognitoError(err('CodeMismatchException', 'x'), context('RespondToAuthChallenge')).params).not.toHaveProperty('skewSeconds');
  });

  it('keeps secrets and JWTs out of params taken from server messages', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const problem = describeCognitoError(err('InvalidParameterException', `Value Hunter2!pass at 'password' and ${jwt} rejected`), context('InitiateAuth', { redact: ['Hunter2!pass'] }));
    expect(problem.code).toBe('invalid-parameter');
    expect(problem.params['message']).toBe("Value [redacted] at 'password' and [redacted] rejected");
  });
});
