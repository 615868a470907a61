import { useId } from 'preact/hooks';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { migrationProgress, scannedPages, sessionEntries } from '../services/qr-scan-session.ts';
import { describeScannedCode } from './describe-scanned-code.ts';
import { ImportPreview } from './import-preview.tsx';
import type { QrImport } from './use-qr-import.ts';

interface Props {
  readonly qr: QrImport;
  /** The vault's accounts as shown now (the preview's verdicts follow them); undefined while not readable. */
  readonly accounts: readonly Account[] | undefined;
  /** Heading level of the choice and the preview where the view sits. */
  readonly level: 2 | 3 | 4;
}

/**
 * What scans found and what adding would do: the problem or what else was found, the choice among several
 * account codes, the progress through a Google Authenticator export, and the preview with Add and Cancel.
 */
export function QrImportView({ qr, accounts, level }: Props) {
  const id = useId();
  const entries = sessionEntries(qr.session);
  const pages = scannedPages(qr.session);
  const progress = migrationProgress(qr.session);
  const Heading = `h${level}` as const;

  return (
    <>
      {qr.problem && (
        <p class="field-error" role="alert">
          {qr.problem}
        </p>
      )}
      {qr.found && <p class="help">{qr.found}</p>}
      {qr.choosing && (
        <div class="stack choose-codes" role="group" aria-labelledby={`${id}-choose`}>
          <Heading id={`${id}-choose`}>{t('scanChooseHeading', qr.choosing.codes.length)}</Heading>
          {qr.choosing.codes.map(({ code }, index) => (
            <label key={index} class="checkbox">
              <input type="checkbox" checked={qr.choosing?.chosen.has(index) === true} onChange={() => qr.toggle(index)} />
              {describeScannedCode(code)}
            </label>
          ))}
          <div>
            <button type="button" class="primary" disabled={qr.choosing.chosen.size === 0} onClick={qr.confirmChoice}>
              {t('scanChooseButton')}
            </button>
          </div>
        </div>
      )}
      {progress && (
        <p class={progress.missing.length > 0 ? 'warning' : 'help'}>
          {t('importMigrationProgress', progress.scanned, progress.total)}
          {progress.missing.length > 0 && ` ${t('scanMigrationNext', progress.missing.map((index) => index + 1).join(', '))}`}
        </p>
      )}
      {qr.notes.map((note) => (
        <p key={note} class="help">
          {note === 'migration-repeated' ? t('importMigrationRepeated') : t('importMigrationOtherExport')}
        </p>
      ))}
      {entries.length > 0 && accounts && (
        <ImportPreview entries={entries} accounts={accounts} busy={qr.busy} onAdd={() => void qr.add()} onCancel={qr.cancel} level={level}>
          {pages.length > 0 && (
            <div class="stack bind-sites">
              {pages.map((page, index) =>
                page.kind === 'site' ? (
                  <div key={page.site}>
                    <label class="checkbox">
                      <input type="checkbox" checked={qr.bind.has(page.site)} onChange={() => qr.toggleBind(page.site)} aria-describedby={`${id}-bind-${index}`} />
                      {t('scanBindSite', page.site)}
                    </label>
                    <p id={`${id}-bind-${index}`} class="help">
                      {page.bindByDefault ? t('scanBindSiteHelp') : t('scanBindSiteNotHttps')}
                    </p>
                  </div>
                ) : (
                  <p key={page.origin} class="help">
                    {t('scanSiteInsecure', page.origin)}
                  </p>
                ),
              )}
              {qr.session.migration && pages.some((page) => page.kind === 'site') && <p class="help">{t('scanBindNotExport')}</p>}
            </div>
          )}
        </ImportPreview>
      )}
      <div role="status">{qr.status && <p class="summary">{qr.status}</p>}</div>
    </>
  );
}
