import { useMemo } from 'preact/hooks';
import { PBKDF2_ITERATIONS } from '../core/kdf.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { lazyVaultProtection } from '../platform/lazy-vault-protection.ts';
import type { PageVaultProtection } from '../platform/vault-protection.ts';
import { createAccountExports } from '../services/account-exports.ts';
import { downloadTextFile } from '../ui/download-text-file.ts';
import { useVault } from '../ui/use-vault.ts';
import { EncryptedBackupForm } from './encrypted-backup-form.tsx';
import { ImportForm } from './import-form.tsx';
import { MigrationExportForm } from './migration-export-form.tsx';
import { PlainExportForm } from './plain-export-form.tsx';
import { describeError } from '../ui/describe-error.ts';

export interface BackupSectionProps {
  readonly store: AccountStore;
  /** ms since the epoch; default Date.now. */
  readonly clock?: () => number;
  /** Id of each imported account; default crypto.randomUUID. */
  readonly newId?: () => string;
  /** Saves a file; default downloadTextFile (a Blob behind a temporary `<a download>`). */
  readonly download?: (fileName: string, text: string, mimeType: string) => void;
  /** PBKDF2 iterations of new backups; default PBKDF2_ITERATIONS (3,000,000). Tests pass 1,000. */
  readonly iterations?: number;
  /** Checks the master password an export asks for again; default the real one on extension storage. */
  readonly protection?: Pick<PageVaultProtection, 'confirmPassword'>;
}

const defaultProtection = lazyVaultProtection();

/**
 * The options page's Backups section: an encrypted backup file, a plain otpauth list (with a warning), Google
 * Authenticator QR codes, and import from Keystep's and other apps' files. The page shows it only while the vault is unlocked: a lock unmounts it, and with it a typed
 * password or an import preview.
 */
export function BackupSection({
  store,
  clock = Date.now,
  newId = () => crypto.randomUUID(),
  download = downloadTextFile,
  iterations = PBKDF2_ITERATIONS,
  protection = defaultProtection,
}: BackupSectionProps) {
  const vault = useVault(store);
  const exports = useMemo(() => createAccountExports({ store, protection, clock, iterations }), [store, protection, clock, iterations]);
  const encrypted = vault.status === 'ready' && vault.snapshot.encrypted;
  const accounts = vault.status === 'ready' ? vault.snapshot.accounts : undefined;
  return (
    <section id="backup" aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      {vault.status === 'error' && (
        <p class="problem" role="alert">
          {t('backupVaultUnreadable', describeError(vault.error))}
        </p>
      )}
      <EncryptedBackupForm exports={exports} encrypted={encrypted} download={download} iterations={iterations} />
      <PlainExportForm exports={exports} encrypted={encrypted} download={download} />
      <MigrationExportForm accounts={accounts} encrypted={encrypted} confirmExport={(password) => protection.confirmPassword(password)} />
      <ImportForm store={store} accounts={accounts} clock={clock} newId={newId} />
    </section>
  );
}
