import { t } from '../platform/i18n.ts';

/**
 * What an import added, in words: added, already in Keystep, and, when there were any, the entries repeated
 * within the import (added once) and the ones that were not accounts. The same counts as the preview showed
 * (src/services/commit-import.ts counts them again under the vault lock).
 */
export function describeImportDone({ added, existing, repeated, refused }: { readonly added: number; readonly existing: number; readonly repeated: number; readonly refused: number }): string {
  const done = refused > 0 ? t('importDoneWithErrors', added, existing, refused) : t('importDone', added, existing);
  return repeated > 0 ? `${done} ${t('importRepeatedDone', repeated)}` : done;
}
