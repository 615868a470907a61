import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { otpGenerator, type CodeAt } from '../core/otp.ts';
import { standardHmac } from '../core/standard-hmac.ts';
import type { Account } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { copyText } from '../platform/clipboard.ts';
import { requestFill, type FillMessage } from '../platform/fill-triggers.ts';
import { t } from '../platform/i18n.ts';
import { lazyVaultProtection } from '../platform/lazy-vault-protection.ts';
import { openExtensionPage } from '../platform/open-page.ts';
import type { VaultProtection } from '../platform/vault-protection.ts';
import { browserClipboardClearing } from '../services/browser-clipboard-clearing.ts';
import { copyWithClearing, type ClipboardClearingPorts } from '../services/copy-with-clearing.ts';
import { describeError } from '../ui/describe-error.ts';
import type { UnlockFormProps } from '../ui/unlock-form.tsx';
import { useLazyComponent } from '../ui/use-lazy-component.ts';
import { useVault } from '../ui/use-vault.ts';
import { AccountList } from './account-list.tsx';
import { Alerts } from './alerts.tsx';
import type { ChooserViewProps } from './chooser-view.tsx';
import type { ScanDialogProps } from './scan-dialog.tsx';
import { DialogsHost } from './dialogs-host.tsx';
import { EmptyState } from './empty-state.tsx';
import { LockedView } from './locked-view.tsx';
import type { RowAction } from './row-action.ts';
import { Toolbar } from './toolbar.tsx';
import { useAccountEdits, type EditOutcome } from './use-account-edits.ts';
import { useCodes } from './use-codes.ts';
import { useCopyCode } from './use-copy-code.ts';
import { useDialogs } from './use-dialogs.ts';
import { readFillTarget, useFillTarget, type FillTarget } from './use-fill-target.ts';
import { useNow } from './use-now.ts';
import { useOffsetClock } from '../ui/use-offset-clock.ts';
import { useSearch } from './use-search.ts';
import { useVisibleRange } from './use-visible-range.ts';

export interface AppProps {
  readonly store: AccountStore;
  /** ms since the epoch; injected so tests control time. */
  readonly clock?: () => number;
  /** An account's code generator (its secret decoded); default otpauth with the standard hashes. */
  readonly generatorFor?: (account: Account) => CodeAt;
  /** Writes the clipboard; default navigator.clipboard. */
  readonly copy?: (text: string) => Promise<void>;
  /** The clipboard's clearing after a copy (services/copy-with-clearing.ts); default the setting and chrome.alarms. */
  readonly clipboardClearing?: ClipboardClearingPorts;
  readonly openPage?: (path: string) => Promise<void>;
  /** Master password operations; default the real one on extension storage. */
  readonly protection?: Pick<VaultProtection, 'unlock' | 'lock' | 'touch' | 'confirmPassword'>;
  /**
   * Set when the popup is the chooser (src/popup/index.html?chooser=<id>, opened by the keyboard command on a page
   * that is not exactly one account's site): the pending fill to ask about.
   */
  readonly chooserId?: string | undefined;
  /** The page the rows' Fill buttons fill; default the active tab when it is a web page. */
  readonly readFillTarget?: () => Promise<FillTarget | undefined>;
  /** Hands a fill to the service worker; default runtime messaging. */
  readonly fill?: (message: FillMessage) => Promise<void>;
  /** Closes the popup (or the chooser's window) once a fill is handed over; default window.close. */
  readonly closeWindow?: () => void;
  /** The tab scan's capture, tab URL and decoder; default the activeTab capture, the active tab's URL and the zxing-wasm reader. */
  readonly scanPorts?: Pick<ScanDialogProps, 'capture' | 'pageUrl' | 'decoder'>;
}

const defaultProtection = lazyVaultProtection();
const defaultGeneratorFor = (account: Account): CodeAt => otpGenerator(account, standardHmac);
// Only a locked vault needs the unlock form: most popup opens never load it.
const loadUnlockForm = (): Promise<ComponentType<UnlockFormProps>> => import('../ui/unlock-form.tsx').then((m) => m.UnlockForm);
// Only the chooser's window needs the chooser.
const loadChooser = (): Promise<ComponentType<ChooserViewProps>> => import('./chooser-view.tsx').then((m) => m.ChooserView);
const closeThisWindow = (): void => window.close();
// The tab scan (its preview, and the decoder behind it) loads when the scan button is clicked.
const loadScanDialog = (): Promise<ComponentType<ScanDialogProps>> => import('./scan-dialog.tsx').then((m) => m.ScanDialog);

const OPTIONS_PAGE = 'src/options/index.html';

/** The popup: search, the account list with live codes, and the per-account actions. */
export function App({
  store,
  clock: computerClock = Date.now,
  generatorFor = defaultGeneratorFor,
  copy = copyText,
  clipboardClearing = browserClipboardClearing,
  openPage = openExtensionPage,
  protection = defaultProtection,
  chooserId,
  readFillTarget: readTarget = readFillTarget,
  fill = requestFill,
  closeWindow = closeThisWindow,
  scanPorts = {},
}: AppProps) {
  const vault = useVault(store);
  // Codes use this browser's clock offset (options page, Clock); nothing is shown until it is read.
  const offset = useOffsetClock(computerClock);
  const clock = offset.clock ?? computerClock;
  const fillTarget = useFillTarget(chooserId === undefined ? readTarget : undefined);
  const chooser = useLazyComponent(loadChooser, chooserId !== undefined && vault.status === 'ready');
  const unlockForm = useLazyComponent(loadUnlockForm, vault.status === 'locked');
  const ready = vault.status === 'ready' ? vault.snapshot : undefined;
  const encrypted = ready?.encrypted === true;
  const accounts = ready?.accounts ?? [];
  const searchBox = useRef<HTMLInputElement>(null);
  const dialogs = useDialogs(vault, searchBox);
  const [scanOpen, setScanOpen] = useState(false);
  const scanDialog = useLazyComponent(loadScanDialog, scanOpen);
  const { query, setQuery, shown } = useSearch(accounts, searchBox, !dialogs.dialog && !scanOpen);
  const { visible, onRange } = useVisibleRange(shown);
  const now = useNow(clock);
  const codes = useCodes(visible, now, generatorFor);
  const [problem, setProblem] = useState('');
  // Using Keystep restarts the idle countdown to auto-lock.
  const touch = (): void => {
    if (encrypted) protection.touch().catch(() => undefined);
  };
  // The service worker clears the clipboard later (src/background.ts): the popup is often closed by then.
  const copyAndClear = (text: string): Promise<number | undefined> => copyWithClearing(text, copy, clipboardClearing);
  const { copiedId, clearedInSeconds, copyCode } = useCopyCode({ codes, clock, copy: copyAndClear, onCopied: touch, onProblem: setProblem });
  const edits = useAccountEdits(store, setProblem);

  // Opening the popup is using Keystep.
  useEffect(touch, [encrypted, protection]);

  /** An edit whose new snapshot may move the account's row: its menu button gets the focus back. */
  const settle = (outcome: Promise<EditOutcome>): Promise<EditOutcome> =>
    outcome.then((result) => {
      if (result !== 'saved') dialogs.cancelRefocus();
      return result;
    });

  const onAction = (action: RowAction, account: Account): void => {
    switch (action) {
      case 'copy':
        void copyCode(account);
        return;
      case 'next-code':
        void settle(edits.nextCode(account));
        return;
      // The service worker fills (it outlives the popup, which closes so that focus goes back to the page).
      case 'fill':
        if (fillTarget) {
          fill({ type: 'keystep-fill-account', tabId: fillTarget.tabId, accountId: account.id }).then(closeWindow, (error: unknown) => setProblem(t('fillFailed', describeError(error))));
        }
        return;
      // Moving a row moves its DOM node, which drops the focus: give it back where the row went.
      case 'pin':
      case 'unpin':
        dialogs.refocusAfterWrite({ accountId: account.id, control: 'more' });
        void settle(edits.setPinned(account, action === 'pin'));
        return;
      case 'move-up':
      case 'move-down':
        dialogs.refocusAfterWrite({ accountId: account.id, control: 'more' });
        void settle(edits.move(account, action === 'move-up' ? -1 : 1));
        return;
      case 'rename':
      case 'sites':
      case 'delete':
        dialogs.openDialog(action, account);
        return;
      case 'show-qr':
        dialogs.openDialog('qr', account);
        return;
    }
  };

  if (vault.status === 'loading' || offset.clock === undefined) return <main class="popup" aria-busy="true" />;
  if (vault.status === 'locked') return <LockedView unlockForm={unlockForm} protection={protection} clock={computerClock} />;
  if (chooserId !== undefined && vault.status === 'ready') {
    return chooser.component ? (
      <chooser.component accounts={accounts} pendingId={chooserId} fill={fill} closeWindow={closeWindow} now={computerClock} />
    ) : (
      <main class="popup" aria-busy={chooser.error === undefined ? 'true' : undefined}>
        {chooser.error !== undefined && (
          <p class="problem" role="alert">
            {t('viewLoadFailed', describeError(chooser.error))}
          </p>
        )}
      </main>
    );
  }

  const addAccount = (): void => void openPage(`${OPTIONS_PAGE}#add`);
  return (
    <main class="popup">
      <Toolbar
        searchBox={searchBox}
        query={query}
        onQuery={setQuery}
        hasMatches={shown.length > 0}
        onCopyFirst={() => {
          if (shown[0]) void copyCode(shown[0]);
        }}
        onEnterList={() => dialogs.requestFocus({ control: 'copy' })}
        encrypted={encrypted}
        onAdd={addAccount}
        onScan={() => setScanOpen(true)}
        onLock={() => void protection.lock()}
        onSettings={() => void openPage(OPTIONS_PAGE)}
      />
      <Alerts
        viewLoadError={dialogs.renameDialog.error ?? dialogs.sitesDialog.error ?? dialogs.qrCodeDialog.error ?? scanDialog.error}
        problem={problem}
        unreadable={ready?.unreadable ?? 0}
        loadFailed={vault.status === 'error' ? { error: vault.error } : undefined}
      />
      {ready && accounts.length === 0 && <EmptyState onAdd={addAccount} />}
      {accounts.length > 0 && shown.length === 0 && <p class="no-match">{t('noMatches', query)}</p>}
      {shown.length > 0 && (
        <AccountList
          accounts={shown}
          now={now}
          codes={codes.rows}
          copiedId={copiedId}
          onRange={onRange}
          onAction={onAction}
          onMenu={dialogs.toggleMenu}
          menuFor={dialogs.menu?.account.id}
          onExitTop={() => searchBox.current?.focus()}
          focusRequest={dialogs.focusRequest}
          fillHost={fillTarget ? new URL(fillTarget.origin).host : undefined}
        />
      )}
      {offset.offsetSeconds !== 0 && <p class="clock-note">{t('clockOffsetInUse', offset.offsetSeconds > 0 ? `+${offset.offsetSeconds}` : String(offset.offsetSeconds))}</p>}
      <p class="visually-hidden" role="status" aria-live="polite">
        {copiedId === undefined ? '' : clearedInSeconds === undefined ? t('copied') : t('copiedCleared', clearedInSeconds)}
      </p>
      {scanOpen && scanDialog.component && ready && (
        <scanDialog.component
          store={store}
          accounts={accounts}
          clock={clock}
          {...scanPorts}
          onClose={() => {
            setScanOpen(false);
            searchBox.current?.focus();
          }}
        />
      )}
      <DialogsHost
        dialogs={dialogs}
        encrypted={encrypted}
        confirmExport={(password) => protection.confirmPassword(password)}
        onMenuAction={onAction}
        onRename={(account, label) => {
          // A failed write keeps the dialog, and what was typed, open; the alert behind it says why.
          void settle(edits.rename(account, label)).then((outcome) => {
            if (outcome === 'saved' || outcome === 'unchanged') dialogs.closeDialog(account);
            else if (outcome === 'gone') dialogs.closeDialog(undefined);
          });
        }}
        onDelete={(account) => {
          void settle(edits.remove(account)).then((outcome) => {
            if (outcome !== 'failed') dialogs.closeDialog(undefined);
          });
        }}
        onSites={(account, settings) => {
          // As renaming: a failed write keeps the dialog open with the alert behind it.
          void edits.setFillSettings(account, settings).then((outcome) => {
            if (outcome === 'saved' || outcome === 'unchanged') dialogs.closeDialog(account);
            else if (outcome === 'gone') dialogs.closeDialog(undefined);
          });
        }}
        pageOrigin={fillTarget?.origin}
      />
    </main>
  );
}
