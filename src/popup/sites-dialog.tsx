import { useEffect, useId, useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { siteOrigin } from '../core/site-origin.ts';
import { SiteOriginError } from '../core/site-origin-error.ts';
import type { Account } from '../core/vault.ts';
import { readManagedLoginProfiles } from '../platform/read-managed-login-profiles.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import type { FillSettings } from '../services/site-edits.ts';
import { siteSuggestions, type ManagedLoginProfile, type SiteSource, type SiteSuggestion } from '../services/site-suggestions.ts';
import { ModalDialog } from './modal-dialog.tsx';

export interface SitesDialogProps {
  readonly account: Account;
  /** The page the popup was opened over: offered first. */
  readonly pageOrigin: string | undefined;
  /** The sites and whether the account submits after filling, saved together (one vault write). */
  readonly onSave: (settings: FillSettings) => void;
  readonly onClose: () => void;
  /** The saved Cognito profiles, for the managed-login domain of an enrolled account; default the stored list, read leniently. */
  readonly loadProfiles?: () => Promise<readonly ManagedLoginProfile[]>;
}

const SOURCE_LABELS: Record<SiteSource, MessageKey> = { page: 'siteFromPage', issuer: 'siteFromIssuer', cognito: 'siteFromCognito' };

/** A site typed by the user, refused in words (the input is a web address, never a secret). */
function refusal(error: unknown): string {
  if (error instanceof SiteOriginError) return error.code === 'site-insecure' ? t('siteInsecure', error.input) : t('siteInvalid', error.input);
  return error instanceof Error ? error.message : String(error);
}

/**
 * The sites an account belongs to: Keystep's keyboard command fills its code without asking only on a page whose
 * origin is exactly one of them. Lists, removes and adds sites, and offers suggestions (the page, the issuer's
 * sign-in site, a Cognito profile's managed-login domain), none added without a click. Also where the account is set
 * to submit the page's form after its code is filled (off unless ticked). Saved together.
 */
export function SitesDialog({ account, pageOrigin, onSave, onClose, loadProfiles = readManagedLoginProfiles }: SitesDialogProps) {
  const id = useId();
  const label = accountLabel(account) || t('noLabel');
  const [sites, setSites] = useState<readonly string[]>(account.sites ?? []);
  const [submitAfterFill, setSubmitAfterFill] = useState(account.submitAfterFill === true);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const [profiles, setProfiles] = useState<readonly ManagedLoginProfile[]>([]);

  useEffect(() => {
    if (!account.cognito) return;
    let live = true;
    // A profile list Keystep cannot read only means no suggestion from it.
    loadProfiles().then(
      (list) => {
        if (live) setProfiles(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [account.cognito]);

  const suggestions: readonly SiteSuggestion[] = siteSuggestions({ ...account, sites }, { pageOrigin, profiles });
  const add = (site: string): void => setSites((current) => (current.includes(site) ? current : [...current, site]));

  return (
    <ModalDialog title={t('sitesHeading', label)} onClose={onClose}>
      <p class="help">{t('sitesHelp')}</p>
      <form
        class="site-add"
        onSubmit={(event) => {
          event.preventDefault();
          try {
            add(siteOrigin(typed));
            setTyped('');
            setProblem(undefined);
          } catch (error) {
            setProblem(refusal(error));
          }
        }}
      >
        <label for={`${id}-site`}>{t('siteAddLabel')}</label>
        <div class="inline">
          <input
            id={`${id}-site`}
            value={typed}
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            aria-invalid={problem !== undefined}
            aria-describedby={problem === undefined ? undefined : `${id}-error`}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button type="submit">{t('siteAdd')}</button>
        </div>
        {problem !== undefined && (
          <p id={`${id}-error`} class="field-error">
            {problem}
          </p>
        )}
      </form>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesNone')}</p>
      ) : (
        <ul class="sites" aria-label={t('sitesListLabel')}>
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" onClick={() => setSites(sites.filter((s) => s !== site))} aria-label={t('siteRemoveLabel', site)}>
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <ul class="sites" aria-label={t('siteSuggestionsLabel')}>
          {suggestions.map(({ site, source }) => (
            <li key={site}>
              <span class="site">
                {site} <span class="muted">{t(SOURCE_LABELS[source])}</span>
              </span>
              <button type="button" onClick={() => add(site)} aria-label={t('siteAddSuggestionLabel', site)}>
                {t('siteAdd')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={submitAfterFill}
          aria-describedby={`${id}-submit-help`}
          onChange={(e) => setSubmitAfterFill(e.currentTarget.checked)}
        />
        {t('submitAfterFillLabel')}
      </label>
      <p id={`${id}-submit-help`} class="muted">
        {t('submitAfterFillHelp')}
      </p>
      <div class="actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" onClick={() => onSave({ sites, submitAfterFill })}>
          {t('save')}
        </button>
      </div>
    </ModalDialog>
  );
}
