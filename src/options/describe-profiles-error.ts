import { t } from '../platform/i18n.ts';
import { StoredProfilesError } from '../platform/stored-profiles-error.ts';
import { describeError } from '../ui/describe-error.ts';

/** The reason a read or write of the profile list failed, in words: a damaged stored list gets its own. */
export function describeProfilesError(error: unknown): string {
  return error instanceof StoredProfilesError ? t('errorProfilesDamaged', error.field) : describeError(error);
}
