import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoSection, createProfile, enrollmentComplete, seedUser, signInAndEnroll, signInForm } from '../support/cognito-e2e.ts';
import { startCognitoServer } from '../support/cognito-server/index.ts';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { codeFromName, independentTotp } from '../support/independent-otp.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { ANY_COPY_BUTTON, labelOfCopyButton } from '../support/copy-button-name.ts';

// The master password in the real browser: encryption at rest, what storage holds when locked, lock and unlock
// from the popup, wrong passwords, auto-lock by alarm and on restart, change and remove, and interrupted writes.

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS = 'otpauth://totp/Amazon%20Web%20Services:bob@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Amazon+Web+Services&algorithm=SHA256&digits=8&period=60';
/** What must never be readable in storage while locked: the secrets (as stored and in lower case), the labels, the password. */
const SECRETS = ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ'];
const LABELS = ['alice@example.com', 'bob@example.com', 'GitHub', 'Amazon Web Services'];
const PASSWORD = 'correct horse battery';
/** A Cognito app client secret the user asked Keystep to remember: a secret like the others. */
const CLIENT_SECRET = 'remembered0client0secret0for0the0locked0test0abcdef';
const SHOTS = 'test-results/screenshots';
const AUTO_LOCK_ALARM = 'keystep-auto-lock';

/** The part of chrome.alarms the tests call inside the service worker. */
interface AlarmsApi {
  get(name: string): Promise<{ scheduledTime: number } | undefined>;
  create(name: string, info: { when: number }): Promise<void>;
}

interface Dump {
  readonly local: Record<string, unknown> & { readonly vault?: Record<string, unknown> };
  readonly session: Record<string, unknown>;
  readonly sync: Record<string, unknown>;
}

async function dump(page: Page): Promise<Dump> {
  return JSON.parse(await dumpExtensionStorage(page)) as Dump;
}

/** No secret, label or password anywhere in the storage text, in any letter case. */
function expectNothingReadable(text: string): void {
  const lower = text.toLowerCase();
  for (const secret of [...SECRETS, ...LABELS, PASSWORD, CLIENT_SECRET]) expect(lower.includes(secret.toLowerCase()), `"${secret}" is readable in storage`).toBe(false);
  expect(lower).not.toContain('otpauth');
}

async function setPassword(page: Page, password: string, repeat = password): Promise<void> {
  const form = page.getByRole('form', { name: 'Set a master password' });
  await form.getByLabel('New master password', { exact: true }).fill(password);
  await form.getByLabel('Repeat the new master password').fill(repeat);
  await form.getByRole('button', { name: 'Set password and encrypt' }).click();
}

async function unlock(page: Page, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Keystep is locked' });
  await form.getByLabel('Master password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Unlock' }).click();
}

/** The popup's copy buttons, once every row shows a code. */
async function popupCopyNames(popup: Page): Promise<string[]> {
  const buttons = popup.getByRole('button', { name: ANY_COPY_BUTTON });
  await expect.poll(async () => (await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).every((name) => /, \d/.test(name)) && (await buttons.count()) > 0, { timeout: 10_000 }).toBe(true);
  return buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
}

async function expectLocked(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Keystep is locked' }).isVisible(), { timeout: 10_000 }).toBe(true);
}

describe('master password', () => {
  let ext: LoadedExtension;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    ext = await launchExtension();
    await addAccountsViaOptions(ext, [GITHUB, AWS]);
  });
  afterAll(async () => {
    await ext.close();
  });

  it('encrypts the accounts; locked, storage holds nothing readable; a wrong password changes nothing; the right one shows the same codes', async () => {
    const cognito = await ext.openOptions('#cognito');
    await createProfile(cognito, 'http://127.0.0.1:9', { name: 'Pool with a secret', userPoolId: 'us-east-1_Locked123', clientId: 'lockedclient0123456789abcd', clientSecret: CLIENT_SECRET, remember: true });
    expect(await dumpExtensionStorage(cognito)).toContain(CLIENT_SECRET);
    await cognito.close();
    const options = await ext.openOptions('#security');
    // The view loads on first visit.
    await options.getByText('Your accounts are stored unencrypted in this browser profile').waitFor();
    // Too short, then two different passwords: refused with the reason, nothing stored.
    await setPassword(options, 'short', 'short');
    expect(await options.getByRole('alert').textContent()).toBe('Use at least 8 characters.');
    await setPassword(options, PASSWORD, `${PASSWORD}!`);
    expect(await options.getByRole('alert').textContent()).toBe('The two passwords are not the same.');
    expect((await dump(options)).local.vault?.['format']).toBe('plain');

    await setPassword(options, PASSWORD);
    await expect.poll(() => options.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Master password set. Your accounts are now encrypted.');
    await options.screenshot({ path: `${SHOTS}/options-security.png`, fullPage: true });
    const unlocked = await dump(options);
    expect(unlocked.local.vault).toMatchObject({ format: 'encrypted', kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 3_000_000 } });
    expectNothingReadable(JSON.stringify(unlocked.local));
    // The session holds the vault key with the id of the record it opens.
    expect(unlocked.session['vaultKey']).toEqual({ id: unlocked.local.vault?.['keyId'], key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) as unknown });

    const popup = await ext.openPopup();
    const before = await popupCopyNames(popup);
    expect(before).toHaveLength(2);
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await expectLocked(popup);
    await popup.screenshot({ path: `${SHOTS}/popup-locked.png` });
    expect(await popup.getByRole('button', { name: ANY_COPY_BUTTON }).count()).toBe(0);

    // Locked: every storage area, as text, has no secret, no label, no password, and no key.
    const locked = await dump(options);
    expectNothingReadable(JSON.stringify(locked));
    expect(locked.session).toEqual({});
    expect(Object.keys(locked.local.vault ?? {}).sort()).toEqual(['format', 'kdf', 'keyId', 'payload', 'revision', 'schema', 'wrappedKey']);
    expect(locked.local['vaultEncrypted']).toBe(true);
    // The options page locked too: it asks for the password instead of showing its views.
    await expectLocked(options);

    await unlock(popup, 'not the password');
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Wrong password. Nothing was changed.');
    expect((await dump(options)).local.vault).toEqual(locked.local.vault);

    await unlock(popup, PASSWORD);
    const after = await popupCopyNames(popup);
    expect(after.map(labelOfCopyButton)).toEqual(before.map(labelOfCopyButton));
    const github = after.find((name) => name.startsWith('GitHub')) ?? '';
    expect([independentTotp(GITHUB, Date.now() - 1000), independentTotp(GITHUB, Date.now())]).toContain(codeFromName(github));
    await popup.close();
    await options.close();
  });

  it('makes the next attempt wait after repeated wrong passwords, even after the popup is reopened', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await expectLocked(popup);
    for (let i = 0; i < 3; i++) {
      await unlock(popup, `wrong ${i}`);
      // Each attempt is counted in storage before the form shows its verdict.
      await expect.poll(async () => (await dump(popup)).local['unlockAttempts'], { timeout: 10_000 }).toMatchObject({ failures: i + 1 });
    }
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Too many wrong passwords: try again in 1 s\.$/);
    expect(await popup.getByRole('button', { name: 'Unlock' }).isEnabled()).toBe(false);
    // The wait doubles: a fourth wrong password means 2 s.
    await expect.poll(() => popup.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 5000 }).toBe(true);
    await unlock(popup, 'wrong 3');
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Too many wrong passwords: try again in 2 s\.$/);
    await popup.close();
    // A new popup does not skip the wait: the count is in storage, and even the right password waits.
    const again = await ext.openPopup();
    await unlock(again, PASSWORD);
    await expect.poll(() => again.getByRole('alert').textContent()).toMatch(/^Too many wrong passwords: try again in [12] s\.$/);
    await expect.poll(() => again.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 5000 }).toBe(true);
    await unlock(again, PASSWORD);
    expect(await popupCopyNames(again)).toHaveLength(2);
    await again.close();
  });

  it('auto-locks when the idle alarm fires: the alarm follows the chosen time, and every open page locks', async () => {
    const options = await ext.openOptions('#security');
    await options.getByRole('combobox', { name: 'Lock after Keystep has not been used for' }).selectOption({ label: '1 minute' });
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Auto-lock' }).textContent()).toBe('Auto-lock setting saved.');
    const worker = ext.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    const alarm = await worker.evaluate((name) => (globalThis as unknown as { chrome: { alarms: AlarmsApi } }).chrome.alarms.get(name), AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 50_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 61_000);

    const popup = await ext.openPopup();
    expect(await popupCopyNames(popup)).toHaveLength(2);
    // Opening the popup is use: the countdown starts again (the alarm moves later).
    const getAlarm = () => worker.evaluate((name) => (globalThis as unknown as { chrome: { alarms: AlarmsApi } }).chrome.alarms.get(name), AUTO_LOCK_ALARM);
    await expect.poll(async () => (await getAlarm())?.scheduledTime ?? 0).toBeGreaterThan(alarm?.scheduledTime ?? Number.MAX_SAFE_INTEGER);
    // So is moving to another view of the options page.
    const afterPopup = (await getAlarm())?.scheduledTime ?? Number.MAX_SAFE_INTEGER;
    await options.evaluate(() => (location.hash = '#backup'));
    await expect.poll(async () => (await getAlarm())?.scheduledTime ?? 0).toBeGreaterThan(afterPopup);
    // Play the minute forward: the same alarm, due now (unpacked extensions may set alarms under 30 s).
    await worker.evaluate((name) => (globalThis as unknown as { chrome: { alarms: AlarmsApi } }).chrome.alarms.create(name, { when: Date.now() + 100 }), AUTO_LOCK_ALARM);
    await expectLocked(popup);
    await expectLocked(options);
    expectNothingReadable(await dumpExtensionStorage(options));
    await unlock(popup, PASSWORD);
    expect(await popupCopyNames(popup)).toHaveLength(2);
    await popup.close();
    await options.close();
  });

  it('changes and removes the password; a wrong current password changes nothing', async () => {
    const options = await ext.openOptions('#security');
    const change = options.getByRole('form', { name: 'Change the master password' });
    const newPassword = 'a brand new passphrase';
    await change.getByLabel('Current master password').fill('not it at all');
    await change.getByLabel('New master password', { exact: true }).fill(newPassword);
    await change.getByLabel('Repeat the new master password').fill(newPassword);
    const before = (await dump(options)).local.vault;
    await change.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => change.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('Wrong password. Nothing was changed.');
    expect((await dump(options)).local.vault).toEqual(before);

    await change.getByLabel('Current master password').fill(PASSWORD);
    await change.getByLabel('New master password', { exact: true }).fill(newPassword);
    await change.getByLabel('Repeat the new master password').fill(newPassword);
    await change.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent(), { timeout: 10_000 }).toBe('Master password changed. Your accounts were re-encrypted under a new key.');

    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await unlock(popup, PASSWORD);
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Wrong password. Nothing was changed.');
    await unlock(popup, newPassword);
    expect(await popupCopyNames(popup)).toHaveLength(2);

    const remove = options.getByRole('form', { name: 'Remove the master password' });
    await remove.getByLabel('Current master password').fill(newPassword);
    await remove.getByRole('button', { name: 'Remove password' }).click();
    await expect.poll(() => options.getByRole('status').first().textContent(), { timeout: 10_000 }).toBe('Master password removed. Your accounts are stored unencrypted.');
    const plain = await dump(options);
    expect(plain.local.vault?.['format']).toBe('plain');
    expect(plain.session).toEqual({});
    expect(await popupCopyNames(popup)).toHaveLength(2);
    expect(await popup.getByRole('button', { name: 'Lock Keystep' }).count()).toBe(0);
    await popup.close();
    await options.close();
  });

  it('keeps every account when the page setting the password closes mid-write, and two pages adding at once to the encrypted vault lose nothing', async () => {
    const options = await ext.openOptions('#security');
    // Close the tab while PBKDF2 runs: the record is either still plain or fully encrypted with its key in session.
    await setPassword(options, PASSWORD);
    await options.close();
    // Never locked: the session key is written before the record (and put back if that write fails), so a
    // plain record with a stray key, or the encrypted one with its key, are the only states a close can leave.
    const popup = await ext.openPopup();
    expect(await popupCopyNames(popup)).toHaveLength(2);
    expect(await popup.getByRole('heading', { name: 'Keystep is locked' }).count()).toBe(0);
    await popup.close();

    const page = await ext.openOptions('#security');
    await page.getByRole('heading', { name: 'Master password', exact: true }).waitFor();
    if (await page.getByRole('form', { name: 'Set a master password' }).isVisible()) {
      await setPassword(page, PASSWORD);
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Master password set. Your accounts are now encrypted.');
    }
    expect((await dump(page)).local.vault?.['format']).toBe('encrypted');
    await page.close();

    const uris = (prefix: string) => Array.from({ length: 10 }, (_, i) => `otpauth://totp/${prefix}:user${i}?secret=JBSWY3DPEHPK3PX${'ABCDEFGHIJ'[i] ?? 'A'}&issuer=${prefix}`);
    const [left, right] = await Promise.all([ext.openOptions('#add'), ext.openOptions('#add')]);
    await left.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(uris('Left').join('\n'));
    await right.getByRole('textbox', { name: 'otpauth:// or otpauth-migration:// links, one per line' }).fill(uris('Right').join('\n'));
    await Promise.all([left.getByRole('button', { name: 'Add accounts' }).click(), right.getByRole('button', { name: 'Add accounts' }).click()]);
    for (const p of [left, right]) await expect.poll(() => p.getByRole('status').filter({ hasText: 'added' }).textContent()).toBe('10 added, 0 already present, 0 with errors.');
    expect((await dump(left)).local.vault?.['format']).toBe('encrypted');
    await left.close();
    await right.close();
    const check = await ext.openPopup();
    // The list renders only the rows in view; aria-setsize is the whole count.
    const setSize = () => check.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first().getAttribute('aria-setsize');
    await expect.poll(setSize).toBe('22');

    // A popup closed right after a rename (while it re-encrypts) leaves the old name or the new one, and every account.
    await check.getByRole('searchbox', { name: 'Search accounts' }).fill('Left');
    await check.getByRole('button', { name: 'More actions for Left (user0)' }).click();
    await check.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = check.getByRole('dialog', { name: 'Rename Left (user0)' });
    await rename.getByRole('textbox', { name: 'Issuer (service)' }).fill('Renamed');
    await rename.getByRole('button', { name: 'Save' }).click();
    await check.close();
    const after = await ext.openPopup();
    await expect.poll(() => after.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first().getAttribute('aria-setsize')).toBe('22');
    await after.getByRole('searchbox', { name: 'Search accounts' }).fill('user0');
    const names = await popupCopyNames(after);
    expect(names.filter((name) => /^(Left|Renamed) \(user0\)/.test(name))).toHaveLength(1);
    await after.close();
  });

  it('a lock in the middle of a Cognito enrollment abandons it and forgets the password; after unlocking, enrolling again finishes it', async () => {
    const server = await startCognitoServer();
    try {
      const user = seedUser(server, { username: 'locked-midway@example.com', password: 'Locked-midway-1' });
      const page = await ext.openOptions('#cognito');
      await createProfile(page, server.url, { name: 'Locked midway', userPoolId: user.userPoolId, clientId: user.clientId });
      // The first association is throttled: the enrollment backs off ~1 s, and the vault locks meanwhile.
      server.faults.injectFault({ operation: 'AssociateSoftwareToken', kind: 'throttle', times: 1 });
      await signInAndEnroll(page, 'Locked midway', user.username, user.password);
      await expect.poll(() => server.requestLog.forOperation('AssociateSoftwareToken').length).toBe(1);
      await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { remove(key: string): Promise<void> } } } }).chrome.storage.session.remove('vaultKey'));
      await expectLocked(page);
      // The sign-in session the abandoned enrollment had opened is ended too.
      await expect.poll(() => server.requestLog.forOperation('RevokeToken').map((entry) => entry.status)).toEqual([200]);
      // Nothing of the enrollment is left behind the unlock form, not even hidden.
      expect(await page.getByRole('region', { name: 'Amazon Cognito TOTP enrollment', includeHidden: true }).count()).toBe(0);

      await unlock(page, PASSWORD);
      // The view starts afresh, on the first profile of the list.
      await cognitoSection(page).getByRole('button', { name: 'Use Locked midway' }).click();
      const form = signInForm(page, 'Locked midway');
      // A fresh start: no Retry of the abandoned enrollment, no password kept.
      expect(await form.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      expect(await cognitoSection(page).getByRole('button', { name: 'Retry' }).count()).toBe(0);
      await signInAndEnroll(page, 'Locked midway', user.username, user.password);
      await enrollmentComplete(page);
      // The abandoned enrollment did not try its throttled association again: one throttled, one for the new run.
      expect(server.requestLog.forOperation('AssociateSoftwareToken').map((entry) => entry.status)).toEqual([400, 200]);
      const popup = await ext.openPopup();
      await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('Locked midway');
      expect((await popupCopyNames(popup)).map(labelOfCopyButton)).toEqual([`Locked midway (${user.username})`]);
      await popup.close();
      await page.close();
    } finally {
      await server.close();
    }
  });
});

describe('browser restart', () => {
  it('starts locked after the browser restarts, and unlocks with the password', async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'keystep-restart-'));
    try {
      const first = await launchExtension({ profileDir });
      await addAccountsViaOptions(first, [GITHUB]);
      const options = await first.openOptions('#security');
      await setPassword(options, PASSWORD);
      await expect.poll(() => options.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Master password set. Your accounts are now encrypted.');
      const popup = await first.openPopup();
      expect(await popupCopyNames(popup)).toHaveLength(1);
      await first.close();

      const second = await launchExtension({ profileDir });
      try {
        const again = await second.openPopup();
        await expectLocked(again);
        expectNothingReadable(await dumpExtensionStorage(again));
        await unlock(again, PASSWORD);
        expect(await popupCopyNames(again)).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});
