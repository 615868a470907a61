import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { formatOtpauthUri } from '../core/otpauth-uri.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import type { ConfirmExport } from '../ui/confirm-export.ts';
import { QrCode } from '../ui/qr-code.tsx';
import { useExportConfirmation } from '../ui/use-export-confirmation.ts';
import { adoptStyles } from './adopt-styles.ts';
import { ModalDialog } from './modal-dialog.tsx';
import styles from './scan-dialog.css?inline';

export interface QrCodeDialogProps {
  readonly account: Account;
  /** A master password is set: it is asked for before the code is shown. */
  readonly encrypted: boolean;
  readonly confirmExport: ConfirmExport;
  readonly onClose: () => void;
  /** How long the code stays on screen, ms; default 60 s. */
  readonly showForMs?: number;
}

/** The QR code fits the dialog: the popup is 360 px wide. */
const QR_WIDTH = 264;
const SHOW_FOR_MS = 60_000;

/**
 * An account's QR code (its otpauth:// URI, formatOtpauthUri), to move it to a phone: behind a warning that the
 * code is the secret, and the master password when one is set; hidden again after 60 s, and when the dialog
 * closes (the URI exists only while the code is shown).
 */
export function QrCodeDialog({ account, encrypted, confirmExport, onClose, showForMs = SHOW_FOR_MS }: QrCodeDialogProps) {
  const id = useId();
  const label = accountLabel(account) || t('noLabel');
  const confirmation = useExportConfirmation(confirmExport, encrypted);
  const [shown, setShown] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  adoptStyles('keystep-scan-dialog', styles);

  useEffect(() => {
    if (!shown) return;
    // The Show button that had the focus is gone: the focus goes to Close, still in the dialog.
    closeButton.current?.focus();
    const timer = setTimeout(() => {
      setShown(false);
      setHidden(true);
    }, showForMs);
    return () => clearTimeout(timer);
  }, [shown, showForMs]);

  const show = async (): Promise<void> => {
    setBusy(true);
    try {
      if (await confirmation.check()) {
        setHidden(false);
        setShown(true);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={t('qrCodeHeading', label)} onClose={onClose} wide>
      {shown ? (
        <div class="qr-shown">
          <QrCode text={formatOtpauthUri(account)} label={t('qrCodeImage', label)} maxWidth={QR_WIDTH} />
          <p class="help">{t('qrCodeHidesSoon', Math.round(showForMs / 1000))}</p>
        </div>
      ) : (
        <form
          id={`${id}-form`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void show();
          }}
        >
          <p class="warning">{t('qrCodeWarning')}</p>
          {confirmation.needed && (
            <label>
              {t('masterPassword')}
              <input
                type="password"
                autoComplete="current-password"
                required
                value={confirmation.password}
                onInput={(event) => confirmation.setPassword(event.currentTarget.value)}
                {...(confirmation.problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {})}
              />
            </label>
          )}
          {confirmation.problem && (
            <p id={`${id}-problem`} class="field-error" role="alert">
              {confirmation.problem}
            </p>
          )}
        </form>
      )}
      <div role="status">{hidden && <p class="help">{t('qrCodeHidden')}</p>}</div>
      <div class="actions">
        {!shown && (
          <button type="submit" form={`${id}-form`} class="primary" disabled={busy}>
            {t('qrCodeShow')}
          </button>
        )}
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </ModalDialog>
  );
}
