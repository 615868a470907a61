import type { ComponentType } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { matchAccounts } from '../core/match-accounts.ts';
import { codeSchedule } from '../core/code-schedule.ts';
import { otpGenerator } from '../core/otp.ts';
import { standardHmac } from '../core/standard-hmac.ts';
import { AccountNotFoundError, advanceCounter, moveAccount, removeAccount, renameAccount, setPinned } from '../core/vault-edits.ts';
import type { Account, Vault } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { copyText } from '../platform/clipboard.ts';
import { t } from '../platform/i18n.ts';
import { openExtensionPage } from '../platform/open-page.ts';
import { lazyVaultProtection } from '../platform/lazy-vault-protection.ts';
import type { VaultProtection } from '../platform/vault-protection.ts';
import type { UnlockFormProps } from '../ui/unlock-form.tsx';
import { useLazyComponent } from '../ui/use-lazy-component.ts';
import { AccountList, INITIAL_VIEWPORT_PX, visibleRange, type FocusRequest, type VisibleRange } from './account-list.tsx';
import { AccountMenu } from './account-menu.tsx';
import { DeleteDialog } from './delete-dialog.tsx';
import type { RenameDialogProps } from './rename-dialog.tsx';
import type { MenuAction, RowAction } from './row-action.ts';
import { useCodes, NEXT_CODE_WINDOW, type CodeRequest, codeKey } from './use-codes.ts';
import { useNow } from './use-now.ts';
import { useVault } from '../ui/use-vault.ts';
import { describeError } from '../ui/describe-error.ts';

export interface AppProps {
  readonly store: AccountStore;
  /** ms since the epoch; injected so tests control time. */
  readonly clock?: () => number;
  readonly generate?: (request: CodeRequest) => Promise<string>;
  readonly copy?: (text: string) => Promise<void>;
  readonly openPage?: (path: string) => Promise<void>;
  /** Master password operations; default the real one on extension storage. */
  readonly protection?: Pick<VaultProtection, 'unlock' | 'lock' | 'touch'>;
}

const defaultProtection = lazyVaultProtection();
// Loaded when first needed, not on the way to the first code: renaming brings the label validation with it.
const loadRenameDialog = (): Promise<ComponentType<RenameDialogProps>> => import('./rename-dialog.tsx').then((m) => m.RenameDialog);
// Only a locked vault needs the unlock form: most popup opens never load it.
const loadUnlockForm = (): Promise<ComponentType<UnlockFormProps>> => import('../ui/unlock-form.tsx').then((m) => m.UnlockForm);

const defaultGenerate = ({ account, step }: CodeRequest): Promise<string> => new Promise((resolve) => resolve(otpGenerator(account, standardHmac)(step)));

const OPTIONS_PAGE = 'src/options/index.html';
const COPIED_MS = 1500;

const menuActions = (account: Account): MenuAction[] => ['rename', account.pinned ? 'unpin' : 'pin', 'move-up', 'move-down', 'delete'];

type Dialog = { readonly kind: 'rename' | 'delete'; readonly account: Account } | undefined;

/** The popup: search, the account list with live codes, and the per-account actions. */
export function App({ store, clock = Date.now, generate = defaultGenerate, copy = copyText, openPage = openExtensionPage, protection = defaultProtection }: AppProps) {
  const vault = useVault(store);
  const unlockForm = useLazyComponent(loadUnlockForm, vault.status === 'locked');
  const [dialog, setDialog] = useState<Dialog>();
  const renameDialog = useLazyComponent(loadRenameDialog, dialog?.kind === 'rename');
  const encrypted = vault.status === 'ready' && vault.snapshot.encrypted;
  const now = useNow(clock);
  const [query, setQuery] = useState('');
  // Until the list measures itself, assume the rows a popup-sized viewport shows.
  const [range, setRange] = useState<VisibleRange>(() => visibleRange(0, INITIAL_VIEWPORT_PX, Number.MAX_SAFE_INTEGER));
  const [copiedId, setCopiedId] = useState<string>();
  const [problem, setProblem] = useState('');
  const [menu, setMenu] = useState<{ readonly account: Account; readonly anchor: HTMLElement }>();
  const [focusRequest, setFocusRequest] = useState<FocusRequest>();
  // Focus to restore once the snapshot with an edit arrives (it may come before or after update() resolves).
  const refocusAfterWrite = useRef<Omit<FocusRequest, 'seq'> | undefined>(undefined);
  const requestFocus = (request: Omit<FocusRequest, 'seq'>): void => setFocusRequest((previous) => ({ ...request, seq: (previous?.seq ?? 0) + 1 }));
  const search = useRef<HTMLInputElement>(null);
  // The "Copied" confirmation's timer: cleared on unmount, so it never updates a closed popup.
  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(copiedTimer.current), []);
  const firstCodeMarked = useRef(false);

  const accounts = vault.status === 'ready' ? vault.snapshot.accounts : [];
  const shown = useMemo(() => matchAccounts(accounts, query), [accounts, query]);

  const requests = useMemo(() => {
    const wanted: CodeRequest[] = [];
    for (const account of shown.slice(range.start, range.end)) {
      const { step, secondsLeft } = codeSchedule(account, now);
      wanted.push({ account, step });
      if (secondsLeft !== undefined && secondsLeft <= NEXT_CODE_WINDOW) wanted.push({ account, step: step + 1 });
    }
    return wanted;
  }, [shown, range, now]);
  const codes = useCodes(requests, generate);

  useLayoutEffect(() => {
    if (vault.status !== 'ready' || !refocusAfterWrite.current) return;
    requestFocus(refocusAfterWrite.current);
    refocusAfterWrite.current = undefined;
  }, [vault]);

  useLayoutEffect(() => {
    if (!firstCodeMarked.current && codes.size > 0) {
      firstCodeMarked.current = true;
      // Read by `npm run bench`: navigation start to the first code on screen.
      requestAnimationFrame(() => performance.mark('keystep:first-code'));
    }
  }, [codes]);

  // Opening the popup is using Keystep: the idle countdown to auto-lock starts again.
  useEffect(() => {
    if (encrypted) protection.touch().catch(() => undefined);
  }, [encrypted, protection]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/' || dialog) return;
      const target = event.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') return;
      event.preventDefault();
      search.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dialog]);

  /** Writes an edit; 'failed' means the account is still there as it was (the dialog that asked stays open). */
  const edit = async (change: (vault: Vault) => Vault): Promise<'saved' | 'gone' | 'failed'> => {
    try {
      const wrote = await store.update((current) => {
        const next = change(current);
        return { vault: next, result: next !== current };
      });
      // No write, no new snapshot: nothing will move, so nothing to refocus.
      if (!wrote) refocusAfterWrite.current = undefined;
      setProblem('');
      return 'saved';
    } catch (error) {
      refocusAfterWrite.current = undefined;
      if (error instanceof AccountNotFoundError) {
        setProblem(t('accountGone'));
        return 'gone';
      }
      setProblem(t('saveFailed', describeError(error)));
      return 'failed';
    }
  };

  const copyCode = async (account: Account): Promise<void> => {
    const { step } = codeSchedule(account, clock());
    try {
      const code = codes.get(codeKey({ account, step })) || (await generate({ account, step }));
      await copy(code);
      if (encrypted) protection.touch().catch(() => undefined);
      setCopiedId(account.id);
      clearTimeout(copiedTimer.current);
      copiedTimer.current = setTimeout(() => setCopiedId(undefined), COPIED_MS);
    } catch (error) {
      setProblem(t('copyFailed', describeError(error)));
    }
  };

  const onAction = (action: RowAction, account: Account): void => {
    switch (action) {
      case 'copy':
        void copyCode(account);
        return;
      case 'next-code':
        void edit((v) => advanceCounter(v, account.id).vault);
        return;
      // Moving a row moves its DOM node, which drops the focus: give it back where the row went.
      case 'pin':
      case 'unpin':
        refocusAfterWrite.current = { accountId: account.id, control: 'more' };
        void edit((v) => setPinned(v, account.id, action === 'pin'));
        return;
      case 'move-up':
      case 'move-down':
        refocusAfterWrite.current = { accountId: account.id, control: 'more' };
        void edit((v) => moveAccount(v, account.id, action === 'move-up' ? -1 : 1));
        return;
      case 'rename':
      case 'delete':
        setDialog({ kind: action, account });
        return;
    }
  };

  /** Closes a dialog and returns focus to the account's menu button, or to search when the account is gone. */
  const closeDialog = (account: Account | undefined): void => {
    setDialog(undefined);
    if (account) requestFocus({ accountId: account.id, control: 'more' });
    else search.current?.focus();
  };

  const onRange = useCallback((next: VisibleRange) => setRange(next), []);

  if (vault.status === 'loading') return <main class="popup" aria-busy="true" />;
  if (vault.status === 'locked') {
    return (
      <main class="popup" aria-busy={unlockForm.component ? undefined : 'true'}>
        <h1 class="visually-hidden">{t('popupHeading')}</h1>
        {unlockForm.component && <unlockForm.component protection={protection} clock={clock} />}
        {unlockForm.error !== undefined && (
          <p class="problem" role="alert">
            {t('viewLoadFailed', describeError(unlockForm.error))}
          </p>
        )}
      </main>
    );
  }

  return (
    <main class="popup">
      <header class="toolbar">
        <h1 class="visually-hidden">{t('popupHeading')}</h1>
        <input
          ref={search}
          type="search"
          class="search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={query}
          autoComplete="off"
          spellcheck={false}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || (event.key === 'Enter' && shown.length > 0)) {
              event.preventDefault();
              if (event.key === 'Enter' && shown[0]) void copyCode(shown[0]);
              else requestFocus({ control: 'copy' });
            } else if (event.key === 'Escape' && query) {
              event.preventDefault();
              setQuery('');
            }
          }}
        />
        <button type="button" class="icon-button" aria-label={t('addAccount')} title={t('addAccount')} onClick={() => void openPage(`${OPTIONS_PAGE}#add`)}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M8 2.5v11M2.5 8h11" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
          </svg>
        </button>
        {encrypted && (
          <button type="button" class="icon-button" aria-label={t('lockNow')} title={t('lockNow')} onClick={() => void protection.lock()}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
          </button>
        )}
        <button type="button" class="icon-button" aria-label={t('openSettings')} title={t('openSettings')} onClick={() => void openPage(OPTIONS_PAGE)}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              d="M8 5.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6Zm6 3.6V7.2l-1.7-.4a4.6 4.6 0 0 0-.5-1.2l.9-1.5-1.1-1.1-1.5.9a4.6 4.6 0 0 0-1.2-.5L8.8 1.7H7.2l-.4 1.7a4.6 4.6 0 0 0-1.2.5l-1.5-.9L3 4.1l.9 1.5a4.6 4.6 0 0 0-.5 1.2L1.7 7.2v1.6l1.7.4c.1.4.3.8.5 1.2L3 11.9 4.1 13l1.5-.9c.4.2.8.4 1.2.5l.4 1.7h1.6l.4-1.7c.4-.1.8-.3 1.2-.5l1.5.9 1.1-1.1-.9-1.5c.2-.4.4-.8.5-1.2Z"
              fill="none"
              stroke="currentColor"
              stroke-width="1.2"
            />
          </svg>
        </button>
      </header>

      {renameDialog.error !== undefined && (
        <p class="problem" role="alert">
          {t('viewLoadFailed', describeError(renameDialog.error))}
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {vault.status === 'ready' && vault.snapshot.unreadable > 0 && (
        <p class="problem" role="alert">
          {t('unreadableAccounts', vault.snapshot.unreadable)}
        </p>
      )}
      {vault.status === 'error' && (
        <p class="problem" role="alert">
          {t('loadFailed', describeError(vault.error))}
        </p>
      )}

      {vault.status === 'ready' && accounts.length === 0 && (
        <section class="empty" aria-labelledby="empty-title">
          <h2 id="empty-title">{t('emptyTitle')}</h2>
          <p>{t('emptyBody')}</p>
          <button type="button" class="primary" onClick={() => void openPage(`${OPTIONS_PAGE}#add`)}>
            {t('emptyAction')}
          </button>
        </section>
      )}
      {accounts.length > 0 && shown.length === 0 && <p class="no-match">{t('noMatches', query)}</p>}
      {shown.length > 0 && (
        <AccountList
          accounts={shown}
          now={now}
          codes={codes}
          copiedId={copiedId}
          onRange={onRange}
          onAction={onAction}
          onMenu={(account, anchor) => setMenu(menu?.account.id === account.id ? undefined : { account, anchor })}
          menuFor={menu?.account.id}
          onExitTop={() => search.current?.focus()}
          focusRequest={focusRequest}
        />
      )}

      <p class="visually-hidden" role="status" aria-live="polite">
        {copiedId === undefined ? '' : t('copied')}
      </p>

      {menu && (
        <AccountMenu
          label={accountLabel(menu.account) || t('noLabel')}
          anchor={menu.anchor}
          actions={menuActions(menu.account)}
          onAction={(action) => onAction(action, menu.account)}
          onClose={() => setMenu(undefined)}
        />
      )}
      {dialog?.kind === 'rename' && renameDialog.component && (
        <renameDialog.component
          // Keyed: alerts that appear above it (a failed save) must not make Preact re-create it and lose the typing.
          key={`rename-${dialog.account.id}`}
          account={dialog.account}
          onClose={() => closeDialog(dialog.account)}
          onSave={(label) => {
            // A failed write keeps the dialog, and what was typed, open; the alert behind it says why.
            void edit((v) => renameAccount(v, dialog.account.id, label)).then((outcome) => {
              if (outcome === 'saved') closeDialog(dialog.account);
              else if (outcome === 'gone') closeDialog(undefined);
            });
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          key={`delete-${dialog.account.id}`}
          account={dialog.account}
          onClose={() => closeDialog(dialog.account)}
          onConfirm={() => {
            void edit((v) => removeAccount(v, dialog.account.id)).then((outcome) => {
              if (outcome !== 'failed') closeDialog(undefined);
            });
          }}
        />
      )}
    </main>
  );
}
