import { COGNITO_PROFILES_KEY } from './cognito-profiles-key.ts';
import { parseStoredProfiles } from './parse-stored-profiles.ts';
import { defineStorageItem } from './storage-item.ts';
import type { StoredCognitoProfile } from './storage-items.ts';

/**
 * Cognito connection profiles, in the order the user created them. A stored value that is not a valid list is
 * refused (StoredProfilesError), never read as empty. Written only by the profile repository.
 */
export const cognitoProfilesItem = defineStorageItem<readonly StoredCognitoProfile[]>(COGNITO_PROFILES_KEY, 'local', [], (raw) => parseStoredProfiles(raw, COGNITO_PROFILES_KEY));
