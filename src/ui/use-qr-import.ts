import { useRef, useState } from 'preact/hooks';
import { isAccountCode } from '../core/formats/read-scanned-code.ts';
import type { ScanSiteOffer } from '../core/scan-site-offer.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { commitImport } from '../services/commit-import.ts';
import { EMPTY_QR_SCAN_SESSION, scannedPages, sessionEntries, takeCodes, type FoundCode, type QrScanSession, type TakeNote } from '../services/qr-scan-session.ts';
import type { ScanOutcome } from '../services/scan-for-codes.ts';
import { describeError } from './describe-error.ts';
import { describeImportDone } from './describe-import-done.ts';
import { describeScanFailure } from './describe-scan-failure.ts';
import { describeScannedCode } from './describe-scanned-code.ts';

/** Where the QR codes come from: a capture of the tab, or an image the user gave. */
export type QrSource = 'tab' | 'image';

export interface QrImport {
  /** The account codes taken so far. */
  readonly session: QrScanSession;
  /**
   * Several account codes were found: the user picks which to take (`chosen`, by index into `codes`); `page` is
   * what the scanned tab offers as their site.
   */
  readonly choosing: { readonly codes: readonly FoundCode[]; readonly chosen: ReadonlySet<number>; readonly page?: ScanSiteOffer | undefined } | undefined;
  /**
   * The sites (of scannedPages) the accounts scanned on them are bound to when added: a tab scan's https page is
   * in it from the start, any other site only once the user checks it.
   */
  readonly bind: ReadonlySet<string>;
  /** Checks or unchecks "Bind to <site>". */
  readonly toggleBind: (site: string) => void;
  /** What the last scan found besides accounts, or that it found none; "" when there is nothing to say. */
  readonly found: string;
  readonly notes: readonly TakeNote[];
  /** Why the last scan or the last Add failed. */
  readonly problem: string;
  /** The outcome of the last Add or Cancel. */
  readonly status: string;
  readonly busy: boolean;
  /** A scan or an image read started: earlier messages go. */
  readonly start: () => void;
  /** A scan ended: say what it found, and take its account code, or offer the choice among several. */
  readonly take: (outcome: ScanOutcome, source: QrSource) => void;
  readonly toggle: (index: number) => void;
  /** Takes the chosen codes. */
  readonly confirmChoice: () => void;
  /**
   * Adds the session's new accounts (commitImport: one write, duplicates checked again under the lock), those
   * scanned on a site in `bind` with that site.
   */
  readonly add: () => Promise<void>;
  /** Drops the session: nothing is added. */
  readonly cancel: () => void;
}

interface Ports {
  readonly store: Pick<AccountStore, 'update'>;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly newId: () => string;
}

/**
 * The state of bringing accounts in from QR codes (the popup's tab scan, the options page's images): what each
 * scan found, the choice among several account codes, the codes taken so far (a Google Authenticator export is
 * taken code by code: "2 of 3 scanned"), the sites of the scanned pages to bind the accounts to, then Add or
 * Cancel. Only Add writes.
 */
export function useQrImport({ store, clock, newId }: Ports): QrImport {
  const [session, setSession] = useState<QrScanSession>(EMPTY_QR_SCAN_SESSION);
  const [choosing, setChoosing] = useState<QrImport['choosing']>();
  const [found, setFound] = useState('');
  const [notes, setNotes] = useState<readonly TakeNote[]>([]);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [bind, setBind] = useState<ReadonlySet<string>>(new Set());

  // The latest session and sites to bind, for a scan that ends after other renders (its caller holds an older `take`).
  const latest = useRef(session);
  latest.current = session;
  const latestBind = useRef(bind);
  latestBind.current = bind;

  const setBindNow = (next: ReadonlySet<string>): void => {
    latestBind.current = next;
    setBind(next);
  };

  const takeNow = (codes: readonly FoundCode[], page: ScanSiteOffer | undefined): void => {
    const before = latest.current;
    const taken = takeCodes(before, codes, page);
    latest.current = taken.session;
    setSession(taken.session);
    setNotes(taken.notes);
    // The scan's site, when this take first offers it, starts checked if it is https; one offered before keeps the
    // user's choice.
    if (page?.kind === 'site' && page.bindByDefault && !offersSite(before, page.site) && offersSite(taken.session, page.site)) {
      setBindNow(new Set([...latestBind.current, page.site]));
    }
  };

  const clearSession = (): void => {
    latest.current = EMPTY_QR_SCAN_SESSION;
    setSession(EMPTY_QR_SCAN_SESSION);
    setBindNow(new Set());
  };

  return {
    session,
    choosing,
    found,
    notes,
    problem,
    status,
    busy,
    bind,
    toggleBind: (site) => {
      const next = new Set(latestBind.current);
      if (!next.delete(site)) next.add(site);
      setBindNow(next);
    },
    start: () => {
      setProblem('');
      setStatus('');
      setFound('');
      setNotes([]);
    },
    take: (outcome, source) => {
      setChoosing(undefined);
      if (outcome.kind === 'too-large') {
        setProblem(t('scanImageTooLarge', Math.round(outcome.size / 1024 / 1024)));
        return;
      }
      if (outcome.kind === 'failed') {
        setProblem(describeScanFailure(outcome.error));
        return;
      }
      const accounts = outcome.codes.filter(({ code }) => isAccountCode(code));
      const others = outcome.codes.filter(({ code }) => !isAccountCode(code)).map(({ code }) => describeScannedCode(code));
      if (outcome.codes.length === 0) setFound(source === 'tab' ? t('scanNoneInTab') : t('scanNoneInImage'));
      else if (accounts.length === 0) setFound(t('scanNoAccount', others.join('; ')));
      else if (others.length > 0) setFound(t('scanAlsoFound', others.join('; ')));
      if (accounts.length === 1) takeNow(accounts, outcome.page);
      else if (accounts.length > 1) setChoosing({ codes: accounts, chosen: new Set(accounts.keys()), page: outcome.page });
    },
    toggle: (index) => {
      setChoosing((current) => {
        if (current === undefined) return current;
        const chosen = new Set(current.chosen);
        if (!chosen.delete(index)) chosen.add(index);
        return { ...current, chosen };
      });
    },
    confirmChoice: () => {
      if (choosing === undefined) return;
      takeNow(choosing.codes.filter((_, index) => choosing.chosen.has(index)), choosing.page);
      setChoosing(undefined);
    },
    add: async () => {
      setProblem('');
      setBusy(true);
      try {
        const result = await commitImport(sessionEntries(latest.current, latestBind.current), { store, clock, newId });
        if (result.kind === 'save-failed') {
          setProblem(t('saveFailed', describeError(result.error)));
          return;
        }
        clearSession();
        setNotes([]);
        setFound('');
        setStatus(describeImportDone(result));
      } finally {
        setBusy(false);
      }
    },
    cancel: () => {
      clearSession();
      setChoosing(undefined);
      setNotes([]);
      setFound('');
      setProblem('');
      setStatus(t('importCancelled'));
    },
  };
}

/** Whether the session's preview offers to bind its accounts to `site` (scannedPages). */
function offersSite(session: QrScanSession, site: string): boolean {
  return scannedPages(session).some((page) => page.kind === 'site' && page.site === site);
}
