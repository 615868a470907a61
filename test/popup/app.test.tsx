import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { parseOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { addDrafts, removeAccount, renameAccount } from '../../src/core/vault-edits.ts';
import type { Account, PlainVaultRecord as VaultRecord } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { CLEAR_CLIPBOARD_ALARM } from '../../src/platform/clipboard-clear-timer.ts';
import { App } from '../../src/popup/app.tsx';
import { fakeBrowser, openedTabs } from '../support/fake-browser.ts';
import { storePlainVault, storedVault } from '../support/stored-vault.ts';
import { codeFromName, independentHotp, independentTotp, nextCodeFromName } from '../support/independent-otp.ts';
import { ANY_COPY_BUTTON, copyButtonName, labelOfCopyButton, shownLabel } from '../support/copy-button-name.ts';

/** A whole minute: a period boundary for 30 s and for 60 s periods. */
const T0 = 1_700_000_040_000;
/** 10 s into a 30 s period: 20 s left, no next code yet. */
const NOW = T0 + 10_000;

const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS = 'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services&algorithm=SHA256&digits=8&period=60';
const BANK = 'otpauth://hotp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=5';
const ZURICH = 'otpauth://totp/Z%C3%BCrich%20Versicherung:dora?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Z%C3%BCrich%20Versicherung';

/** The popup's status after a copy while clipboard clearing is on (the default). */
const COPIED_CLEARED = 'Copied. Cleared from the clipboard in 30 s.';

const L_GITHUB = 'GitHub (alice)';
const L_AWS = 'Amazon Web Services (bob@example.com)';
const L_BANK = 'Bank (carol)';
const L_ZURICH = 'Zürich Versicherung (dora)';

/** Only the timers the popup uses: WebCrypto and promises stay real. */
const FAKE_TIMERS: Parameters<typeof vi.useFakeTimers>[0] = { toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] };
/** vi.waitFor polls with real timers; under fake timers it also advances them by `interval` per poll. */
const WAIT = { timeout: 2000, interval: 10 };

/** Writes a vault of these URIs straight into storage, as an earlier session would have left it. */
async function seed(uris: readonly string[], overrides: readonly Partial<Account>[] = []): Promise<void> {
  const accounts: Account[] = uris.map((uri, i) => ({ ...parseOtpauthUri(uri), id: `id-${i + 1}`, createdAt: 0, pinned: false, status: 'active', ...overrides[i] }));
  await storePlainVault(accounts);
}

const stored = (): VaultRecord | undefined => storedVault() as VaultRecord | undefined;
const storedAccount = (id: string): Account | undefined => stored()?.accounts.find((a) => a.id === id);

function renderApp(options: { clock?: () => number; copy?: (text: string) => Promise<void> } = {}) {
  const copied: string[] = [];
  const opened: string[] = [];
  const store = createAccountStore();
  const view = render(
    <App
      store={store}
      clock={options.clock ?? (() => NOW)}
      copy={
        options.copy ??
        ((text) => {
          copied.push(text);
          return Promise.resolve();
        })
      }
      openPage={(path) => {
        opened.push(path);
        return Promise.resolve();
      }}
    />,
  );
  return { ...view, copied, opened, store };
}

const copyButton = (label: string): HTMLButtonElement => screen.getByRole('button', { name: copyButtonName(label) });
const moreButton = (label: string): HTMLElement => screen.getByRole('button', { name: `More actions for ${label}` });
const accountList = (): HTMLElement => screen.getByRole('list', { name: 'Accounts' });
const searchBox = (): HTMLInputElement => screen.getByRole('searchbox', { name: 'Search accounts' });
const ariaLabel = (element: Element): string => element.getAttribute('aria-label') ?? '';

/** The labels of the rows on screen, in order. */
const shownLabels = (): string[] =>
  within(accountList())
    .getAllByRole('button', { name: /^More actions for / })
    .map((b) => ariaLabel(b).replace(/^More actions for /, ''));

/** Waits until the row shows a code (the button is disabled until then), and returns its copy button. */
async function withCode(label: string): Promise<HTMLButtonElement> {
  return vi.waitFor(() => {
    const button = copyButton(label);
    expect(ariaLabel(button)).toMatch(/, \d/);
    return button;
  }, WAIT);
}

/** "123456" -> "123 456", "12345678" -> "1234 5678": the grouping a reader expects. */
const grouped = (code: string): string => `${code.slice(0, Math.floor(code.length / 2))} ${code.slice(Math.floor(code.length / 2))}`;

async function openMenu(label: string): Promise<HTMLElement> {
  await withCode(label);
  fireEvent.click(moreButton(label));
  return screen.getByRole('menu', { name: `More actions for ${label}` });
}

async function chooseFromMenu(label: string, item: string): Promise<void> {
  const menu = await openMenu(label);
  fireEvent.click(within(menu).getByRole('menuitem', { name: item }));
}

describe('loading and the empty state', () => {
  it('is busy while loading, then says there are no accounts yet', async () => {
    renderApp();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('heading', { name: 'No accounts yet' })).toBeNull();
    await screen.findByRole('heading', { name: 'No accounts yet' });
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Accounts' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['the empty state button', 'Add your first account', 'src/options/index.html#add'],
    ['the toolbar add button', 'Add account', 'src/options/index.html#add'],
    ['the settings button', 'Settings', 'src/options/index.html'],
  ])('%s opens %s', async (_, button, path) => {
    const { opened } = renderApp();
    await screen.findByRole('heading', { name: 'No accounts yet' });
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(opened).toEqual([path]);
  });

  it('opens the page in a new tab by default', async () => {
    render(<App store={createAccountStore()} clock={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add your first account' }));
    await vi.waitFor(() => expect(openedTabs).toEqual(['chrome-extension://fake-extension-id/src/options/index.html#add']), WAIT);
  });
});

describe('codes', () => {
  it.each([
    ['TOTP, SHA1, 6 digits, 30 s', L_GITHUB, GITHUB, /, \d{3} \d{3}\. Copy$/],
    ['TOTP, SHA256, 8 digits, 60 s', L_AWS, AWS, /, \d{4} \d{4}\. Copy$/],
    ['TOTP with an accented issuer', L_ZURICH, ZURICH, /, \d{3} \d{3}\. Copy$/],
    ['HOTP at its stored counter', L_BANK, BANK, /, \d{3} \d{3}\. Copy$/],
  ])('%s: the code shown is the one otpauth computes, grouped for reading', async (_, label, uri, pattern) => {
    await seed([GITHUB, AWS, BANK, ZURICH]);
    renderApp();
    const button = await withCode(label);
    const expected = uri.startsWith('otpauth://hotp') ? independentHotp(uri, 5) : independentTotp(uri, NOW);
    expect(ariaLabel(button)).toMatch(pattern);
    expect(codeFromName(ariaLabel(button))).toBe(expected);
    expect(within(button).getByText(grouped(expected))).toBeTruthy();
  });

  it('lists every account, in stored order, with the size of the list', async () => {
    await seed([GITHUB, AWS, BANK]);
    renderApp();
    await withCode(L_BANK);
    expect(shownLabels()).toEqual([L_GITHUB, L_AWS, L_BANK]);
    const items = within(accountList()).getAllByRole('listitem');
    expect(items.map((li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')])).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['3', '3'],
    ]);
  });

  it('changes a code when the clock crosses its period boundary, and only then', async () => {
    await seed([GITHUB, AWS]);
    vi.useFakeTimers(FAKE_TIMERS);
    const start = T0 + 20_000;
    vi.setSystemTime(start);
    renderApp({ clock: () => Date.now() });
    const before = independentTotp(GITHUB, start);
    await vi.waitFor(() => expect(codeFromName(ariaLabel(copyButton(L_GITHUB)))).toBe(before), WAIT);
    const awsBefore = codeFromName(ariaLabel(await withCode(L_AWS)));
    expect(awsBefore).toBe(independentTotp(AWS, start));

    // 10 s later a 30 s period has ended (the 60 s one has not).
    await vi.advanceTimersByTimeAsync(T0 + 30_000 - Date.now() + 100);
    const after = independentTotp(GITHUB, T0 + 30_000);
    expect(after).not.toBe(before);
    await vi.waitFor(() => expect(codeFromName(ariaLabel(copyButton(L_GITHUB)))).toBe(after), WAIT);
    expect(codeFromName(ariaLabel(copyButton(L_AWS)))).toBe(awsBefore);
  });

  it.each([
    ['6 s left: not yet', 24_999, false],
    ['5 s left', 25_000, true],
    ['the last second', 29_999, true],
  ])('shows the next code in the last 5 seconds of a period (%s)', async (_, offset, shown) => {
    await seed([GITHUB]);
    renderApp({ clock: () => T0 + offset });
    const button = await withCode(L_GITHUB);
    const next = independentTotp(GITHUB, T0 + 30_000);
    if (shown) {
      await vi.waitFor(() => expect(nextCodeFromName(ariaLabel(copyButton(L_GITHUB)))).toBe(next), WAIT);
      expect(screen.getByText(`Next ${grouped(next)}`)).toBeTruthy();
      expect(codeFromName(ariaLabel(button))).toBe(independentTotp(GITHUB, T0 + offset));
    } else {
      expect(nextCodeFromName(ariaLabel(button))).toBeUndefined();
      expect(screen.queryByText(/^Next /)).toBeNull();
    }
  });

  it('shows the next code when the running clock enters the last 5 seconds', async () => {
    await seed([GITHUB]);
    vi.useFakeTimers(FAKE_TIMERS);
    vi.setSystemTime(T0 + 20_000);
    renderApp({ clock: () => Date.now() });
    await withCode(L_GITHUB);
    expect(screen.queryByText(/^Next /)).toBeNull();
    await vi.advanceTimersByTimeAsync(T0 + 25_000 - Date.now() + 100);
    const next = independentTotp(GITHUB, T0 + 30_000);
    await vi.waitFor(() => expect(screen.getByText(`Next ${grouped(next)}`)).toBeTruthy(), WAIT);
  });

  it.each([
    ['a TOTP code', L_GITHUB, () => independentTotp(GITHUB, NOW)],
    ['an 8-digit code', L_AWS, () => independentTotp(AWS, NOW)],
    ['an HOTP code, without advancing the counter', L_BANK, () => independentHotp(BANK, 5)],
  ])('copies %s exactly, without the space', async (_, label, expected) => {
    await seed([GITHUB, AWS, BANK]);
    const { copied } = renderApp();
    fireEvent.click(await withCode(label));
    await vi.waitFor(() => expect(copied).toEqual([expected()]), WAIT);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(COPIED_CLEARED), WAIT);
    expect(storedAccount('id-3')?.counter).toBe(5);
  });

  it('says "Copied" in the row, and to screen readers with when the clipboard is cleared, for 1.5 s', async () => {
    await seed([GITHUB]);
    vi.useFakeTimers(FAKE_TIMERS);
    vi.setSystemTime(NOW);
    const { copied } = renderApp({ clock: () => Date.now() });
    const button = await withCode(L_GITHUB);
    const code = independentTotp(GITHUB, NOW);
    const clickedAt = Date.now();
    fireEvent.click(button);
    await vi.advanceTimersByTimeAsync(0);
    expect(copied).toEqual([code]);
    expect(screen.getByRole('status').textContent).toBe(COPIED_CLEARED);
    expect(within(button).getByText('Copied')).toBeTruthy();
    expect(within(button).queryByText(grouped(code))).toBeNull();
    // The service worker clears it when this alarm fires (src/background.ts), whether the popup is open or not.
    expect(await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM)).toEqual({ name: CLEAR_CLIPBOARD_ALARM, scheduledTime: clickedAt + 30_000 });
    // Its name says what it shows (WCAG 2.5.3).
    expect(ariaLabel(button)).toBe('GitHub alice, Copied. Copy');

    await vi.advanceTimersByTimeAsync(1499);
    expect(screen.getByRole('status').textContent).toBe(COPIED_CLEARED);
    await vi.advanceTimersByTimeAsync(1);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(within(button).queryByText('Copied')).toBeNull();
    expect(within(button).getByText(grouped(code))).toBeTruthy();
  });

  it('with clipboard clearing turned off, says only "Copied" and sets no clear', async () => {
    await seed([GITHUB]);
    await fakeBrowser.storage.local.set({ clearClipboard: false });
    const { copied } = renderApp();
    fireEvent.click(await withCode(L_GITHUB));
    await vi.waitFor(() => expect(copied).toEqual([independentTotp(GITHUB, NOW)]), WAIT);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'), WAIT);
    expect(await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM)).toBeUndefined();
  });

  it('reports a clipboard failure', async () => {
    await seed([GITHUB]);
    renderApp({ copy: () => Promise.reject(new Error('Document is not focused')) });
    fireEvent.click(await withCode(L_GITHUB));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not copy: Document is not focused');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('HOTP: "next code" advances the stored counter and shows the following code', async () => {
    await seed([GITHUB, BANK]);
    renderApp();
    await vi.waitFor(() => expect(codeFromName(ariaLabel(copyButton(L_BANK)))).toBe(independentHotp(BANK, 5)), WAIT);
    fireEvent.click(screen.getByRole('button', { name: `Generate the next code for ${L_BANK}` }));
    await vi.waitFor(() => expect(codeFromName(ariaLabel(copyButton(L_BANK)))).toBe(independentHotp(BANK, 6)), WAIT);
    expect(storedAccount('id-2')?.counter).toBe(6);
    expect(stored()?.revision).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: `Generate the next code for ${L_BANK}` }));
    await vi.waitFor(() => expect(codeFromName(ariaLabel(copyButton(L_BANK)))).toBe(independentHotp(BANK, 7)), WAIT);
    expect(storedAccount('id-2')?.counter).toBe(7);
    expect(storedAccount('id-1')).toEqual({ ...parseOtpauthUri(GITHUB), id: 'id-1', createdAt: 0, pinned: false, status: 'active' });
  });
});

describe('search', () => {
  it.each([
    ['a word of the issuer', 'git', [L_GITHUB]],
    ['two words, case-insensitively', 'WEB serv', [L_AWS]],
    ['a word of the account name', 'carol', [L_BANK]],
    ['without the accent', 'zurich', [L_ZURICH]],
    ['a part of several accounts', 'a', [L_GITHUB, L_AWS, L_BANK, L_ZURICH]],
  ])('filters by %s: %j', async (_, query, expected) => {
    await seed([GITHUB, AWS, BANK, ZURICH]);
    renderApp();
    await withCode(L_GITHUB);
    fireEvent.input(searchBox(), { target: { value: query } });
    expect(shownLabels()).toEqual(expected);
    expect(within(accountList()).getAllByRole('listitem').map((li) => li.getAttribute('aria-setsize'))).toEqual(expected.map(() => String(expected.length)));
  });

  it('filters as you type, and says when nothing matches', async () => {
    await seed([GITHUB, AWS, BANK, ZURICH]);
    renderApp();
    await withCode(L_GITHUB);
    const typed: [string, string[]][] = [
      ['b', [L_GITHUB, L_AWS, L_BANK]],
      ['ba', [L_BANK]],
      ['bank', [L_BANK]],
    ];
    for (const [value, expected] of typed) {
      fireEvent.input(searchBox(), { target: { value } });
      expect(shownLabels()).toEqual(expected);
    }
    fireEvent.input(searchBox(), { target: { value: 'bankx' } });
    expect(screen.getByText('No account matches “bankx”.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Accounts' })).toBeNull();
    fireEvent.input(searchBox(), { target: { value: '' } });
    expect(shownLabels()).toEqual([L_GITHUB, L_AWS, L_BANK, L_ZURICH]);
    expect(screen.queryByText(/No account matches/)).toBeNull();
  });

  it('Escape clears the search', async () => {
    await seed([GITHUB, AWS]);
    renderApp();
    await withCode(L_GITHUB);
    fireEvent.input(searchBox(), { target: { value: 'git' } });
    expect(shownLabels()).toEqual([L_GITHUB]);
    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(searchBox().value).toBe('');
    expect(shownLabels()).toEqual([L_GITHUB, L_AWS]);
  });

  it.each([
    ['the page', () => document.body],
    ['a row', () => copyButton(L_AWS)],
  ])('"/" from %s focuses the search box', async (_, from) => {
    await seed([GITHUB, AWS]);
    renderApp();
    await withCode(L_AWS);
    from().focus();
    const notCancelled = fireEvent.keyDown(from(), { key: '/' });
    expect(document.activeElement).toBe(searchBox());
    // The "/" is not typed into the search box.
    expect(notCancelled).toBe(false);
  });

  it('"/" typed in the search box is just typed', async () => {
    await seed([GITHUB]);
    renderApp();
    await withCode(L_GITHUB);
    searchBox().focus();
    expect(fireEvent.keyDown(searchBox(), { key: '/' })).toBe(true);
  });

  it('ArrowDown in the search box focuses the first row at once', async () => {
    await seed([GITHUB, AWS]);
    renderApp();
    await withCode(L_GITHUB);
    await withCode(L_AWS);
    searchBox().focus();
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(copyButton(L_GITHUB));
  });

  it('every button of the focused row is in the Tab order (copy, next code, menu), the other rows\u2019 are not', async () => {
    await seed([GITHUB, BANK]);
    renderApp();
    for (const label of [L_GITHUB, L_BANK]) await withCode(label);
    const tabStops = (): string[] =>
      within(accountList())
        .getAllByRole('button')
        .filter((b) => b.tabIndex === 0)
        .map((b) => labelOfCopyButton(ariaLabel(b)));
    expect(tabStops()).toEqual([shownLabel(L_GITHUB), `More actions for ${L_GITHUB}`]);
    fireEvent.keyDown(copyButton(L_GITHUB), { key: 'ArrowDown' });
    await vi.waitFor(() => expect(tabStops()).toEqual([shownLabel(L_BANK), `Generate the next code for ${L_BANK}`, `More actions for ${L_BANK}`]), WAIT);
    // Arrows move between rows from any of a row's buttons.
    moreButton(L_BANK).focus();
    fireEvent.keyDown(moreButton(L_BANK), { key: 'ArrowUp' });
    await vi.waitFor(() => expect(document.activeElement).toBe(copyButton(L_GITHUB)), WAIT);
  });

  it('arrows, Home and End move between rows; ArrowUp from the first row returns to the search box', async () => {
    await seed([GITHUB, AWS, BANK, ZURICH]);
    renderApp();
    for (const label of [L_GITHUB, L_AWS, L_BANK, L_ZURICH]) await withCode(label);
    // Tab reaches the first row: the only row in the Tab order.
    expect(within(accountList()).getAllByRole('button', { name: ANY_COPY_BUTTON }).map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    copyButton(L_GITHUB).focus();
    const steps: [key: string, focused: string][] = [
      ['ArrowDown', L_AWS],
      ['ArrowDown', L_BANK],
      ['ArrowUp', L_AWS],
      ['End', L_ZURICH],
      ['ArrowDown', L_ZURICH],
      ['Home', L_GITHUB],
    ];
    for (const [key, label] of steps) {
      fireEvent.keyDown(document.activeElement ?? document.body, { key });
      expect({ key, focused: labelOfCopyButton(ariaLabel(document.activeElement!)) }).toEqual({ key, focused: shownLabel(label) });
      // Roving tabindex: only the focused row is in the Tab order. (jsdom has no layout, so scrolling
      // to a row may window the first rows out: only the rows in the DOM are checked.)
      const tabbable = within(accountList())
        .getAllByRole('button', { name: ANY_COPY_BUTTON })
        .filter((b) => b.tabIndex === 0)
        .map((b) => labelOfCopyButton(ariaLabel(b)));
      expect(tabbable).toEqual([shownLabel(label)]);
    }
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(searchBox());
  });

  it.each([
    ['copies the first match', 'web', () => [independentTotp(AWS, NOW)]],
    ['with no search, copies the first account', '', () => [independentTotp(GITHUB, NOW)]],
    ['does nothing when nothing matches', 'nothing', () => []],
  ])('Enter in the search box %s', async (_, query, expected) => {
    await seed([GITHUB, AWS, BANK]);
    const { copied } = renderApp();
    await withCode(L_AWS);
    fireEvent.input(searchBox(), { target: { value: query } });
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    await vi.waitFor(() => expect(copied).toEqual(expected()), WAIT);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(expected().length > 0 ? COPIED_CLEARED : ''), WAIT);
    expect((await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM)) !== undefined).toBe(expected().length > 0);
  });
});

describe('account menu', () => {
  it('lists the actions, moves with arrows, and Escape closes it and returns focus', async () => {
    await seed([GITHUB, AWS]);
    renderApp();
    const menu = await openMenu(L_GITHUB);
    expect(moreButton(L_GITHUB).getAttribute('aria-expanded')).toBe('true');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Rename', 'Sites…', 'Pin to top', 'Move up', 'Move down', 'Show QR code', 'Delete']);
    expect(document.activeElement).toBe(items[0]);
    const steps: [string, number][] = [
      ['ArrowDown', 1],
      ['ArrowDown', 2],
      ['ArrowUp', 1],
      ['End', 6],
      ['ArrowDown', 0],
      ['ArrowUp', 6],
      ['Home', 0],
    ];
    for (const [key, index] of steps) {
      fireEvent.keyDown(document.activeElement!, { key });
      expect({ key, focused: document.activeElement?.textContent }).toEqual({ key, focused: items[index]?.textContent });
    }
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(moreButton(L_GITHUB));
    expect(moreButton(L_GITHUB).getAttribute('aria-expanded')).toBe('false');
  });

  it('offers Unpin for a pinned account', async () => {
    await seed([GITHUB, AWS], [{ pinned: true }]);
    renderApp();
    const menu = await openMenu(L_GITHUB);
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Rename', 'Sites…', 'Unpin', 'Move up', 'Move down', 'Show QR code', 'Delete']);
  });

  it.each<[string, (label: string) => void, boolean]>([
    ['Tab', () => fireEvent.keyDown(document.activeElement!, { key: 'Tab' }), true],
    ['the menu button again', (label) => fireEvent.click(moreButton(label)), false],
    ['a pointer press elsewhere', () => fireEvent.pointerDown(document.body), false],
  ])('%s closes the menu', async (_, close, refocus) => {
    await seed([GITHUB, AWS]);
    renderApp();
    await openMenu(L_AWS);
    close(L_AWS);
    expect(screen.queryByRole('menu')).toBeNull();
    if (refocus) expect(document.activeElement).toBe(moreButton(L_AWS));
  });

  it.each<[title: string, pinned: readonly boolean[], label: string, item: string, order: string[], storedPinned: boolean[]]>([
    ['Pin to top pins at the end of the pinned group', [true, false, false], L_BANK, 'Pin to top', [L_GITHUB, L_BANK, L_AWS], [true, true, false]],
    ['Unpin moves to the top of the others', [true, true, false], L_GITHUB, 'Unpin', [L_AWS, L_GITHUB, L_BANK], [true, false, false]],
    ['Move up', [false, false, false], L_AWS, 'Move up', [L_AWS, L_GITHUB, L_BANK], [false, false, false]],
    ['Move down', [false, false, false], L_AWS, 'Move down', [L_GITHUB, L_BANK, L_AWS], [false, false, false]],
    ['Move up at the top stays', [false, false, false], L_GITHUB, 'Move up', [L_GITHUB, L_AWS, L_BANK], [false, false, false]],
    ['Move down from the pinned group stays pinned', [true, false, false], L_GITHUB, 'Move down', [L_GITHUB, L_AWS, L_BANK], [true, false, false]],
  ])('%s', async (_, pinned, label, item, order, storedPinned) => {
    await seed([GITHUB, AWS, BANK], pinned.map((p) => ({ pinned: p })));
    renderApp();
    await chooseFromMenu(label, item);
    expect(screen.queryByRole('menu')).toBeNull();
    await vi.waitFor(() => expect(shownLabels()).toEqual(order), WAIT);
    const labelOf = (a: Account): string => (a.issuer && a.name ? `${a.issuer} (${a.name})` : a.issuer || a.name);
    expect(stored()?.accounts.map(labelOf)).toEqual(order);
    expect(stored()?.accounts.map((a) => a.pinned)).toEqual(storedPinned);
  });

  it.each<[item: string, pinned: readonly boolean[], label: string, order: string[]]>([
    ['Pin to top', [true, false, false], L_BANK, [L_GITHUB, L_BANK, L_AWS]],
    ['Unpin', [true, true, false], L_GITHUB, [L_AWS, L_GITHUB, L_BANK]],
    ['Move up', [false, false, false], L_AWS, [L_AWS, L_GITHUB, L_BANK]],
    ['Move down', [false, false, false], L_AWS, [L_GITHUB, L_BANK, L_AWS]],
  ])('after %s the account\'s menu button keeps the focus, where the row moved to', async (item, pinned, label, order) => {
    await seed([GITHUB, AWS, BANK], pinned.map((p) => ({ pinned: p })));
    renderApp();
    await chooseFromMenu(label, item);
    expect(document.activeElement).toBe(moreButton(label));
    await vi.waitFor(() => expect(shownLabels()).toEqual(order), WAIT);
    expect(document.activeElement).toBe(moreButton(label));
  });
});

describe('rename dialog', () => {
  it('saves the trimmed issuer and name, keeping the secret', async () => {
    await seed([GITHUB, AWS]);
    renderApp();
    await chooseFromMenu(L_GITHUB, 'Rename');
    const dialog = await screen.findByRole('dialog', { name: `Rename ${L_GITHUB}` });
    const issuer = within(dialog).getByRole('textbox', { name: 'Issuer (service)' });
    const name = within(dialog).getByRole('textbox', { name: 'Account name' });
    expect([(issuer as HTMLInputElement).value, (name as HTMLInputElement).value]).toEqual(['GitHub', 'alice']);
    await vi.waitFor(() => expect(document.activeElement).toBe(issuer), WAIT);
    fireEvent.input(issuer, { target: { value: '  GitHub Enterprise ' } });
    fireEvent.input(name, { target: { value: ' alice.smith\t' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    await vi.waitFor(() => expect(shownLabels()).toEqual(['GitHub Enterprise (alice.smith)', L_AWS]), WAIT);
    expect(storedAccount('id-1')).toEqual({ ...parseOtpauthUri(GITHUB), issuer: 'GitHub Enterprise', name: 'alice.smith', id: 'id-1', createdAt: 0, pinned: false, status: 'active' });
    // Same secret, same code.
    expect(codeFromName(ariaLabel(await withCode('GitHub Enterprise (alice.smith)')))).toBe(independentTotp(GITHUB, NOW));
  });

  it.each([
    ['both empty', '', ''],
    ['both only spaces', '   ', ' \t'],
  ])('refuses %s', async (_, issuerValue, nameValue) => {
    await seed([GITHUB]);
    renderApp();
    await chooseFromMenu(L_GITHUB, 'Rename');
    const dialog = await screen.findByRole('dialog', { name: `Rename ${L_GITHUB}` });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Issuer (service)' }), { target: { value: issuerValue } });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Account name' }), { target: { value: nameValue } });
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save' });
    expect(save.disabled).toBe(true);
    expect(within(dialog).getByText('give an issuer or an account name')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'Account name' }).getAttribute('aria-describedby')).toBe('rename-error');
    // Enter in a field submits the form: still refused.
    fireEvent.submit(save.closest('form')!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('dialog', { name: `Rename ${L_GITHUB}` })).toBeTruthy();
    expect(stored()?.revision).toBe(1);
    expect(storedAccount('id-1')?.issuer).toBe('GitHub');
  });

  it.each<[string, (dialog: HTMLElement) => void]>([
    ['Cancel', (dialog) => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))],
    ['Escape', (dialog) => fireEvent.keyDown(within(dialog).getByRole('textbox', { name: 'Issuer (service)' }), { key: 'Escape' })],
  ])('%s closes it without saving', async (_, close) => {
    await seed([GITHUB]);
    const before = stored();
    renderApp();
    await chooseFromMenu(L_GITHUB, 'Rename');
    const dialog = await screen.findByRole('dialog', { name: `Rename ${L_GITHUB}` });
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Issuer (service)' }), { target: { value: 'Changed' } });
    close(dialog);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(shownLabels()).toEqual([L_GITHUB]);
    expect(stored()).toEqual(before);
  });

  it('keeps Tab inside the dialog', async () => {
    await seed([GITHUB]);
    renderApp();
    await chooseFromMenu(L_GITHUB, 'Rename');
    const dialog = await screen.findByRole('dialog', { name: `Rename ${L_GITHUB}` });
    const save = within(dialog).getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Issuer (service)' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('gives focus back to the account\'s menu button when it closes', async () => {
    await seed([GITHUB, AWS]);
    renderApp();
    await chooseFromMenu(L_AWS, 'Rename');
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(moreButton(L_AWS));
  });
});

describe('delete dialog', () => {
  it('asks first, with Cancel focused; Cancel keeps the account', async () => {
    await seed([GITHUB, AWS, BANK]);
    const before = stored();
    renderApp();
    await chooseFromMenu(L_AWS, 'Delete');
    const dialog = await screen.findByRole('dialog', { name: `Delete ${L_AWS}?` });
    expect(within(dialog).getByText(/no longer show codes for this account/)).toBeTruthy();
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(shownLabels()).toEqual([L_GITHUB, L_AWS, L_BANK]);
    expect(stored()).toEqual(before);
  });

  it('Escape keeps the account', async () => {
    await seed([GITHUB, AWS]);
    const before = stored();
    renderApp();
    await chooseFromMenu(L_AWS, 'Delete');
    fireEvent.keyDown(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(stored()).toEqual(before);
  });

  it('Delete removes the account from the list and from storage', async () => {
    await seed([GITHUB, AWS, BANK]);
    renderApp();
    await chooseFromMenu(L_AWS, 'Delete');
    fireEvent.click(within(await screen.findByRole('dialog', { name: `Delete ${L_AWS}?` })).getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    await vi.waitFor(() => expect(shownLabels()).toEqual([L_GITHUB, L_BANK]), WAIT);
    expect(stored()?.accounts.map((a) => a.id)).toEqual(['id-1', 'id-3']);
  });

  it('deleting the last account shows the empty state', async () => {
    await seed([GITHUB]);
    renderApp();
    await chooseFromMenu(L_GITHUB, 'Delete');
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await screen.findByRole('heading', { name: 'No accounts yet' });
    expect(stored()?.accounts).toEqual([]);
  });
});

/** Each edit the popup can make, done through the UI on GitHub (id-1), AWS (id-2) or Bank (id-3). */
const EDITS: [string, () => Promise<void>][] = [
  ['pin', () => chooseFromMenu(L_BANK, 'Pin to top')],
  ['move', () => chooseFromMenu(L_AWS, 'Move up')],
  [
    'rename',
    async () => {
      await chooseFromMenu(L_GITHUB, 'Rename');
      const dialog = await screen.findByRole('dialog');
      fireEvent.input(within(dialog).getByRole('textbox', { name: 'Issuer (service)' }), { target: { value: 'Renamed' } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    },
  ],
  [
    'delete',
    async () => {
      await chooseFromMenu(L_AWS, 'Delete');
      fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    },
  ],
  [
    'HOTP next code',
    async () => {
      await withCode(L_BANK);
      fireEvent.click(screen.getByRole('button', { name: `Generate the next code for ${L_BANK}` }));
    },
  ],
];

describe('storage problems', () => {
  it.each(EDITS)('a failed write (%s) says nothing was changed, and storage is unchanged', async (_, edit) => {
    await seed([GITHUB, AWS, BANK]);
    const before = stored();
    renderApp();
    await withCode(L_GITHUB);
    fakeBrowser.storage.local.failNextSets = 1;
    await edit();
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: QUOTA_BYTES quota exceeded. Nothing was changed.');
    expect(stored()).toEqual(before);
    expect(shownLabels()).toEqual([L_GITHUB, L_AWS, L_BANK]);
    expect(codeFromName(ariaLabel(await withCode(L_BANK)))).toBe(independentHotp(BANK, 5));
  });

  it.each([
    ['rename', 'Rename', 'Save'],
    ['delete', 'Delete', 'Delete'],
  ])('a failed %s keeps its dialog open, with what was typed', async (_, item, confirm) => {
    const title = item === 'Rename' ? `Rename ${L_GITHUB}` : `Delete ${L_GITHUB}?`;
    await seed([GITHUB, AWS]);
    renderApp();
    await chooseFromMenu(L_GITHUB, item);
    const dialog = await screen.findByRole('dialog');
    if (item === 'Rename') fireEvent.input(within(dialog).getByRole('textbox', { name: 'Issuer (service)' }), { target: { value: 'Typed' } });
    fakeBrowser.storage.local.failNextSets = 1;
    fireEvent.click(within(dialog).getByRole('button', { name: confirm }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: QUOTA_BYTES quota exceeded. Nothing was changed.');
    const open = await screen.findByRole('dialog', { name: title });
    if (item === 'Rename') expect(within(open).getByRole<HTMLInputElement>('textbox', { name: 'Issuer (service)' }).value).toBe('Typed');
  });

  it('the message goes away after the next edit succeeds', async () => {
    await seed([GITHUB, AWS, BANK]);
    renderApp();
    fakeBrowser.storage.local.failNextSets = 1;
    await chooseFromMenu(L_BANK, 'Pin to top');
    await screen.findByRole('alert');
    await chooseFromMenu(L_BANK, 'Pin to top');
    await vi.waitFor(() => expect(shownLabels()).toEqual([L_BANK, L_GITHUB, L_AWS]), WAIT);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('pinning from a menu left open on an account deleted meanwhile in another window says so', async () => {
    await seed([GITHUB, AWS]);
    renderApp();
    const menu = await openMenu(L_AWS);
    await createAccountStore().update((v) => ({ vault: removeAccount(v, 'id-2'), result: undefined }));
    await vi.waitFor(() => expect(shownLabels()).toEqual([L_GITHUB]), WAIT);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Pin to top' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This account was changed or removed in another window.');
    expect(stored()?.accounts.map((a) => a.id)).toEqual(['id-1']);
    expect(stored()?.revision).toBe(2);
  });

  it.each([
    ['renaming', 'Rename', 'Save'],
    ['deleting', 'Delete', 'Delete'],
  ])('%s an account deleted meanwhile in another window says so', async (_, item, confirm) => {
    await seed([GITHUB, AWS]);
    renderApp();
    await chooseFromMenu(L_AWS, item);
    const dialog = await screen.findByRole('dialog');
    await createAccountStore().update((v) => ({ vault: removeAccount(v, 'id-2'), result: undefined }));
    await vi.waitFor(() => expect(shownLabels()).toEqual([L_GITHUB]), WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: confirm }));
    expect((await screen.findByRole('alert')).textContent).toBe('This account was changed or removed in another window.');
    expect(stored()?.accounts.map((a) => a.id)).toEqual(['id-1']);
    expect(stored()?.revision).toBe(2);
  });

  it.each<[string, unknown]>([
    ['a vault from a newer build (schema 99)', { schema: 99, format: 'sealed', revision: 12, accounts: 'ciphertext' }],
    ['a vault that is not an object', 'corrupted'],
    ['a vault without an account list', { schema: 1, format: 'plain', revision: 3 }],
  ])('%s: says it could not read the accounts, and leaves them untouched', async (_, record) => {
    await fakeBrowser.storage.local.set({ vault: record });
    const before = stored();
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Keystep could not read its stored accounts: .+\. They were left untouched\.$/);
    // Not "No accounts yet": there may well be accounts, unreadable by this build.
    expect(screen.queryByRole('heading', { name: 'No accounts yet' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Accounts' })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stored()).toEqual(before);
  });

  it('names the newer schema in the message', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 99, format: 'sealed', revision: 12, accounts: 'ciphertext' } });
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain('schema 99');
  });

  it('an unreadable vault written by another page while open is reported, not shown as empty', async () => {
    await seed([GITHUB]);
    renderApp();
    await withCode(L_GITHUB);
    await fakeBrowser.storage.local.set({ vault: { schema: 99, format: 'sealed', revision: 2, accounts: 'ciphertext' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Keystep could not read its stored accounts/);
    expect(screen.queryByRole('heading', { name: 'No accounts yet' })).toBeNull();
  });
});

describe('writes from another page', () => {
  it('appear without reloading: added, renamed and removed accounts', async () => {
    await seed([GITHUB]);
    renderApp();
    await withCode(L_GITHUB);
    const other = createAccountStore();

    await other.update((v) => ({ vault: addDrafts(v, [parseOtpauthUri(AWS)], { newId: () => 'other-1', now: NOW }).vault, result: undefined }));
    await vi.waitFor(() => expect(shownLabels()).toEqual([L_GITHUB, L_AWS]), WAIT);
    expect(codeFromName(ariaLabel(await withCode(L_AWS)))).toBe(independentTotp(AWS, NOW));

    await other.update((v) => ({ vault: renameAccount(v, 'id-1', { issuer: 'GitHub', name: 'alice.smith' }), result: undefined }));
    await vi.waitFor(() => expect(shownLabels()).toEqual(['GitHub (alice.smith)', L_AWS]), WAIT);

    await other.update((v) => ({ vault: removeAccount(v, 'id-1'), result: undefined }));
    await vi.waitFor(() => expect(shownLabels()).toEqual([L_AWS]), WAIT);
  });

  it('the first account added elsewhere replaces the empty state', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'No accounts yet' });
    await createAccountStore().update((v) => ({ vault: addDrafts(v, [parseOtpauthUri(GITHUB)], { newId: () => 'x', now: NOW }).vault, result: undefined }));
    await withCode(L_GITHUB);
    expect(screen.queryByRole('heading', { name: 'No accounts yet' })).toBeNull();
  });
});

describe('a secret replaced under the same account', () => {
  it('shows the code of the new secret (a pending Cognito enrollment re-associated)', async () => {
    const oldUri = 'otpauth://totp/Pool:erin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Pool';
    const newUri = 'otpauth://totp/Pool:erin?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Pool';
    await seed([oldUri], [{ status: 'pending' }]);
    const { store } = renderApp();
    // The row shows the pending badge after the label: the copy button's name says it too (label in name).
    expect(codeFromName(ariaLabel(await withCode('Pool erin Enrollment not finished')))).toBe(independentTotp(oldUri, NOW));
    // Same id, same secret length, new secret: what savePending does when Cognito associates again.
    await store.update((vault) => ({ vault: { accounts: vault.accounts.map((a) => ({ ...a, secret: parseOtpauthUri(newUri).secret })) }, result: undefined }));
    await vi.waitFor(() => expect(codeFromName(ariaLabel(copyButton('Pool erin Enrollment not finished')))).toBe(independentTotp(newUri, NOW)), WAIT);
  });
});
