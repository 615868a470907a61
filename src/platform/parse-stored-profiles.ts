import type { CognitoProfile } from '../cognito/cognito-profile.ts';

type SignInFlow = NonNullable<CognitoProfile['preferredFlow']>;
import type { StoredCognitoProfile } from './storage-items.ts';
import { StoredProfilesError } from './stored-profiles-error.ts';

const REQUIRED = ['id', 'name', 'region', 'userPoolId', 'clientId'] as const;
const OPTIONAL = ['issuer', 'endpoint', 'clientSecret', 'managedLoginDomain'] as const;
const FLOWS: readonly unknown[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] satisfies readonly SignInFlow[];

/**
 * Reads the stored profile list: every entry an object whose fields have the types of StoredCognitoProfile, the
 * required ones non-empty, ids unique. Anything else refuses the whole list (it is never read as empty, so no
 * write replaces it). Fields a later build may add are kept as they are. The form's rules for what a user may
 * type (src/cognito/validate-cognito-profile.ts) are not applied again here: the list holds what they accepted.
 * @throws StoredProfilesError naming the first bad field.
 */
export function parseStoredProfiles(raw: unknown, key: string): readonly StoredCognitoProfile[] {
  if (!Array.isArray(raw)) throw new StoredProfilesError(key);
  const ids = new Set<unknown>();
  raw.forEach((entry: unknown, index) => {
    const at = `${key}[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new StoredProfilesError(at);
    const fields = entry as Record<string, unknown>;
    for (const name of REQUIRED) {
      const value = fields[name];
      if (typeof value !== 'string' || value.trim() === '') throw new StoredProfilesError(`${at}.${name}`);
    }
    for (const name of OPTIONAL) {
      if (fields[name] !== undefined && typeof fields[name] !== 'string') throw new StoredProfilesError(`${at}.${name}`);
    }
    if (fields['preferredFlow'] !== undefined && !FLOWS.includes(fields['preferredFlow'])) throw new StoredProfilesError(`${at}.preferredFlow`);
    if (ids.has(fields['id'])) throw new StoredProfilesError(`${at}.id`);
    ids.add(fields['id']);
  });
  return raw as StoredCognitoProfile[];
}
