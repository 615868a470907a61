import type { ComponentType, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../core/vault.ts';
import type { VaultState } from '../ui/use-vault.ts';
import { useLazyComponent } from '../ui/use-lazy-component.ts';
import type { FocusRequest } from './account-list.tsx';
import type { QrCodeDialogProps } from './qr-code-dialog.tsx';
import type { RenameDialogProps } from './rename-dialog.tsx';
import type { SitesDialogProps } from './sites-dialog.tsx';

export type Dialog = { readonly kind: DialogKind; readonly account: Account } | undefined;
export type DialogKind = 'rename' | 'delete' | 'sites' | 'qr';
export type Menu = { readonly account: Account; readonly anchor: HTMLElement } | undefined;
type FocusTarget = Omit<FocusRequest, 'seq'>;

export interface Dialogs {
  readonly dialog: Dialog;
  readonly openDialog: (kind: DialogKind, account: Account) => void;
  /** Closes the dialog; focus goes back to the account's menu button, or to search when the account is gone. */
  readonly closeDialog: (account: Account | undefined) => void;
  readonly menu: Menu;
  /** Opens the account's menu under `anchor`, or closes it when it is that account's already. */
  readonly toggleMenu: (account: Account, anchor: HTMLElement) => void;
  readonly closeMenu: () => void;
  /** The latest request to move focus into the list (the list acts on each new one). */
  readonly focusRequest: FocusRequest | undefined;
  readonly requestFocus: (target: FocusTarget) => void;
  /** Focus to give back once the snapshot with an edit arrives (a moved row's DOM node loses the focus). */
  readonly refocusAfterWrite: (target: FocusTarget) => void;
  /** The edit wrote nothing (or failed): no snapshot will come, so nothing is refocused. */
  readonly cancelRefocus: () => void;
  /** The rename dialog, loaded the first time it is opened. */
  readonly renameDialog: { readonly component: ComponentType<RenameDialogProps> | undefined; readonly error: unknown };
  /** The sites dialog, loaded the first time it is opened. */
  readonly sitesDialog: { readonly component: ComponentType<SitesDialogProps> | undefined; readonly error: unknown };
  /** An account's QR code, loaded (with the QR encoder) the first time it is opened. */
  readonly qrCodeDialog: { readonly component: ComponentType<QrCodeDialogProps> | undefined; readonly error: unknown };
}

// Loaded when first needed, not on the way to the first code: renaming brings the label validation with it.
const loadRenameDialog = (): Promise<ComponentType<RenameDialogProps>> => import('./rename-dialog.tsx').then((m) => m.RenameDialog);
// Likewise the sites dialog, which brings the site rules and the suggestions.
const loadSitesDialog = (): Promise<ComponentType<SitesDialogProps>> => import('./sites-dialog.tsx').then((m) => m.SitesDialog);
const loadQrCodeDialog = (): Promise<ComponentType<QrCodeDialogProps>> => import('./qr-code-dialog.tsx').then((m) => m.QrCodeDialog);

/** The popup's dialogs, its account menu, and where keyboard focus goes when they close or rows move. */
export function useDialogs(vault: VaultState, searchBox: RefObject<HTMLInputElement | null>): Dialogs {
  const [dialog, setDialog] = useState<Dialog>();
  const renameDialog = useLazyComponent(loadRenameDialog, dialog?.kind === 'rename');
  const sitesDialog = useLazyComponent(loadSitesDialog, dialog?.kind === 'sites');
  const qrCodeDialog = useLazyComponent(loadQrCodeDialog, dialog?.kind === 'qr');
  const [menu, setMenu] = useState<Menu>();
  const [focusRequest, setFocusRequest] = useState<FocusRequest>();
  // The snapshot with an edit may arrive before or after update() resolves.
  const pendingRefocus = useRef<FocusTarget | undefined>(undefined);
  const requestFocus = (target: FocusTarget): void => setFocusRequest((previous) => ({ ...target, seq: (previous?.seq ?? 0) + 1 }));

  useLayoutEffect(() => {
    if (vault.status !== 'ready' || !pendingRefocus.current) return;
    requestFocus(pendingRefocus.current);
    pendingRefocus.current = undefined;
  }, [vault]);

  return {
    dialog,
    openDialog: (kind, account) => setDialog({ kind, account }),
    closeDialog: (account) => {
      setDialog(undefined);
      if (account) requestFocus({ accountId: account.id, control: 'more' });
      else searchBox.current?.focus();
    },
    menu,
    toggleMenu: (account, anchor) => setMenu(menu?.account.id === account.id ? undefined : { account, anchor }),
    closeMenu: () => setMenu(undefined),
    focusRequest,
    requestFocus,
    refocusAfterWrite: (target) => {
      pendingRefocus.current = target;
    },
    cancelRefocus: () => {
      pendingRefocus.current = undefined;
    },
    renameDialog,
    sitesDialog,
    qrCodeDialog,
  };
}
