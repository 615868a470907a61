import { render } from 'preact';
import { createAccountStore } from '../platform/account-store.ts';
import { applyPageLanguage, t } from '../platform/i18n.ts';
import { App } from './app.tsx';

applyPageLanguage();
document.title = t('popupHeading');
// The chooser window opens this page with ?chooser=<pending fill id> (src/platform/open-chooser.ts).
const chooserId = new URLSearchParams(location.search).get('chooser') ?? undefined;
const root = document.getElementById('app');
if (root) render(<App store={createAccountStore()} chooserId={chooserId} />, root);
