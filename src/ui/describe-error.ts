import { VaultRecordError } from '../core/migrate-vault-record.ts';
import { VAULT_SCHEMA } from '../core/vault.ts';
import { AccountNotFoundError } from '../core/vault-edits.ts';
import { t } from '../platform/i18n.ts';
import { VaultLockedError } from '../platform/vault-locked-error.ts';

/**
 * The reason of a failure in words, for messages such as "Could not save: <reason>". Errors Keystep knows carry
 * a code and get a localized reason with the fix; anything else (a storage quota error, a browser error) shows
 * its own message, which never contains a secret (Keystep's errors never put one in).
 */
export function describeError(error: unknown): string {
  if (error instanceof VaultLockedError) return t('errorVaultLocked');
  if (error instanceof AccountNotFoundError) return t('accountGone');
  if (error instanceof VaultRecordError) {
    switch (error.code) {
      case 'vault-schema-newer':
        return t('errorVaultNewer', error.schema ?? '?', VAULT_SCHEMA);
      case 'vault-record-altered':
        return t('errorVaultAltered');
      case 'vault-encryption-removed':
        return t('errorVaultEncryptionRemoved');
      case 'vault-record-malformed':
        return t('errorVaultMalformed');
    }
  }
  return error instanceof Error ? error.message : String(error);
}
