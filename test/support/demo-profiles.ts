import { validateCognitoProfile } from '../../src/cognito/validate-cognito-profile.ts';
import type { StoredCognitoProfile } from '../../src/platform/storage-items.ts';
import type { DemoSeed } from './cognito-server/index.ts';

/** One demo sign-in: made-up credentials of the local server's demo seed, and what trying them shows. */
export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly shows: string;
}

/** A connection profile the demo saves in the extension, and the logins to try with it. */
export interface DemoProfile {
  readonly profile: StoredCognitoProfile;
  readonly logins: readonly DemoLogin[];
}

/** Ids of the demo's profiles start with this; a new demo run replaces them and keeps the user's own profiles. */
export const DEMO_PROFILE_ID_PREFIX = 'demo-';

/**
 * The profile as the options page's form would save it (validated the same way, region taken from
 * the pool id), pointed at the local server.
 */
function stored(id: string, name: string, userPoolId: string, clientId: string, endpoint: string, clientSecret?: string): StoredCognitoProfile {
  const result = validateCognitoProfile({ name, region: '', userPoolId, clientId, endpoint, issuer: '' });
  if (!result.ok) throw new Error(`Demo profile "${name}" is invalid: ${result.errors.map((e) => `${e.field} ${e.code}`).join(', ')}`);
  return { ...result.profile, id: `${DEMO_PROFILE_ID_PREFIX}${id}`, ...(clientSecret === undefined ? {} : { clientSecret }) };
}

/**
 * One profile per demo client of `seed`, in the order the demo lists them, each with a user of its own
 * (a user enrolled through one profile asks the next profile for a code it does not hold). The secret
 * client's secret is stored as "remembered", so its sign-in is one click too. No colon in the names: a
 * profile without an issuer lends its name to the authenticator entry, whose issuer may not hold one
 * (src/core/account.ts).
 * @param endpoint the local server's URL, e.g. http://127.0.0.1:9229
 */
export function demoProfiles(seed: DemoSeed, endpoint: string): readonly DemoProfile[] {
  const optional = seed.optionalMfaPool;
  const { confirmed, temporaryPassword, forSecretClient, forSrpOnlyClient } = optional.users;
  return [
    {
      profile: stored('plain', 'Demo - plain client', optional.userPoolId, optional.clients.passwordAndSrp.clientId, endpoint),
      logins: [
        { ...confirmed, shows: 'sign in, then enroll in TOTP MFA in one click (MFA optional)' },
        { ...temporaryPassword, shows: 'temporary password: asks for a new password first' },
      ],
    },
    {
      profile: stored('secret', 'Demo - client with secret', optional.userPoolId, optional.clients.withSecret.clientId, endpoint, optional.clients.withSecret.clientSecret),
      logins: [{ ...forSecretClient, shows: 'SECRET_HASH from the remembered client secret' }],
    },
    {
      profile: stored('srp-only', 'Demo - SRP-only client', optional.userPoolId, optional.clients.srpOnly.clientId, endpoint),
      logins: [{ ...forSrpOnlyClient, shows: 'USER_SRP_AUTH only: the password never leaves the browser' }],
    },
    {
      profile: stored('mfa-required', 'Demo - MFA required', seed.requiredMfaPool.userPoolId, seed.requiredMfaPool.client.clientId, endpoint),
      logins: [{ ...seed.requiredMfaPool.users.confirmed, shows: 'MFA required: enrolls inside the MFA_SETUP sign-in challenge' }],
    },
    {
      profile: stored('totp-disabled', 'Demo - TOTP disabled', seed.totpDisabledPool.userPoolId, seed.totpDisabledPool.client.clientId, endpoint),
      logins: [{ ...seed.totpDisabledPool.users.confirmed, shows: 'the error when TOTP MFA is off in the pool, with the fix' }],
    },
    {
      profile: stored('email-username', 'Demo - e-mail username', seed.emailUsernamePool.userPoolId, seed.emailUsernamePool.client.clientId, endpoint),
      logins: [{ ...seed.emailUsernamePool.users.confirmed, shows: 'e-mail as username: SRP signs in as the user’s sub' }],
    },
  ];
}
