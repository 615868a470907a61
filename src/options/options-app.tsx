import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CognitoApi } from '../cognito/cognito-api.ts';
import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import type { AccountStore, VaultSnapshot } from '../platform/account-store.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import { lazyVaultProtection } from '../platform/lazy-vault-protection.ts';
import type { PageVaultProtection } from '../platform/vault-protection.ts';
import type { UnlockFormProps } from '../ui/unlock-form.tsx';
import { useVault } from '../ui/use-vault.ts';
import type { AccountsSectionProps } from './accounts-section.tsx';
import type { BackupSectionProps } from './backup-section.tsx';
import { CognitoSection } from './cognito-section.tsx';
import type { SecuritySectionProps } from './security-section.tsx';
import { useHash } from './use-hash.ts';
import { useLazyComponent } from '../ui/use-lazy-component.ts';
import { describeError } from '../ui/describe-error.ts';

export interface OptionsAppProps {
  readonly store: AccountStore;
  /** ms since the epoch. */
  readonly clock?: () => number;
  readonly newId?: () => string;
  /** Builds the Cognito client for a profile; default the AWS SDK adapter. */
  readonly makeApi?: (profile: CognitoProfile) => CognitoApi;
  /** Master password operations; default the real one on extension storage. */
  readonly protection?: PageVaultProtection;
}

/** The page's views, by URL hash; the first is shown for an empty or unknown hash. */
const VIEWS: readonly { readonly hash: string; readonly label: MessageKey }[] = [
  { hash: 'add', label: 'navAccounts' },
  { hash: 'cognito', label: 'navCognito' },
  { hash: 'security', label: 'navSecurity' },
  { hash: 'backup', label: 'navBackup' },
];

// Each view but Cognito loads on first visit, so a page opened for enrollment (the heaviest view, with the
// AWS SDK) does not also download the code of the others.
const loadUnlockForm = (): Promise<ComponentType<UnlockFormProps>> => import('../ui/unlock-form.tsx').then((m) => m.UnlockForm);
const loadAccounts = (): Promise<ComponentType<AccountsSectionProps>> => import('./accounts-section.tsx').then((m) => m.AccountsSection);
const loadSecurity = (): Promise<ComponentType<SecuritySectionProps>> => import('./security-section.tsx').then((m) => m.SecuritySection);
const loadBackup = (): Promise<ComponentType<BackupSectionProps>> => import('./backup-section.tsx').then((m) => m.BackupSection);

const defaultProtection = lazyVaultProtection();

/** The options page: adding accounts, Cognito enrollment, the master password and backups, one view at a time. */
export function OptionsApp({ store, clock = Date.now, newId = () => crypto.randomUUID(), makeApi, protection = defaultProtection }: OptionsAppProps) {
  const vault = useVault(store);
  const hash = useHash();
  const view = VIEWS.find((v) => v.hash === hash)?.hash ?? 'add';
  // A view stays mounted (hidden) once opened, so switching views never drops a half-typed form or a running enrollment.
  const visited = useRef(new Set<string>()).current;
  visited.add(view);
  const ready = vault.status === 'ready';
  // The last vault read, kept through a lock: views once shown stay mounted (hidden) behind the unlock form, so a
  // lock in the middle of an enrollment or a half-filled form loses nothing, and the Cognito profiles keep the
  // remembered secrets they had (they are part of a running enrollment's identity).
  const last = useRef<VaultSnapshot | undefined>(undefined);
  if (ready) last.current = vault.snapshot;
  const mounted = last.current !== undefined && vault.status !== 'error';
  const hide = (name: string): boolean => !ready || view !== name;
  const unlockForm = useLazyComponent(loadUnlockForm, vault.status === 'locked');
  const accounts = useLazyComponent(loadAccounts, mounted && visited.has('add'));
  const security = useLazyComponent(loadSecurity, mounted && visited.has('security'));
  const backup = useLazyComponent(loadBackup, mounted && visited.has('backup'));
  const encrypted = last.current?.encrypted === true;
  // Opening the page or another view is using Keystep: the idle countdown to auto-lock starts again.
  useEffect(() => {
    if (ready && encrypted) protection.touch().catch(() => undefined);
  }, [ready, encrypted, view, protection]);
  const lazyError: unknown = unlockForm.error ?? accounts.error ?? security.error ?? backup.error;

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('navLabel')}>
          {VIEWS.map((v) => (
            <a key={v.hash} href={`#${v.hash}`} aria-current={v.hash === view ? 'page' : undefined}>
              {t(v.label)}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {vault.status === 'locked' && unlockForm.component && (
          <div class="card">
            <unlockForm.component protection={protection} clock={clock} />
          </div>
        )}
        {ready && vault.snapshot.unreadable > 0 && (
          <p class="problem" role="alert">
            {t('unreadableAccounts', vault.snapshot.unreadable)}
          </p>
        )}
        {vault.status === 'error' && (
          <p class="problem" role="alert">
            {t('loadFailed', describeError(vault.error))}
          </p>
        )}
        {mounted && accounts.component && (
          <div hidden={hide('add')}>
            <accounts.component store={store} clock={clock} newId={newId} />
          </div>
        )}
        {mounted && visited.has('cognito') && (
          <div hidden={hide('cognito')}>
            <CognitoSection store={store} clock={clock} newId={newId} remembered={last.current?.clientSecrets} {...(makeApi ? { makeApi } : {})} />
          </div>
        )}
        {mounted && security.component && (
          <div hidden={hide('security')}>
            <security.component protection={protection} encrypted={encrypted} />
          </div>
        )}
        {mounted && backup.component && (
          <div hidden={hide('backup')}>
            <backup.component store={store} clock={clock} newId={newId} confirmExport={(password) => protection.unlock(password)} />
          </div>
        )}
        {lazyError !== undefined && (
          <p class="problem" role="alert">
            {t('viewLoadFailed', describeError(lazyError))}
          </p>
        )}
        <aside class="card notice" aria-labelledby="reinstall-heading">
          <h2 id="reinstall-heading">{t('reinstallHeading')}</h2>
          <p>{t('reinstallBody')}</p>
          {view !== 'backup' && <a href="#backup">{t('reinstallLink')}</a>}
        </aside>
      </main>
    </div>
  );
}
