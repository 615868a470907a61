import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ANY_COPY_BUTTON } from './copy-button-name.ts';

// What the real-browser tests of the master password do as a user would: set it, unlock, wait for the codes.

/** Sets the master password in the options page's Security view (already open) and waits for the confirmation. Usable in beforeAll (no expect.poll). */
export async function setMasterPassword(page: Page, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Set a master password' });
  await form.getByLabel('New master password', { exact: true }).fill(password);
  await form.getByLabel('Repeat the new master password').fill(password);
  await form.getByRole('button', { name: 'Set password and encrypt' }).click();
  await page.getByRole('status').filter({ hasText: 'Master password set. Your accounts are now encrypted.' }).waitFor({ timeout: 10_000 });
}

/** Presses the popup's lock button. */
export async function lockFromPopup(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Lock Keystep' }).click();
}

/** Types `password` into the unlock form and presses Unlock. */
export async function unlockWith(page: Page, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Keystep is locked' });
  await form.getByLabel('Master password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Unlock' }).click();
}

/** Waits until the page shows the unlock form. */
export async function expectLocked(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Keystep is locked' }).isVisible(), { timeout: 10_000 }).toBe(true);
}

/** The popup's copy buttons' names, once every row shows a code (after an unlock that runs PBKDF2: up to 10 s on a loaded machine). */
export async function popupCopyNames(popup: Page): Promise<string[]> {
  const buttons = popup.getByRole('button', { name: ANY_COPY_BUTTON });
  await expect.poll(async () => (await buttons.count()) > 0 && (await buttons.evaluateAll((els) => els.every((el) => /, \d/.test(el.getAttribute('aria-label') ?? '')))), { timeout: 10_000 }).toBe(true);
  return buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
}

/** Writes `items` to the extension's local storage from one of its pages, as anything with the profile folder could. */
export async function writeLocalStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (values) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set(values);
  }, items);
}
