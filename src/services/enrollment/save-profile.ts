import { validateCognitoProfile, type CognitoProfileError, type CognitoProfileInput } from '../../cognito/validate-cognito-profile.ts';
import { setClientSecret } from '../../core/vault-edits.ts';
import type { StoredCognitoProfile } from '../../platform/storage-items.ts';
import type { SaveFailed } from '../save-failed.ts';
import type { ProfilePorts } from './profile-ports.ts';

/** What to save of a profile: the form's fields, its client secret and whether to remember it, and the profile to replace (none: a new one). */
export interface SaveProfileRequest {
  readonly input: CognitoProfileInput;
  readonly secret: { readonly value: string; readonly remember: boolean };
  readonly id?: string | undefined;
}

export type SaveProfileResult =
  /** Every problem of the fields at once, each with its field; nothing was written. */
  | { readonly kind: 'invalid'; readonly errors: readonly CognitoProfileError[] }
  /**
   * `profiles`: the list as written; `sessionSecret`: a client secret given but not to be remembered, for the page
   * to hold in memory only.
   */
  | { readonly kind: 'saved'; readonly profile: StoredCognitoProfile; readonly profiles: readonly StoredCognitoProfile[]; readonly sessionSecret: string | undefined }
  | SaveFailed;

/**
 * Saves a connection profile as typed (validateCognitoProfile's rules), new or over the one with `id`. A client
 * secret to remember goes in the vault (encrypted with it when a master password is set), never in the profile
 * list, and is written first, so a profile never shows "remembered" without it; otherwise the vault forgets any
 * it had. All under the profile list's lock, so another tab's edit of the list is kept.
 */
export async function saveProfile({ input, secret, id: existing }: SaveProfileRequest, { profiles, store, newId }: ProfilePorts & { readonly newId: () => string }): Promise<SaveProfileResult> {
  const validation = validateCognitoProfile(input);
  if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
  const profile: StoredCognitoProfile = { ...validation.profile, id: existing ?? newId() };
  const value = secret.value.trim();
  let saved;
  try {
    saved = await profiles.update(async (list) => {
      const next = list.some((p) => p.id === profile.id) ? list.map((p) => (p.id === profile.id ? profile : p)) : [...list, profile];
      await store.update((vault) => ({ vault: setClientSecret(vault, profile.id, secret.remember ? value : undefined), result: undefined }));
      return { profiles: next, result: next };
    });
  } catch (error) {
    return { kind: 'save-failed', error };
  }
  return { kind: 'saved', profile, profiles: saved, sessionSecret: !secret.remember && value ? value : undefined };
}
