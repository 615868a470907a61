import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { AddFromUris } from './add-from-uris.tsx';
import { AddManually } from './add-manually.tsx';

export interface OptionsAppProps {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock?: () => number;
  readonly newId?: () => string;
}

/** The options page: adding accounts now; Cognito enrollment and backups join it as sections. */
export function OptionsApp({ store, clock = Date.now, newId = () => crypto.randomUUID() }: OptionsAppProps) {
  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main>
        <section id="add" aria-labelledby="add-heading" class="card">
          <h2 id="add-heading">{t('navAccounts')}</h2>
          <AddFromUris store={store} clock={clock} newId={newId} />
          <AddManually store={store} clock={clock} newId={newId} />
        </section>
      </main>
    </div>
  );
}
