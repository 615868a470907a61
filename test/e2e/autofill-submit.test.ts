import type { Page } from 'playwright-core';
import type { Account } from '../../src/core/vault.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountsViaOptions } from '../support/add-accounts-via-options.ts';
import { storedAccountsIn } from '../support/stored-accounts.ts';
import { startFillHarness, type FillHarness } from '../support/fill-e2e.ts';
import { independentTotp } from '../support/independent-otp.ts';

// Submitting the form after filling, an option per account (off by default), in the built extension: set in the
// popup's Sites… dialog, then the keyboard command's handler fills test/support/fill-pages/submit-after-fill.html,
// whose form shows "Submitted: <code>" when it is submitted. Launched as test/e2e/autofill.test.ts does
// (test/support/fill-e2e.ts: the activeTab grant through CDP Extensions.triggerAction, the command through the
// service worker's handler).

const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const LABEL = 'GitHub (alice)';
const SUBMIT_BOX = 'Submit the form after filling the code';

let h: FillHarness;

beforeAll(async () => {
  h = await startFillHarness();
  await addAccountsViaOptions(h.ext, [GITHUB]);
});
afterAll(async () => {
  await h.close();
});

/** Opens the account's Sites… dialog in the popup, lets `edit` change it, and saves. */
async function editSites(edit: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  const popup = await h.ext.openPopup();
  await popup.getByRole('button', { name: `More actions for ${LABEL}` }).click();
  await popup.getByRole('menuitem', { name: 'Sites…' }).click();
  const dialog = popup.getByRole('dialog', { name: `Sites of ${LABEL}` });
  await edit(dialog);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await popup.close();
}

/** The account as stored (the plain vault: no master password in this test). */
async function stored(): Promise<Account | undefined> {
  return (await storedAccountsIn(h.worker))[0];
}

/** Opens the page on the account's site, runs the keyboard command there, and returns what the page then shows. */
async function fillByCommand(): Promise<{ before: number; after: number; field: string; status: string; page: Page }> {
  const page = await h.open('submit-after-fill.html', 'site');
  const tabId = await h.grant(page);
  const before = Date.now();
  expect(await h.command(tabId)).toMatchObject({ kind: 'filled', frameId: 0 });
  const after = Date.now();
  const field = await page.getByRole('textbox', { name: 'Authentication code', exact: true }).inputValue();
  // The page handles a submission in the same task as the click, which ends before the command answers.
  const status = (await page.getByRole('status').textContent()) ?? '';
  return { before, after, field, status, page };
}

describe('submitting the form after filling', () => {
  it('is off by default: the command fills the code and submits nothing', async () => {
    await editSites(async (dialog) => {
      expect(await dialog.getByRole('checkbox', { name: SUBMIT_BOX }).isChecked()).toBe(false);
      await dialog.getByRole('textbox', { name: 'Add a site (its address)' }).fill(h.origin('site'));
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    });
    expect(await stored()).toEqual(expect.objectContaining({ sites: [h.origin('site')] }));
    expect(await stored()).not.toHaveProperty('submitAfterFill');
    const { before, after, field, status, page } = await fillByCommand();
    expect([independentTotp(GITHUB, before), independentTotp(GITHUB, after)]).toContain(field);
    expect(status).toBe('');
    await page.close();
  });

  it('turned on in the Sites… dialog: the command fills the code and submits it, once', async () => {
    await editSites(async (dialog) => {
      await dialog.getByRole('checkbox', { name: SUBMIT_BOX }).check();
    });
    expect(await stored()).toEqual(expect.objectContaining({ sites: [h.origin('site')], submitAfterFill: true }));
    const { before, after, field, status, page } = await fillByCommand();
    expect([independentTotp(GITHUB, before), independentTotp(GITHUB, after)]).toContain(field);
    // The code submitted is the one filled, the code for that instant; one submission.
    expect(status).toBe(`Submitted: ${field}`);
    await page.close();
  });

  it('turned off again: nothing is submitted', async () => {
    await editSites(async (dialog) => {
      const box = dialog.getByRole('checkbox', { name: SUBMIT_BOX });
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
    });
    expect(await stored()).not.toHaveProperty('submitAfterFill');
    const { before, after, field, status, page } = await fillByCommand();
    expect([independentTotp(GITHUB, before), independentTotp(GITHUB, after)]).toContain(field);
    expect(status).toBe('');
    await page.close();
  });
});
