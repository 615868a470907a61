import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';
import { expectLocked, popupCopyNames, setMasterPassword, unlockWith, writeLocalStorage } from '../support/master-password-e2e.ts';

// The master password against a storage that was changed outside Keystep (a wrong clock, an edited or swapped
// record), in the real browser.

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const PASSWORD = 'correct horse battery';
const YEAR_MS = 365 * 24 * 3600 * 1000;

let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await addAccountsViaOptions(ext, [GITHUB]);
  const options = await ext.openOptions('#security');
  await setMasterPassword(options, PASSWORD);
  await options.close();
});
afterAll(async () => {
  await ext.close();
});

describe('a wrong clock', () => {
  it('cannot lock the owner out: a failure time a year ahead costs one short wait, then the password opens Keystep', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await expectLocked(popup);
    // Three wrong passwords typed while the clock was a year ahead.
    await writeLocalStorage(popup, { unlockAttempts: { failures: 3, lastFailureAt: Date.now() + YEAR_MS } });
    await unlockWith(popup, PASSWORD);
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Too many wrong passwords: try again in 1 s.');
    await expect.poll(() => popup.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 5000 }).toBe(true);
    await unlockWith(popup, PASSWORD);
    expect(await popupCopyNames(popup)).toHaveLength(1);

    // Ten failures a year ahead: the wait shown is the longest one, 60 s, not a year.
    await popup.getByRole('button', { name: 'Lock Keystep' }).click();
    await expectLocked(popup);
    await writeLocalStorage(popup, { unlockAttempts: { failures: 10, lastFailureAt: Date.now() + YEAR_MS } });
    await unlockWith(popup, PASSWORD);
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Too many wrong passwords: try again in (60|59) s\.$/);
    await writeLocalStorage(popup, { unlockAttempts: { failures: 0, lastFailureAt: 0 } });
    await popup.close();
  });
});
