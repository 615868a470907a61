import { render } from 'preact';
import { createAccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { OptionsApp } from './options-app.tsx';

// The pages are written in the catalogue's language, whichever chrome.i18n picked: screen readers and fonts follow <html lang>.
document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp store={createAccountStore()} />, root);
