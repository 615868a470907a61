import type { CognitoServiceError } from '../cognito-service-error.ts';
import type { ServerContext } from '../server-context.ts';
import type { AppClient, PoolUser, UserPool } from '../server-model.ts';
import { serviceErrors } from '../service-errors.ts';

/** The pool, or ResourceNotFoundException. */
export function requirePool(ctx: ServerContext, poolId: string): UserPool {
  const pool = ctx.pools.get(poolId);
  if (pool === undefined) throw serviceErrors.resourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

/** The app client and its pool, or ResourceNotFoundException. */
export function requireClient(ctx: ServerContext, clientId: string): { readonly client: AppClient; readonly pool: UserPool } {
  const client = ctx.clients.get(clientId);
  if (client === undefined) throw serviceErrors.resourceNotFound(`User pool client ${clientId} does not exist.`);
  return { client, pool: requirePool(ctx, client.poolId) };
}

/**
 * A user by internal username or, in pools with UsernameAttributes, by e-mail (case-insensitive) or phone number.
 */
export function findUser(pool: UserPool, name: string): PoolUser | undefined {
  const direct = pool.users.get(name);
  if (direct !== undefined) return direct;
  for (const attribute of pool.usernameAttributes) {
    const wanted = attribute === 'email' ? name.toLowerCase() : name;
    for (const user of pool.users.values()) {
      const value = user.attributes.get(attribute);
      if (value !== undefined && (attribute === 'email' ? value.toLowerCase() : value) === wanted) return user;
    }
  }
  return undefined;
}

/** For admin operations: the user, or UserNotFoundException. */
export function requireUser(pool: UserPool, name: string): PoolUser {
  const user = findUser(pool, name);
  if (user === undefined) throw serviceErrors.userNotFound();
  return user;
}

/** The error for an unknown user at sign-in, per the client's PreventUserExistenceErrors. */
export function unknownUserError(client: AppClient): CognitoServiceError {
  return client.preventUserExistenceErrors === 'ENABLED' ? serviceErrors.incorrectCredentials() : serviceErrors.userNotFound();
}

/** The pool and user an access token belongs to (NotAuthorizedException when invalid, expired or revoked). */
export function requireAccessTokenUser(ctx: ServerContext, accessToken: string): { readonly pool: UserPool; readonly user: PoolUser } {
  const subject = ctx.tokens.verifyAccessToken(accessToken);
  const pool = ctx.pools.get(subject.poolId);
  const user = pool?.users.get(subject.username);
  if (pool === undefined || user === undefined) throw serviceErrors.notAuthorized('Invalid Access Token');
  // AdminDisableUser revokes the user's tokens.
  if (!user.enabled) throw serviceErrors.notAuthorized('Access Token has been revoked');
  return { pool, user };
}

/** The pool name used by SRP: the part of the pool id after "_". */
export function srpPoolName(pool: UserPool): string {
  return pool.id.slice(pool.id.indexOf('_') + 1);
}
