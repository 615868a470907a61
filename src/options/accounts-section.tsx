import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { AddFromUris } from './add-from-uris.tsx';
import { AddManually } from './add-manually.tsx';
import { ImageImportForm } from './image-import-form.tsx';

export interface AccountsSectionProps {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly newId: () => string;
}

/** The Accounts view: paste account links, bring in images of QR codes, or type an account in. */
export function AccountsSection({ store, clock, newId }: AccountsSectionProps) {
  return (
    <section id="add" aria-labelledby="add-heading" class="card">
      <h2 id="add-heading">{t('navAccounts')}</h2>
      <AddFromUris store={store} clock={clock} newId={newId} />
      <ImageImportForm store={store} clock={clock} newId={newId} />
      <AddManually store={store} clock={clock} newId={newId} />
    </section>
  );
}
