import { accountLabel } from '../core/account-label.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { AccountMenu } from './account-menu.tsx';
import { DeleteDialog } from './delete-dialog.tsx';
import type { MenuAction } from './row-action.ts';
import type { Dialogs } from './use-dialogs.ts';
import type { FillSettings } from '../services/site-edits.ts';
import type { ConfirmExport } from '../ui/confirm-export.ts';

interface Props {
  readonly dialogs: Dialogs;
  readonly onMenuAction: (action: MenuAction, account: Account) => void;
  readonly onRename: (account: Account, label: { issuer: string; name: string }) => void;
  readonly onDelete: (account: Account) => void;
  readonly onSites: (account: Account, settings: FillSettings) => void;
  /** The page the popup was opened over, offered first as a site. */
  readonly pageOrigin: string | undefined;
  /** A master password is set: the QR code dialog asks for it. */
  readonly encrypted: boolean;
  readonly confirmExport: ConfirmExport;
}

const menuActions = (account: Account): MenuAction[] => ['rename', 'sites', account.pinned ? 'unpin' : 'pin', 'move-up', 'move-down', 'show-qr', 'delete'];

/** The account menu and the rename, sites, delete and QR code dialogs, outside the windowed list. */
export function DialogsHost({ dialogs, onMenuAction, onRename, onDelete, onSites, pageOrigin, encrypted, confirmExport }: Props) {
  const { menu, dialog, renameDialog, sitesDialog, qrCodeDialog } = dialogs;
  return (
    <>
      {menu && (
        <AccountMenu
          label={accountLabel(menu.account) || t('noLabel')}
          anchor={menu.anchor}
          actions={menuActions(menu.account)}
          onAction={(action) => onMenuAction(action, menu.account)}
          onClose={dialogs.closeMenu}
        />
      )}
      {dialog?.kind === 'rename' && renameDialog.component && (
        <renameDialog.component
          // Keyed: alerts that appear above it (a failed save) must not make Preact re-create it and lose the typing.
          key={`rename-${dialog.account.id}`}
          account={dialog.account}
          onClose={() => dialogs.closeDialog(dialog.account)}
          onSave={(label) => onRename(dialog.account, label)}
        />
      )}
      {dialog?.kind === 'sites' && sitesDialog.component && (
        <sitesDialog.component
          key={`sites-${dialog.account.id}`}
          account={dialog.account}
          pageOrigin={pageOrigin}
          onClose={() => dialogs.closeDialog(dialog.account)}
          onSave={(settings) => onSites(dialog.account, settings)}
        />
      )}
      {dialog?.kind === 'qr' && qrCodeDialog.component && (
        <qrCodeDialog.component
          key={`qr-${dialog.account.id}`}
          account={dialog.account}
          encrypted={encrypted}
          confirmExport={confirmExport}
          onClose={() => dialogs.closeDialog(dialog.account)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog key={`delete-${dialog.account.id}`} account={dialog.account} onClose={() => dialogs.closeDialog(dialog.account)} onConfirm={() => onDelete(dialog.account)} />
      )}
    </>
  );
}
