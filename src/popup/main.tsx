import { render } from 'preact';
import { createAccountStore } from '../platform/account-store.ts';
import { applyPageLanguage, t } from '../platform/i18n.ts';
import { App } from './app.tsx';

applyPageLanguage();
document.title = t('popupHeading');
const root = document.getElementById('app');
if (root) render(<App store={createAccountStore()} />, root);
