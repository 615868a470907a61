import type { StoredCognitoProfile } from '../../platform/storage-items.ts';

/**
 * The saved profiles with the client secrets the vault remembers for them (by profile id). A profile an older
 * build saved may still carry its secret in the list until it moves into the vault, after the update or at the next
 * unlock (src/platform/move-remembered-secrets.ts): it is used meanwhile.
 */
export function profilesWithSecrets(stored: readonly StoredCognitoProfile[], remembered: Readonly<Record<string, string>> | undefined): readonly StoredCognitoProfile[] {
  return stored.map((p) => {
    const secret = remembered?.[p.id] ?? p.clientSecret;
    return secret === undefined ? p : { ...p, clientSecret: secret };
  });
}
