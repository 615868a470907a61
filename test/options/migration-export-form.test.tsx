import { fireEvent, render, screen, within } from '@testing-library/preact';
import { encode } from 'uqr';
import { describe, expect, it, vi } from 'vitest';
import { formatMigrationBatches } from '../../src/core/formats/format-migration-batches.ts';
import { parseMigrationUri } from '../../src/core/formats/parse-migration-uri.ts';
import type { Account } from '../../src/core/vault.ts';
import { MigrationExportForm } from '../../src/options/migration-export-form.tsx';
import { UnlockError } from '../../src/platform/unlock-error.ts';
import { account, draftOf } from '../support/account-fixtures.ts';
import { fixedRandomBytes } from '../support/fixed-random-bytes.ts';

const WAIT = { timeout: 3000, interval: 10 };
/** 23 accounts Google Authenticator can hold: three codes of 10, 10 and 3. */
const MANY: Account[] = Array.from({ length: 23 }, (_, n) => account(`a${n + 1}`));
const PERIOD_60 = account('a90', { period: 60 });
const DIGITS_8 = account('a91', { digits: 8 });
const SHA256 = account('a92', { algorithm: 'SHA256' });

/** The dark modules an SVG QR code draws, as "x,y" pairs. */
const drawn = (svg: Element): string[] => [...(svg.querySelector('path')?.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`);
const modulesOf = (text: string): string[] => encode(text, { ecc: 'L', border: 4 }).data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`${x},${y}`] : [])));

function renderForm(accounts: readonly Account[] | undefined, options: { encrypted?: boolean; confirm?: (password: string) => Promise<void>; showForMs?: number } = {}) {
  const view = render(
    <MigrationExportForm
      accounts={accounts}
      encrypted={options.encrypted ?? false}
      confirmExport={options.confirm ?? (() => Promise.reject(new Error('not asked')))}
      randomBytes={fixedRandomBytes(9)}
      {...(options.showForMs === undefined ? {} : { showForMs: options.showForMs })}
    />,
  );
  return { ...view, form: screen.getByRole('form', { name: 'Google Authenticator QR codes' }) };
}

const codeImage = (form: HTMLElement): HTMLElement => within(form).getByRole('img', { name: /^Google Authenticator QR code \d+ of \d+$/ });

describe('MigrationExportForm', () => {
  it('all accounts: one code at a time, "k of n", Next and Previous; each code is the export’s URI', async () => {
    const { form } = renderForm(MANY);
    expect(within(form).getByText(/^Warning: these QR codes hold your secret keys\./)).toBeTruthy();
    expect(within(form).getByRole('radio', { name: 'All accounts (23)' })).toHaveProperty('checked', true);
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    const expected = formatMigrationBatches(MANY, { randomBytes: fixedRandomBytes(9) });
    expect(expected.uris).toHaveLength(3);
    await within(form).findByRole('heading', { name: 'QR code 1 of 3' }, WAIT);
    expect(drawn(codeImage(form))).toEqual(modulesOf(expected.uris[0]!));
    expect(within(form).getByText(/^In this code: Service 1 \(user1@example\.com\), Service 2/)).toBeTruthy();
    const previous = within(form).getByRole<HTMLButtonElement>('button', { name: 'Previous' });
    const next = within(form).getByRole<HTMLButtonElement>('button', { name: 'Next' });
    expect(previous.disabled).toBe(true);
    fireEvent.click(next);
    fireEvent.click(next);
    expect(within(form).getByRole('heading', { name: 'QR code 3 of 3' })).toBeTruthy();
    expect(codeImage(form).getAttribute('aria-label')).toBe('Google Authenticator QR code 3 of 3');
    expect(drawn(codeImage(form))).toEqual(modulesOf(expected.uris[2]!));
    expect(next.disabled).toBe(true);
    fireEvent.click(previous);
    expect(within(form).getByRole('heading', { name: 'QR code 2 of 3' })).toBeTruthy();
    // What the codes hold reads back to the accounts, in order.
    const read = expected.uris.flatMap((uri) => parseMigrationUri(uri).accounts.map((a) => (a.ok ? a.draft : a.error)));
    expect(read).toEqual(MANY.map(draftOf));
    expect(form.outerHTML).not.toContain(MANY[0]!.secret);
  });

  it('chosen accounts only; those Google Authenticator cannot hold are listed with the reason', async () => {
    const { form } = renderForm([MANY[0]!, PERIOD_60, DIGITS_8, SHA256, MANY[1]!]);
    fireEvent.click(within(form).getByRole('radio', { name: 'Only the accounts I choose' }));
    const group = within(form).getByRole('group', { name: 'Accounts to put in the QR codes' });
    for (const name of ['Service 1 (user1@example.com)', 'Service 90 (user90@example.com)', 'Service 91 (user91@example.com)', 'Service 92 (user92@example.com)']) {
      fireEvent.click(within(group).getByRole('checkbox', { name }));
    }
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await within(form).findByRole('heading', { name: 'QR code 1 of 1' }, WAIT);
    expect(within(form).getByText('In this code: Service 1 (user1@example.com).')).toBeTruthy();
    const left = within(form).getByRole('list', { name: 'Not in these QR codes (3)' });
    expect(within(left).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Service 90 (user90@example.com) — its codes change every 60 seconds, and Google Authenticator only has 30-second codes',
      'Service 91 (user91@example.com) — its codes have 8 digits; Google Authenticator on Android shows 6 whatever the account says, so they would be wrong',
      'Service 92 (user92@example.com) — it uses SHA256; Google Authenticator on Android computes SHA1 codes whatever the account says, so they would be wrong',
    ]);
  });

  it('nothing chosen, or nothing Google Authenticator can hold: says so, shows no code', async () => {
    const { form } = renderForm([PERIOD_60]);
    fireEvent.click(within(form).getByRole('radio', { name: 'Only the accounts I choose' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await vi.waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Choose at least one account.'), WAIT);
    fireEvent.click(within(form).getByRole('radio', { name: 'All accounts (1)' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await vi.waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('None of these accounts can go to Google Authenticator: see why below.'), WAIT);
    expect(within(form).queryByRole('img')).toBeNull();
    expect(within(within(form).getByRole('list', { name: 'Not in these QR codes (1)' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('an empty vault: nothing to export', async () => {
    const { form } = renderForm([]);
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await vi.waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('There are no accounts to back up.'), WAIT);
  });

  it('with a master password: asked first; a wrong one shows nothing', async () => {
    const confirm = (password: string): Promise<void> => (password === 'master' ? Promise.resolve() : Promise.reject(new UnlockError('wrong-password', 0)));
    const { form } = renderForm(MANY.slice(0, 2), { encrypted: true, confirm });
    const field = within(form).getByLabelText<HTMLInputElement>('Master password');
    fireEvent.input(field, { target: { value: 'guess' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await vi.waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Wrong master password. Nothing was shown.'), WAIT);
    expect(within(form).queryByRole('img')).toBeNull();
    fireEvent.input(field, { target: { value: 'master' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await within(form).findByRole('img', {}, WAIT);
    expect(field.value).toBe('');
  });

  it('hides the codes after their time, on Hide, and when the vault locks', async () => {
    const { form, rerender } = renderForm(MANY.slice(0, 2), { showForMs: 150 });
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await within(form).findByRole('img', {}, WAIT);
    await vi.waitFor(() => expect(within(form).queryByRole('img')).toBeNull(), WAIT);
    expect(within(form).getByRole('status').textContent).toMatch(/^The QR codes were hidden after \d+ seconds\. Show them again to go on\.$/);
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    fireEvent.click(await within(form).findByRole('button', { name: 'Hide' }, WAIT));
    expect(within(form).queryByRole('img')).toBeNull();
    expect(within(form).getByRole('status').textContent).toBe('The QR codes are hidden.');
    fireEvent.click(within(form).getByRole('button', { name: 'Show the QR codes' }));
    await within(form).findByRole('img', {}, WAIT);
    rerender(<MigrationExportForm accounts={undefined} encrypted={false} confirmExport={() => Promise.resolve()} />);
    await vi.waitFor(() => expect(within(form).queryByRole('img')).toBeNull(), WAIT);
  });
});
