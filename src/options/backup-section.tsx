import { PBKDF2_ITERATIONS } from '../core/kdf.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { downloadTextFile } from '../ui/download-text-file.ts';
import { useVault } from '../ui/use-vault.ts';
import type { ConfirmExport } from '../ui/confirm-export.ts';
import { lazyVaultProtection } from '../platform/lazy-vault-protection.ts';
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
  /** Checks the master password before the QR code export shows secrets; default an unlock with it (see ConfirmExport). */
  readonly confirmExport?: ConfirmExport;
}

const defaultProtection = lazyVaultProtection();
const defaultConfirmExport: ConfirmExport = (password) => defaultProtection.unlock(password);

/**
 * The options page's Backups section: an encrypted backup file, a plain otpauth list (with a warning), Google
 * Authenticator QR codes, and import from Keystep's and other apps' files. While the vault is locked the page hides this section behind its unlock form; it stays
 * rendered, so a half-typed password or an import preview is still there after unlocking.
 */
export function BackupSection({
  store,
  clock = Date.now,
  newId = () => crypto.randomUUID(),
  download = downloadTextFile,
  iterations = PBKDF2_ITERATIONS,
  confirmExport = defaultConfirmExport,
}: BackupSectionProps) {
  const vault = useVault(store);
  const accounts = vault.status === 'ready' ? vault.snapshot.accounts : undefined;
  return (
    <section id="backup" aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      {vault.status === 'error' && (
        <p class="problem" role="alert">
          {t('backupVaultUnreadable', describeError(vault.error))}
        </p>
      )}
      <EncryptedBackupForm store={store} clock={clock} download={download} iterations={iterations} />
      <PlainExportForm store={store} clock={clock} download={download} />
      <MigrationExportForm accounts={accounts} encrypted={vault.status === 'ready' && vault.snapshot.encrypted} confirmExport={confirmExport} />
      <ImportForm store={store} accounts={accounts} clock={clock} newId={newId} />
    </section>
  );
}
