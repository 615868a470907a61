import { createAccountStore } from './platform/account-store.ts';
import { installAutoLock } from './platform/auto-lock.ts';
import { onInstalled } from './platform/on-installed.ts';

/**
 * The service worker. After an update it rewrites a vault stored by an older build in the
 * current schema, once, under the vault lock, so pages never race to migrate it. A record it
 * cannot read (e.g. from a newer build) is left untouched for the pages to report.
 * It also locks a password-protected vault when the idle alarm fires and when the browser starts.
 */
onInstalled(async () => {
  await createAccountStore().upgrade();
});

installAutoLock((error: unknown) => {
  console.error('Keystep: auto-lock failed:', error instanceof Error ? error.message : String(error));
});
