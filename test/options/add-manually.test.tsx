import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Account, PlainVaultRecord as VaultRecord } from '../../src/core/vault.ts';
import { AddManually } from '../../src/options/add-manually.tsx';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { fakeBrowser } from '../support/fake-browser.ts';
import { storedVault } from '../support/stored-vault.ts';

const NOW = 1_700_000_000_000;
const WAIT = { timeout: 2000, interval: 10 };

const stored = (): VaultRecord | undefined => storedVault() as VaultRecord | undefined;

function renderForm() {
  let ids = 0;
  render(<AddManually store={createAccountStore()} clock={() => NOW} newId={() => `new-${++ids}`} />);
  const form = screen.getByRole('form', { name: 'Enter a secret key' });
  return { form };
}

const textbox = (name: string): HTMLInputElement => screen.getByRole('textbox', { name });
const combobox = (name: string): HTMLSelectElement => screen.getByRole('combobox', { name });
const spinbutton = (name: string): HTMLInputElement => screen.getByRole('spinbutton', { name });
const type = (element: HTMLElement, value: string): boolean => fireEvent.input(element, { target: { value } });
const choose = (element: HTMLElement, value: string): boolean => fireEvent.change(element, { target: { value } });
const add = (): boolean => fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
/** Every field of the form that says it is invalid. */
const markedInvalid = (): HTMLElement[] =>
  [...screen.getAllByRole('textbox'), ...screen.getAllByRole('combobox'), ...screen.getAllByRole('spinbutton')].filter((f) => f.getAttribute('aria-invalid') === 'true');
const status = (): string => screen.getByRole('status').textContent;

function fillBasics(issuer: string, name: string, secret: string): void {
  type(textbox('Issuer (service)'), issuer);
  type(textbox('Account name'), name);
  type(textbox('Secret key (base32)'), secret);
}

describe('AddManually', () => {
  it('adds a TOTP account with the defaults, then empties the form', async () => {
    renderForm();
    fillBasics(' GitHub ', 'alice@example.com', 'jbsw y3dp ehpk 3pxp');
    add();
    await vi.waitFor(() => expect(status()).toBe('Added GitHub (alice@example.com).'), WAIT);
    expect(stored()?.accounts).toEqual([
      {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        issuer: 'GitHub',
        name: 'alice@example.com',
        id: 'new-1',
        createdAt: NOW,
        pinned: false,
        status: 'active',
      },
    ]);
    expect([textbox('Issuer (service)').value, textbox('Account name').value, textbox('Secret key (base32)').value]).toEqual(['', '', '']);
    expect(combobox('Type').value).toBe('totp');
    expect(spinbutton('Period (seconds)').value).toBe('30');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds an HOTP account with its counter through Advanced', async () => {
    renderForm();
    fillBasics('Bank', 'carol', 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
    fireEvent.click(screen.getByText('Advanced'));
    choose(combobox('Type'), 'hotp');
    expect(screen.queryByRole('spinbutton', { name: 'Period (seconds)' })).toBeNull();
    choose(combobox('Algorithm'), 'SHA256');
    choose(combobox('Digits'), '8');
    type(spinbutton('Counter'), '5');
    add();
    await vi.waitFor(() => expect(status()).toBe('Added Bank (carol).'), WAIT);
    expect(stored()?.accounts).toEqual([
      {
        type: 'hotp',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        algorithm: 'SHA256',
        digits: 8,
        period: 30,
        counter: 5,
        issuer: 'Bank',
        name: 'carol',
        id: 'new-1',
        createdAt: NOW,
        pinned: false,
        status: 'active',
      },
    ]);
  });

  it('adds a TOTP account with a 60 s period, SHA512 and 7 digits', async () => {
    renderForm();
    fillBasics('', 'ops-root', 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ');
    choose(combobox('Algorithm'), 'SHA512');
    choose(combobox('Digits'), '7');
    type(spinbutton('Period (seconds)'), '60');
    add();
    await vi.waitFor(() => expect(status()).toBe('Added ops-root.'), WAIT);
    expect(stored()?.accounts[0]).toMatchObject({ type: 'totp', algorithm: 'SHA512', digits: 7, period: 60, counter: 0, issuer: '', name: 'ops-root' });
  });

  type Invalid = [title: string, fill: () => void, message: string, field: () => HTMLElement];
  const hotp = (): void => {
    choose(combobox('Type'), 'hotp');
  };

  it.each<Invalid>([
    [
      'a secret with a character base32 does not use',
      () => type(textbox('Secret key (base32)'), 'GEZDGNBVGY3TQOJQ GEZDGNBVGY3TQOJ1'),
      'the secret key has a character base32 does not use: “1” at position 33 (base32 uses only A–Z and 2–7)',
      () => textbox('Secret key (base32)'),
    ],
    ['no secret', () => type(textbox('Secret key (base32)'), ' - '), 'the secret key is missing', () => textbox('Secret key (base32)')],
    ['a short secret', () => type(textbox('Secret key (base32)'), 'JBSWY3DP'), 'the secret key is too short: at least 16 base32 characters (80 bits) are needed', () => textbox('Secret key (base32)')],
    [
      'a secret of impossible length',
      () => type(textbox('Secret key (base32)'), 'JBSWY3DPEHPK3PXPA'),
      'the secret key has an impossible length for base32 (a character may be missing or extra)',
      () => textbox('Secret key (base32)'),
    ],
    [
      'an issuer with a colon',
      () => type(textbox('Issuer (service)'), 'Git:Hub'),
      '“Git:Hub” cannot be used: issuer and account name may not contain a colon or control characters',
      () => textbox('Issuer (service)'),
    ],
    [
      'an account name with a colon',
      () => type(textbox('Account name'), 'alice:work'),
      '“alice:work” cannot be used: issuer and account name may not contain a colon or control characters',
      () => textbox('Account name'),
    ],
    [
      'neither issuer nor account name',
      () => {
        type(textbox('Issuer (service)'), ' ');
        type(textbox('Account name'), '');
      },
      'give an issuer or an account name',
      () => textbox('Account name'),
    ],
    // (0, negative and fractional numbers are stopped earlier by the browser's own validation: see below.)
    ['a period in exponent notation', () => type(spinbutton('Period (seconds)'), '3e1'), 'the period must be a whole number of seconds from 1 to 3600, not “3e1”', () => spinbutton('Period (seconds)')],
    ['period over an hour', () => type(spinbutton('Period (seconds)'), '3601'), 'the period must be a whole number of seconds from 1 to 3600, not “3601”', () => spinbutton('Period (seconds)')],
    [
      'HOTP without a counter',
      () => {
        hotp();
        type(spinbutton('Counter'), '');
      },
      'an HOTP account needs a counter',
      () => spinbutton('Counter'),
    ],
    [
      'HOTP with a counter in exponent notation',
      () => {
        hotp();
        type(spinbutton('Counter'), '1e3');
      },
      'the counter “1e3” is not a whole number from 0',
      () => spinbutton('Counter'),
    ],
  ])('refuses %s with its own message on that field, and stores nothing', async (_, fill, message, field) => {
    renderForm();
    fillBasics('GitHub', 'alice', 'JBSWY3DPEHPK3PXP');
    fill();
    add();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    const invalid = field();
    expect(invalid.getAttribute('aria-invalid')).toBe('true');
    expect(invalid.getAttribute('aria-describedby')).toBe(alert.id);
    // Only that field is marked.
    expect(markedInvalid()).toEqual([invalid]);
    // A field under "Advanced" is shown, not left folded away.
    const details = invalid.closest('details');
    if (details) expect(details.open).toBe(true);
    expect(status()).toBe('');
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it.each<[title: string, fill: () => void, field: () => HTMLInputElement, flaw: 'rangeUnderflow' | 'stepMismatch']>([
    ['period 0', () => type(spinbutton('Period (seconds)'), '0'), () => spinbutton('Period (seconds)'), 'rangeUnderflow'],
    ['a fractional period', () => type(spinbutton('Period (seconds)'), '30.5'), () => spinbutton('Period (seconds)'), 'stepMismatch'],
    [
      'a negative counter',
      () => {
        hotp();
        type(spinbutton('Counter'), '-1');
      },
      () => spinbutton('Counter'),
      'rangeUnderflow',
    ],
    [
      'a fractional counter',
      () => {
        hotp();
        type(spinbutton('Counter'), '1.5');
      },
      () => spinbutton('Counter'),
      'stepMismatch',
    ],
  ])('%s is stopped by the browser\'s own form validation: nothing is stored', async (_, fill, field, flaw) => {
    renderForm();
    fillBasics('GitHub', 'alice', 'JBSWY3DPEHPK3PXP');
    fill();
    add();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(field().validity[flaw]).toBe(true);
    expect(status()).toBe('');
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('clears the error once the input is fixed and added', async () => {
    renderForm();
    fillBasics('GitHub', 'alice', 'JBSWY3DP');
    add();
    await screen.findByRole('alert');
    type(textbox('Secret key (base32)'), 'JBSWY3DPEHPK3PXP');
    add();
    await vi.waitFor(() => expect(status()).toBe('Added GitHub (alice).'), WAIT);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(markedInvalid()).toEqual([]);
  });

  it.each([
    ['the same spelling', 'GitHub', 'alice@example.com', 'JBSWY3DPEHPK3PXP', 'GitHub (alice@example.com)'],
    ['another case and a spaced secret', 'github', ' ALICE@example.com', 'jbsw y3dp ehpk 3pxp', 'github (ALICE@example.com)'],
  ])('refuses a duplicate (%s): nothing is added', async (_, issuer, name, secret, label) => {
    const existing: Account = {
      type: 'totp',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      issuer: 'GitHub',
      name: 'alice@example.com',
      id: 'old',
      createdAt: 1,
      pinned: false,
      status: 'active',
    };
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [existing] } });
    renderForm();
    fillBasics(issuer, name, secret);
    add();
    await vi.waitFor(() => expect(status()).toBe(`${label} is already in Keystep; nothing was added.`), WAIT);
    expect(stored()?.accounts).toEqual([existing]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failed write says nothing was changed and keeps the form filled in', async () => {
    renderForm();
    fillBasics('GitHub', 'alice', 'JBSWY3DPEHPK3PXP');
    fakeBrowser.storage.local.failNextSets = 1;
    add();
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: QUOTA_BYTES quota exceeded. Nothing was changed.');
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
    expect(textbox('Secret key (base32)').value).toBe('JBSWY3DPEHPK3PXP');
    expect(status()).toBe('');
  });
});
