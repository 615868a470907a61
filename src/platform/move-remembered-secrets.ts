import { setClientSecret } from '../core/vault-edits.ts';
import type { AccountStore } from './account-store.ts';
import { createProfileRepository, type ProfileRepository } from './profile-repository.ts';
import type { StoredCognitoProfile } from './storage-items.ts';

/** A profile as stored now: without a client secret (remembered secrets live in the vault). */
function withoutClientSecret(profile: StoredCognitoProfile): StoredCognitoProfile {
  const copy: { -readonly [K in keyof StoredCognitoProfile]: StoredCognitoProfile[K] } = { ...profile };
  delete copy.clientSecret;
  return copy;
}

/**
 * Builds before remembered client secrets moved into the vault kept them in the profile list, in clear. Run
 * after an update (by the service worker), and whenever the vault is unlocked or gets a password (by
 * vault-protection.ts: a vault locked at the update could not take them then): copies each into the vault (where a master password encrypts it),
 * then rewrites the list without them, all under the profile list's lock, so an edit a page makes meanwhile
 * waits and is kept. The vault is written first, so an interruption leaves the secret in both places, never in
 * neither; a secret the vault already has is not replaced.
 * @returns how many profiles had one.
 * @throws VaultLockedError (nothing is changed) if the vault is password-protected and locked;
 *   StoredProfilesError (nothing is changed) if the stored list is not valid.
 */
export function moveRememberedSecrets(store: AccountStore, profiles: ProfileRepository = createProfileRepository()): Promise<number> {
  return profiles.update(async (list) => {
    const legacy = list.filter((p) => p.clientSecret !== undefined);
    if (legacy.length === 0) return { profiles: list, result: 0 };
    await store.update((vault) => ({
      vault: legacy.reduce((v, p) => (v.clientSecrets?.[p.id] === undefined ? setClientSecret(v, p.id, p.clientSecret) : v), vault),
      result: undefined,
    }));
    return { profiles: list.map(withoutClientSecret), result: legacy.length };
  });
}
