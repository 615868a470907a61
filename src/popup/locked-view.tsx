import type { ComponentType } from 'preact';
import { t } from '../platform/i18n.ts';
import type { VaultProtection } from '../platform/vault-protection.ts';
import { describeError } from '../ui/describe-error.ts';
import type { UnlockFormProps } from '../ui/unlock-form.tsx';

interface Props {
  /** The unlock form, as useLazyComponent gives it (undefined until its code has loaded). */
  readonly unlockForm: { readonly component: ComponentType<UnlockFormProps> | undefined; readonly error: unknown };
  readonly protection: Pick<VaultProtection, 'unlock'>;
  readonly clock: () => number;
}

/** The popup while the vault is locked: the unlock form, busy until its code has loaded. */
export function LockedView({ unlockForm, protection, clock }: Props) {
  return (
    <main class="popup" aria-busy={unlockForm.component ? undefined : 'true'}>
      <h1 class="visually-hidden">{t('popupHeading')}</h1>
      {unlockForm.component && <unlockForm.component protection={protection} clock={clock} />}
      {unlockForm.error !== undefined && (
        <p class="problem" role="alert">
          {t('viewLoadFailed', describeError(unlockForm.error))}
        </p>
      )}
    </main>
  );
}
