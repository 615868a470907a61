import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { createClipboardReader } from '../support/clipboard-reader.ts';
import { storedAccountsIn } from '../support/stored-accounts.ts';
import { copyButtonName } from '../support/copy-button-name.ts';
import { startFillHarness, type FillHarness } from '../support/fill-e2e.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';

// The clipboard cleared 30 s after a copy, in the built extension: the service worker's alarm writes an empty text
// through the offscreen document. Waiting is real time, so the three cases share one wait: three browsers (each with
// its own clipboard) copy within a few seconds of each other, then the test waits once.
// - on: the popup's copy (clearing on, the default) is cleared, and not before 30 s;
// - fill: the fill's copy, when no field takes the code, is cleared too;
// - off: with the setting turned off in the options page, the popup's copy stays.

const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const CLEAR_MS = 30_000;
/** Longest wait for a clear: its 30 s, Chrome's alarm polling (up to about 30 s late), and a slow machine. */
const CLEAR_WAIT_MS = 75_000;

type Reader = Awaited<ReturnType<typeof createClipboardReader>>;

/** What the tests call in the service worker (no @types/chrome in this project). */
interface WorkerGlobal {
  readonly chrome: {
    readonly alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  };
  /** The service worker's fill handlers (src/background.ts); `message` is what the popup's Fill sends. */
  readonly keystepFillTriggers: { message(message: { type: 'keystep-fill-account'; tabId: number; accountId: string }): Promise<unknown> };
}
const CLEAR_ALARM = 'keystep-clear-clipboard';

interface Copy {
  readonly reader: Reader;
  /** Date.now() before the click: the clear is due no sooner than 30 s after this. */
  readonly startedAt: number;
  readonly code: string;
}

let on: LoadedExtension;
let off: LoadedExtension;
let fill: FillHarness;
const copies: Partial<Record<'on' | 'off' | 'fill', Copy>> = {};
/** Every browser launched, closed after the tests even when another failed to start. */
const started: { close(): Promise<void> }[] = [];

/** Launches one browser with the account; `setup` runs in it after. */
async function browserWithAccount<T extends LoadedExtension | FillHarness>(launch: () => Promise<T>, setup: (it: T) => Promise<void> = () => Promise.resolve()): Promise<T> {
  const launched = await launch();
  started.push(launched);
  await addAccountsViaOptions('ext' in launched ? launched.ext : launched, [GITHUB]);
  await setup(launched);
  return launched;
}

/** Turns clearing off as a user would: options page, Security, the clipboard checkbox. */
async function turnClearingOff(ext: LoadedExtension): Promise<void> {
  const options = await ext.openOptions('#security');
  const box = options.getByRole('checkbox', { name: 'Clear the clipboard 30 s after copying a code' });
  // Disabled until the setting is read: uncheck() waits for it.
  await box.uncheck();
  await options.getByRole('status').filter({ hasText: 'Clipboard setting saved.' }).waitFor();
  expect(await box.isChecked()).toBe(false);
  await options.close();
}

/** Clicks the account's code in a popup tab; returns the copy once the popup's status says `status`. */
async function copyFromPopup(ext: LoadedExtension, status: string): Promise<Copy> {
  const reader = await createClipboardReader(ext.context);
  const popup = await ext.openPopup();
  const button = popup.getByRole('button', { name: copyButtonName('GitHub (alice)') });
  // Named with its code once the code is computed.
  await expect.poll(async () => (await button.getAttribute('aria-label')) ?? '').toMatch(/, [\d ]+(?:, Next [\d ]+)?\. Copy$/);
  await popup.bringToFront();
  const startedAt = Date.now();
  const shown = codeFromName((await button.getAttribute('aria-label')) ?? '');
  await button.click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe(status);
  const code = await reader.read();
  expect([shown, independentTotp(GITHUB, Date.now())]).toContain(code);
  // The popup closes: the clear does not depend on it.
  await popup.close();
  return { reader, startedAt, code };
}

/** Polls the clipboard until it is empty; every read before holds the copied code. Returns when it was first seen empty. */
async function waitForClear(copy: Copy): Promise<number> {
  const deadline = copy.startedAt + CLEAR_WAIT_MS;
  for (;;) {
    const text = await copy.reader.read();
    if (text === '') return Date.now();
    expect(text).toBe(copy.code);
    if (Date.now() > deadline) throw new Error(`The clipboard still holds the code ${CLEAR_WAIT_MS} ms after the copy`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  [on, off, fill] = await Promise.all([browserWithAccount(() => launchExtension()), browserWithAccount(() => launchExtension(), turnClearingOff), browserWithAccount(startFillHarness)]);
}, 120_000);
afterAll(async () => {
  await Promise.all(Object.values(copies).map((copy) => copy.reader.close()));
  await Promise.all(started.map((browser) => browser.close()));
});

describe('clearing the clipboard after a copy', () => {
  it('each copy says what becomes of it: cleared in 30 s, or (setting off) just "Copied"', async () => {
    // The copy that must stay goes first: when the others are cleared, its own 30 s are over too.
    copies.off = await copyFromPopup(off, 'Copied');
    const offWorker = off.context.serviceWorkers()[0] ?? (await off.context.waitForEvent('serviceworker'));
    expect(await offWorker.evaluate((name) => (globalThis as unknown as WorkerGlobal).chrome.alarms.get(name), CLEAR_ALARM)).toBeUndefined();
    copies.on = await copyFromPopup(on, 'Copied. Cleared from the clipboard in 30 s.');

    const reader = await createClipboardReader(fill.ext.context);
    const page = await fill.open('prompt.html', 'site');
    const tabId = await fill.grant(page);
    const accountId = (await storedAccountsIn(fill.worker))[0]?.id ?? '';
    const startedAt = Date.now();
    // What the popup's Fill on the account's row sends (no field on this page takes the code: it is copied).
    const result = await fill.worker.evaluate(
      ([tab, account]) => (globalThis as unknown as WorkerGlobal).keystepFillTriggers.message({ type: 'keystep-fill-account', tabId: tab, accountId: account }),
      [tabId, accountId] as const,
    );
    expect(result).toMatchObject({ kind: 'copied', reason: 'no-field' });
    expect(await fill.badge(tabId)).toEqual({ text: '⧉', title: 'Keystep: no field on this page took the code, so it was copied; it is cleared from the clipboard in 30 s' });
    const code = await reader.read();
    expect([independentTotp(GITHUB, startedAt), independentTotp(GITHUB, Date.now())]).toContain(code);
    copies.fill = { reader, startedAt, code };
  }, 60_000);

  it('clears the popup’s copy 30 s after it, not before, with the popup closed', async () => {
    const copy = copies.on;
    if (copy === undefined) throw new Error('The copy did not happen');
    const clearedAt = await waitForClear(copy);
    expect(clearedAt - copy.startedAt).toBeGreaterThanOrEqual(CLEAR_MS);
  }, CLEAR_WAIT_MS + 10_000);

  it('clears the fill’s copy too', async () => {
    const copy = copies.fill;
    if (copy === undefined) throw new Error('The copy did not happen');
    const clearedAt = await waitForClear(copy);
    expect(clearedAt - copy.startedAt).toBeGreaterThanOrEqual(CLEAR_MS);
  }, CLEAR_WAIT_MS + 10_000);

  it('with the setting off, the clipboard keeps the code', async () => {
    const copy = copies.off;
    if (copy === undefined) throw new Error('The copy did not happen');
    // Later than the copy's 30 s and than the on case's clear, which came after this copy.
    expect(Date.now() - copy.startedAt).toBeGreaterThan(CLEAR_MS);
    expect(await copy.reader.read()).toBe(copy.code);
  });
});
