import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import type { FillMessage } from '../../src/platform/fill-triggers.ts';
import type { PendingFill } from '../../src/platform/pending-fill-item.ts';
import { App } from '../../src/popup/app.tsx';
import type { FillTarget } from '../../src/popup/use-fill-target.ts';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser } from '../support/fake-browser.ts';
import { storePlainVault, storedVaultAccounts } from '../support/stored-vault.ts';
import { base32Bytes, codeFromName, totpCode } from '../support/independent-otp.ts';
import { copyButtonName } from '../support/copy-button-name.ts';

// The popup's part in filling: a Fill button on each row (into the page it was opened over), the Sites… dialog,
// the clock offset, and the chooser window the keyboard command opens on a page that is not one account's site.

/** 10 s into a 30 s period. */
const NOW = 1_700_000_040_000 + 10_000;
const WAIT = { timeout: 2000, interval: 10 };
const PAGE: FillTarget = { tabId: 42, origin: 'https://login.example.com' };

const GITHUB = account('a1', { issuer: 'GitHub', name: 'alice' });
const BANK = account('a2', { issuer: 'Bank', name: 'carol', sites: ['https://login.example.com'] });
const SHOP = account('a3', { issuer: 'Shop', name: 'dave', sites: ['https://shop.example'] });

const seed = (accounts: readonly Account[]): Promise<void> => storePlainVault(accounts);
const storedAccount = (id: string): Account | undefined => storedVaultAccounts().find((a) => a.id === id);
const storedSites = (id: string): readonly string[] | undefined => storedAccount(id)?.sites;

function renderApp(options: { target?: FillTarget | undefined; fill?: (message: FillMessage) => Promise<void>; chooserId?: string } = {}) {
  const sent: FillMessage[] = [];
  const closed: number[] = [];
  const target = 'target' in options ? options.target : PAGE;
  render(
    <App
      store={createAccountStore()}
      clock={() => NOW}
      copy={() => Promise.resolve()}
      openPage={() => Promise.resolve()}
      readFillTarget={() => Promise.resolve(target)}
      fill={
        options.fill ??
        ((message) => {
          sent.push(message);
          return Promise.resolve();
        })
      }
      closeWindow={() => closed.push(1)}
      chooserId={options.chooserId}
    />,
  );
  return { sent, closed };
}

const fillButton = (label: string, host = 'login.example.com'): Promise<HTMLElement> => screen.findByRole('button', { name: `Fill the code of ${label} into ${host}` });

describe('the Fill button of a row', () => {
  it('names the account and the page, and hands the fill to the service worker, then closes the popup', async () => {
    await seed([GITHUB, BANK]);
    const { sent, closed } = renderApp();
    fireEvent.click(await fillButton('GitHub (alice)'));
    await vi.waitFor(() => expect(closed).toEqual([1]), WAIT);
    expect(sent).toEqual<FillMessage[]>([{ type: 'keystep-fill-account', tabId: 42, accountId: 'a1' }]);
  });

  it('is the row’s second tab stop: Tab from the code reaches it', async () => {
    await seed([GITHUB, BANK]);
    renderApp();
    const first = await fillButton('GitHub (alice)');
    const second = await fillButton('Bank (carol)');
    expect([first.tabIndex, second.tabIndex]).toEqual([0, -1]);
    // The roving tab stop moves with the focused row, the Fill button with it.
    fireEvent.keyDown(screen.getByRole('button', { name: copyButtonName('GitHub (alice)') }), { key: 'ArrowDown' });
    await vi.waitFor(() => expect([first.tabIndex, second.tabIndex]).toEqual([-1, 0]), WAIT);
  });

  it('is not there when the popup is not over a web page', async () => {
    await seed([GITHUB]);
    renderApp({ target: undefined });
    await screen.findByRole('button', { name: copyButtonName('GitHub (alice)') });
    expect(screen.queryByRole('button', { name: /^Fill the code/ })).toBeNull();
  });

  it('says why when the fill cannot be handed over, and stays open', async () => {
    await seed([GITHUB]);
    const { closed } = renderApp({ fill: () => Promise.reject(new Error('Could not establish connection')) });
    fireEvent.click(await fillButton('GitHub (alice)'));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not fill the code: Could not establish connection');
    expect(closed).toEqual([]);
  });
});

describe('the Sites… dialog', () => {
  async function openSites(label: string): Promise<HTMLElement> {
    await screen.findByRole('button', { name: copyButtonName(label) });
    fireEvent.click(screen.getByRole('button', { name: `More actions for ${label}` }));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Sites…' }));
    return screen.findByRole('dialog', { name: `Sites of ${label}` });
  }

  it('suggests the page and the issuer’s site, adds only what is clicked or typed, and saves the origins', async () => {
    await seed([GITHUB]);
    renderApp();
    const dialog = await openSites('GitHub (alice)');
    expect(within(dialog).getByText('No sites yet.')).toBeTruthy();
    const suggested = within(dialog).getByRole('list', { name: 'Suggested sites' });
    expect(within(suggested).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['https://login.example.com (this page)Add', 'https://github.com (from the issuer)Add']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add https://github.com' }));
    const field = within(dialog).getByRole('textbox', { name: 'Add a site (its address)' });
    fireEvent.input(field, { target: { value: 'http://github.com' } });
    fireEvent.submit(field);
    expect(within(dialog).getByText('“http://github.com” is not https: Keystep fills without asking only on https pages, or on pages of this computer.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: 'GitHub.example.org/login' } });
    fireEvent.submit(field);
    const sites = within(dialog).getByRole('list', { name: 'Sites' });
    expect(within(sites).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['https://github.comRemove', 'https://github.example.orgRemove']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove https://github.example.org' }));
    // Nothing is stored before Save.
    expect(storedSites('a1')).toBeUndefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(storedSites('a1')).toEqual(['https://github.com']), WAIT);
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
  });

  it('Cancel stores nothing', async () => {
    await seed([BANK]);
    renderApp();
    const dialog = await openSites('Bank (carol)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove https://login.example.com' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Submit the form after filling the code' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    expect(storedSites('a2')).toEqual(['https://login.example.com']);
    expect(storedAccount('a2')?.submitAfterFill).toBeUndefined();
  });

  const submitBox = (dialog: HTMLElement): HTMLInputElement => within(dialog).getByRole('checkbox', { name: 'Submit the form after filling the code' });

  it('submitting after filling: off by default, explained, and saved with the sites when ticked', async () => {
    await seed([BANK]);
    renderApp();
    const dialog = await openSites('Bank (carol)');
    const box = submitBox(dialog);
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Only when it is clear how: the form has one submit button, or no button and only the code field. Otherwise Keystep fills the code and stops there. Off by default.',
    );
    fireEvent.click(box);
    // Nothing is stored before Save.
    expect(storedAccount('a2')?.submitAfterFill).toBeUndefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(storedAccount('a2')?.submitAfterFill).toBe(true), WAIT);
    expect(storedSites('a2')).toEqual(['https://login.example.com']);
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
  });

  it('an account that submits after filling shows it ticked; unticking and saving turns it off', async () => {
    await seed([{ ...BANK, submitAfterFill: true }]);
    renderApp();
    const dialog = await openSites('Bank (carol)');
    const box = submitBox(dialog);
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // Off removes the field (an account missing altogether would count as still on).
    await vi.waitFor(() => expect(Object.keys(storedAccount('a2') ?? { submitAfterFill: true })).not.toContain('submitAfterFill'), WAIT);
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
  });
});

describe('the clock offset', () => {
  it('applies to the codes shown, and the popup says it does', async () => {
    await seed([GITHUB]);
    await fakeBrowser.storage.local.set({ clockOffset: 90 });
    renderApp();
    const button = await screen.findByRole('button', { name: /^GitHub alice, \d/ });
    expect(codeFromName(button.getAttribute('aria-label') ?? '')).toBe(totpCode(base32Bytes(GITHUB.secret), NOW + 90_000));
    expect(totpCode(base32Bytes(GITHUB.secret), NOW + 90_000)).not.toBe(totpCode(base32Bytes(GITHUB.secret), NOW));
    expect(screen.getByText('Codes use a clock correction of +90 s (settings, Fill & clock).')).toBeTruthy();
  });
});

describe('the chooser window', () => {
  const pending = (origin: string, overrides: Partial<PendingFill> = {}): PendingFill => ({ id: 'p1', tabId: 42, origin, useFocusedField: false, createdAt: NOW - 5_000, ...overrides });

  it('on a look-alike: names the page, lists each account with its sites, picks nothing, fills only the pick', async () => {
    await seed([GITHUB, BANK, SHOP]);
    await fakeBrowser.storage.session.set({ pendingFill: pending('https://login.examp1e.com') });
    const { sent, closed } = renderApp({ chooserId: 'p1' });
    await screen.findByRole('heading', { name: 'Fill a code into this page?' });
    expect(screen.getByText('https://login.examp1e.com').tagName).toBe('STRONG');
    expect(screen.getByRole('note').textContent).toMatch(/^No account is set up for login\.examp1e\.com\. If you expected one, check the address/);
    const list = screen.getByRole('list', { name: 'Accounts' });
    const fills = within(list).getAllByRole('button');
    expect(fills.map((b) => b.textContent)).toEqual(['Fill with GitHub (alice)', 'Fill with Bank (carol)', 'Fill with Shop (dave)']);
    expect(fills.map((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent)).toEqual([
      'No sites set',
      'Sites: https://login.example.com',
      'Sites: https://shop.example',
    ]);
    const remember = screen.getByRole('checkbox', { name: 'Remember login.examp1e.com for the account I pick' });
    expect((remember as HTMLInputElement).checked).toBe(false);
    expect(sent).toEqual([]);
    fireEvent.click(within(list).getByRole('button', { name: 'Fill with Bank (carol)' }));
    await vi.waitFor(() => expect(closed).toEqual([1]), WAIT);
    expect(sent).toEqual<FillMessage[]>([{ type: 'keystep-fill-pending', pendingId: 'p1', accountId: 'a2', remember: false }]);
  });

  it('lists the accounts set up for the site first, and passes “remember” when ticked', async () => {
    const second = account('a4', { issuer: 'Bank', name: 'erin', sites: ['https://login.example.com'] });
    await seed([GITHUB, BANK, SHOP, second]);
    await fakeBrowser.storage.session.set({ pendingFill: pending('https://login.example.com') });
    const { sent } = renderApp({ chooserId: 'p1' });
    const list = await screen.findByRole('list', { name: 'Accounts' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['Fill with Bank (carol)', 'Fill with Bank (erin)', 'Fill with GitHub (alice)', 'Fill with Shop (dave)']);
    expect(screen.getByRole('note').textContent).toBe('Accounts set up for login.example.com come first. Keystep fills only the account you pick.');
    fireEvent.click(screen.getByRole('checkbox', { name: /^Remember login\.example\.com/ }));
    fireEvent.click(within(list).getByRole('button', { name: 'Fill with GitHub (alice)' }));
    await vi.waitFor(() => expect(sent).toEqual<FillMessage[]>([{ type: 'keystep-fill-pending', pendingId: 'p1', accountId: 'a1', remember: true }]), WAIT);
  });

  it('offers no “remember” for a page on plain http elsewhere (never bound)', async () => {
    await seed([GITHUB]);
    await fakeBrowser.storage.session.set({ pendingFill: pending('http://intranet.example.com') });
    renderApp({ chooserId: 'p1' });
    await screen.findByRole('list', { name: 'Accounts' });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it.each<[string, PendingFill | undefined]>([
    ['no pending fill', undefined],
    ['another pending fill', pending('https://login.example.com', { id: 'p2' })],
    ['a pending fill over a minute old', pending('https://login.example.com', { createdAt: NOW - 61_000 })],
  ])('says the request expired for %s, and fills nothing', async (_, stored) => {
    await seed([GITHUB]);
    if (stored) await fakeBrowser.storage.session.set({ pendingFill: stored });
    const { sent, closed } = renderApp({ chooserId: 'p1' });
    await screen.findByText('This request has expired or was answered already. Use the shortcut on the page again.');
    expect(screen.queryByRole('list', { name: 'Accounts' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toEqual([1]);
    expect(sent).toEqual([]);
  });
});
