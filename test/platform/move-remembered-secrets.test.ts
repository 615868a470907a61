import { beforeEach, describe, expect, it } from 'vitest';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { moveRememberedSecrets } from '../../src/platform/move-remembered-secrets.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

// After an update, client secrets an older build remembered in the profile list (in clear) move into the vault.

const SECRET = 'legacy0client0secret0kept0in0clear0by0an0older0build';
const PROFILE = { id: 'p1', name: 'Legacy pool', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'client0123456789abcdefghij', issuer: 'Legacy pool' };
const OTHER = { ...PROFILE, id: 'p2', name: 'No secret' };

beforeEach(resetFakeBrowser);

describe('moveRememberedSecrets', () => {
  it('moves each secret into the vault and rewrites the list without it', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }, OTHER] });
    expect(await moveRememberedSecrets(createAccountStore())).toBe(1);
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([PROFILE, OTHER]);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: SECRET });
    expect(await moveRememberedSecrets(createAccountStore())).toBe(0);
  });

  it('keeps a secret the vault already has for that profile', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: 'older' }] });
    await createAccountStore().update((vault) => ({ vault: { ...vault, clientSecrets: { p1: 'newer' } }, result: undefined }));
    await moveRememberedSecrets(createAccountStore());
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: 'newer' });
  });

  it('into an unlocked encrypted vault: no longer readable in storage', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }] });
    await createVaultProtection({ iterations: 1_000 }).setPassword('pw-123456');
    await moveRememberedSecrets(createAccountStore());
    expect(JSON.stringify([...fakeBrowser.storage.local.data])).not.toContain(SECRET);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: SECRET });
  });

  it('changes nothing while the vault is locked', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }] });
    const before = structuredClone([...fakeBrowser.storage.local.data]);
    await expect(moveRememberedSecrets(createAccountStore())).rejects.toBeInstanceOf(VaultLockedError);
    expect([...fakeBrowser.storage.local.data]).toEqual(before);
  });
});

describe('at the next unlock', () => {
  it('a secret the update could not move (the vault was locked) moves into the vault when it is unlocked', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }, OTHER] });
    // The update ran while locked: nothing moved.
    await expect(moveRememberedSecrets(createAccountStore())).rejects.toBeInstanceOf(VaultLockedError);
    expect(JSON.stringify([...fakeBrowser.storage.local.data])).toContain(SECRET);
    await protection.unlock('pw-123456');
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([PROFILE, OTHER]);
    expect(JSON.stringify([...fakeBrowser.storage.local.data])).not.toContain(SECRET);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: SECRET });
  });

  it('and when a password is set on a plain vault', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }] });
    await createVaultProtection({ iterations: 1_000 }).setPassword('pw-123456');
    expect(JSON.stringify([...fakeBrowser.storage.local.data])).not.toContain(SECRET);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: SECRET });
  });

  it('an unreadable profile list does not stop the unlock: it is left as it is', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    await fakeBrowser.storage.local.set({ cognitoProfiles: 'not a list' });
    await protection.unlock('pw-123456');
    expect(await protection.status()).toBe('unlocked');
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toBe('not a list');
  });
});
