import { useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { validateAccountLabel } from '../core/validate-account-label.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { describeOtpInputError } from '../ui/describe-otp-input-error.ts';
import { ModalDialog } from './modal-dialog.tsx';

export interface RenameDialogProps {
  readonly account: Account;
  readonly onSave: (label: { issuer: string; name: string }) => void;
  readonly onClose: () => void;
}

export function RenameDialog({ account, onSave, onClose }: RenameDialogProps) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  // The rules of adding (validateAccountLabel), so a renamed account can still be exported.
  let problem: string | undefined;
  try {
    validateAccountLabel({ issuer, name });
  } catch (error) {
    problem = describeOtpInputError(error);
  }
  return (
    <ModalDialog title={t('renameHeading', accountLabel(account) || t('noLabel'))} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (problem === undefined) onSave({ issuer, name });
        }}
      >
        <label>
          {t('issuerLabel')}
          <input value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} maxLength={200} />
        </label>
        <label>
          {t('accountNameLabel')}
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} aria-describedby={problem === undefined ? undefined : 'rename-error'} />
        </label>
        {problem !== undefined && (
          <p id="rename-error" class="field-error">
            {problem}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" class="primary" disabled={problem !== undefined}>
            {t('save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
