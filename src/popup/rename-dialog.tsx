import { useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { ModalDialog } from './modal-dialog.tsx';

interface Props {
  readonly account: Account;
  readonly onSave: (label: { issuer: string; name: string }) => void;
  readonly onClose: () => void;
}

export function RenameDialog({ account, onSave, onClose }: Props) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const empty = issuer.trim() === '' && name.trim() === '';
  return (
    <ModalDialog title={t('renameHeading', accountLabel(account) || t('noLabel'))} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!empty) onSave({ issuer, name });
        }}
      >
        <label>
          {t('issuerLabel')}
          <input value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} maxLength={200} />
        </label>
        <label>
          {t('accountNameLabel')}
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} aria-describedby={empty ? 'rename-error' : undefined} />
        </label>
        {empty && (
          <p id="rename-error" class="field-error">
            {t('otpError_name_missing')}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" class="primary" disabled={empty}>
            {t('save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
