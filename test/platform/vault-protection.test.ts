import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { addDrafts } from '../../src/core/vault-edits.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { AUTO_LOCK_ALARM } from '../../src/platform/auto-lock.ts';
import { installAutoLock } from '../../src/platform/install-auto-lock.ts';
import { securitySettingsItem, unlockAttemptsItem } from '../../src/platform/storage-items.ts';
import { createVaultProtection, type VaultProtectionDeps } from '../../src/platform/vault-protection.ts';
import { UnlockError } from '../../src/platform/unlock-error.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { fakeBrowser, fireAlarm, fireStartup, resetFakeBrowser } from '../support/fake-browser.ts';

// Master password set / change / remove, lock and unlock, against the Map-backed fake storage.
// PBKDF2 runs with 1,000 iterations here (the production count is tested in test/core/kdf.test.ts).

const ITERATIONS = 1_000;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const draft = (n: number): AccountDraft => ({
  type: 'totp',
  secret: `${SECRET.slice(0, -1)}${'ABCDEFGH'[n] ?? 'A'}`,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: `Issuer ${n}`,
  name: `person${n}@example.com`,
});

let ids = 0;
let clock = 1_000_000;
const protection = (deps: VaultProtectionDeps = {}) => createVaultProtection({ iterations: ITERATIONS, now: () => clock, ...deps });
const storedVault = (): Record<string, unknown> => fakeBrowser.storage.local.data.get('vault') as Record<string, unknown>;
const storedText = (): string => JSON.stringify([...fakeBrowser.storage.local.data, ...fakeBrowser.storage.session.data]);

async function seed(count: number): Promise<void> {
  await createAccountStore().update((vault) => ({
    vault: addDrafts(vault, Array.from({ length: count }, (_, i) => draft(i)), { newId: () => `id-${++ids}`, now: 1 }).vault,
    result: undefined,
  }));
}

beforeEach(async () => {
  await resetFakeBrowser();
  clock = 1_000_000;
});

describe('setting a master password', () => {
  it('encrypts the vault: no secret, issuer or name left in storage, and the page still reads it while unlocked', async () => {
    await seed(3);
    await protection().setPassword('correct horse');
    const record = storedVault();
    expect(record).toMatchObject({ schema: 3, format: 'encrypted', revision: 2, kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: ITERATIONS } });
    expect(Object.keys(record).sort()).toEqual(['format', 'kdf', 'keyId', 'payload', 'revision', 'schema', 'wrappedKey']);
    expect(fakeBrowser.storage.local.data.get('vaultEncrypted')).toBe(true);
    expect(fakeBrowser.storage.session.data.get('vaultKey')).toMatchObject({ id: record['keyId'] });
    const local = JSON.stringify([...fakeBrowser.storage.local.data]);
    for (const text of [SECRET.slice(0, 20), 'Issuer 0', 'person1@example.com', 'correct horse']) expect(local).not.toContain(text);
    const snapshot = await createAccountStore().load();
    expect(snapshot.encrypted).toBe(true);
    expect(snapshot.accounts.map((a) => a.issuer)).toEqual(['Issuer 0', 'Issuer 1', 'Issuer 2']);
    expect(await protection().status()).toBe('unlocked');
  });

  it('an interrupted write (quota error) leaves the plain vault and no session key', async () => {
    await seed(2);
    const before = structuredClone(storedVault());
    fakeBrowser.storage.local.failNextSets = 1;
    await expect(protection().setPassword('pw-1')).rejects.toThrow(/quota/);
    expect(storedVault()).toEqual(before);
    expect(fakeBrowser.storage.session.data.has('vaultKey')).toBe(false);
    expect((await createAccountStore().load()).accounts).toHaveLength(2);
  });

  it('refuses a second password', async () => {
    await protection().setPassword('pw-1');
    await expect(protection().setPassword('pw-2')).rejects.toThrow(/already has a master password/);
  });
});

describe('lock and unlock', () => {
  it('locked: the store refuses to read or write; unlock with the password opens it again', async () => {
    await seed(2);
    await protection().setPassword('pw-1');
    await protection().lock();
    expect(fakeBrowser.storage.session.data.has('vaultKey')).toBe(false);
    expect(await protection().status()).toBe('locked');
    const store = createAccountStore();
    await expect(store.load()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(store.update((vault) => ({ vault: addDrafts(vault, [draft(5)], { newId: () => 'x', now: 1 }).vault, result: undefined }))).rejects.toBeInstanceOf(VaultLockedError);
    await protection().unlock('pw-1');
    expect((await store.load()).accounts).toHaveLength(2);
  });

  it('writes while unlocked stay encrypted, with a fresh nonce each time', async () => {
    await protection().setPassword('pw-1');
    const store = createAccountStore();
    const nonces = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      await store.update((vault) => ({ vault: addDrafts(vault, [draft(i)], { newId: () => `n${i}`, now: 1 }).vault, result: undefined }));
      nonces.add((storedVault()['payload'] as { iv: string }).iv);
      expect(storedVault()['format']).toBe('encrypted');
    }
    expect(nonces.size).toBe(3);
    await protection().lock();
    await protection().unlock('pw-1');
    expect((await store.load()).accounts.map((a) => a.id)).toEqual(['n0', 'n1', 'n2']);
  });

  it('a wrong password changes nothing; after three, each attempt waits longer, even across pages', async () => {
    await seed(1);
    await protection().setPassword('right');
    await protection().lock();
    const before = structuredClone(storedVault());
    const errors: UnlockError[] = [];
    for (let i = 0; i < 3; i++) {
      errors.push(await protection().unlock('wrong').then(() => { throw new Error('unlocked'); }, (e: unknown) => e as UnlockError));
    }
    expect(errors.map((e) => [e.code, e.retryAfterMs])).toEqual([['wrong-password', 0], ['wrong-password', 0], ['wrong-password', 1000]]);
    // A new page (a new protection object) still has to wait.
    const throttled = await protection().unlock('right').catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(UnlockError);
    expect(throttled).toMatchObject({ code: 'unlock-throttled', retryAfterMs: 1000 });
    clock += 1000;
    const fourth = await protection().unlock('wrong').catch((e: unknown) => e);
    expect(fourth).toMatchObject({ code: 'wrong-password', retryAfterMs: 2000 });
    clock += 2000;
    await protection().unlock('right');
    expect(await protection().status()).toBe('unlocked');
    expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toEqual({ failures: 0, lastFailureAt: 0 });
    const { revision, ...rest } = storedVault();
    const { revision: beforeRevision, ...restBefore } = before;
    expect([revision, rest]).toEqual([beforeRevision, restBefore]);
  });

  it.each([
    ['a year ahead', 365 * 24 * 3600 * 1000],
    ['an hour ahead', 3600 * 1000],
  ])('a failure time %s (a wrong clock) makes the owner wait the delay once, not until then', async (_case, ahead) => {
    await seed(1);
    await protection().setPassword('right');
    await protection().lock();
    await unlockAttemptsItem.set({ failures: 3, lastFailureAt: clock + ahead });
    await expect(protection().unlock('right')).rejects.toMatchObject({ code: 'unlock-throttled', retryAfterMs: 1000 });
    // The stored time was brought back to now, so the wait ends.
    expect(fakeBrowser.storage.local.data.get('unlockAttempts')).toEqual({ failures: 3, lastFailureAt: clock });
    clock += 1000;
    await protection().unlock('right');
    expect(await protection().status()).toBe('unlocked');
  });

  it('ten failures stored with a time far ahead: the wait is 60 s at most', async () => {
    await protection().setPassword('right');
    await protection().lock();
    await unlockAttemptsItem.set({ failures: 10, lastFailureAt: Number.MAX_SAFE_INTEGER });
    await expect(protection().unlock('right')).rejects.toMatchObject({ code: 'unlock-throttled', retryAfterMs: 60_000 });
    clock += 60_000;
    await protection().unlock('right');
    expect(await protection().status()).toBe('unlocked');
  });

  it('confirmPassword checks the password again without changing anything, counting wrong ones with the unlock attempts', async () => {
    await seed(1);
    await protection().setPassword('right');
    const before = structuredClone([[...fakeBrowser.storage.local.data], [...fakeBrowser.storage.session.data]]);
    await protection().confirmPassword('right');
    expect([[...fakeBrowser.storage.local.data], [...fakeBrowser.storage.session.data]]).toEqual(before);
    await expect(protection().confirmPassword('wrong')).rejects.toMatchObject({ code: 'wrong-password', retryAfterMs: 0 });
    await protection().lock();
    await expect(protection().unlock('wrong')).rejects.toMatchObject({ code: 'wrong-password', retryAfterMs: 0 });
    await expect(protection().unlock('wrong')).rejects.toMatchObject({ code: 'wrong-password', retryAfterMs: 1000 });
    await expect(protection().unlock('right')).rejects.toMatchObject({ code: 'unlock-throttled' });
  });

  it('the auto-lock alarm is set at unlock with the configured minutes, and locks when it fires', async () => {
    installAutoLock((error) => {
      throw error;
    });
    await securitySettingsItem.set({ autoLockMinutes: 5 });
    await protection().setPassword('pw-1');
    const alarm = (await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)) as { scheduledTime: number } | undefined;
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 4.9 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    fireAlarm(AUTO_LOCK_ALARM);
    await expect.poll(() => protection().status()).toBe('locked');
    await protection().unlock('pw-1');
    fireStartup();
    await expect.poll(() => protection().status()).toBe('locked');
  });

  it('auto-lock 0 minutes means no alarm (locks only on restart)', async () => {
    await securitySettingsItem.set({ autoLockMinutes: 0 });
    await protection().setPassword('pw-1');
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
  });
});

describe('changing and removing the password', () => {
  it('change: the old password no longer opens it, the new one does, with a new vault key', async () => {
    await seed(2);
    await protection().setPassword('old-pw');
    const oldKey = fakeBrowser.storage.session.data.get('vaultKey');
    await protection().changePassword('old-pw', 'new-pw');
    expect(fakeBrowser.storage.session.data.get('vaultKey')).not.toBe(oldKey);
    await protection().lock();
    await expect(protection().unlock('old-pw')).rejects.toMatchObject({ code: 'wrong-password' });
    await protection().unlock('new-pw');
    expect((await createAccountStore().load()).accounts).toHaveLength(2);
  });

  it('change with a wrong current password changes nothing', async () => {
    await seed(1);
    await protection().setPassword('old-pw');
    const before = structuredClone(storedVault());
    await expect(protection().changePassword('nope', 'new-pw')).rejects.toMatchObject({ code: 'wrong-password' });
    expect(storedVault()).toEqual(before);
  });

  it('change interrupted by a failed write keeps the old password and the old session key', async () => {
    await seed(1);
    await protection().setPassword('old-pw');
    const before = structuredClone(storedVault());
    const key = fakeBrowser.storage.session.data.get('vaultKey');
    fakeBrowser.storage.local.failNextSets = 1;
    await expect(protection().changePassword('old-pw', 'new-pw')).rejects.toThrow(/quota/);
    expect(storedVault()).toEqual(before);
    expect(fakeBrowser.storage.session.data.get('vaultKey')).toEqual(key);
    expect((await createAccountStore().load()).accounts).toHaveLength(1);
  });

  it('remove: stores the accounts unencrypted again and forgets the key', async () => {
    await seed(2);
    await protection().setPassword('pw-1');
    await protection().removePassword('pw-1');
    expect(storedVault()).toMatchObject({ format: 'plain', revision: 3 });
    expect(fakeBrowser.storage.session.data.has('vaultKey')).toBe(false);
    expect((await createAccountStore().load()).accounts.map((a) => a.issuer)).toEqual(['Issuer 0', 'Issuer 1']);
    expect(await protection().status()).toBe('none');
  });

  it('remove with a wrong password changes nothing', async () => {
    await seed(1);
    await protection().setPassword('pw-1');
    const before = structuredClone(storedVault());
    await expect(protection().removePassword('pw-2')).rejects.toBeInstanceOf(UnlockError);
    expect(storedVault()).toEqual(before);
    expect(storedText()).not.toContain('pw-1');
  });
});
