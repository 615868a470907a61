import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { parseOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { addDrafts } from '../../src/core/vault-edits.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { App } from '../../src/popup/app.tsx';
import { fakeBrowser } from '../support/fake-browser.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { copyButtonName } from '../support/copy-button-name.ts';

// The popup with a password-protected vault (the unlock form, wrong passwords and the wait, the lock button), and
// with stored entries it cannot read.

const NOW = 1_700_000_050_000;
const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const WAIT = { timeout: 3000, interval: 10 };

async function protectedVault(clock: () => number) {
  const store = createAccountStore();
  await store.update((vault) => ({ vault: addDrafts(vault, [parseOtpauthUri(GITHUB)], { newId: () => 'id-1', now: 1 }).vault, result: undefined }));
  const protection = createVaultProtection({ iterations: 1_000, now: clock });
  await protection.setPassword('right password');
  await protection.lock();
  return { store, protection };
}

const passwordField = (): HTMLInputElement => screen.getByLabelText('Master password');
const unlockButton = (): HTMLButtonElement => screen.getByRole('button', { name: /^Unlock/ });

function typeAndUnlock(password: string): void {
  fireEvent.input(passwordField(), { target: { value: password } });
  fireEvent.submit(screen.getByRole('form', { name: 'Keystep is locked' }));
}

describe('popup with a locked vault', () => {
  it('asks for the master password, refuses a wrong one, then shows the codes', async () => {
    const { store, protection } = await protectedVault(() => NOW);
    render(<App store={store} clock={() => NOW} protection={protection} />);
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: 'Keystep is locked' })).toBeTruthy(), WAIT);
    expect(screen.queryByRole('searchbox')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(passwordField()), WAIT);

    typeAndUnlock('wrong password');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Wrong password. Nothing was changed.'), WAIT);
    expect(passwordField().value).toBe('');

    typeAndUnlock('right password');
    const button = await vi.waitFor(() => screen.getByRole('button', { name: /^GitHub \(alice\), \d/ }), WAIT);
    expect(codeFromName(button.getAttribute('aria-label') ?? '')).toBe(independentTotp(GITHUB, NOW));
    expect(fakeBrowser.storage.session.data.has('vaultKey')).toBe(true);
  });

  it('after three wrong passwords disables Unlock and counts down', async () => {
    let now = NOW;
    const { store, protection } = await protectedVault(() => now);
    render(<App store={store} clock={() => now} protection={protection} />);
    await vi.waitFor(() => passwordField(), WAIT);
    for (let i = 0; i < 3; i++) {
      typeAndUnlock(`wrong ${i}`);
      // Each attempt is counted in storage before the form shows its verdict.
      await vi.waitFor(() => expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toMatchObject({ failures: i + 1 }), WAIT);
      await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(i < 2 ? /^Wrong password/ : /^Too many wrong passwords: try again in 1 s\.$/), WAIT);
    }
    expect(unlockButton().disabled).toBe(true);
    now += 1000;
    await vi.waitFor(() => expect(unlockButton().disabled).toBe(false), WAIT);
    typeAndUnlock('right password');
    await vi.waitFor(() => screen.getByRole('button', { name: copyButtonName('GitHub (alice)') }), WAIT);
  });

  it('says the wait once to screen readers (an alert) while the shown countdown is a timer, not read out at each second', async () => {
    let now = NOW;
    const { store, protection } = await protectedVault(() => now);
    render(<App store={store} clock={() => now} protection={protection} />);
    await vi.waitFor(() => passwordField(), WAIT);
    for (let i = 0; i < 4; i++) {
      typeAndUnlock(`wrong ${i}`);
      await vi.waitFor(() => expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toMatchObject({ failures: i + 1 }), WAIT);
      if (i === 2) {
        await vi.waitFor(() => expect(unlockButton().disabled).toBe(true), WAIT);
        now += 1000;
        await vi.waitFor(() => expect(unlockButton().disabled).toBe(false), WAIT);
      }
    }
    await vi.waitFor(() => expect(screen.getByRole('timer').textContent).toBe('Too many wrong passwords: try again in 2 s.'), WAIT);
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong passwords: try again in 2 s.');
    now += 1000;
    await vi.waitFor(() => expect(screen.getByRole('timer').textContent).toBe('Too many wrong passwords: try again in 1 s.'), WAIT);
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong passwords: try again in 2 s.');
    now += 1000;
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Wrong password. Nothing was changed.'), WAIT);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(unlockButton().disabled).toBe(false);
  });

  it('the lock button forgets the key and shows the unlock form again', async () => {
    const { store, protection } = await protectedVault(() => NOW);
    await protection.unlock('right password');
    render(<App store={store} clock={() => NOW} protection={protection} />);
    fireEvent.click(await vi.waitFor(() => screen.getByRole('button', { name: 'Lock Keystep' }), WAIT));
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Keystep is locked' }), WAIT);
    expect(fakeBrowser.storage.session.data.has('vaultKey')).toBe(false);
  });

  it('shows no lock button when there is no master password', async () => {
    const store = createAccountStore();
    await store.update((vault) => ({ vault: addDrafts(vault, [parseOtpauthUri(GITHUB)], { newId: () => 'id-1', now: 1 }).vault, result: undefined }));
    render(<App store={store} clock={() => NOW} />);
    await vi.waitFor(() => screen.getByRole('button', { name: copyButtonName('GitHub (alice)') }), WAIT);
    expect(screen.queryByRole('button', { name: 'Lock Keystep' })).toBeNull();
  });
});

describe('popup with stored entries it cannot read', () => {
  it('shows the readable accounts and says how many others are kept', async () => {
    const good = { ...parseOtpauthUri(GITHUB), id: 'g1', createdAt: 1, pinned: false, status: 'active' };
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [{ id: 'bad', type: 'totp' }, good, 42] } });
    render(<App store={createAccountStore()} clock={() => NOW} />);
    const button = await vi.waitFor(() => screen.getByRole('button', { name: /^GitHub \(alice\), \d/ }), WAIT);
    expect(codeFromName(button.getAttribute('aria-label') ?? '')).toBe(independentTotp(GITHUB, NOW));
    expect(screen.getByRole('alert').textContent).toBe('Stored accounts this version of Keystep cannot read: 2. They are not shown, and kept unchanged in storage.');
  });
});
