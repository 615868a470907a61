import type { ServerContext } from '../server-context.ts';
import { initiateAuth } from './initiate-auth.ts';
import { createUserPool, createUserPoolClient, getUserPoolMfaConfig, setUserPoolMfaConfig } from './pool-admin-operations.ts';
import { respondToAuthChallenge } from './respond-to-auth-challenge.ts';
import { revokeToken } from './revoke-token.ts';
import { associateSoftwareToken, verifySoftwareToken } from './software-token-operations.ts';
import {
  adminConfirmSignUp,
  adminCreateUser,
  adminGetUser,
  adminResetUserPassword,
  adminSetUserEnabled,
  adminSetUserMfaPreference,
  adminSetUserPassword,
} from './user-admin-operations.ts';
import { getUser, setUserMfaPreference, signUp } from './user-operations.ts';

/** An operation: validates its JSON input and returns its JSON output, or throws a CognitoServiceError. */
export type Operation = (ctx: ServerContext, input: unknown) => object;

/** The operations served, by their X-Amz-Target name (AWSCognitoIdentityProviderService.<name>). */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['CreateUserPool', createUserPool],
  ['CreateUserPoolClient', createUserPoolClient],
  ['SetUserPoolMfaConfig', setUserPoolMfaConfig],
  ['GetUserPoolMfaConfig', getUserPoolMfaConfig],
  ['AdminCreateUser', adminCreateUser],
  ['AdminSetUserPassword', adminSetUserPassword],
  ['AdminGetUser', adminGetUser],
  ['AdminSetUserMFAPreference', adminSetUserMfaPreference],
  ['AdminResetUserPassword', adminResetUserPassword],
  ['AdminDisableUser', adminSetUserEnabled(false)],
  ['AdminEnableUser', adminSetUserEnabled(true)],
  ['AdminConfirmSignUp', adminConfirmSignUp],
  ['SignUp', signUp],
  ['InitiateAuth', initiateAuth],
  ['RespondToAuthChallenge', respondToAuthChallenge],
  ['AssociateSoftwareToken', associateSoftwareToken],
  ['VerifySoftwareToken', verifySoftwareToken],
  ['SetUserMFAPreference', setUserMfaPreference],
  ['GetUser', getUser],
  ['RevokeToken', revokeToken],
]);
