import type { ServerContext } from '../server-context.ts';
import type { PoolUser, UserPool } from '../server-model.ts';
import { serviceErrors } from '../service-errors.ts';
import { createSrpCredential } from '../srp-server.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { srpPoolName } from './state-lookup.ts';

/** A new user record with a fresh sub; not yet added to the pool. */
export function newPoolUser(ctx: ServerContext, username: string, sub: string, attributes: Map<string, string>): PoolUser {
  const now = ctx.now();
  return {
    username,
    sub,
    attributes,
    status: 'UNCONFIRMED',
    enabled: true,
    createdAt: now,
    lastModifiedAt: now,
    credential: undefined,
    temporaryPasswordSetAt: undefined,
    mfaEnabled: new Set(),
    preferredMfa: undefined,
    softwareToken: undefined,
    pendingSoftwareTokenSecret: undefined,
  };
}

/**
 * Checks the pool's password policy and stores the SRP salt and verifier for `password` (the password itself is
 * not kept). `temporary` makes the user FORCE_CHANGE_PASSWORD; otherwise the status is left to the caller.
 */
export function storePassword(ctx: ServerContext, pool: UserPool, user: PoolUser, password: string, temporary: boolean): void {
  checkPasswordPolicy(pool.passwordPolicy, password);
  user.credential = createSrpCredential({ poolName: srpPoolName(pool), userIdForSrp: user.username }, password, ctx.ids.random(16));
  user.temporaryPasswordSetAt = temporary ? ctx.now() : undefined;
  if (temporary) user.status = 'FORCE_CHANGE_PASSWORD';
  user.lastModifiedAt = ctx.now();
}

/** NotAuthorizedException once a temporary password is older than the pool's TemporaryPasswordValidityDays. */
export function checkTemporaryPasswordFresh(ctx: ServerContext, pool: UserPool, user: PoolUser): void {
  if (user.status !== 'FORCE_CHANGE_PASSWORD' || user.temporaryPasswordSetAt === undefined) return;
  const validMs = pool.passwordPolicy.TemporaryPasswordValidityDays * 24 * 3600 * 1000;
  if (ctx.now() > user.temporaryPasswordSetAt + validMs) {
    throw serviceErrors.notAuthorized('Temporary password has expired and must be reset by an administrator.');
  }
}

/** Epoch ms to epoch seconds, the form the JSON 1.1 protocol uses for timestamps (CreationDate, UserCreateDate...). */
export const epochSeconds = (ms: number): number => ms / 1000;

/**
 * The internal username and sub for a new user. In pools with UsernameAttributes the name given is an e-mail or
 * phone number: it becomes that attribute and the internal username is the sub (a UUID), as in Cognito.
 */
export function resolveNewUsername(
  ctx: ServerContext,
  pool: UserPool,
  name: string,
  attributes: Map<string, string>,
): { readonly username: string; readonly sub: string } {
  const sub = ctx.ids.uuid();
  if (pool.usernameAttributes.length === 0) {
    if (pool.users.has(name)) throw serviceErrors.usernameExists('User account already exists');
    return { username: name, sub };
  }
  const attribute = name.includes('@') ? 'email' : /^\+[0-9]{4,}$/.test(name) ? 'phone_number' : undefined;
  if (attribute === undefined || !pool.usernameAttributes.includes(attribute)) {
    throw serviceErrors.invalidParameter(
      pool.usernameAttributes.length === 2 ? 'Username should be either an email or a phone number.' : `Username should be ${pool.usernameAttributes[0] === 'email' ? 'an email' : 'a phone number'}.`,
    );
  }
  const normalized = attribute === 'email' ? name.toLowerCase() : name;
  for (const user of pool.users.values()) {
    const value = user.attributes.get(attribute);
    if (value !== undefined && (attribute === 'email' ? value.toLowerCase() : value) === normalized) {
      throw serviceErrors.usernameExists(`An account with the given ${attribute} already exists.`);
    }
  }
  attributes.set(attribute, name);
  return { username: sub, sub };
}
