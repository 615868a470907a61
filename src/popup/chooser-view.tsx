import { useEffect, useId, useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { matchAccounts } from '../core/match-accounts.ts';
import { matchSite } from '../core/site-match.ts';
import { isSiteOrigin } from '../core/site-origin.ts';
import type { Account } from '../core/vault.ts';
import type { FillMessage } from '../platform/fill-triggers.ts';
import { t } from '../platform/i18n.ts';
import { pendingFillItem, type PendingFill } from '../platform/pending-fill-item.ts';
import { describeError } from '../ui/describe-error.ts';

export interface ChooserViewProps {
  readonly accounts: readonly Account[];
  /** The pending fill the window was opened for (its URL's `chooser` parameter). */
  readonly pendingId: string;
  readonly fill: (message: FillMessage) => Promise<void>;
  readonly closeWindow: () => void;
  /** ms since the epoch, for the pending fill's age. */
  readonly now: () => number;
  /** Default: the one in session storage. */
  readonly loadPending?: () => Promise<PendingFill | undefined>;
}

/** As in services/code-filler.ts: a pick after a minute does nothing. */
const PENDING_TTL_MS = 60_000;

/**
 * The chooser: the keyboard command or the context menu was used on a page whose origin is not exactly one
 * account's site (a new site, a look-alike of a known one, or a site several accounts have), or while Keystep was
 * locked. It names the page's origin and each account's sites, and fills only the account the user picks; the
 * accounts bound to this origin come first, and none is picked for the user. "Remember" (unticked) binds the
 * origin to the picked account, so the next fill there needs no question.
 */
export function ChooserView({ accounts, pendingId, fill, closeWindow, now, loadPending = () => pendingFillItem.get() }: ChooserViewProps) {
  const id = useId();
  const [pending, setPending] = useState<PendingFill | null>();
  const [query, setQuery] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    loadPending().then(
      (found) => setPending(found?.id === pendingId && now() - found.createdAt <= PENDING_TTL_MS ? found : null),
      () => setPending(null),
    );
  }, [pendingId]);

  if (pending === undefined) return <main class="popup chooser" aria-busy="true" />;
  if (pending === null) {
    return (
      <main class="popup chooser">
        <h1>{t('chooserHeading')}</h1>
        <p>{t('chooserExpired')}</p>
        <div class="actions">
          <button type="button" onClick={closeWindow}>
            {t('close')}
          </button>
        </div>
      </main>
    );
  }

  const match = matchSite(accounts, pending.origin);
  const bound = match.kind === 'several' ? match.accounts : match.kind === 'one' ? [match.account] : [];
  const others = accounts.filter((a) => !bound.includes(a));
  const shown = matchAccounts([...bound, ...others], query);
  const host = new URL(pending.origin).host;
  const pick = (account: Account): void => {
    fill({ type: 'keystep-fill-pending', pendingId: pending.id, accountId: account.id, remember: remember && isSiteOrigin(pending.origin) }).then(closeWindow, (error: unknown) =>
      setProblem(t('fillFailed', describeError(error))),
    );
  };

  return (
    <main class="popup chooser">
      <h1>{t('chooserHeading')}</h1>
      <p class="chooser-origin">
        {t('chooserThisPage')} <strong class="site">{pending.origin}</strong>
      </p>
      <p class="notice" role="note">
        {match.kind === 'none' ? t('chooserNoMatch', host) : t('chooserBound', host)}
      </p>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <input type="search" class="search" aria-label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <ul class="choices" aria-label={t('accountListLabel')}>
        {shown.map((account) => {
          const label = accountLabel(account) || t('noLabel');
          const sites = account.sites ?? [];
          return (
            <li key={account.id}>
              <button type="button" aria-describedby={`${id}-${account.id}`} onClick={() => pick(account)} disabled={account.status === 'pending'}>
                {t('chooserFillWith', label)}
              </button>
              <span id={`${id}-${account.id}`} class="muted site">
                {sites.length === 0 ? t('chooserNoSites') : t('chooserSites', sites.join(', '))}
              </span>
            </li>
          );
        })}
      </ul>
      {isSiteOrigin(pending.origin) && (
        <label class="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
          {t('chooserRemember', host)}
        </label>
      )}
      <div class="actions">
        <button type="button" onClick={closeWindow}>
          {t('cancel')}
        </button>
      </div>
    </main>
  );
}
