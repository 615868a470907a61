import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { otpGenerator, type CodeAt } from '../../src/core/otp.ts';
import { standardHmac } from '../../src/core/standard-hmac.ts';
import type { Account } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { visibleRange } from '../../src/popup/account-list.tsx';
import { App } from '../../src/popup/app.tsx';
import { fakeBrowser } from '../support/fake-browser.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { copyButtonName } from '../support/copy-button-name.ts';

/** px; the row height of popup.css (--row-height). */
const ROW = 64;

describe('visibleRange', () => {
  it.each<[title: string, scrollTop: number, viewport: number, count: number, expected: { start: number; end: number }]>([
    // 480 px show 7.5 rows: 8 rows touch the viewport, +1 for a partly scrolled row, +3 overscan below.
    ['at the top of a long list', 0, 480, 500, { start: 0, end: 12 }],
    ['a list shorter than the viewport', 0, 480, 5, { start: 0, end: 5 }],
    ['an empty list', 0, 480, 0, { start: 0, end: 0 }],
    ['scrolled less than a row', 63, 480, 500, { start: 0, end: 12 }],
    ['scrolled exactly one row', ROW, 480, 500, { start: 0, end: 13 }],
    ['scrolled to row 10: 3 rows of overscan above', 10 * ROW, 480, 500, { start: 7, end: 22 }],
    ['scrolled to row 10 plus a little', 10 * ROW + 30, 480, 500, { start: 7, end: 22 }],
    ['scrolled to the end: clamped to the count', 500 * ROW - 480, 480, 500, { start: 489, end: 500 }],
    ['a zero-height viewport still shows a row', 0, 0, 500, { start: 0, end: 4 }],
    ['a taller viewport shows more rows', 0, 640, 500, { start: 0, end: 14 }],
  ])('%s', (_, scrollTop, viewport, count, expected) => {
    expect(visibleRange(scrollTop, viewport, count)).toEqual(expected);
  });

  it.each([
    [0, 480, 500],
    [3200, 480, 500],
    [777, 333, 40],
  ])('the range at scrollTop %i with a %i px viewport covers every row in view', (scrollTop, viewport, count) => {
    const { start, end } = visibleRange(scrollTop, viewport, count);
    const firstInView = Math.floor(scrollTop / ROW);
    const lastInView = Math.min(count - 1, Math.floor((scrollTop + viewport - 1) / ROW));
    expect(start).toBeLessThanOrEqual(firstInView);
    expect(end).toBeGreaterThan(lastInView);
  });
});

const NOW = 1_700_000_050_000;

const draft = (n: number): AccountDraft => ({
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: `Service ${n}`,
  name: `user${n}@example.com`,
});
const uriOf = (n: number): string => `otpauth://totp/Service%20${n}:user${n}%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Service%20${n}`;

async function seedMany(count: number): Promise<void> {
  const accounts: Account[] = Array.from({ length: count }, (_, i) => ({ ...draft(i + 1), id: `id-${i + 1}`, createdAt: 0, pinned: false, status: 'active' }));
  await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts } });
}

/** Renders the popup, counting which accounts had their secret decoded and which had a code computed (the real one). */
function renderPopup() {
  const decoded: string[] = [];
  const generated: string[] = [];
  const generatorFor = (account: Account): CodeAt => {
    decoded.push(account.id);
    const real = otpGenerator(account, standardHmac);
    return (step) => {
      generated.push(`${account.id}@${step}`);
      return real(step);
    };
  };
  render(<App store={createAccountStore()} clock={() => NOW} generatorFor={generatorFor} copy={() => Promise.resolve()} openPage={() => Promise.resolve()} />);
  return { decoded, generated };
}

const WAIT = { timeout: 3000, interval: 10 };
const list = (): HTMLElement => screen.getByRole('list', { name: 'Accounts' });
const rows = (): HTMLElement[] => within(list()).getAllByRole('listitem');
const positions = (): number[] => rows().map((li) => Number(li.getAttribute('aria-posinset')));
const copyButtonOf = (n: number): HTMLButtonElement => screen.getByRole('button', { name: copyButtonName(`Service ${n} (user${n}@example.com)`) });

describe('windowing 500 accounts (jsdom: no layout, so the list assumes a 480 px viewport)', () => {
  it('renders far fewer than 500 rows, each telling its place in the full list', async () => {
    await seedMany(500);
    renderPopup();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0), WAIT);
    const shown = rows();
    // A 480 px viewport holds 7.5 rows of 64 px; a few more are rendered as overscan.
    expect(shown.length).toBeGreaterThanOrEqual(8);
    expect(shown.length).toBeLessThanOrEqual(20);
    expect(positions()).toEqual(Array.from({ length: shown.length }, (_, i) => i + 1));
    expect(new Set(shown.map((li) => li.getAttribute('aria-setsize')))).toEqual(new Set(['500']));
    // The spacer has the height of all 500 rows, so the scrollbar is right.
    expect(list().style.height).toBe(`${500 * ROW}px`);
  });

  it('computes codes for the rendered rows only, and they are right', async () => {
    await seedMany(500);
    const { decoded, generated } = renderPopup();
    await vi.waitFor(() => expect(codeFromName(copyButtonOf(1).getAttribute('aria-label') ?? '')).toBe(independentTotp(uriOf(1), NOW)), WAIT);
    const count = rows().length;
    await vi.waitFor(() => expect(codeFromName(copyButtonOf(count).getAttribute('aria-label') ?? '')).toBe(independentTotp(uriOf(count), NOW)), WAIT);
    expect(new Set(generated).size).toBe(count);
    expect(generated.length).toBe(count);
    expect(decoded.length).toBe(count);
  });

  it('decodes each secret once and computes each code once while the clock runs: again only for a new period', async () => {
    await seedMany(30);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // 10 s into a 30 s period: 15 s of ticks stay in it, and no next code is shown yet.
    const start = Math.floor(NOW / 30_000) * 30_000 + 10_000;
    vi.setSystemTime(start);
    const decoded: string[] = [];
    const generated: string[] = [];
    const generatorFor = (account: Account): CodeAt => {
      decoded.push(account.id);
      const real = otpGenerator(account, standardHmac);
      return (step) => {
        generated.push(`${account.id}@${step}`);
        return real(step);
      };
    };
    render(<App store={createAccountStore()} clock={() => Date.now()} generatorFor={generatorFor} copy={() => Promise.resolve()} openPage={() => Promise.resolve()} />);
    await vi.waitFor(() => expect(codeFromName(copyButtonOf(1).getAttribute('aria-label') ?? '')).toBe(independentTotp(uriOf(1), start)), WAIT);
    const count = rows().length;
    expect(generated.length).toBe(count);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(generated.length).toBe(count);
    // Into the last 5 seconds: each row computes its next code, once.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(generated.length).toBe(2 * count);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(generated.length).toBe(2 * count);
    expect(decoded.length).toBe(count);
    expect(codeFromName(copyButtonOf(1).getAttribute('aria-label') ?? '')).toBe(independentTotp(uriOf(1), Date.now()));
  });

  it('scrolling renders the rows in view', async () => {
    await seedMany(500);
    renderPopup();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0), WAIT);
    const scroller = list().parentElement!;
    scroller.scrollTop = 250 * ROW;
    fireEvent.scroll(scroller);
    const shown = positions();
    expect(shown).toContain(251);
    expect(shown).toContain(258);
    expect(shown).not.toContain(1);
    expect(shown.length).toBeLessThanOrEqual(20);
    await vi.waitFor(() => expect(codeFromName(copyButtonOf(251).getAttribute('aria-label') ?? '')).toBe(independentTotp(uriOf(251), NOW)), WAIT);
  });

  it('searching shows the matches with their own list size', async () => {
    await seedMany(500);
    renderPopup();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0), WAIT);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search accounts' }), { target: { value: 'user49' } });
    // user49, user490..user499
    expect(rows().map((li) => li.getAttribute('aria-setsize'))).toEqual(rows().map(() => '11'));
    expect(rows().length).toBe(11);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search accounts' }), { target: { value: 'user499@' } });
    expect(rows().map((li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')])).toEqual([['1', '1']]);
  });

  it('End moves the focus to the last account, a row that was not rendered before, and it can be focused', async () => {
    await seedMany(500);
    renderPopup();
    const first = await vi.waitFor(() => {
      const button = copyButtonOf(1);
      expect(button.disabled).toBe(false);
      return button;
    }, WAIT);
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    const last = copyButtonOf(500);
    expect(document.activeElement).toBe(last);
    // A browser does not focus a disabled button (jsdom does, when it has a tabindex): the row must be
    // focusable when focus is moved to it, not only once its code has been computed.
    expect(last.disabled).toBe(false);
  });

  it('PageDown moves by a viewport of rows', async () => {
    await seedMany(500);
    renderPopup();
    const first = await vi.waitFor(() => {
      const button = copyButtonOf(1);
      expect(button.disabled).toBe(false);
      return button;
    }, WAIT);
    // jsdom has no layout: give the scroller the height the popup has.
    Object.defineProperty(list().parentElement!, 'clientHeight', { configurable: true, value: 480 });
    first.focus();
    fireEvent.keyDown(first, { key: 'PageDown' });
    // 480 px / 64 px = 7 whole rows further.
    expect(document.activeElement).toBe(copyButtonOf(8));
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(document.activeElement).toBe(copyButtonOf(1));
  });
});
