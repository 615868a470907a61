import { DEFAULT_SIGN_IN_FLOW } from '../../cognito/cognito-profile.ts';
import { signInFlowOf, validateCognitoProfile, type CognitoProfileError, type CognitoProfileInput } from '../../cognito/validate-cognito-profile.ts';
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
 * Saves a connection profile as typed (validateCognitoProfile's rules), new or over the one with `id`, always with
 * its sign-in flow setting written out: the one chosen, else the one the replaced profile had (signInFlowOf, which
 * also reads an older build's `preferredFlow`), else `srp`; an old `preferredFlow` is not written again. A client
 * secret to remember goes in the vault (encrypted with it when a master password is set), never in the profile
 * list, and is written first, so a profile never shows "remembered" without it; otherwise the vault forgets any
 * it had. All under the profile list's lock, so another tab's edit of the list is kept.
 */
export async function saveProfile({ input, secret, id: existing }: SaveProfileRequest, { profiles, store, newId }: ProfilePorts & { readonly newId: () => string }): Promise<SaveProfileResult> {
  const validation = validateCognitoProfile(input);
  if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
  const id = existing ?? newId();
  const value = secret.value.trim();
  let saved;
  try {
    saved = await profiles.update(async (list) => {
      const replaced = list.find((p) => p.id === id);
      const signInFlow = validation.profile.signInFlow ?? (replaced ? signInFlowOf(replaced) : DEFAULT_SIGN_IN_FLOW);
      const written: StoredCognitoProfile = { ...validation.profile, signInFlow, id };
      const next = replaced ? list.map((p) => (p.id === id ? written : p)) : [...list, written];
      await store.update((vault) => ({ vault: setClientSecret(vault, id, secret.remember ? value : undefined), result: undefined }));
      return { profiles: next, result: { next, written } };
    });
  } catch (error) {
    return { kind: 'save-failed', error };
  }
  return { kind: 'saved', profile: saved.written, profiles: saved.next, sessionSecret: !secret.remember && value ? value : undefined };
}
