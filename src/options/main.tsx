import { render } from 'preact';
import { createAccountStore } from '../platform/account-store.ts';
import { applyPageLanguage, t } from '../platform/i18n.ts';
import { OptionsApp } from './options-app.tsx';

applyPageLanguage();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp store={createAccountStore()} />, root);
