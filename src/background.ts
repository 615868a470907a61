import { createAccountStore } from './platform/account-store.ts';
import { onInstalled } from './platform/on-installed.ts';

/**
 * The service worker. After an update it rewrites a vault stored by an older build in the
 * current schema, once, under the vault lock, so pages never race to migrate it. A record it
 * cannot read (e.g. from a newer build) is left untouched for the pages to report.
 */
onInstalled(async () => {
  await createAccountStore().upgrade();
});
