import { accountLabel } from '../core/account-label.ts';
import type { ScannedCode } from '../core/formats/read-scanned-code.ts';
import { t } from '../platform/i18n.ts';

/** A found QR code in a few words, for choosing among several or saying what a code that is not an account is. */
export function describeScannedCode(code: ScannedCode): string {
  switch (code.kind) {
    case 'otpauth':
      return accountLabel(code.draft) || t('noLabel');
    case 'otpauth-refused':
      return t('scanCodeRefused');
    case 'migration':
      return t('scanCodeMigration', code.batch.batchIndex + 1, code.batch.batchSize, code.batch.accounts.length);
    case 'migration-damaged':
      return t('scanCodeMigrationDamaged');
    case 'web-link':
      return t('scanCodeWebLink', code.origin);
    case 'text':
      return t('scanCodeText');
  }
}
