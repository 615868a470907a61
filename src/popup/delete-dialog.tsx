import { accountLabel } from '../core/account-label.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { ModalDialog } from './modal-dialog.tsx';

interface Props {
  readonly account: Account;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Deleting is the one way to lose a secret, so it always asks first; Cancel has the focus. */
export function DeleteDialog({ account, onConfirm, onClose }: Props) {
  return (
    <ModalDialog title={t('deleteHeading', accountLabel(account) || t('noLabel'))} onClose={onClose}>
      <p>{t('deleteBody')}</p>
      <div class="actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          {t('delete')}
        </button>
      </div>
    </ModalDialog>
  );
}
