import { useEffect, useId, useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { formatMigrationBatches, type MigrationExport, type MigrationExportSkipReason } from '../core/formats/format-migration-batches.ts';
import type { RandomBytes } from '../core/random-bytes.ts';
import type { Account } from '../core/vault.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import type { ConfirmExport } from '../ui/confirm-export.ts';
import { describeError } from '../ui/describe-error.ts';
import { QrCode } from '../ui/qr-code.tsx';
import { submitWith } from '../ui/submit-with.ts';
import { useExportConfirmation } from '../ui/use-export-confirmation.ts';

interface Props {
  /** The vault's accounts as shown now; undefined while not readable (locked: what was shown is hidden). */
  readonly accounts: readonly Account[] | undefined;
  /** A master password is set: it is asked for before the codes are shown. */
  readonly encrypted: boolean;
  readonly confirmExport: ConfirmExport;
  /** How long a code stays on screen without Next or Previous, ms; default 60 s. */
  readonly showForMs?: number;
  /** For the export's batch id; default crypto.getRandomValues. */
  readonly randomBytes?: RandomBytes;
}

/** The codes shown, and the labels of what each holds and what was left out (taken when they were made). */
interface Shown {
  readonly exported: MigrationExport;
  readonly labels: readonly string[];
  readonly drafts: readonly Account[];
  /** The code on screen, 0-based. */
  readonly at: number;
}

const SHOW_FOR_MS = 60_000;
/** A code of up to 1,200 characters is 117-137 modules a side: 3 px each at this width, readable off a screen. */
const QR_WIDTH = 440;

const label = (account: Account): string => accountLabel(account) || t('noLabel');

/** Why Google Authenticator cannot hold an account, with the value that stops it. */
function skipReason(reason: MigrationExportSkipReason, account: Account): string {
  const value = { period: account.period, digits: account.digits, algorithm: account.algorithm, 'too-large': '' }[reason];
  return t(`migrationExportSkip_${reason.replaceAll('-', '_')}` as MessageKey, String(value));
}

/**
 * Google Authenticator "Transfer accounts" QR codes of all or chosen accounts (formatMigrationBatches), one code at
 * a time with "k of n", Next and Previous, to move accounts to a phone. Accounts Google Authenticator would give
 * wrong codes for are left out and listed with the reason. Behind a warning, and the master password when one is
 * set; a code is hidden again after 60 s without Next or Previous, and when the vault locks.
 */
export function MigrationExportForm({ accounts, encrypted, confirmExport, showForMs = SHOW_FOR_MS, randomBytes }: Props) {
  const id = useId();
  const confirmation = useExportConfirmation(confirmExport, encrypted);
  const [which, setWhich] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<Shown>();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const hide = (message: string): void => {
    setShown(undefined);
    setStatus(message);
  };

  useEffect(() => {
    if (shown === undefined) return;
    const timer = setTimeout(() => hide(t('migrationExportHidden', Math.round(showForMs / 1000))), showForMs);
    return () => clearTimeout(timer);
  }, [shown, showForMs]);

  useEffect(() => {
    if (accounts === undefined && shown !== undefined) setShown(undefined);
  }, [accounts, shown]);

  const selected = (accounts ?? []).filter((account) => which === 'all' || chosen.has(account.id));

  const show = async (): Promise<void> => {
    setStatus('');
    if (accounts === undefined || accounts.length === 0) {
      setProblem(t('backupEmptyVault'));
      return;
    }
    if (selected.length === 0) {
      setProblem(t('migrationExportNoneChosen'));
      return;
    }
    setBusy(true);
    try {
      if (!(await confirmation.check())) {
        setProblem('');
        return;
      }
      const exported = formatMigrationBatches(selected, randomBytes ? { randomBytes } : {});
      setProblem(exported.uris.length === 0 ? t('migrationExportNothing') : '');
      setShown({ exported, labels: selected.map(label), drafts: selected, at: 0 });
    } catch (error) {
      setProblem(t('backupFailed', describeError(error)));
    } finally {
      setBusy(false);
    }
  };

  const total = shown?.exported.uris.length ?? 0;
  const uri = shown?.exported.uris[shown.at];
  const go = (delta: number): void => setShown((current) => current && { ...current, at: Math.min(total - 1, Math.max(0, current.at + delta)) });

  return (
    <form class="stack" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-warning`} onSubmit={submitWith(show)}>
      <h3 id={`${id}-heading`}>{t('migrationExportHeading')}</h3>
      <p class="help">{t('migrationExportHelp')}</p>
      <p id={`${id}-warning`} class="warning">
        {t('migrationExportWarning')}
      </p>
      <fieldset class="stack">
        <legend>{t('migrationExportWhich')}</legend>
        <label class="checkbox">
          <input type="radio" name={`${id}-which`} checked={which === 'all'} onChange={() => setWhich('all')} />
          {t('migrationExportAll', accounts?.length ?? 0)}
        </label>
        <label class="checkbox">
          <input type="radio" name={`${id}-which`} checked={which === 'chosen'} onChange={() => setWhich('chosen')} />
          {t('migrationExportChosen')}
        </label>
        {which === 'chosen' && (
          <div class="choose-accounts" role="group" aria-label={t('migrationExportChooseLabel')}>
            {(accounts ?? []).map((account) => (
              <label key={account.id} class="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(account.id)}
                  onChange={() =>
                    setChosen((current) => {
                      const next = new Set(current);
                      if (!next.delete(account.id)) next.add(account.id);
                      return next;
                    })
                  }
                />
                {label(account)}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {confirmation.needed && (
        <label>
          {t('masterPassword')}
          <input
            type="password"
            autoComplete="current-password"
            value={confirmation.password}
            onInput={(event) => confirmation.setPassword(event.currentTarget.value)}
            {...(confirmation.problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-password-error` } : {})}
          />
        </label>
      )}
      {confirmation.problem && (
        <p id={`${id}-password-error`} class="field-error" role="alert">
          {confirmation.problem}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {t('migrationExportShow')}
        </button>
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {shown && uri !== undefined && (
        <div class="stack migration-code" role="group" aria-labelledby={`${id}-code`}>
          <h4 id={`${id}-code`}>{t('migrationExportCodeHeading', shown.at + 1, total)}</h4>
          <QrCode text={uri} label={t('migrationExportCodeImage', shown.at + 1, total)} maxWidth={QR_WIDTH} />
          <p class="help">{t('migrationExportInCode', (shown.exported.batches[shown.at] ?? []).map((index) => shown.labels[index] ?? '').join(', '))}</p>
          <div class="row-actions">
            <button type="button" disabled={shown.at === 0} onClick={() => go(-1)}>
              {t('migrationExportPrevious')}
            </button>
            <button type="button" class="primary" disabled={shown.at === total - 1} onClick={() => go(1)}>
              {t('migrationExportNext')}
            </button>
            <button type="button" onClick={() => hide(t('migrationExportHiddenByUser'))}>
              {t('migrationExportHide')}
            </button>
          </div>
          <p class="help">{t('migrationExportHidesSoon', Math.round(showForMs / 1000))}</p>
        </div>
      )}
      {shown && shown.exported.left.length > 0 && (
        <div class="stack">
          <h4 id={`${id}-left`}>{t('migrationExportLeftHeading', shown.exported.left.length)}</h4>
          <ul class="line-reports" aria-labelledby={`${id}-left`}>
            {shown.exported.left.map(({ index, reason }) => {
              const account = shown.drafts[index];
              return (
                <li key={index} class="error">
                  {account ? t('importPreviewItem', label(account), skipReason(reason, account)) : ''}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
    </form>
  );
}
