import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Account, PlainVaultRecord as VaultRecord } from '../../src/core/vault.ts';
import { AddFromUris } from '../../src/options/add-from-uris.tsx';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { fakeBrowser } from '../support/fake-browser.ts';
import { storedVault } from '../support/stored-vault.ts';
import { numberedDraft } from '../support/account-fixtures.ts';
import { migrationPayload, migrationUri, type TestMigrationAccount } from '../support/migration-payload-writer.ts';
import { decodeBase32 } from '../../src/core/base32.ts';

const NOW = 1_700_000_000_000;
const WAIT = { timeout: 2000, interval: 10 };

const GITHUB = 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const GITHUB_SPACED = 'otpauth://totp/GitHub:alice@example.com?secret=jbsw y3dp ehpk 3pxp&issuer=github';
const AWS = 'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services&algorithm=SHA256&digits=8&period=60';
const COUNTER = 'otpauth://hotp/Counter:eve?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3';
const BANK = 'otpauth://hotp/Bank:carol?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Bank&counter=5';
const BAD_CHAR = 'otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1&issuer=Broken';
const NOT_OTPAUTH = 'https://example.com/login';
const TOO_SHORT = 'otpauth://totp/Short:x?secret=JBSWY3DP&issuer=Short';

const GITHUB_ACCOUNT = { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'GitHub', name: 'alice@example.com' } as const;
const AWS_ACCOUNT = { type: 'totp', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ', algorithm: 'SHA256', digits: 8, period: 60, counter: 0, issuer: 'Amazon Web Services', name: 'bob@example.com' } as const;
const COUNTER_ACCOUNT = { type: 'hotp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 3, issuer: 'Counter', name: 'eve' } as const;
const BANK_ACCOUNT: Account = {
  type: 'hotp',
  secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 5,
  issuer: 'Bank',
  name: 'carol',
  id: 'bank',
  createdAt: 1,
  pinned: true,
  status: 'active',
};

const stored = (): VaultRecord | undefined => storedVault() as VaultRecord | undefined;

function renderForm() {
  let ids = 0;
  render(<AddFromUris store={createAccountStore()} clock={() => NOW} newId={() => `new-${++ids}`} />);
  const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' });
  const paste = (lines: readonly string[]): void => {
    fireEvent.input(box, { target: { value: lines.join('\n') } });
    fireEvent.click(screen.getByRole('button', { name: 'Add accounts' }));
  };
  return { box, paste };
}

const reportTexts = (): string[] => within(screen.getByRole('list', { name: 'Result' })).getAllByRole('listitem').map((li) => li.textContent);
const summary = (): string => screen.getByRole('status').textContent;

describe('AddFromUris', () => {
  it('adds the valid lines, reports every line, and keeps only the failed ones in the box', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 4, accounts: [BANK_ACCOUNT] } });
    const { box, paste } = renderForm();
    paste([
      GITHUB, //                    1: added
      `  ${BAD_CHAR}  `, //         2: bad character, kept (trimmed)
      '', //                        3: blank, skipped but counted
      AWS, //                       4: added
      GITHUB_SPACED, //             5: the same as line 1
      NOT_OTPAUTH, //               6: not otpauth
      BANK, //                      7: already stored
      '   ', //                     8: blank
      TOO_SHORT, //                 9: secret too short
      COUNTER, //                   10: added (HOTP)
    ]);
    await vi.waitFor(() => expect(summary()).toBe('3 added, 2 already present, 3 with errors.'), WAIT);
    expect(reportTexts()).toEqual([
      'Line 1: added GitHub (alice@example.com)',
      'Line 2: the secret key has a character base32 does not use: “1” at position 16 (base32 uses only A–Z and 2–7)',
      'Line 4: added Amazon Web Services (bob@example.com)',
      'Line 5: github (alice@example.com) is already in Keystep',
      'Line 6: not an otpauth:// link (it starts with “https:”)',
      'Line 7: Bank (carol) is already in Keystep',
      'Line 9: the secret key is too short: at least 16 base32 characters (80 bits) are needed',
      'Line 10: added Counter (eve)',
    ]);
    expect(box.value).toBe([BAD_CHAR, NOT_OTPAUTH, TOO_SHORT].join('\n'));
    expect(stored()).toEqual({
      schema: 3,
      format: 'plain',
      revision: 5,
      accounts: [
        BANK_ACCOUNT,
        { ...GITHUB_ACCOUNT, id: 'new-1', createdAt: NOW, pinned: false, status: 'active' },
        { ...AWS_ACCOUNT, id: 'new-2', createdAt: NOW, pinned: false, status: 'active' },
        { ...COUNTER_ACCOUNT, id: 'new-3', createdAt: NOW, pinned: false, status: 'active' },
      ],
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes a Google Authenticator export line: every account reported, a refused one with its name and reason', async () => {
    const { box, paste } = renderForm();
    const ga = (n: number, algorithm = 1): TestMigrationAccount => ({ secret: decodeBase32(numberedDraft(n).secret), name: `user${n}@example.com`, issuer: `Service ${n}`, algorithm, digits: 1, type: 2 });
    paste([migrationUri(migrationPayload({ accounts: [ga(1), ga(2, 4)], version: 1, batchSize: 2, batchIndex: 0, batchId: 9 })), GITHUB]);
    await vi.waitFor(() => expect(summary()).toBe('2 added, 0 already present, 1 with errors.'), WAIT);
    expect(reportTexts()).toEqual([
      'Line 1, account 1: added Service 1 (user1@example.com)',
      'Line 1, account 2: Service 2 (user2@example.com): the algorithm “MD5” is not SHA1, SHA256 or SHA512',
      'Line 2: added GitHub (alice@example.com)',
    ]);
    expect(screen.getByText('QR codes missing from this Google Authenticator export: 2 of 2. Their accounts are not in the list below.')).toBeTruthy();
    expect(box.value).toBe('');
    expect(stored()?.accounts.map((a) => a.issuer)).toEqual(['Service 1', 'GitHub']);
  });

  it('a second paste of the same links adds nothing', async () => {
    const { box, paste } = renderForm();
    paste([GITHUB, AWS]);
    await vi.waitFor(() => expect(summary()).toBe('2 added, 0 already present, 0 with errors.'), WAIT);
    expect(box.value).toBe('');
    paste([AWS, '', GITHUB]);
    await vi.waitFor(() => expect(summary()).toBe('0 added, 2 already present, 0 with errors.'), WAIT);
    expect(reportTexts()).toEqual(['Line 1: Amazon Web Services (bob@example.com) is already in Keystep', 'Line 3: GitHub (alice@example.com) is already in Keystep']);
    expect(stored()?.accounts.map((a) => a.id)).toEqual(['new-1', 'new-2']);
  });

  it.each([
    ['nothing', ''],
    ['only blank lines', '  \n\t\n\r\n'],
  ])('asks for a link when the box holds %s', async (_, text) => {
    const { box } = renderForm();
    fireEvent.input(box, { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Add accounts' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Paste at least one otpauth:// link.');
    expect(summary()).toBe('');
    expect(screen.queryByRole('list', { name: 'Result' })).toBeNull();
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('an empty submission after a paste clears the earlier results', async () => {
    const { paste } = renderForm();
    paste([GITHUB, NOT_OTPAUTH]);
    await vi.waitFor(() => expect(summary()).toBe('1 added, 0 already present, 1 with errors.'), WAIT);
    paste(['']);
    expect((await screen.findByRole('alert')).textContent).toBe('Paste at least one otpauth:// link.');
    expect(summary()).toBe('');
    expect(screen.queryByRole('list', { name: 'Result' })).toBeNull();
    expect(stored()?.accounts.map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it('a failed write says nothing was changed and keeps every line in the box', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 4, accounts: [BANK_ACCOUNT] } });
    const before = stored();
    const { box, paste } = renderForm();
    fakeBrowser.storage.local.failNextSets = 1;
    paste([GITHUB, NOT_OTPAUTH, AWS]);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: QUOTA_BYTES quota exceeded. Nothing was changed.');
    expect(box.value).toBe([GITHUB, NOT_OTPAUTH, AWS].join('\n'));
    expect(stored()).toEqual(before);
    expect(summary()).toBe('');
    // Trying again works.
    fireEvent.click(screen.getByRole('button', { name: 'Add accounts' }));
    await vi.waitFor(() => expect(summary()).toBe('2 added, 0 already present, 1 with errors.'), WAIT);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
