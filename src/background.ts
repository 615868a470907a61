import { createAccountStore } from './platform/account-store.ts';
import { installAutoLock } from './platform/install-auto-lock.ts';
import { moveRememberedSecrets } from './platform/move-remembered-secrets.ts';
import { onInstalled } from './platform/on-installed.ts';

/**
 * The service worker. After an update it rewrites a vault stored by an older build in the
 * current schema, once, under the vault lock, so pages never race to migrate it. A record it
 * cannot read (e.g. from a newer build) is left untouched for the pages to report. It also moves client
 * secrets that older builds remembered in the profile list into the vault (a locked vault takes them at its next
 * unlock instead).
 * It also locks a password-protected vault when the idle alarm fires and when the browser starts.
 */
onInstalled(async () => {
  const store = createAccountStore();
  await store.upgrade();
  await moveRememberedSecrets(store);
});

installAutoLock((error: unknown) => {
  console.error('Keystep: auto-lock failed:', error instanceof Error ? error.message : String(error));
});
