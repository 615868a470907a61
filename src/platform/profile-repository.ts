import type { StorageItem } from './storage-item.ts';
import { cognitoProfilesItem } from './cognito-profiles-item.ts';
import type { StoredCognitoProfile } from './storage-items.ts';
import { withLock } from './with-lock.ts';

/**
 * The Web Lock every read-modify-write of the profile list holds. Lock order: a section holding it may take the
 * vault's (to keep a remembered client secret in step with its profile); nothing may ask for it while holding the
 * vault's, so the two never wait on each other.
 */
const LOCK_NAME = 'keystep-cognito-profiles';

/** What an edit of the list returns: the new list (the same array: nothing is written) and a result for the caller. */
export interface ProfilesEdit<R> {
  readonly profiles: readonly StoredCognitoProfile[];
  readonly result: R;
}

/** The saved Cognito connection profiles: the one module that writes them, from the pages and the service worker. */
export interface ProfileRepository {
  /** The profiles, in the order the user created them. @throws StoredProfilesError (the stored value is left as it is). */
  load(): Promise<readonly StoredCognitoProfile[]>;
  /**
   * Read-modify-write under the profiles' Web Lock: `edit` gets the freshest list (never a copy a page held), and
   * what it returns is written with one storage.set, so two tabs and the service worker never lose an edit. `edit`
   * may await other writes (of the vault) first; if it throws, nothing is written.
   * @throws StoredProfilesError before `edit` runs when the stored value is not a valid list; nothing is written.
   */
  update<R>(edit: (profiles: readonly StoredCognitoProfile[]) => ProfilesEdit<R> | Promise<ProfilesEdit<R>>): Promise<R>;
  /** Calls back with the list after every change from any page; an invalid stored value goes to `onError`. */
  subscribe(callback: (profiles: readonly StoredCognitoProfile[]) => void, onError: (error: unknown) => void): () => void;
}

export interface ProfileRepositoryDeps {
  readonly item?: StorageItem<readonly StoredCognitoProfile[]>;
  readonly lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
}

/** The profile list in chrome.storage.local. Holds no state: any number may coexist. */
export function createProfileRepository({ item = cognitoProfilesItem, lock = withLock }: ProfileRepositoryDeps = {}): ProfileRepository {
  return {
    load: () => item.get(),
    update: (edit) =>
      lock(LOCK_NAME, async () => {
        const current = await item.get();
        const { profiles, result } = await edit(current);
        if (profiles !== current) await item.set(profiles);
        return result;
      }),
    subscribe: (callback, onError) => item.watch(callback, onError),
  };
}
