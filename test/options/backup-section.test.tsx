import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { decodeBase32 } from '../../src/core/base32.ts';
import { BACKUP_AAD, createBackup, decryptBackup, readBackupEnvelope, type BackupEntry } from '../../src/core/backup-file.ts';
import { deriveAesKey, newKdfParams } from '../../src/core/kdf.ts';
import { parseOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { parseUriList } from '../../src/core/parse-uri-list.ts';
import { sealBytes } from '../../src/core/sealed-box-codec.ts';
import type { Account, PlainVaultRecord } from '../../src/core/vault.ts';
import { addDrafts } from '../../src/core/vault-edits.ts';
import { BackupSection } from '../../src/options/backup-section.tsx';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { createAccountStore, type AccountStore } from '../../src/platform/account-store.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { fakeBrowser } from '../support/fake-browser.ts';
import { storedVault } from '../support/stored-vault.ts';
import { ACCOUNTS, BANK, COGNITO, GITHUB } from '../support/backup-fixture-accounts.ts';
import { account, numberedDraft } from '../support/account-fixtures.ts';
import { aegisEncryptedVault, aegisEntry, aegisPlainVault } from '../support/aegis-vault-writer.ts';
import { authenticatorEncryptedExport, authenticatorEntry, authenticatorExport } from '../support/authenticator-export-writer.ts';
import { BITWARDEN_NOTE, bitwardenExport, bitwardenLogin } from '../support/bitwarden-export-writer.ts';
import { migrationPayload, migrationUri } from '../support/migration-payload-writer.ts';
import { twoFasEncryptedBackup, twoFasPlainBackup, twoFasService } from '../support/two-fas-backup-writer.ts';

/** Noon, local time: the file names carry the local date, whatever the time zone of the machine. */
const NOW = new Date(2026, 10, 23, 12, 0, 0).getTime();
const WAIT = { timeout: 5000, interval: 10 };
const PASSWORD = 'correct horse battery staple';
const FAST = 1_000;

/** BANK as another page stored it: its label in other case, so it is the same account to Keystep. */
const BANK_STORED: Account = { ...BANK, id: 'bank-old', createdAt: 99, issuer: 'BANK', name: 'Alice', counter: 50 };

const GITHUB_URI = 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS_URI = 'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services';
const BANK_URI = 'otpauth://hotp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY&issuer=Bank&counter=1';
const UNRECOGNISED =
  'Keystep cannot import this file. It reads Keystep backups, Aegis vaults, 2FAS backups, Bitwarden and Authenticator extension exports (JSON), and text with one otpauth:// or otpauth-migration:// link per line. Nothing was imported.';
const BAD_CHAR_URI = 'otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1&issuer=Broken';

const draftOf = ({ type, issuer, name, secret, algorithm, digits, period, counter }: AccountDraft): AccountDraft => ({ type, issuer, name, secret, algorithm, digits, period, counter });

const stored = (): PlainVaultRecord | undefined => storedVault() as PlainVaultRecord | undefined;

async function storeAccounts(accounts: readonly Account[]): Promise<void> {
  await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 7, accounts } });
}

interface Download {
  readonly fileName: string;
  readonly text: string;
  readonly mimeType: string;
}

async function renderSection(store: AccountStore = createAccountStore()) {
  const downloads: Download[] = [];
  let ids = 0;
  render(
    <BackupSection
      store={store}
      clock={() => NOW}
      newId={() => `new-${++ids}`}
      download={(fileName, text, mimeType) => downloads.push({ fileName, text, mimeType })}
      iterations={FAST}
    />,
  );
  const section = await screen.findByRole('region', { name: 'Backups' }, WAIT);
  return { section, downloads };
}

const form = (name: string): HTMLElement => screen.getByRole('form', { name });
const statusOf = (name: string): string => within(form(name)).getByRole('status').textContent;
const alertOf = (name: string): string | undefined => within(form(name)).queryByRole('alert')?.textContent;
const previewItems = (): string[] => within(screen.getByRole('list', { name: 'Preview' })).getAllByRole('listitem').map((li) => li.textContent);
/** The text of the element an input's aria-describedby points at (its error message), or undefined. */
const descriptionOf = (input: HTMLElement): string | undefined => {
  const ids = input.getAttribute('aria-describedby');
  return ids === null ? undefined : ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
};

function fillPasswords(password: string, repeat: string): void {
  fireEvent.input(screen.getByLabelText('Backup password'), { target: { value: password } });
  fireEvent.input(screen.getByLabelText('Repeat the backup password'), { target: { value: repeat } });
}

function chooseFile(file: File): void {
  fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
}

const textFile = (text: string, name = 'accounts.txt'): File => new File([text], name, { type: 'text/plain' });

/** A backup file around any payload, sealed as createBackup seals it: for payloads createBackup cannot make. */
async function sealedBackup(payload: unknown, password = PASSWORD): Promise<string> {
  const kdf = newKdfParams(undefined, FAST);
  const key = await deriveAesKey(password, kdf);
  const box = await sealBytes(key, new TextEncoder().encode(JSON.stringify(payload)), BACKUP_AAD);
  return JSON.stringify({ format: 'keystep-backup', version: 1, createdAt: '2026-11-20T12:00:00.000Z', kdf, cipher: { algorithm: 'AES-256-GCM', ...box } });
}

async function decryptWith(password: string): Promise<void> {
  fireEvent.input(await screen.findByLabelText('Password of the backup', {}, WAIT), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Decrypt' }));
}

describe('BackupSection: encrypted backup', () => {
  it('downloads a backup of every account that decrypts with the password, then clears the fields', async () => {
    await storeAccounts(ACCOUNTS);
    const { downloads } = await renderSection();
    fillPasswords(PASSWORD, PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(
      () => expect(statusOf('Encrypted backup')).toBe('Saved 3 accounts to keystep-backup-2026-11-23.json. Keep the password: without it the file cannot be opened.'),
      WAIT,
    );
    expect(downloads.map(({ fileName, mimeType }) => ({ fileName, mimeType }))).toEqual([{ fileName: 'keystep-backup-2026-11-23.json', mimeType: 'application/json' }]);
    const envelope = readBackupEnvelope(downloads[0]!.text);
    expect(envelope.kdf.iterations).toBe(FAST);
    expect(envelope.createdAt).toBe(new Date(NOW).toISOString());
    const entries = await decryptBackup(envelope, PASSWORD);
    expect(entries).toEqual<BackupEntry[]>(
      ACCOUNTS.map((a, index) => ({ ok: true, index, draft: draftOf(a), pinned: a.pinned, status: a.status, ...(a.cognito ? { cognito: a.cognito } : {}) })),
    );
    expect(screen.getByLabelText<HTMLInputElement>('Backup password').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Repeat the backup password').value).toBe('');
    expect(alertOf('Encrypted backup')).toBeUndefined();
  });

  it('says "1 account" for one', async () => {
    await storeAccounts([BANK]);
    const { downloads } = await renderSection();
    fillPasswords('12345678', '12345678');
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(
      () => expect(statusOf('Encrypted backup')).toBe('Saved 1 account to keystep-backup-2026-11-23.json. Keep the password: without it the file cannot be opened.'),
      WAIT,
    );
    expect(downloads).toHaveLength(1);
  });

  it.each<[title: string, accounts: Account[], password: string, repeat: string, field: string | undefined, message: string]>([
    ['an empty vault', [], PASSWORD, PASSWORD, undefined, 'There are no accounts to back up.'],
    ['a password of 7 characters', ACCOUNTS, 'abcdefg', 'abcdefg', 'Backup password', 'The backup password needs at least 8 characters.'],
    ['an empty password', ACCOUNTS, '', '', 'Backup password', 'The backup password needs at least 8 characters.'],
    ['a password of 4 emoji (8 UTF-16 units, 4 characters)', ACCOUNTS, '😀😀😀😀', '😀😀😀😀', 'Backup password', 'The backup password needs at least 8 characters.'],
    ['passwords that differ', ACCOUNTS, PASSWORD, `${PASSWORD} `, 'Repeat the backup password', 'The two passwords are not the same.'],
    ['a repeat left empty', ACCOUNTS, PASSWORD, '', 'Repeat the backup password', 'The two passwords are not the same.'],
  ])('refuses %s and downloads nothing', async (_, accounts, password, repeat, field, message) => {
    await storeAccounts(accounts);
    const { downloads } = await renderSection();
    fillPasswords(password, repeat);
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(() => expect(alertOf('Encrypted backup')).toBe(message), WAIT);
    if (field !== undefined) {
      const input = screen.getByLabelText(field);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(input)).toBe(message);
    }
    expect(downloads).toEqual([]);
    expect(statusOf('Encrypted backup')).toBe('');
    // What was typed stays, to be corrected.
    expect(screen.getByLabelText<HTMLInputElement>('Backup password').value).toBe(password);
  });

  it('a corrected password after a refusal downloads, and the message goes', async () => {
    await storeAccounts(ACCOUNTS);
    const { downloads } = await renderSection();
    fillPasswords('short', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(() => expect(alertOf('Encrypted backup')).toBe('The backup password needs at least 8 characters.'), WAIT);
    fillPasswords('longer password', 'longer password');
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), WAIT);
    expect(alertOf('Encrypted backup')).toBeUndefined();
    expect(screen.getByLabelText('Backup password').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('BackupSection: plain otpauth list', () => {
  it('stays disabled until the warning is acknowledged, downloads every account as otpauth URIs, then unticks', async () => {
    await storeAccounts(ACCOUNTS);
    const { downloads } = await renderSection();
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Download otpauth list' });
    const consent = screen.getByRole<HTMLInputElement>('checkbox', { name: 'I understand that this file is not protected' });
    expect(within(form('Plain otpauth list')).getByText(/^Warning: this file is not encrypted\. Anyone who gets it can generate your codes\./)).toBeTruthy();
    expect(button.disabled).toBe(true);
    expect(consent.required).toBe(true);
    fireEvent.click(button);
    expect(downloads).toEqual([]);

    fireEvent.click(consent);
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await vi.waitFor(() => expect(statusOf('Plain otpauth list')).toBe('Saved 3 accounts to keystep-accounts-2026-11-23.txt.'), WAIT);
    expect(downloads.map(({ fileName, mimeType }) => ({ fileName, mimeType }))).toEqual([{ fileName: 'keystep-accounts-2026-11-23.txt', mimeType: 'text/plain' }]);
    const lines = parseUriList(downloads[0]!.text);
    expect(lines.map((line) => (line.ok ? line.draft : line.error))).toEqual(ACCOUNTS.map(draftOf));
    expect(consent.checked).toBe(false);
    expect(button.disabled).toBe(true);
  });

  it('refuses an empty vault', async () => {
    const { downloads } = await renderSection();
    fireEvent.click(screen.getByRole('checkbox', { name: 'I understand that this file is not protected' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download otpauth list' }));
    await vi.waitFor(() => expect(alertOf('Plain otpauth list')).toBe('There are no accounts to back up.'), WAIT);
    expect(downloads).toEqual([]);
  });
});

describe('BackupSection: exports with a master password', () => {
  const MASTER = 'the master password';

  async function protectedSection() {
    await storeAccounts(ACCOUNTS);
    await createVaultProtection({ iterations: FAST }).setPassword(MASTER);
    return renderSection();
  }

  const masterField = (formName: string): HTMLInputElement => within(form(formName)).getByLabelText<HTMLInputElement>('Master password');

  it('the encrypted backup asks for it: none, or a wrong one, downloads nothing; the right one downloads', async () => {
    const { downloads } = await protectedSection();
    await vi.waitFor(() => expect(within(form('Encrypted backup')).queryByLabelText('Master password')).not.toBeNull(), WAIT);
    expect(within(form('Encrypted backup')).getByText('A master password protects your accounts: type it to save them to a file.')).toBeTruthy();
    fillPasswords(PASSWORD, PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(() => expect(alertOf('Encrypted backup')).toBe('Type the master password to save the file.'), WAIT);

    fireEvent.input(masterField('Encrypted backup'), { target: { value: 'not the master password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(() => expect(alertOf('Encrypted backup')).toBe('Wrong master password. Nothing was saved.'), WAIT);
    expect(masterField('Encrypted backup').getAttribute('aria-invalid')).toBe('true');
    expect(masterField('Encrypted backup').value).toBe('');
    expect(downloads).toEqual([]);
    expect(statusOf('Encrypted backup')).toBe('');

    fireEvent.input(masterField('Encrypted backup'), { target: { value: MASTER } });
    fireEvent.click(screen.getByRole('button', { name: 'Download encrypted backup' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), WAIT);
    expect(await decryptBackup(readBackupEnvelope(downloads[0]!.text), PASSWORD)).toHaveLength(3);
    expect(masterField('Encrypted backup').value).toBe('');
  });

  it('the plain list asks for it; after three wrong ones the next try waits, as unlocking does', async () => {
    const { downloads } = await protectedSection();
    const consent = await screen.findByRole('checkbox', { name: 'I understand that this file is not protected' });
    await vi.waitFor(() => expect(within(form('Plain otpauth list')).queryByLabelText('Master password')).not.toBeNull(), WAIT);
    fireEvent.click(consent);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Download otpauth list' });
    const attempt = async (n: number, message: string): Promise<void> => {
      fireEvent.input(masterField('Plain otpauth list'), { target: { value: `wrong ${n}` } });
      fireEvent.click(button);
      // Each wrong password is counted in storage before the form shows its verdict.
      await vi.waitFor(() => expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toMatchObject({ failures: n }), WAIT);
      await vi.waitFor(() => expect(button.disabled).toBe(false), WAIT);
      expect(alertOf('Plain otpauth list')).toBe(message);
    };
    await attempt(1, 'Wrong master password. Nothing was saved.');
    await attempt(2, 'Wrong master password. Nothing was saved.');
    await attempt(3, 'Too many wrong passwords: try again in 1 s.');
    expect(downloads).toEqual([]);
    expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toMatchObject({ failures: 3 });
  });
});

describe('BackupSection: import', () => {
  it('previews an encrypted backup against the vault, then adds only the new accounts with their pin, status and Cognito link', async () => {
    await storeAccounts([BANK_STORED]);
    await renderSection();
    chooseFile(new File([await createBackup(ACCOUNTS, PASSWORD, { iterations: FAST, now: Date.UTC(2026, 10, 20, 12) })], 'keystep-backup.json', { type: 'application/json' }));
    expect((await within(form('Import')).findByText(/^This is an encrypted Keystep backup made on November 2[01], 2026 at \d{1,2}:00 [AP]M\./, {}, WAIT)).textContent).toBeTruthy();
    await decryptWith(PASSWORD);
    await vi.waitFor(() => expect(previewItems()).toHaveLength(3), WAIT);
    expect(previewItems()).toEqual(['GitHub (octocat) — New', 'Bank (alice) — Already in Keystep', 'cognito-demo (demo@example.com) — New']);
    expect(within(form('Import')).getByText('2 to add, 1 already in Keystep, 0 with errors.')).toBeTruthy();
    expect(stored()?.accounts).toEqual([BANK_STORED]);

    fireEvent.click(screen.getByRole('button', { name: 'Add 2 accounts' }));
    await vi.waitFor(() => expect(statusOf('Import')).toBe('Accounts added: 2. Already in Keystep: 1.'), WAIT);
    expect(stored()?.accounts).toEqual([
      // Pinned: to the end of the (empty) pinned group.
      { ...GITHUB, id: 'new-1', createdAt: NOW },
      // The account already there is as it was: id, label and counter.
      BANK_STORED,
      { ...COGNITO, id: 'new-2', createdAt: NOW },
    ]);
    expect(screen.queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add 2 accounts' })).toBeNull();
    expect(screen.queryByLabelText('Password of the backup')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('File to import').value).toBe('');
  });

  it('says which entries of a backup are not valid or repeated, by number', async () => {
    await renderSection();
    const payload = {
      accounts: [
        { uri: GITHUB_URI, pinned: true },
        { uri: AWS_URI, pinned: 'yes' },
        { uri: BAD_CHAR_URI },
        { uri: GITHUB_URI.replace('GitHub:alice', 'github:ALICE').replace('issuer=GitHub', 'issuer=github') },
      ],
    };
    chooseFile(new File([await sealedBackup(payload)], 'hand-made.json'));
    await decryptWith(PASSWORD);
    await vi.waitFor(() => expect(previewItems()).toHaveLength(4), WAIT);
    expect(previewItems()).toEqual([
      'GitHub (alice@example.com) — New',
      'Entry 2 — Not imported: its field “accounts[1].pinned” is missing or not valid',
      'Entry 3 — Not imported: the secret key has a character base32 does not use: “1” at position 16 (base32 uses only A–Z and 2–7)',
      'github (ALICE@example.com) — Repeated in this file',
    ]);
    expect(within(form('Import')).getByText('1 to add, 0 already in Keystep, 1 repeated in this file, 2 with errors.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(statusOf('Import')).toBe('Accounts added: 1. Already in Keystep: 0. Not imported because of errors: 2. Repeated in the import, added once: 1.'), WAIT);
    expect(stored()?.accounts).toEqual([{ ...draftOf(parseOtpauthUri(GITHUB_URI)), id: 'new-1', createdAt: NOW, pinned: true, status: 'active' }]);
  });

  it('a wrong password says so and imports nothing; the right one then works', async () => {
    await storeAccounts([BANK_STORED]);
    await renderSection();
    chooseFile(new File([await createBackup(ACCOUNTS, PASSWORD, { iterations: FAST })], 'keystep-backup.json'));
    await decryptWith('not the password');
    await vi.waitFor(() => expect(alertOf('Import')).toBe('Wrong password, or the file was changed or damaged. Nothing was imported.'), WAIT);
    const field = screen.getByLabelText<HTMLInputElement>('Password of the backup');
    expect(field.value).toBe('');
    expect(descriptionOf(field)).toBe('Wrong password, or the file was changed or damaged. Nothing was imported.');
    expect(screen.queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(stored()).toEqual({ schema: 1, format: 'plain', revision: 7, accounts: [BANK_STORED] });

    await decryptWith(PASSWORD);
    await vi.waitFor(() => expect(previewItems()).toHaveLength(3), WAIT);
    expect(alertOf('Import')).toBeUndefined();
  });

  it('previews an otpauth list with a bad line, an account already stored and a repeated one', async () => {
    await storeAccounts([BANK_STORED]);
    await renderSection();
    chooseFile(textFile([GITHUB_URI, `  ${BAD_CHAR_URI}`, BANK_URI, '', GITHUB_URI.replace('issuer=GitHub', 'issuer=GITHUB').replace('GitHub:', 'GITHUB:'), AWS_URI].join('\r\n')));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(5), WAIT);
    expect(previewItems()).toEqual([
      'GitHub (alice@example.com) — New',
      'Line 2 — Not imported: the secret key has a character base32 does not use: “1” at position 16 (base32 uses only A–Z and 2–7)',
      'Bank (alice) — Already in Keystep',
      'GITHUB (alice@example.com) — Repeated in this file',
      'Amazon Web Services (bob@example.com) — New',
    ]);
    expect(within(form('Import')).getByText('2 to add, 1 already in Keystep, 1 repeated in this file, 1 with errors.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add 2 accounts' }));
    await vi.waitFor(() => expect(statusOf('Import')).toBe('Accounts added: 2. Already in Keystep: 1. Not imported because of errors: 1. Repeated in the import, added once: 1.'), WAIT);
    expect(stored()?.accounts).toEqual([
      BANK_STORED,
      { ...draftOf(parseOtpauthUri(GITHUB_URI)), id: 'new-1', createdAt: NOW, pinned: false, status: 'active' },
      { ...draftOf(parseOtpauthUri(AWS_URI)), id: 'new-2', createdAt: NOW, pinned: false, status: 'active' },
    ]);
  });

  it('an account another page adds during the preview is shown as already there and not added twice', async () => {
    await renderSection();
    chooseFile(textFile(`${GITHUB_URI}\n${AWS_URI}\n`));
    await vi.waitFor(() => expect(previewItems()).toEqual(['GitHub (alice@example.com) — New', 'Amazon Web Services (bob@example.com) — New']), WAIT);
    await createAccountStore().update((vault) => ({ vault: addDrafts(vault, [parseOtpauthUri(GITHUB_URI)], { newId: () => 'other-page', now: 5 }).vault, result: undefined }));
    await vi.waitFor(() => expect(previewItems()).toEqual(['GitHub (alice@example.com) — Already in Keystep', 'Amazon Web Services (bob@example.com) — New']), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(statusOf('Import')).toBe('Accounts added: 1. Already in Keystep: 1.'), WAIT);
    expect(stored()?.accounts.map((a) => a.id)).toEqual(['other-page', 'new-1']);
  });

  it('the update checks duplicates again under the lock, even if the preview had not caught up', async () => {
    const real = createAccountStore();
    // A store that does not tell the page about writes: the preview keeps its stale verdicts.
    const deaf: AccountStore = { ...real, subscribe: () => () => undefined };
    await renderSection(deaf);
    chooseFile(textFile(`${GITHUB_URI}\n${AWS_URI}\n`));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(2), WAIT);
    await real.update((vault) => ({ vault: addDrafts(vault, [parseOtpauthUri(AWS_URI)], { newId: () => 'other-page', now: 5 }).vault, result: undefined }));
    fireEvent.click(screen.getByRole('button', { name: 'Add 2 accounts' }));
    await vi.waitFor(() => expect(statusOf('Import')).toBe('Accounts added: 1. Already in Keystep: 1.'), WAIT);
    expect(stored()?.accounts.map((a) => a.id)).toEqual(['other-page', 'new-1']);
  });

  it('Cancel closes the preview and adds nothing', async () => {
    await storeAccounts([BANK_STORED]);
    await renderSection();
    chooseFile(textFile(GITHUB_URI));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(1), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(statusOf('Import')).toBe('Nothing was imported.');
    expect(screen.getByLabelText<HTMLInputElement>('File to import').value).toBe('');
    expect(stored()).toEqual({ schema: 1, format: 'plain', revision: 7, accounts: [BANK_STORED] });
  });

  it('a file with nothing new offers "Add 0 accounts", disabled', async () => {
    await storeAccounts([BANK_STORED]);
    await renderSection();
    chooseFile(textFile(`${BANK_URI}\n${BAD_CHAR_URI}\n`));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(2), WAIT);
    expect(within(form('Import')).getByText('0 to add, 1 already in Keystep, 1 with errors.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add 0 accounts' }).disabled).toBe(true);
  });

  const ENVELOPE = { format: 'keystep-backup', version: 1, createdAt: '2026-11-23T10:00:00.000Z', kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 1000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }, cipher: { algorithm: 'AES-256-GCM', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAAAAAAAAAAAAAAAAAAAA==' } };

  it.each<[title: string, file: () => File, message: string]>([
    ['a note', () => textFile('Remember to buy milk.\nAnd eggs.\n', 'note.txt'), UNRECOGNISED],
    ['an empty file', () => textFile(''), UNRECOGNISED],
    ['links that are not otpauth', () => textFile('https://example.com/\nmailto:someone@example.com\n'), UNRECOGNISED],
    ['JSON of another program', () => textFile('{"format":"other-authenticator","accounts":[]}', 'other.json'), UNRECOGNISED],
    ['binary data', () => new File([new Uint8Array([0, 159, 146, 150, 255, 10, 1, 2])], 'image.png'), 'This file is not text (UTF-8), so it is not an export Keystep reads. Nothing was imported.'],
    ['a backup from a newer Keystep', () => textFile(JSON.stringify({ ...ENVELOPE, version: 2 }), 'new.json'), 'This backup was made by a newer Keystep; update Keystep first. Nothing was imported.'],
    ['a backup without kdf', () => textFile(JSON.stringify({ ...ENVELOPE, kdf: undefined }), 'b.json'), 'This Keystep backup is damaged: its field “kdf” is missing or not valid. Nothing was imported.'],
    ['a backup with a short iv', () => textFile(JSON.stringify({ ...ENVELOPE, cipher: { ...ENVELOPE.cipher, iv: 'AAAA' } }), 'b.json'), 'This Keystep backup is damaged: its field “cipher.iv” is missing or not valid. Nothing was imported.'],
    ['a file over 5 MB', () => textFile(`${GITHUB_URI}\n`.padEnd(5 * 1024 * 1024 + 1, '\n')), 'This file is larger than 5 MB, too large for any export Keystep reads. Nothing was imported.'],
  ])('refuses %s', async (_, file, message) => {
    await storeAccounts([BANK_STORED]);
    await renderSection();
    chooseFile(file());
    await vi.waitFor(() => expect(alertOf('Import')).toBe(message), WAIT);
    expect(screen.queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(screen.queryByLabelText('Password of the backup')).toBeNull();
    expect(stored()).toEqual({ schema: 1, format: 'plain', revision: 7, accounts: [BANK_STORED] });
  });

  it('reads a file of exactly 5 MB', async () => {
    await renderSection();
    chooseFile(textFile(`${GITHUB_URI}\n`.padEnd(5 * 1024 * 1024, '\n')));
    await vi.waitFor(() => expect(previewItems()).toEqual(['GitHub (alice@example.com) — New']), WAIT);
  });

  it('choosing another file replaces the earlier preview and message', async () => {
    await renderSection();
    chooseFile(textFile('not a list'));
    await vi.waitFor(() => expect(alertOf('Import')).toBe(UNRECOGNISED), WAIT);
    chooseFile(textFile(AWS_URI));
    await vi.waitFor(() => expect(previewItems()).toEqual(['Amazon Web Services (bob@example.com) — New']), WAIT);
    expect(alertOf('Import')).toBeUndefined();
  });

  it('a failed write says nothing was changed and keeps the preview', async () => {
    await renderSection();
    chooseFile(textFile(AWS_URI));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(1), WAIT);
    fakeBrowser.storage.local.failNextSets = 1;
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(alertOf('Import')).toBe('Could not save: QUOTA_BYTES quota exceeded. Nothing was changed.'), WAIT);
    expect(previewItems()).toEqual(['Amazon Web Services (bob@example.com) — New']);
    expect(stored()).toBeUndefined();
  });
});

describe('BackupSection: vault states', () => {
  it('keeps its forms, and what was typed, while the vault is locked (the page hides it behind the unlock form)', async () => {
    const protection = createVaultProtection({ iterations: FAST });
    await protection.setPassword('master-pw-1');
    const { section } = await renderSection();
    fireEvent.input(within(section).getByLabelText('Backup password'), { target: { value: 'typed before the lock' } });
    let lockedSeen = false;
    const stop = createAccountStore().subscribe(() => undefined, (error) => (lockedSeen = error instanceof VaultLockedError));
    await protection.lock();
    await vi.waitFor(() => expect(lockedSeen).toBe(true), WAIT);
    stop();
    expect(screen.getByLabelText<HTMLInputElement>('Backup password').value).toBe('typed before the lock');
  });

  it('shows the export and import forms by role and name', async () => {
    const { section } = await renderSection();
    expect(within(section).getByRole('heading', { level: 2, name: 'Backups' })).toBeTruthy();
    const forms = ['Encrypted backup', 'Plain otpauth list', 'Google Authenticator QR codes', 'Import'].map((name) => within(section).getByRole('form', { name }));
    expect(within(section).getAllByRole('form')).toEqual(forms);
    expect(section.id).toBe('backup');
    const file = screen.getByLabelText<HTMLInputElement>('File to import');
    expect({ type: file.type, accept: file.accept }).toEqual({ type: 'file', accept: '.json,.txt,.2fas,text/plain,application/json' });
    for (const name of ['Backup password', 'Repeat the backup password']) {
      const input = screen.getByLabelText<HTMLInputElement>(name);
      expect({ type: input.type, autocomplete: input.autocomplete }).toEqual({ type: 'password', autocomplete: 'new-password' });
    }
  });
});

describe('BackupSection: other apps’ exports', () => {
  const AEGIS_PASSWORD = 'aegis pass';
  const readAs = (): string | undefined => within(form('Import')).queryByText(/^Recognised as:/)?.textContent;

  it('an encrypted Aegis vault: asks for its password naming the format, then previews and adds', async () => {
    await storeAccounts([account('a1')]);
    await renderSection();
    chooseFile(new File([aegisEncryptedVault([aegisEntry(numberedDraft(1)), aegisEntry(numberedDraft(2), { favorite: true })], AEGIS_PASSWORD)], 'aegis-export.json'));
    expect(await within(form('Import')).findByText('This is an encrypted Aegis vault. Enter its password to see the accounts in it.', {}, WAIT)).toBeTruthy();
    await decryptWith('wrong');
    await vi.waitFor(() => expect(alertOf('Import')).toBe('Wrong password, or the file was changed or damaged. Nothing was imported.'), WAIT);
    await decryptWith(AEGIS_PASSWORD);
    await vi.waitFor(() => expect(previewItems()).toEqual(['Service 1 (user1@example.com) — Already in Keystep', 'Service 2 (user2@example.com) — New']), WAIT);
    expect(readAs()).toBe('Recognised as: Aegis vault.');
    fireEvent.click(screen.getByRole('button', { name: 'Add 1 account' }));
    await vi.waitFor(() => expect(statusOf('Import')).toBe('Accounts added: 1. Already in Keystep: 1.'), WAIT);
    expect(stored()?.accounts.map((a) => [a.issuer, a.pinned])).toEqual([
      ['Service 2', true],
      ['Service 1', false],
    ]);
  });

  it('a 2FAS backup, plain: a preview naming the format; an entry with MD5 says why it is not imported', async () => {
    await renderSection();
    chooseFile(new File([twoFasPlainBackup([twoFasService(numberedDraft(1)), twoFasService(numberedDraft(2), {}, { algorithm: 'MD5' })])], 'backup.2fas'));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(2), WAIT);
    expect(readAs()).toBe('Recognised as: 2FAS backup.');
    expect(previewItems()[0]).toBe('Service 1 (user1@example.com) — New');
    expect(previewItems()[1]).toMatch(/^Entry 2: Service 2 \(user2@example\.com\) — Not imported: .*MD5/);
  });

  it('an encrypted 2FAS backup asks for its password', async () => {
    await renderSection();
    chooseFile(new File([twoFasEncryptedBackup([twoFasService(numberedDraft(3))], 'two fas')], 'backup.2fas'));
    expect(await within(form('Import')).findByText('This is an encrypted 2FAS backup. Enter its password to see the accounts in it.', {}, WAIT)).toBeTruthy();
    await decryptWith('two fas');
    await vi.waitFor(() => expect(previewItems()).toEqual(['Service 3 (user3@example.com) — New']), WAIT);
  });

  it('an Authenticator extension export: plain previews; encrypted says to export it unencrypted', async () => {
    await renderSection();
    chooseFile(new File([authenticatorExport([authenticatorEntry(numberedDraft(1), 0)])], 'authenticator.json'));
    await vi.waitFor(() => expect(previewItems()).toEqual(['Service 1 (user1@example.com) — New']), WAIT);
    expect(readAs()).toBe('Recognised as: Authenticator extension export.');
    chooseFile(new File([authenticatorEncryptedExport(2)], 'authenticator-encrypted.json'));
    await vi.waitFor(
      () =>
        expect(alertOf('Import')).toBe(
          'This Authenticator extension export is encrypted in a way Keystep cannot open. Export again without encryption (plain JSON), import that file, then delete it: it holds your secret keys in clear. Nothing was imported.',
        ),
      WAIT,
    );
    expect(screen.queryByRole('list', { name: 'Preview' })).toBeNull();
  });

  it('a Bitwarden export: logins with a TOTP key; notes left out and counted; Steam refused with the reason', async () => {
    await renderSection();
    const items = [
      bitwardenLogin('Example', 'alice', numberedDraft(1).secret),
      BITWARDEN_NOTE,
      bitwardenLogin('Steam', 'gamer', 'steam://ABCDEFGHIJKLMNOP'),
    ];
    chooseFile(new File([bitwardenExport(items)], 'bitwarden.json'));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(2), WAIT);
    expect(readAs()).toBe('Recognised as: Bitwarden export.');
    expect(within(form('Import')).getByText('Items without a TOTP key, left out: 1.')).toBeTruthy();
    expect(previewItems()[0]).toBe('Example (alice) — New');
    expect(previewItems()[1]).toMatch(/^Entry 3: Steam \(gamer\) — Not imported: .*Steam/);
  });

  it('Google Authenticator lines: every account of each QR code, and the codes that are missing', async () => {
    await renderSection();
    const batch = (index: number, n: number) =>
      migrationUri(migrationPayload({ accounts: [{ secret: decodeBase32(numberedDraft(n).secret), name: `user${n}@example.com`, issuer: `Service ${n}`, algorithm: 1, digits: 1, type: 2 }], version: 1, batchSize: 3, batchIndex: index, batchId: 77 }));
    chooseFile(textFile(`${batch(0, 1)}\n${batch(2, 3)}\notpauth-migration://offline?data=AAAA\n`, 'ga.txt'));
    await vi.waitFor(() => expect(previewItems()).toHaveLength(3), WAIT);
    expect(readAs()).toBe('Recognised as: Google Authenticator export.');
    expect(within(form('Import')).getByText('QR codes missing from this Google Authenticator export: 2 of 3. Their accounts are not in the list below.')).toBeTruthy();
    expect(previewItems()).toEqual([
      'Service 1 (user1@example.com) — New',
      'Service 3 (user3@example.com) — New',
      expect.stringMatching(/^Line 3 — Not imported: its Google Authenticator data is damaged \(at “.+”\); copy or scan the QR code again$/),
    ]);
  });

  it.each<[title: string, file: () => File, message: RegExp]>([
    ['a truncated Aegis vault', () => new File([aegisPlainVault([aegisEntry(numberedDraft(1))]).slice(0, 80)], 'aegis.json'), /^This file starts like a JSON export but is cut short or damaged\. Nothing was imported\.$/],
    ['an Aegis vault without its entries', () => textFile(JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3 } }), 'aegis.json'), /^This Aegis vault is damaged: its part “db\.entries” is missing or not valid\. Nothing was imported\.$/],
  ])('refuses %s, saying why', async (_, file, message) => {
    await renderSection();
    chooseFile(file());
    await vi.waitFor(() => expect(alertOf('Import')).toMatch(message), WAIT);
    expect(screen.queryByRole('list', { name: 'Preview' })).toBeNull();
    expect(stored()).toBeUndefined();
  });
});
