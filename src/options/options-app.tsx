import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CognitoApi } from '../cognito/cognito-api.ts';
import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import { VaultRecordError } from '../core/migrate-vault-record.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import { lazyVaultProtection } from '../platform/lazy-vault-protection.ts';
import type { PageVaultProtection } from '../platform/vault-protection.ts';
import type { UnlockFormProps } from '../ui/unlock-form.tsx';
import { useVault } from '../ui/use-vault.ts';
import type { AccountsSectionProps } from './accounts-section.tsx';
import type { BackupSectionProps } from './backup-section.tsx';
import type { CognitoSectionProps } from './cognito-section.tsx';
import type { FillSectionProps } from './fill-section.tsx';
import type { SecuritySectionProps } from './security-section.tsx';
import { useHash } from './use-hash.ts';
import { useLazyComponent } from '../ui/use-lazy-component.ts';
import { useOffsetClock } from '../ui/use-offset-clock.ts';
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
  { hash: 'fill', label: 'navFill' },
];

// Each view loads on first visit, so a page opened for one view does not also download the code of the others:
// above all the Cognito view's, which carries the AWS SDK (most of the page's JS).
const loadUnlockForm = (): Promise<ComponentType<UnlockFormProps>> => import('../ui/unlock-form.tsx').then((m) => m.UnlockForm);
const loadAccounts = (): Promise<ComponentType<AccountsSectionProps>> => import('./accounts-section.tsx').then((m) => m.AccountsSection);
const loadCognito = (): Promise<ComponentType<CognitoSectionProps>> => import('./cognito-section.tsx').then((m) => m.CognitoSection);
const loadSecurity = (): Promise<ComponentType<SecuritySectionProps>> => import('./security-section.tsx').then((m) => m.SecuritySection);
const loadBackup = (): Promise<ComponentType<BackupSectionProps>> => import('./backup-section.tsx').then((m) => m.BackupSection);
const loadFill = (): Promise<ComponentType<FillSectionProps>> => import('./fill-section.tsx').then((m) => m.FillSection);

const defaultProtection = lazyVaultProtection();

/** The options page: adding accounts, Cognito enrollment, the master password, backups, and filling and the clock, one view at a time. */
export function OptionsApp({ store, clock = Date.now, newId = () => crypto.randomUUID(), makeApi, protection = defaultProtection }: OptionsAppProps) {
  const vault = useVault(store);
  const hash = useHash();
  const view = VIEWS.find((v) => v.hash === hash)?.hash ?? 'add';
  const ready = vault.status === 'ready';
  // A view stays mounted (hidden) once opened, so switching views never drops a half-typed form or a running
  // enrollment. But the views exist only while the vault is readable: a lock (the popup's button, the auto-lock
  // alarm, a browser start) unmounts them all, so what they decrypted or were given goes with them (accounts,
  // remembered client secrets, import previews, typed passwords, a running enrollment, which is abandoned: its
  // secret, once saved as pending, stays in the vault). After unlocking, the current view starts afresh.
  const visited = useRef(new Set<string>()).current;
  if (!ready) visited.clear();
  visited.add(view);
  const hide = (name: string): boolean => view !== name;
  const unlockForm = useLazyComponent(loadUnlockForm, vault.status === 'locked');
  const accounts = useLazyComponent(loadAccounts, ready && visited.has('add'));
  const cognito = useLazyComponent(loadCognito, ready && visited.has('cognito'));
  // A plain record refused because its master password was never removed in Keystep is used again only by
  // encrypting it under a new one: the Security view offers that under the message, whatever view was asked for.
  const encryptionRemoved = vault.status === 'error' && vault.error instanceof VaultRecordError && vault.error.code === 'vault-encryption-removed';
  const security = useLazyComponent(loadSecurity, (ready && visited.has('security')) || encryptionRemoved);
  const backup = useLazyComponent(loadBackup, ready && visited.has('backup'));
  const fill = useLazyComponent(loadFill, ready && visited.has('fill'));
  // Cognito's verify step computes its code with this browser's clock offset, as the popup does.
  const codeClock = useOffsetClock(clock).clock ?? clock;
  const encrypted = ready && vault.snapshot.encrypted;
  // Opening the page or another view is using Keystep: the idle countdown to auto-lock starts again.
  useEffect(() => {
    if (ready && encrypted) protection.touch().catch(() => undefined);
  }, [ready, encrypted, view, protection]);
  const lazyError: unknown = unlockForm.error ?? accounts.error ?? cognito.error ?? security.error ?? backup.error ?? fill.error;

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
        {encryptionRemoved && security.component && <security.component protection={protection} encrypted={false} />}
        {ready && accounts.component && (
          <div hidden={hide('add')}>
            <accounts.component store={store} clock={clock} newId={newId} />
          </div>
        )}
        {ready && cognito.component && (
          <div hidden={hide('cognito')}>
            <cognito.component store={store} clock={codeClock} newId={newId} remembered={vault.snapshot.clientSecrets} {...(makeApi ? { makeApi } : {})} />
          </div>
        )}
        {ready && security.component && (
          <div hidden={hide('security')}>
            <security.component protection={protection} encrypted={encrypted} />
          </div>
        )}
        {ready && backup.component && (
          <div hidden={hide('backup')}>
            <backup.component store={store} clock={clock} newId={newId} protection={protection} />
          </div>
        )}
        {ready && fill.component && (
          <div hidden={hide('fill')}>
            <fill.component clock={clock} />
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
