import { fillStep } from '../core/fill-step.ts';
import { otpGenerator } from '../core/otp.ts';
import type { OtpHmac } from '../core/otp-hmac.ts';
import { matchSite } from '../core/site-match.ts';
import { pageOrigin } from '../core/page-origin.ts';
import { SiteOriginError } from '../core/site-origin-error.ts';
import { standardHmac } from '../core/standard-hmac.ts';
import type { Account } from '../core/vault.ts';
import { addSite } from '../core/site-edits.ts';
import { AccountNotFoundError, advanceCounter } from '../core/vault-edits.ts';
import type { FillRequest } from '../inject/fill-request.ts';
import type { AccountStore } from '../platform/account-store.ts';
import type { ActionStatus } from '../platform/action-status.ts';
import type { FrameFill, PageFill } from '../platform/page-fill.ts';
import type { PendingFill } from '../platform/pending-fill-item.ts';
import type { StorageItem } from '../platform/storage-item.ts';
import { VaultLockedError } from '../platform/vault-locked-error.ts';

/** How long Keystep waits for a page to take the code before copying it instead (a page showing window.prompt holds the injection). */
export const INJECT_TIMEOUT_MS = 1500;
/** How long a fill waits in the chooser for the user's pick. */
export const PENDING_FILL_TTL_MS = 60_000;

/** What the code filler runs on; the service worker passes the real ones (src/background.ts), tests fakes. */
export interface CodeFillerPorts {
  readonly store: Pick<AccountStore, 'load' | 'update'>;
  readonly page: PageFill;
  /** The tab's URL when Keystep may see it (see platform/tab-url.ts). */
  readonly tabUrl: (tabId: number) => Promise<string | undefined>;
  /** The clock codes are computed with, the user's clock offset applied; read at each fill, ms since the epoch. */
  readonly codeClock: () => Promise<() => number>;
  /** The computer's own clock, as the page reads it: for the request's notAfter, and the pending fill's age. */
  readonly pageNow: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /**
   * Writes the clipboard (from the service worker: through the offscreen document); resolves with the ms until Keystep
   * clears it again (services/copy-with-clearing.ts), undefined when it will not.
   */
  readonly copy: (text: string) => Promise<number | undefined>;
  /** Says on the tab's toolbar button what happened (see platform/action-status.ts). */
  readonly status: (tabId: number, status: ActionStatus) => Promise<void>;
  /** Opens the chooser for the pending fill with this id. */
  readonly openChooser: (pendingId: string) => Promise<void>;
  readonly pending: Pick<StorageItem<PendingFill | undefined>, 'get' | 'set' | 'remove'>;
  /** A fresh random id per call (crypto.randomUUID at the edge). */
  readonly newId: () => string;
  /** Using Keystep restarts the auto-lock countdown of a protected vault. */
  readonly touch?: () => Promise<void>;
  /** Default standardHmac (SHA1, SHA256, SHA512). */
  readonly hmac?: OtpHmac;
}

/** How a fill ended. The page never learns anything but the code; these are for the caller and the tests. */
export type FillResult =
  /** The code is in the page's field (read back equal). */
  | { readonly kind: 'filled'; readonly accountId: string; readonly frameId: number }
  /** The code was copied instead: no field took it (`no-field`), the field did not keep it, Chrome refused, or the page held the injection past the timeout. */
  | { readonly kind: 'copied'; readonly accountId: string; readonly reason: 'no-field' | 'not-kept' | 'refused' | 'timeout' }
  /** Not filled without asking: the chooser is open (no account has this exact site, several have, or the vault is locked). */
  | { readonly kind: 'chooser'; readonly pendingId: string; readonly reason: 'none' | 'several' | 'locked' }
  /** Not a page Keystep can fill (chrome://, the Web Store, file:), or the grant is gone: nothing done. */
  | { readonly kind: 'unavailable' }
  /** The account, or the pending fill, is gone (deleted meanwhile; the chooser waited too long). */
  | { readonly kind: 'gone' }
  /** The tab is on another origin than when the user was asked: nothing filled. */
  | { readonly kind: 'origin-changed' }
  /** The vault could not be read or written (locked, storage error), or the clipboard refused: nothing filled. */
  | { readonly kind: 'failed'; readonly error: unknown };

/** Where a fill goes: a tab, one frame of it when the user pointed at a field, the top frame first otherwise. */
interface FillTarget {
  readonly tabId: number;
  readonly frameId: number | undefined;
  readonly useFocusedField: boolean;
}

export interface CodeFiller {
  /**
   * The keyboard command (frameId undefined, useFocusedField false) and the context menu on an editable field
   * (its frame, useFocusedField true): fills at once only when the page's origin is exactly one account's site;
   * otherwise stores a pending fill and opens the chooser.
   */
  fromShortcut(trigger: { readonly tabId: number; readonly frameId?: number; readonly useFocusedField: boolean }): Promise<FillResult>;
  /** The popup's Fill on an account's row: the user chose the account, so there is no site check. */
  forAccount(tabId: number, accountId: string): Promise<FillResult>;
  /** The chooser's pick: fills the pending fill with the account, after binding the page's origin to it when `remember`. */
  forPending(pendingId: string, accountId: string, remember: boolean): Promise<FillResult>;
}

/** The outcome counts as filled only when the page kept the code. */
const filled = (outcome: FrameFill): boolean => outcome.kind === 'filled' && outcome.valueMatches;

/**
 * Filling the active tab's one-time-code field, the one use-case behind the keyboard command, the context menu,
 * the popup's Fill and the chooser (docs/fill-design.md). A code is computed only for the account that fills, just
 * before it is sent; an HOTP counter is saved before its code leaves Keystep (no code is ever filled twice); a TOTP
 * code with under 3 s left waits for the next one (core/fill-step.ts). What does not land in a field is copied.
 * Every outcome is a value; nothing throws.
 */
export function createCodeFiller(ports: CodeFillerPorts): CodeFiller {
  const { store, page, status, pageNow, sleep } = ports;
  const hmac = ports.hmac ?? standardHmac;

  /** `work`, or 'timeout' after INJECT_TIMEOUT_MS (the page may hold it: window.prompt). */
  const withTimeout = <T>(work: Promise<T>): Promise<T | 'timeout'> => Promise.race([work, sleep(INJECT_TIMEOUT_MS).then(() => 'timeout' as const)]);

  /** The code to fill for `account`, the HOTP counter saved first; undefined when the vault write failed (reported). */
  const codeFor = async (tabId: number, account: Account): Promise<{ code: string } | FillResult> => {
    const generate = otpGenerator(account, hmac);
    if (account.type === 'hotp') {
      // The counter of the code sent is the one stored under the lock (another page may have moved it on).
      const counter = await store.update((vault) => {
        const current = vault.accounts.find((a) => a.id === account.id);
        if (!current) throw new AccountNotFoundError(account.id);
        return { vault: advanceCounter(vault, account.id).vault, result: current.counter };
      });
      return { code: generate(counter) };
    }
    const clock = await ports.codeClock();
    const step = fillStep(account, clock());
    if (step.kind === 'wait') {
      const ms = Math.max(0, step.at - clock());
      await status(tabId, { kind: 'waiting', seconds: Math.ceil(ms / 1000) });
      await sleep(ms);
    }
    return { code: generate(step.step) };
  };

  /**
   * Sends the code to the target's frame, or to the top frame and then, if it has no field, to the best other frame.
   * `submit`: the account's choice (Account.submitAfterFill); the page submits only a form with one obvious way to.
   */
  const send = async (target: FillTarget, code: string, submit: boolean): Promise<{ outcome: FrameFill | 'timeout'; frameId: number }> => {
    const request = (): FillRequest => ({ code, submit, notAfter: pageNow() + INJECT_TIMEOUT_MS, ...(target.useFocusedField ? { useFocusedField: true } : {}) });
    const frameId = target.frameId ?? 0;
    const first = await withTimeout(page.fill({ tabId: target.tabId, frameId }, request()));
    if (target.frameId !== undefined || first === 'timeout' || first.kind !== 'no-field') return { outcome: first, frameId };
    // No field in the top frame: ask every frame Chrome lets Keystep script (no code sent), fill the one that is surest.
    const probes = await withTimeout(page.probe(target.tabId, code.length));
    if (probes === 'timeout') return { outcome: first, frameId };
    let best: { frameId: number; score: number } | undefined;
    for (const { frameId: id, probe } of probes) {
      if (id !== 0 && (probe.kind === 'single' || probe.kind === 'segmented') && probe.score > (best?.score ?? -1)) best = { frameId: id, score: probe.score };
    }
    if (best === undefined) return { outcome: first, frameId };
    return { outcome: await withTimeout(page.fill({ tabId: target.tabId, frameId: best.frameId }, request())), frameId: best.frameId };
  };

  const fillAccount = async (target: FillTarget, accountId: string): Promise<FillResult> => {
    const { tabId } = target;
    try {
      const snapshot = await store.load();
      const account = snapshot.accounts.find((a) => a.id === accountId);
      if (!account) return { kind: 'gone' };
      const code = await codeFor(tabId, account);
      if (!('code' in code)) return code;
      const { outcome, frameId } = await send(target, code.code, account.submitAfterFill === true);
      if (snapshot.encrypted) await ports.touch?.().catch(() => undefined);
      if (outcome !== 'timeout' && filled(outcome)) {
        await status(tabId, { kind: 'filled' });
        return { kind: 'filled', accountId, frameId };
      }
      const clearsAfterMs = await ports.copy(code.code);
      await status(tabId, { kind: 'copied', clearedInSeconds: clearsAfterMs === undefined ? undefined : Math.round(clearsAfterMs / 1000) });
      const reason = outcome === 'timeout' ? 'timeout' : outcome.kind === 'filled' ? 'not-kept' : outcome.kind === 'no-field' ? 'no-field' : 'refused';
      return { kind: 'copied', accountId, reason };
    } catch (error) {
      if (error instanceof AccountNotFoundError) return { kind: 'gone' };
      await status(tabId, { kind: 'failed' });
      return { kind: 'failed', error };
    }
  };

  const originOf = async (tabId: number): Promise<string | undefined> => pageOrigin(await ports.tabUrl(tabId));

  return {
    async fromShortcut({ tabId, frameId, useFocusedField }) {
      const origin = await originOf(tabId);
      if (origin === undefined) {
        await status(tabId, { kind: 'unavailable' });
        return { kind: 'unavailable' };
      }
      let reason: 'none' | 'several' | 'locked';
      try {
        const match = matchSite((await store.load()).accounts, origin);
        if (match.kind === 'one') return await fillAccount({ tabId, frameId, useFocusedField }, match.account.id);
        reason = match.kind;
      } catch (error) {
        if (!(error instanceof VaultLockedError)) {
          await status(tabId, { kind: 'failed' });
          return { kind: 'failed', error };
        }
        // The chooser is the popup: it asks for the master password first.
        reason = 'locked';
      }
      const pending: PendingFill = { id: ports.newId(), tabId, ...(frameId === undefined ? {} : { frameId }), origin, useFocusedField, createdAt: pageNow() };
      try {
        await ports.pending.set(pending);
        await status(tabId, { kind: 'choose' });
        await ports.openChooser(pending.id);
      } catch (error) {
        await status(tabId, { kind: 'failed' });
        return { kind: 'failed', error };
      }
      return { kind: 'chooser', pendingId: pending.id, reason };
    },

    async forAccount(tabId, accountId) {
      if ((await originOf(tabId)) === undefined) {
        await status(tabId, { kind: 'unavailable' });
        return { kind: 'unavailable' };
      }
      return fillAccount({ tabId, frameId: undefined, useFocusedField: false }, accountId);
    },

    async forPending(pendingId, accountId, remember) {
      const pending = await ports.pending.get();
      if (pending?.id !== pendingId || pageNow() - pending.createdAt > PENDING_FILL_TTL_MS) return { kind: 'gone' };
      await ports.pending.remove();
      // The grant and the user's answer were for that origin: a tab that moved on gets nothing.
      if ((await originOf(pending.tabId)) !== pending.origin) {
        await status(pending.tabId, { kind: 'origin-changed' });
        return { kind: 'origin-changed' };
      }
      if (remember) {
        try {
          await store.update((vault) => ({ vault: addSite(vault, accountId, pending.origin), result: undefined }));
        } catch (error) {
          // A page on plain http elsewhere than this computer is not bound (the chooser does not offer it); fill anyway.
          if (error instanceof AccountNotFoundError) return { kind: 'gone' };
          if (!(error instanceof SiteOriginError)) {
            await status(pending.tabId, { kind: 'failed' });
            return { kind: 'failed', error };
          }
        }
      }
      return fillAccount({ tabId: pending.tabId, frameId: pending.frameId, useFocusedField: pending.useFocusedField }, accountId);
    },
  };
}
