import type { AccountStore } from '../../platform/account-store.ts';
import type { ProfileRepository } from '../../platform/profile-repository.ts';

/** What the profile use-cases need: the profile list, and the vault (where remembered client secrets live). */
export interface ProfilePorts {
  readonly profiles: Pick<ProfileRepository, 'update'>;
  readonly store: Pick<AccountStore, 'update'>;
}
