import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The master-password steps of the real-browser tests, driven by roles and labels: set it on the options page's
// Security view, lock from the popup, wait for and fill the unlock form.

/** Sets the master password on the Security view of `page` and waits for the confirmation. */
export async function setMasterPassword(page: Page, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Set a master password' });
  await form.getByLabel('New master password', { exact: true }).fill(password);
  await form.getByLabel('Repeat the new master password').fill(password);
  await form.getByRole('button', { name: 'Set password and encrypt' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Master password set. Your accounts are now encrypted.');
}

/** Presses the popup's lock button. */
export async function lockFromPopup(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Lock Keystep' }).click();
}

/** Waits until `page` shows the unlock form. */
export async function expectLocked(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Keystep is locked' }).isVisible(), { timeout: 10_000 }).toBe(true);
}

/** Fills the unlock form of `page` and presses Unlock. */
export async function unlockWith(page: Page, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Keystep is locked' });
  await form.getByLabel('Master password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Unlock' }).click();
}
