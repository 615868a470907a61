import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { captureVisibleTab } from '../platform/capture-visible-tab.ts';
import { t } from '../platform/i18n.ts';
import { activeTab } from '../platform/tab-url.ts';
import { scanTab, type QrDecoder } from '../services/scan-for-codes.ts';
import { lazyQrDecoder } from '../ui/lazy-qr-decoder.ts';
import { QrImportView } from '../ui/qr-import-view.tsx';
import { useQrImport } from '../ui/use-qr-import.ts';
import { adoptStyles } from './adopt-styles.ts';
import { ModalDialog } from './modal-dialog.tsx';
import styles from './scan-dialog.css?inline';

export interface ScanDialogProps {
  readonly store: AccountStore;
  /** The vault's accounts as shown now (the preview's verdicts follow them). */
  readonly accounts: readonly Account[];
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly newId?: () => string;
  /** Captures the current tab; default the activeTab capture (platform/capture-visible-tab.ts). */
  readonly capture?: () => Promise<Blob>;
  /** The URL of the tab captured (its origin is offered as the added accounts' site); default the active tab's, visible through the same grant. */
  readonly pageUrl?: () => Promise<string | undefined>;
  /** Default the zxing-wasm reader, loaded on the first scan. */
  readonly decoder?: QrDecoder;
  readonly onClose: () => void;
}

const activeTabUrl = async (): Promise<string | undefined> => (await activeTab())?.url;

/**
 * The tab scan: opened from the toolbar, it captures the tab the popup was opened over (the click on Keystep's
 * button granted activeTab), finds every QR code, and offers the account ones for the preview and Add, with the
 * page's site to bind them to (checked for an https page). The decoding runs here, in the popup, which already
 * holds the capture: no image crosses to another page.
 */
export function ScanDialog({
  store,
  accounts,
  clock,
  newId = () => crypto.randomUUID(),
  capture = captureVisibleTab,
  pageUrl = activeTabUrl,
  decoder = lazyQrDecoder,
  onClose,
}: ScanDialogProps) {
  const qr = useQrImport({ store, clock, newId });
  const [scanning, setScanning] = useState(false);
  adoptStyles('keystep-scan-dialog', styles);

  const scan = async (): Promise<void> => {
    qr.start();
    setScanning(true);
    try {
      qr.take(await scanTab({ capture, pageUrl, readQrCodes: decoder.readQrCodes }), 'tab');
    } finally {
      setScanning(false);
    }
  };

  // Opening the dialog is asking for a scan.
  useEffect(() => void scan(), []);

  return (
    <ModalDialog title={t('scanHeading')} onClose={onClose} wide>
      {scanning && <p class="help">{t('scanLooking')}</p>}
      <QrImportView qr={qr} accounts={accounts} level={3} />
      <div class="actions">
        <button type="button" disabled={scanning || qr.busy} onClick={() => void scan()}>
          {t('scanAgain')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </ModalDialog>
  );
}
