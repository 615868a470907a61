import { setClientSecret } from '../../core/vault-edits.ts';
import type { SaveFailed } from '../save-failed.ts';
import type { ProfilePorts } from './profile-ports.ts';

export type DeleteProfileResult = { readonly kind: 'deleted' } | SaveFailed;

/**
 * Deletes a connection profile (already gone from the list is fine), then the client secret the vault remembers
 * for it. Accounts enrolled through it stay. When the vault write fails the profile is gone and its secret stays
 * in the vault, unused; deleting again removes it.
 */
export async function deleteProfile(id: string, { profiles, store }: ProfilePorts): Promise<DeleteProfileResult> {
  try {
    await profiles.update((list) => ({ profiles: list.some((p) => p.id === id) ? list.filter((p) => p.id !== id) : list, result: undefined }));
    await store.update((vault) => ({ vault: setClientSecret(vault, id, undefined), result: undefined }));
  } catch (error) {
    return { kind: 'save-failed', error };
  }
  return { kind: 'deleted' };
}
