import { beforeEach, describe, expect, it } from 'vitest';
import { offsetClock } from '../../src/core/clock-offset.ts';
import type { Account } from '../../src/core/vault.ts';
import type { FillRequest } from '../../src/inject/fill-request.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import type { ActionStatus } from '../../src/platform/action-status.ts';
import type { FillTarget, FrameFill, FrameProbe, PageFill } from '../../src/platform/page-fill.ts';
import { pendingFillItem } from '../../src/platform/pending-fill-item.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { createCodeFiller, INJECT_TIMEOUT_MS, PENDING_FILL_TTL_MS, type CodeFillerPorts, type FillResult } from '../../src/services/code-filler.ts';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { fakeClock, type FakeClock } from '../support/fake-clock.ts';
import { base32Bytes, hotpCode, totpCode } from '../support/independent-otp.ts';

// The one use-case behind the keyboard command, the context menu, the popup's Fill and the chooser, over the real
// account store (in-memory browser) and a fake page. Codes are checked against test/support/independent-otp.ts.

/** A whole minute: a step boundary for 30 s and 60 s periods. 10 s in, so a 30 s code has 20 s left. */
const T0 = 1_700_000_040_000;
const NOW = T0 + 10_000;
const TAB = 7;
const SITE = 'https://login.example.com';
const LOOK_ALIKE = 'https://login.examp1e.com';

const BOUND = account('a1', { sites: [SITE] });
const OTHER = account('a2', { sites: ['https://github.com'] });
const HOTP = account('h3', { type: 'hotp', counter: 41 });
const SHORT = account('s4', { period: 6 });

const store = () => createAccountStore();
const seed = (accounts: readonly Account[]) => store().update((vault) => ({ vault: { ...vault, accounts }, result: undefined }));
const stored = async (id: string): Promise<Account | undefined> => (await store().load()).accounts.find((a) => a.id === id);

const totpOf = (a: Account, ms: number): string => totpCode(base32Bytes(a.secret), ms, { period: a.period, digits: a.digits, algorithm: a.algorithm });
const hotpOf = (a: Account, counter: number): string => hotpCode(base32Bytes(a.secret), counter, a.digits, a.algorithm);

/** A page that answers each fill with the next of `answers` (the last one repeats), recording what it was sent. */
interface FakePage extends PageFill {
  readonly fills: { target: FillTarget; request: FillRequest }[];
  readonly probes: number[];
}

function fakePage(answers: readonly (FrameFill | 'never')[], frames: readonly FrameProbe[] = [], onFill: () => Promise<void> = () => Promise.resolve()): FakePage {
  const fills: FakePage['fills'] = [];
  const probes: number[] = [];
  return {
    fills,
    probes,
    async fill(target, request) {
      fills.push({ target, request });
      await onFill();
      const answer = answers[Math.min(fills.length - 1, answers.length - 1)] ?? { kind: 'no-field' };
      return answer === 'never' ? new Promise<FrameFill>(() => undefined) : answer;
    },
    probe(tabId) {
      probes.push(tabId);
      return Promise.resolve(frames);
    },
  };
}

const FILLED: FrameFill = { kind: 'filled', field: 'single', focus: 'field', submitted: false, valueMatches: true };

interface Harness {
  readonly ports: CodeFillerPorts;
  readonly clock: FakeClock;
  readonly statuses: ActionStatus[];
  readonly copied: string[];
  readonly choosers: string[];
}

/**
 * Ports around `page`: the tab is at `url`; `sleep` follows the fake clock, except the inject timeout, which never
 * ends unless `timeouts` says so.
 */
function harness(page: PageFill, options: { url?: string | undefined; offsetSeconds?: number; timeouts?: boolean; copyFails?: boolean; clearsAfterMs?: number; now?: number } = {}): Harness {
  const clock = fakeClock(options.now ?? NOW);
  const statuses: ActionStatus[] = [];
  const copied: string[] = [];
  const choosers: string[] = [];
  let ids = 0;
  const url = 'url' in options ? options.url : `${SITE}/mfa`;
  const ports: CodeFillerPorts = {
    store: store(),
    page,
    tabUrl: (tabId) => Promise.resolve(tabId === TAB ? url : undefined),
    codeClock: () => Promise.resolve(offsetClock(clock.now, options.offsetSeconds ?? 0)),
    pageNow: clock.now,
    sleep: (ms) => (ms === INJECT_TIMEOUT_MS ? (options.timeouts === true ? Promise.resolve() : new Promise<void>(() => undefined)) : clock.sleep(ms)),
    copy: (text) => {
      if (options.copyFails === true) return Promise.reject(new Error('clipboard refused'));
      copied.push(text);
      return Promise.resolve(options.clearsAfterMs);
    },
    status: (_tab, status) => {
      statuses.push(status);
      return Promise.resolve();
    },
    openChooser: (id) => {
      choosers.push(id);
      return Promise.resolve();
    },
    pending: pendingFillItem,
    newId: () => `pending-${++ids}`,
  };
  return { ports, clock, statuses, copied, choosers };
}

beforeEach(async () => {
  await resetFakeBrowser();
  await seed([BOUND, OTHER, HOTP, SHORT]);
});

describe('the keyboard command and the context menu', () => {
  it('fill at once on a page whose origin is exactly one account’s site', async () => {
    const page = fakePage([FILLED]);
    const h = harness(page);
    expect(await createCodeFiller(h.ports).fromShortcut({ tabId: TAB, useFocusedField: false })).toEqual<FillResult>({ kind: 'filled', accountId: 'a1', frameId: 0 });
    expect(page.fills).toEqual([{ target: { tabId: TAB, frameId: 0 }, request: { code: totpOf(BOUND, NOW), submit: false, notAfter: NOW + INJECT_TIMEOUT_MS } }]);
    expect(h.statuses).toEqual([{ kind: 'filled' }]);
    expect(h.copied).toEqual([]);
  });

  it.each<[string, Partial<Account>, boolean]>([
    ['an account that submits after filling asks the page to submit', { submitAfterFill: true }, true],
    ['an account with it off does not', { submitAfterFill: false }, false],
  ])('%s', async (_, flag, submit) => {
    await seed([{ ...BOUND, ...flag }, OTHER]);
    const page = fakePage([{ ...FILLED, focus: 'submit', submitted: submit }]);
    const h = harness(page);
    expect(await createCodeFiller(h.ports).fromShortcut({ tabId: TAB, useFocusedField: false })).toEqual<FillResult>({ kind: 'filled', accountId: 'a1', frameId: 0 });
    expect(page.fills.map((f) => f.request.submit)).toEqual([submit]);
  });

  it('the context menu fills the frame pointed at, taking the focused field, and probes no other', async () => {
    const page = fakePage([{ kind: 'no-field' }], [{ frameId: 4, probe: { kind: 'single', score: 175 } }]);
    const h = harness(page);
    const result = await createCodeFiller(h.ports).fromShortcut({ tabId: TAB, frameId: 3, useFocusedField: true });
    expect(result).toEqual<FillResult>({ kind: 'copied', accountId: 'a1', reason: 'no-field' });
    expect(page.fills.map((f) => [f.target.frameId, f.request.useFocusedField])).toEqual([[3, true]]);
    expect(page.probes).toEqual([]);
    expect(h.copied).toEqual([totpOf(BOUND, NOW)]);
  });

  it.each<[string, string | undefined, readonly Account[], 'none' | 'several']>([
    ['a look-alike of a bound site', `${LOOK_ALIKE}/mfa`, [BOUND, OTHER], 'none'],
    ['another port of a bound site', 'https://login.example.com:8443/', [BOUND], 'none'],
    ['plain http of a bound site', 'http://login.example.com/', [BOUND], 'none'],
    ['a subdomain of a bound site', 'https://a.login.example.com/', [BOUND], 'none'],
    ['a site no account has', 'https://news.example.org/', [BOUND, OTHER], 'none'],
    ['a site two accounts have', `${SITE}/`, [BOUND, account('a5', { sites: [SITE] })], 'several'],
  ])('never fill silently on %s: the chooser opens, no code is computed', async (_, url, accounts, reason) => {
    await seed(accounts);
    const page = fakePage([FILLED]);
    const h = harness(page, { url });
    const result = await createCodeFiller(h.ports).fromShortcut({ tabId: TAB, useFocusedField: false });
    expect(result).toEqual<FillResult>({ kind: 'chooser', pendingId: 'pending-1', reason });
    expect(page.fills).toEqual([]);
    expect(h.choosers).toEqual(['pending-1']);
    expect(h.statuses).toEqual([{ kind: 'choose' }]);
    expect(await pendingFillItem.get()).toEqual({ id: 'pending-1', tabId: TAB, origin: new URL(url ?? '').origin, useFocusedField: false, createdAt: NOW });
  });

  it('a locked vault opens the chooser, which asks for the master password first', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    const page = fakePage([FILLED]);
    const h = harness(page);
    expect(await createCodeFiller(h.ports).fromShortcut({ tabId: TAB, frameId: 2, useFocusedField: true })).toEqual<FillResult>({ kind: 'chooser', pendingId: 'pending-1', reason: 'locked' });
    expect(await pendingFillItem.get()).toMatchObject({ frameId: 2, useFocusedField: true });
    expect(page.fills).toEqual([]);
  });

  it.each<[string, string | undefined]>([
    ['a chrome:// page', 'chrome://settings/'],
    ['a file', 'file:///home/alice/login.html'],
    ['a tab whose URL Keystep may not see', undefined],
  ])('do nothing on %s but say so', async (_, url) => {
    const page = fakePage([FILLED]);
    const h = harness(page, { url });
    expect(await createCodeFiller(h.ports).fromShortcut({ tabId: TAB, useFocusedField: false })).toEqual({ kind: 'unavailable' });
    expect(page.fills).toEqual([]);
    expect(h.choosers).toEqual([]);
    expect(h.statuses).toEqual([{ kind: 'unavailable' }]);
  });
});

describe('filling, whatever the trigger', () => {
  it('an HOTP account: the counter is saved before the code leaves Keystep, and each fill uses the next one', async () => {
    const countersSeen: (number | undefined)[] = [];
    const page = fakePage([FILLED], [], async () => {
      countersSeen.push((await stored('h3'))?.counter);
    });
    const filler = createCodeFiller(harness(page).ports);
    await filler.forAccount(TAB, 'h3');
    await filler.forAccount(TAB, 'h3');
    expect(page.fills.map((f) => f.request.code)).toEqual([hotpOf(HOTP, 41), hotpOf(HOTP, 42)]);
    expect(countersSeen).toEqual([42, 43]);
    expect((await stored('h3'))?.counter).toBe(43);
  });

  it('an HOTP account whose counter cannot be saved is not filled (no code is used twice)', async () => {
    const page = fakePage([FILLED]);
    const h = harness(page);
    fakeBrowser.storage.local.failNextSets = 1;
    const result = await createCodeFiller(h.ports).forAccount(TAB, 'h3');
    expect(result.kind === 'failed' && String(result.error)).toMatch(/quota/i);
    expect(page.fills).toEqual([]);
    expect(h.copied).toEqual([]);
    expect(h.statuses).toEqual([{ kind: 'failed' }]);
    expect((await stored('h3'))?.counter).toBe(41);
  });

  it.each<[string, Account, number, number, number | undefined]>([
    ['30 s, 3 s left: fills now', BOUND, T0 + 27_000, T0 + 27_000, undefined],
    ['30 s, 2.5 s left: waits for the next period and fills its code', BOUND, T0 + 27_500, T0 + 30_000, 3],
    ['30 s, 1 ms left', BOUND, T0 + 29_999, T0 + 30_000, 1],
    ['6 s period, 1 s left: fills now (waiting would cost most of it)', SHORT, T0 + 5_000, T0 + 5_000, undefined],
  ])('TOTP %s', async (_, which, now, codeAt, waitedSeconds) => {
    const page = fakePage([FILLED]);
    const h = harness(page, { now });
    expect(await createCodeFiller(h.ports).forAccount(TAB, which.id)).toMatchObject({ kind: 'filled' });
    expect(page.fills.map((f) => f.request.code)).toEqual([totpOf(which, codeAt)]);
    expect(h.statuses).toEqual(waitedSeconds === undefined ? [{ kind: 'filled' }] : [{ kind: 'waiting', seconds: waitedSeconds }, { kind: 'filled' }]);
    expect(h.clock.sleeps).toEqual(waitedSeconds === undefined ? [] : [codeAt - now]);
    // The page's deadline is set when the code is sent, after any wait.
    expect(page.fills[0]?.request.notAfter).toBe(codeAt + INJECT_TIMEOUT_MS);
  });

  it('applies the clock offset to the code, not to the page’s deadline', async () => {
    const page = fakePage([FILLED]);
    await createCodeFiller(harness(page, { offsetSeconds: 90 }).ports).forAccount(TAB, 'a1');
    expect(page.fills[0]?.request).toEqual({ code: totpOf(BOUND, NOW + 90_000), submit: false, notAfter: NOW + INJECT_TIMEOUT_MS });
    expect(totpOf(BOUND, NOW + 90_000)).not.toBe(totpOf(BOUND, NOW));
  });

  it('no field in the top frame: probes the frames and fills the one surest of its field', async () => {
    const frames: FrameProbe[] = [
      { frameId: 0, probe: { kind: 'none' } },
      { frameId: 5, probe: { kind: 'single', score: 60 } },
      { frameId: 6, probe: { kind: 'segmented', score: 175 } },
      { frameId: 8, probe: { kind: 'not-installed' } },
    ];
    const page = fakePage([{ kind: 'no-field' }, FILLED], frames);
    const h = harness(page);
    expect(await createCodeFiller(h.ports).forAccount(TAB, 'a1')).toEqual<FillResult>({ kind: 'filled', accountId: 'a1', frameId: 6 });
    expect(page.fills.map((f) => f.target.frameId)).toEqual([0, 6]);
    expect(page.probes).toEqual([TAB]);
  });

  it.each<[string, readonly (FrameFill | 'never')[], boolean, 'no-field' | 'not-kept' | 'refused' | 'timeout']>([
    ['no field anywhere', [{ kind: 'no-field' }], false, 'no-field'],
    ['the field did not keep the code', [{ ...FILLED, valueMatches: false }], false, 'not-kept'],
    ['Chrome refused the page', [{ kind: 'refused' }], false, 'refused'],
    ['the page threw', [{ kind: 'failed' }], false, 'refused'],
    ['the page navigated between the two calls', [{ kind: 'not-installed' }], false, 'refused'],
    ['the page held the injection (window.prompt)', ['never'], true, 'timeout'],
  ])('copies the code when %s, and says so', async (_, answers, timeouts, reason) => {
    const page = fakePage(answers);
    const h = harness(page, { timeouts });
    expect(await createCodeFiller(h.ports).forAccount(TAB, 'a1')).toEqual<FillResult>({ kind: 'copied', accountId: 'a1', reason });
    expect(h.copied).toEqual([totpOf(BOUND, NOW)]);
    expect(h.statuses).toEqual([{ kind: 'copied', clearedInSeconds: undefined }]);
  });

  it('says when the copied code leaves the clipboard, when Keystep clears it', async () => {
    const h = harness(fakePage([{ kind: 'no-field' }]), { clearsAfterMs: 30_000 });
    expect(await createCodeFiller(h.ports).forAccount(TAB, 'a1')).toMatchObject({ kind: 'copied', reason: 'no-field' });
    expect(h.statuses).toEqual([{ kind: 'copied', clearedInSeconds: 30 }]);
  });

  it('says it failed when the clipboard refuses too', async () => {
    const h = harness(fakePage([{ kind: 'no-field' }]), { copyFails: true });
    expect(await createCodeFiller(h.ports).forAccount(TAB, 'a1')).toMatchObject({ kind: 'failed', error: { message: 'clipboard refused' } });
    expect(h.statuses).toEqual([{ kind: 'failed' }]);
  });

  it('the popup fills the account the user chose, on any page, with no site check', async () => {
    const page = fakePage([FILLED]);
    const h = harness(page, { url: `${LOOK_ALIKE}/` });
    expect(await createCodeFiller(h.ports).forAccount(TAB, 'a2')).toMatchObject({ kind: 'filled', accountId: 'a2' });
    expect(h.choosers).toEqual([]);
  });

  it.each<[string, string | undefined, string, FillResult]>([
    ['a chrome:// page', 'chrome://newtab/', 'a1', { kind: 'unavailable' }],
    ['an account deleted meanwhile', `${SITE}/`, 'gone', { kind: 'gone' }],
  ])('the popup does nothing on %s', async (_, url, id, result) => {
    const page = fakePage([FILLED]);
    expect(await createCodeFiller(harness(page, { url }).ports).forAccount(TAB, id)).toEqual(result);
    expect(page.fills).toEqual([]);
  });
});

describe('the chooser’s pick', () => {
  /** The command on the look-alike, then the filler of the pick, with the tab at `urlAtPick`. */
  async function pendingOnLookAlike(urlAtPick = `${LOOK_ALIKE}/mfa`, atPick = NOW + 5_000) {
    const first = harness(fakePage([FILLED]), { url: `${LOOK_ALIKE}/mfa` });
    const result = await createCodeFiller(first.ports).fromShortcut({ tabId: TAB, useFocusedField: false });
    if (result.kind !== 'chooser') throw new Error('expected the chooser');
    const page = fakePage([FILLED]);
    const h = harness(page, { url: urlAtPick, now: atPick });
    return { pendingId: result.pendingId, page, h, filler: createCodeFiller(h.ports) };
  }

  it('fills the picked account, and binds nothing unless asked', async () => {
    const { pendingId, page, filler } = await pendingOnLookAlike();
    expect(await filler.forPending(pendingId, 'a1', false)).toMatchObject({ kind: 'filled', accountId: 'a1' });
    expect(page.fills.map((f) => f.request.code)).toEqual([totpOf(BOUND, NOW + 5_000)]);
    expect((await stored('a1'))?.sites).toEqual([SITE]);
    expect(await pendingFillItem.get()).toBeUndefined();
    // A second pick of the same pending fill does nothing.
    expect(await filler.forPending(pendingId, 'a1', false)).toEqual({ kind: 'gone' });
  });

  it('binds the page’s origin to the account when the user ticks “remember”', async () => {
    const { pendingId, filler } = await pendingOnLookAlike();
    expect(await filler.forPending(pendingId, 'a1', true)).toMatchObject({ kind: 'filled' });
    expect((await stored('a1'))?.sites).toEqual([SITE, LOOK_ALIKE]);
  });

  it.each<[string, string, number, string, FillResult]>([
    ['the tab went to another origin', 'https://elsewhere.example/', NOW + 5_000, 'pending-1', { kind: 'origin-changed' }],
    ['the pick came after a minute', `${LOOK_ALIKE}/mfa`, NOW + PENDING_FILL_TTL_MS + 1, 'pending-1', { kind: 'gone' }],
    ['the pick names another pending fill', `${LOOK_ALIKE}/mfa`, NOW + 5_000, 'pending-9', { kind: 'gone' }],
  ])('fills nothing when %s', async (_, url, at, id, expected) => {
    const { page, filler } = await pendingOnLookAlike(url, at);
    expect(await filler.forPending(id, 'a1', true)).toEqual(expected);
    expect(page.fills).toEqual([]);
    expect((await stored('a1'))?.sites).toEqual([SITE]);
  });
});
