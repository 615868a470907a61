import { beforeEach, describe, expect, it } from 'vitest';
import { setClientSecret } from '../../../src/core/vault-edits.ts';
import { createAccountStore } from '../../../src/platform/account-store.ts';
import { createProfileRepository } from '../../../src/platform/profile-repository.ts';
import { createVaultProtection } from '../../../src/platform/vault-protection.ts';
import { VaultLockedError } from '../../../src/platform/vault-locked-error.ts';
import { deleteProfile } from '../../../src/services/enrollment/delete-profile.ts';
import { account } from '../../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const profile = (id: string) => ({ id, name: `Pool ${id}`, region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: `client${id}0123456` });
const ports = () => ({ profiles: createProfileRepository(), store: createAccountStore() });

beforeEach(async () => {
  await resetFakeBrowser();
  await fakeBrowser.storage.local.set({ cognitoProfiles: [profile('p1'), profile('p2')] });
  await createAccountStore().update((vault) => ({
    vault: setClientSecret(setClientSecret({ ...vault, accounts: [account('a1')] }, 'p1', 'secret-1'), 'p2', 'secret-2'),
    result: undefined,
  }));
});

describe('deleteProfile', () => {
  it('removes the profile and the secret the vault remembers for it; accounts stay', async () => {
    expect(await deleteProfile('p1', ports())).toEqual({ kind: 'deleted' });
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([profile('p2')]);
    const vault = await createAccountStore().load();
    expect(vault.clientSecrets).toEqual({ p2: 'secret-2' });
    expect(vault.accounts.map((a) => a.id)).toEqual(['a1']);
  });

  it('a profile already deleted in another tab: its remembered secret still goes', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [profile('p2')] });
    expect(await deleteProfile('p1', ports())).toEqual({ kind: 'deleted' });
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p2: 'secret-2' });
  });

  it('a failed write: save-failed, with the reason', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const result = await deleteProfile('p1', ports());
    expect(result.kind === 'save-failed' && String(result.error)).toMatch(/quota/i);
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([profile('p1'), profile('p2')]);
  });

  it('while the vault is locked: refused (unlock first), the profile and its remembered secret both kept', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    const before = structuredClone([...fakeBrowser.storage.local.data]);
    const result = await deleteProfile('p1', ports());
    expect(result).toEqual({ kind: 'save-failed', error: expect.any(VaultLockedError) as unknown });
    expect([...fakeBrowser.storage.local.data]).toEqual(before);
    // Unlocked, the same deletion removes both.
    await protection.unlock('pw-123456');
    expect(await deleteProfile('p1', ports())).toEqual({ kind: 'deleted' });
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([profile('p2')]);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p2: 'secret-2' });
  });
});
