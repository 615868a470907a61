import { beforeEach, describe, expect, it } from 'vitest';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { moveRememberedSecrets } from '../../src/platform/move-remembered-secrets.ts';
import { createProfileRepository, type ProfileRepository } from '../../src/platform/profile-repository.ts';
import { cognitoProfilesItem } from '../../src/platform/cognito-profiles-item.ts';
import type { StoredCognitoProfile } from '../../src/platform/storage-items.ts';
import { StoredProfilesError } from '../../src/platform/stored-profiles-error.ts';
import { rejectionOf } from '../support/rejection-of.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

// The profile list's one writer: a validated read (a list it cannot read is refused and left as it is) and a
// read-modify-write under its Web Lock, shared by the options pages and the service worker.

const profile = (n: number, overrides: Partial<StoredCognitoProfile> = {}): StoredCognitoProfile => ({
  id: `p${n}`,
  name: `Pool ${n}`,
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc123',
  clientId: `client${n}abcdefghij`,
  ...overrides,
});
const storedList = (): unknown => fakeBrowser.storage.local.data.get('cognitoProfiles');
const append = (repository: ProfileRepository, added: StoredCognitoProfile) => repository.update((list) => ({ profiles: [...list, added], result: undefined }));

/** The list item with a storage round trip that yields before answering, so concurrent sections interleave. */
const slowItem = {
  ...cognitoProfilesItem,
  get: async () => {
    const value = await cognitoProfilesItem.get();
    await new Promise((resolve) => setTimeout(resolve, 1));
    return value;
  },
};

beforeEach(resetFakeBrowser);

describe('profile repository: reading', () => {
  it('reads nothing stored as no profiles, and a valid list as it is (fields a later build adds are kept)', async () => {
    const repository = createProfileRepository();
    expect(await repository.load()).toEqual([]);
    const later = { ...profile(1, { issuer: 'Acme', endpoint: 'https://proxy.example', signInFlow: 'password', clientSecret: 'legacy', managedLoginDomain: 'auth.example.com' }), preferredFlow: 'USER_PASSWORD_AUTH', addedLater: { x: 1 } };
    await fakeBrowser.storage.local.set({ cognitoProfiles: [later, profile(2)] });
    expect(await repository.load()).toEqual([later, profile(2)]);
    await append(repository, profile(3));
    expect(storedList()).toEqual([later, profile(2), profile(3)]);
  });

  it.each<[string, unknown, string]>([
    ['an object', { p1: profile(1) }, 'cognitoProfiles'],
    ['a string', 'p1', 'cognitoProfiles'],
    ['null', null, 'cognitoProfiles'],
    ['a list with null', [profile(1), null], 'cognitoProfiles[1]'],
    ['a list with a list', [[profile(1)]], 'cognitoProfiles[0]'],
    ['a profile without id', [{ ...profile(1), id: undefined }], 'cognitoProfiles[0].id'],
    ['a profile with a numeric id', [{ ...profile(1), id: 7 }], 'cognitoProfiles[0].id'],
    ['a profile with a blank name', [profile(1, { name: '  ' })], 'cognitoProfiles[0].name'],
    ['a profile without region', [{ ...profile(1), region: undefined }], 'cognitoProfiles[0].region'],
    ['a profile with an object as pool id', [{ ...profile(1), userPoolId: {} }], 'cognitoProfiles[0].userPoolId'],
    ['a profile without client id', [profile(1), { ...profile(2), clientId: undefined }], 'cognitoProfiles[1].clientId'],
    ['a numeric issuer', [{ ...profile(1), issuer: 3 }], 'cognitoProfiles[0].issuer'],
    ['an endpoint that is not a string', [{ ...profile(1), endpoint: { host: 'x' } }], 'cognitoProfiles[0].endpoint'],
    ['a client secret that is not a string', [{ ...profile(1), clientSecret: ['s'] }], 'cognitoProfiles[0].clientSecret'],
    ['a managed login domain that is not a string', [{ ...profile(1), managedLoginDomain: 42 }], 'cognitoProfiles[0].managedLoginDomain'],
    ['an unknown sign-in flow', [{ ...profile(1), signInFlow: 'USER_PASSWORD_AUTH' }], 'cognitoProfiles[0].signInFlow'],
    ['an unknown flow of an older build', [{ ...profile(1), preferredFlow: 'CUSTOM_AUTH' }], 'cognitoProfiles[0].preferredFlow'],
    ['two profiles with one id', [profile(1), profile(2, { id: 'p1' })], 'cognitoProfiles[1].id'],
  ])('refuses %s, names the bad part, and leaves it as it is through load, update and subscribe', async (_, stored, field) => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: stored });
    const repository = createProfileRepository();
    const refusal = await rejectionOf(repository.load(), StoredProfilesError);
    expect(refusal.field).toBe(field);
    let edited = false;
    const update = repository.update((list) => {
      edited = true;
      return { profiles: [...list, profile(9)], result: undefined };
    });
    expect((await rejectionOf(update, StoredProfilesError)).field).toBe(field);
    expect(edited).toBe(false);
    expect(storedList()).toEqual(stored);
    const errors: unknown[] = [];
    const stop = repository.subscribe(() => undefined, (error) => errors.push(error));
    await fakeBrowser.storage.local.set({ cognitoProfiles: stored });
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(errors).toEqual([expect.any(StoredProfilesError)]);
  });

  it('never puts a secret value in the error', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...profile(1), clientSecret: 12345678 }] });
    const refusal = await rejectionOf(createProfileRepository().load(), StoredProfilesError);
    expect(refusal.message).not.toContain('12345678');
  });
});

describe('profile repository: writing', () => {
  it('writes nothing when the edit returns the same list or throws', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [profile(1)] });
    const repository = createProfileRepository();
    const before = storedList();
    expect(await repository.update((list) => ({ profiles: list, result: 'unchanged' }))).toBe('unchanged');
    await expect(
      repository.update(() => {
        throw new Error('edit refused');
      }),
    ).rejects.toThrow('edit refused');
    expect(storedList()).toBe(before);
  });

  it('two tabs and the service worker editing at once lose no edit', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [profile(1, { clientSecret: 'legacy-1' }), profile(2, { clientSecret: 'legacy-2' })] });
    const tabA = createProfileRepository({ item: slowItem });
    const tabB = createProfileRepository({ item: slowItem });
    const worker = createProfileRepository({ item: slowItem });
    const moved = moveRememberedSecrets(createAccountStore(), worker);
    await Promise.all([
      ...[3, 4, 5, 6, 7].map((n) => append(tabA, profile(n))),
      tabB.update((list) => ({ profiles: list.map((p) => (p.id === 'p1' ? { ...p, name: 'Renamed' } : p)), result: undefined })),
      ...[8, 9, 10].map((n) => append(tabB, profile(n))),
      moved,
    ]);
    expect(await moved).toBe(2);
    const list = await createProfileRepository().load();
    expect(list.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10']);
    expect(list.find((p) => p.id === 'p1')?.name).toBe('Renamed');
    expect(list.filter((p) => p.clientSecret !== undefined)).toEqual([]);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: 'legacy-1', p2: 'legacy-2' });
  });

  it('would lose edits without the lock (the hazard the lock exists for)', async () => {
    const noLock = <T,>(_: string, task: () => Promise<T>): Promise<T> => task();
    const tabA = createProfileRepository({ item: slowItem, lock: noLock });
    const tabB = createProfileRepository({ item: slowItem, lock: noLock });
    await Promise.all([1, 2, 3, 4].map((n) => append(n % 2 === 0 ? tabA : tabB, profile(n))));
    expect((await createProfileRepository().load()).length).toBeLessThan(4);
  });
});
