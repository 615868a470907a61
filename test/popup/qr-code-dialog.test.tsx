import { fireEvent, render, screen, within } from '@testing-library/preact';
import { encode } from 'uqr';
import { describe, expect, it, vi } from 'vitest';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { UnlockError } from '../../src/platform/unlock-error.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { App } from '../../src/popup/app.tsx';
import { QrCodeDialog } from '../../src/popup/qr-code-dialog.tsx';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser } from '../support/fake-browser.ts';

const WAIT = { timeout: 3000, interval: 10 };
const ACCOUNT = account('a1');
const LABEL = 'Service 1 (user1@example.com)';

/** The dark modules an SVG QR code draws, as "x,y" pairs. */
const drawn = (svg: Element): string[] => [...(svg.querySelector('path')?.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`);
/** The dark modules of the QR code of `text` (uqr, as the dialog draws it). */
const expected = (text: string): string[] => encode(text, { ecc: 'L', border: 4 }).data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`${x},${y}`] : [])));

describe('QrCodeDialog', () => {
  it('warns first; shows the QR code of the account’s otpauth URI; hides it again after its time', async () => {
    render(<QrCodeDialog account={ACCOUNT} encrypted={false} confirmExport={() => Promise.reject(new Error('not asked'))} onClose={() => undefined} showForMs={200} />);
    const dialog = screen.getByRole('dialog', { name: `QR code of ${LABEL}` });
    expect(within(dialog).getByText(/^Warning: this QR code is the account’s secret key\./)).toBeTruthy();
    expect(within(dialog).queryByRole('img')).toBeNull();
    expect(within(dialog).queryByLabelText('Master password')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the QR code' }));
    const image = await within(dialog).findByRole('img', { name: `QR code of ${LABEL} for an authenticator app` }, WAIT);
    expect(drawn(image)).toEqual(expected(formatOtpauthUri(ACCOUNT)));
    // The secret is drawn, never written into the page's text or attributes.
    expect(dialog.outerHTML).not.toContain(ACCOUNT.secret);
    await vi.waitFor(() => expect(within(dialog).queryByRole('img')).toBeNull(), WAIT);
    expect(within(dialog).getByRole('status').textContent).toBe('The QR code was hidden again.');
    expect(within(dialog).getByRole('button', { name: 'Show the QR code' })).toBeTruthy();
  });

  it('keeps the keyboard in the dialog when the code replaces the focused Show button: focus on Close, and Escape on the page closes it', async () => {
    let closed = 0;
    render(<QrCodeDialog account={ACCOUNT} encrypted={false} confirmExport={() => Promise.reject(new Error('not asked'))} onClose={() => closed++} />);
    const dialog = screen.getByRole('dialog');
    const show = within(dialog).getByRole('button', { name: 'Show the QR code' });
    show.focus();
    fireEvent.click(show);
    await within(dialog).findByRole('img', {}, WAIT);
    await vi.waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' })), WAIT);
    // Had the focus gone to the page (a control removed while focused), Escape there still closes the dialog.
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(closed).toBe(1);
  });

  it('with a master password: a wrong one says so and shows nothing; the right one shows the code', async () => {
    const tried: string[] = [];
    const confirm = (password: string): Promise<void> => {
      tried.push(password);
      return password === 'right' ? Promise.resolve() : Promise.reject(new UnlockError('wrong-password', 0));
    };
    render(<QrCodeDialog account={ACCOUNT} encrypted confirmExport={confirm} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog');
    const field = within(dialog).getByLabelText<HTMLInputElement>('Master password');
    fireEvent.input(field, { target: { value: 'wrong' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the QR code' }));
    await vi.waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Wrong master password. Nothing was shown.'), WAIT);
    expect(field.value).toBe('');
    expect(within(dialog).queryByRole('img')).toBeNull();
    fireEvent.input(field, { target: { value: 'right' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the QR code' }));
    await within(dialog).findByRole('img', {}, WAIT);
    expect(tried).toEqual(['wrong', 'right']);
  });

  it('after several wrong passwords it says how long to wait', async () => {
    render(<QrCodeDialog account={ACCOUNT} encrypted confirmExport={() => Promise.reject(new UnlockError('unlock-throttled', 4_200))} onClose={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Master password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show the QR code' }));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Too many wrong passwords: try again in 5 s.'), WAIT);
  });
});

describe('the account menu’s Show QR code', () => {
  it('opens the dialog; with a master password set, the real vault check decides', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [ACCOUNT] } });
    await protection.setPassword('master-pw-1');
    render(<App store={createAccountStore()} protection={protection} />);
    fireEvent.click(await screen.findByRole('button', { name: `More actions for ${LABEL}` }, WAIT));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Show QR code' }));
    const dialog = await screen.findByRole('dialog', { name: `QR code of ${LABEL}` }, WAIT);
    const field = within(dialog).getByLabelText('Master password');
    await vi.waitFor(() => expect(document.activeElement).toBe(field), WAIT);
    fireEvent.input(field, { target: { value: 'not it' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the QR code' }));
    await vi.waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Wrong master password. Nothing was shown.'), WAIT);
    fireEvent.input(field, { target: { value: 'master-pw-1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the QR code' }));
    await within(dialog).findByRole('img', {}, WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `More actions for ${LABEL}` })), WAIT);
  });
});
