import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/core/backup-file.ts';
import { decodeBase32, normalizeBase32Secret } from '../../src/core/base32.ts';
import { KDF_ITERATION_RANGE } from '../../src/core/parse-kdf-params.ts';
import { account, numberedSecret } from '../support/account-fixtures.ts';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { cognitoSection, createProfile, enrollmentComplete, seedUser, signInAndEnroll, signInForm, watchRefreshTokens } from '../support/cognito-e2e.ts';
import { startCognitoServer, type CognitoServer } from '../support/cognito-server/index.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { heapSnapshotStrings, secretsFoundIn } from '../support/heap-snapshot-strings.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { expectLocked, lockFromPopup, setMasterPassword, unlockWith } from '../support/master-password-e2e.ts';

// A lock forgets: every open options page drops what it decrypted or was typed into it, and a heap snapshot of the
// page taken after the lock holds none of it.

const VAULT_SECRETS = [numberedSecret(101), numberedSecret(102)];
const VAULT_URIS = VAULT_SECRETS.map((secret, i) => `otpauth://totp/Vault%20${i}:owner${i}%40example.com?secret=${secret}&issuer=Vault%20${i}`);
const BACKUP_ACCOUNTS = [account('b201'), account('b202')];
const BACKUP_PASSWORD = 'backup password for the heap test';
/** Pasted into the Accounts view's box, never added. */
const PASTED_SECRET = numberedSecret(301);
const MASTER_PASSWORD = 'heap test master password';
/** A client secret remembered in the vault, and one typed into a sign-in form only. */
const REMEMBERED_CLIENT_SECRET = 'rememberedclientsecret0for0the0heap0test0abcdefgh';
const TYPED_CLIENT_SECRET = 'typedclientsecret0for0the0heap0test0ijklmnopqrstu';
const TYPED_PASSWORD = 'Typed-cognito-password-7';
/** Nothing listens there: the profiles are only filled in, never used. */
const NO_SERVER = 'http://127.0.0.1:9';

/** What the page holds before the lock: decrypted (the vault, the import preview) or typed. */
const HELD = [...VAULT_SECRETS, ...BACKUP_ACCOUNTS.map((a) => a.secret), PASTED_SECRET, REMEMBERED_CLIENT_SECRET, TYPED_CLIENT_SECRET, TYPED_PASSWORD];

async function showView(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/**
 * Chooses a file for the file input labelled `label`, as the browser does after its file dialog: sets the input's
 * files and fires "change". Not with Playwright's handles (setInputFiles, locator.evaluate): one of them stays
 * held as a DevTools handle, and with it the input element, its event handlers and the view they belong to, which
 * would then show in the heap after the lock.
 */
async function chooseFile(page: Page, label: string, name: string, text: string): Promise<void> {
  const chosen = await page.evaluate(
    (file) => {
      const input = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === file.label)?.control;
      if (!(input instanceof HTMLInputElement)) return false;
      const transfer = new DataTransfer();
      transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    { label, name, text },
  );
  expect(chosen, `a file input labelled "${label}"`).toBe(true);
}

describe('a lock forgets', () => {
  let ext: LoadedExtension;
  let server: CognitoServer;
  let dir: string;
  let backupFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keystep-lock-forgets-'));
    backupFile = join(dir, 'keystep-backup.json');
    await writeFile(backupFile, await createBackup(BACKUP_ACCOUNTS, BACKUP_PASSWORD, { iterations: KDF_ITERATION_RANGE.min }));
    server = await startCognitoServer();
    ext = await launchExtension();
    await addAccountsViaOptions(ext, VAULT_URIS);
  });
  afterAll(async () => {
    await ext.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('drops the vault, client secrets, import previews and typed passwords: the heap holds none, and the unlock form is shown', async () => {
    const page = await ext.openOptions('#security');
    await setMasterPassword(page, MASTER_PASSWORD);
    // The session key is stored with the id of the record it opens: { id, key }.
    const { session } = JSON.parse(await dumpExtensionStorage(page)) as { session: { vaultKey?: { key?: string } } };
    const vaultKey = session.vaultKey?.key ?? '';
    expect(vaultKey).not.toBe('');

    // Cognito: a user enrolled (Keystep made codes of the new secret), a profile that remembers its client secret
    // (in the vault), and one whose sign-in form is filled in.
    await showView(page, '#cognito');
    const user = seedUser(server, { username: 'enrolled@example.com', password: 'Enrolled-password-1' });
    const secretCodes: string[] = [];
    page.on('response', (response) => {
      if (response.request().headers()['x-amz-target']?.endsWith('.AssociateSoftwareToken') !== true) return;
      response.json().then((body: { SecretCode?: string }) => secretCodes.push(body.SecretCode ?? ''), () => undefined);
    });
    await createProfile(page, server.url, { name: 'Enrolled', userPoolId: user.userPoolId, clientId: user.clientId });
    const refreshTokens = watchRefreshTokens(page);
    await signInAndEnroll(page, 'Enrolled', user.username, user.password);
    await enrollmentComplete(page);
    expect(secretCodes).toHaveLength(1);
    const sessionTokens = await refreshTokens.tokens();
    expect(sessionTokens).toHaveLength(1);
    const enrolledSecret = normalizeBase32Secret(secretCodes[0] ?? '');
    // What the HMAC of a code is keyed with: the secret's bytes (a cache of imported keys could keep them as hex).
    const enrolledKeyHex = Buffer.from(decodeBase32(enrolledSecret)).toString('hex');
    await createProfile(page, NO_SERVER, { name: 'Remembered', userPoolId: 'us-east-1_Heap1', clientId: 'heapclient0remembered0abcd', clientSecret: REMEMBERED_CLIENT_SECRET, remember: true });
    await createProfile(page, NO_SERVER, { name: 'Typed', userPoolId: 'us-east-1_Heap2', clientId: 'heapclient0typed0abcdefghi' });
    const signIn = signInForm(page, 'Typed');
    await signIn.getByRole('textbox', { name: 'Username' }).fill('someone@example.com');
    await signIn.getByLabel('Password', { exact: true }).fill(TYPED_PASSWORD);
    await signIn.getByLabel('Client secret (optional)').fill(TYPED_CLIENT_SECRET);

    // Backups: an encrypted backup decrypted into the import preview.
    await showView(page, '#backup');
    const importForm = page.getByRole('form', { name: 'Import' });
    await importForm.getByLabel('File to import').waitFor();
    await chooseFile(page, 'File to import', 'keystep-backup.json', await readFile(backupFile, 'utf8'));
    await importForm.getByLabel('Password of the backup').fill(BACKUP_PASSWORD);
    await importForm.getByRole('button', { name: 'Decrypt' }).click();
    await importForm.getByRole('list', { name: 'Preview' }).waitFor({ timeout: 10_000 });

    // Accounts: a link pasted, not added.
    await showView(page, '#add');
    await page.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(`otpauth://totp/Pasted:me?secret=${PASTED_SECRET}&issuer=Pasted`);

    // The search finds what the page holds while unlocked, so finding nothing after the lock means something.
    const held = [...HELD, enrolledSecret];
    expect(secretsFoundIn(await heapSnapshotStrings(page), held)).toEqual(held);

    const popup = await ext.openPopup();
    await lockFromPopup(popup);
    await expectLocked(page);
    // The popup runs in the same renderer process (one JavaScript heap): close it, so the snapshot is the options page's.
    await popup.close();

    // No view is left behind the unlock form, not even hidden.
    for (const name of ['Amazon Cognito TOTP enrollment', 'Backups', 'Add accounts', 'Master password']) {
      expect(await page.getByRole('region', { name, includeHidden: true }).count(), name).toBe(0);
    }
    const after = await heapSnapshotStrings(page);
    const found = secretsFoundIn(after, [...held, enrolledKeyHex, user.password, ...sessionTokens, MASTER_PASSWORD, BACKUP_PASSWORD, vaultKey]);
    expect(found).toEqual([]);
    // Nor any access or ID token of the enrollment's sign-in (JWTs).
    expect(after.filter((s) => /eyJ[\w-]+\.[\w-]+\./.test(s))).toEqual([]);

    // Unlocked again, the views start afresh: nothing typed, no preview.
    await unlockWith(page, MASTER_PASSWORD);
    await expect.poll(() => page.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).inputValue(), { timeout: 10_000 }).toBe('');
    await showView(page, '#cognito');
    await cognitoSection(page).getByRole('button', { name: 'Use Typed' }).click();
    expect(await signInForm(page, 'Typed').getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await signInForm(page, 'Typed').getByLabel('Client secret (optional)').inputValue()).toBe('');
    await showView(page, '#backup');
    expect(await page.getByRole('list', { name: 'Preview' }).count()).toBe(0);
    await page.close();
  });
});
