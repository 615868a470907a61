import { CognitoServiceError } from './cognito-service-error.ts';

// Exact names and messages: docs/cognito-facts.md ("Errors"). Messages marked "unverified" there or
// invented here are listed in test/support/cognito-server/README.md.

/** Coral framework errors carry a namespace; SDKs keep the part after '#'. */
const CORAL = 'com.amazon.coral.service#';

export const INCORRECT_CREDENTIALS = 'Incorrect username or password.';
export const INVALID_SESSION = 'Invalid session for the user.';

export const serviceErrors = {
  invalidParameter: (message: string) => new CognitoServiceError('InvalidParameterException', message),
  missingParameter: (name: string) => new CognitoServiceError('InvalidParameterException', `Missing required parameter ${name}`),
  serialization: (message: string) => new CognitoServiceError(`${CORAL}SerializationException`, message),
  unknownOperation: (message: string) => new CognitoServiceError(`${CORAL}UnknownOperationException`, message),
  notAuthorized: (message: string) => new CognitoServiceError('NotAuthorizedException', message),
  incorrectCredentials: () => new CognitoServiceError('NotAuthorizedException', INCORRECT_CREDENTIALS),
  invalidSession: () => new CognitoServiceError('NotAuthorizedException', INVALID_SESSION),
  userDisabled: () => new CognitoServiceError('NotAuthorizedException', 'User is disabled.'),
  userNotFound: () => new CognitoServiceError('UserNotFoundException', 'User does not exist.'),
  userNotConfirmed: () => new CognitoServiceError('UserNotConfirmedException', 'User is not confirmed.'),
  passwordResetRequired: () => new CognitoServiceError('PasswordResetRequiredException', 'Password reset required for the user'),
  resourceNotFound: (message: string) => new CognitoServiceError('ResourceNotFoundException', message),
  codeMismatch: () => new CognitoServiceError('CodeMismatchException', 'Invalid code or auth state for the user.'),
  enableSoftwareTokenMfa: () =>
    new CognitoServiceError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'),
  softwareTokenNotEnabledByPool: () =>
    new CognitoServiceError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.'),
  softwareTokenNotFoundForUser: () =>
    new CognitoServiceError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.'),
  invalidPassword: (reason: string) =>
    new CognitoServiceError('InvalidPasswordException', `Password did not conform with policy: ${reason}`),
  unsupportedUserState: (message: string) => new CognitoServiceError('UnsupportedUserStateException', message),
  usernameExists: (message: string) => new CognitoServiceError('UsernameExistsException', message),
  tooManyRequests: () => new CognitoServiceError('TooManyRequestsException', 'Rate exceeded'),
  internal: () => new CognitoServiceError('InternalErrorException', 'Internal server error.', 500),
  unauthorized: (message: string) => new CognitoServiceError('UnauthorizedException', message, 401),
  unsupportedOperation: (message: string) => new CognitoServiceError('UnsupportedOperationException', message),
  unsupportedTokenType: (message: string) => new CognitoServiceError('UnsupportedTokenTypeException', message),
};
