import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { AddFromUris } from './add-from-uris.tsx';
import { AddManually } from './add-manually.tsx';
import { CognitoSection } from './cognito-section.tsx';
import type { CognitoApi } from '../cognito/cognito-api.ts';
import type { CognitoProfile } from '../cognito/cognito-profile.ts';

export interface OptionsAppProps {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock?: () => number;
  readonly newId?: () => string;
  /** Builds the Cognito client for a profile; default the AWS SDK adapter. */
  readonly makeApi?: (profile: CognitoProfile) => CognitoApi;
}

/** The options page: adding accounts, and Cognito enrollment. */
export function OptionsApp({ store, clock = Date.now, newId = () => crypto.randomUUID(), makeApi }: OptionsAppProps) {
  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('navLabel')}>
          <a href="#add">{t('navAccounts')}</a>
          <a href="#cognito">{t('navCognito')}</a>
        </nav>
      </header>
      <main>
        <section id="add" aria-labelledby="add-heading" class="card">
          <h2 id="add-heading">{t('navAccounts')}</h2>
          <AddFromUris store={store} clock={clock} newId={newId} />
          <AddManually store={store} clock={clock} newId={newId} />
        </section>
        <CognitoSection store={store} clock={clock} newId={newId} {...(makeApi ? { makeApi } : {})} />
      </main>
    </div>
  );
}
