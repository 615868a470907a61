import { setClientSecret } from '../../core/vault-edits.ts';
import type { SaveFailed } from '../save-failed.ts';
import type { ProfilePorts } from './profile-ports.ts';

export type DeleteProfileResult = { readonly kind: 'deleted' } | SaveFailed;

/**
 * Deletes a connection profile (already gone from the list is fine) and the client secret the vault remembers for
 * it; accounts enrolled through it stay. Under the profile list's lock, the vault is written first: while it is
 * locked (or cannot be written) nothing is deleted, and the result is save-failed with the reason (a
 * VaultLockedError: unlock, then delete). Refusing keeps the profile and its secret together, so nothing is lost
 * and no secret is left behind for a profile that is gone; a queue of removals for the next unlock would also
 * leak nothing, but would show the profile deleted while its secret is still stored. Should the list write then
 * fail, the profile stays without its remembered secret: deleting again removes it.
 */
export async function deleteProfile(id: string, { profiles, store }: ProfilePorts): Promise<DeleteProfileResult> {
  try {
    await profiles.update(async (list) => {
      await store.update((vault) => ({ vault: setClientSecret(vault, id, undefined), result: undefined }));
      return { profiles: list.some((p) => p.id === id) ? list.filter((p) => p.id !== id) : list, result: undefined };
    });
  } catch (error) {
    return { kind: 'save-failed', error };
  }
  return { kind: 'deleted' };
}
