import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { addDrafts, removeAccount } from '../../src/core/vault-edits.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { vaultRecordItem } from '../../src/platform/storage-items.ts';
import { defineStorageItem } from '../../src/platform/storage-item.ts';
import { migrateVaultRecord, VaultRecordError } from '../../src/core/migrate-vault-record.ts';
import type { VaultRecord } from '../../src/core/vault.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { storedVaultAccounts } from '../support/stored-vault.ts';

const draft = (n: number): AccountDraft => ({
  type: 'totp',
  secret: `JBSWY3DPEHPK3P${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[n % 32] ?? 'A'}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(n / 32)] ?? 'A'}`,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: `Service ${n}`,
  name: `user${n}@example.com`,
});

let ids = 0;
const newId = (): string => `id-${++ids}`;

/** A storage round trip that yields to other tasks, as chrome.storage does. */
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, Math.random() * 2));

beforeEach(resetFakeBrowser);

describe('account store', () => {
  it('starts empty and adds accounts', async () => {
    const store = createAccountStore();
    expect((await store.load()).accounts).toEqual([]);
    const results = await store.update((vault) => {
      const { vault: next, results } = addDrafts(vault, [draft(1)], { newId, now: 1000 });
      return { vault: next, result: results };
    });
    expect(results[0]?.outcome).toBe('added');
    const loaded = await store.load();
    expect(loaded.accounts.map((a) => a.issuer)).toEqual(['Service 1']);
    expect(loaded.revision).toBe(1);
    expect(fakeBrowser.storage.local.data.get('vault')).toMatchObject({ schema: 3, format: 'plain', revision: 1, accountsJson: expect.any(String) as unknown });
  });

  it('loses no write when two pages add accounts at the same time', async () => {
    // Two stores over the same storage area: the popup and the options page.
    const pageA = createAccountStore();
    const pageB = createAccountStore();
    const add = (store: typeof pageA, n: number) =>
      store.update((vault) => ({ vault: addDrafts(vault, [draft(n)], { newId, now: n }).vault, result: n }));
    await Promise.all(Array.from({ length: 40 }, (_, n) => add(n % 2 === 0 ? pageA : pageB, n)));
    const { accounts } = await pageA.load();
    expect(accounts).toHaveLength(40);
    expect(new Set(accounts.map((a) => a.issuer)).size).toBe(40);
  });

  it('would lose writes without the lock (the hazard the lock exists for)', async () => {
    const noLock = <T,>(_: string, task: () => Promise<T>): Promise<T> => task();
    const slowItem = {
      ...vaultRecordItem,
      get: async () => {
        const value = await vaultRecordItem.get();
        await tick();
        return value;
      },
    };
    const pageA = createAccountStore({ item: slowItem, lock: noLock });
    const pageB = createAccountStore({ item: slowItem, lock: noLock });
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? pageA : pageB).update((vault) => ({ vault: addDrafts(vault, [draft(n)], { newId, now: n }).vault, result: n }))),
    );
    expect((await pageA.load()).accounts.length).toBeLessThan(20);
  });

  it('leaves the stored vault unchanged when a write fails (e.g. quota)', async () => {
    const store = createAccountStore();
    await store.update((vault) => ({ vault: addDrafts(vault, [draft(1), draft(2)], { newId, now: 1 }).vault, result: undefined }));
    const before = structuredClone(fakeBrowser.storage.local.data.get('vault'));
    fakeBrowser.storage.local.failNextSets = 1;
    await expect(store.update((vault) => ({ vault: removeAccount(vault, vault.accounts[0]!.id), result: undefined }))).rejects.toThrow(/quota/i);
    expect(fakeBrowser.storage.local.data.get('vault')).toEqual(before);
    // And the next write works again.
    await store.update((vault) => ({ vault: addDrafts(vault, [draft(3)], { newId, now: 1 }).vault, result: undefined }));
    expect((await store.load()).accounts).toHaveLength(3);
  });

  it('writes nothing when the edit throws', async () => {
    const store = createAccountStore();
    await store.update((vault) => ({ vault: addDrafts(vault, [draft(1)], { newId, now: 1 }).vault, result: undefined }));
    const before = structuredClone(fakeBrowser.storage.local.data.get('vault'));
    await expect(store.update((vault) => ({ vault: removeAccount(vault, 'missing'), result: undefined }))).rejects.toThrow(/missing/);
    expect(fakeBrowser.storage.local.data.get('vault')).toEqual(before);
  });

  it('tells subscribers about writes from another page', async () => {
    const popup = createAccountStore();
    const options = createAccountStore();
    const seen: number[] = [];
    const unsubscribe = popup.subscribe((snapshot) => seen.push(snapshot.accounts.length), (error) => { throw error; });
    await options.update((vault) => ({ vault: addDrafts(vault, [draft(1)], { newId, now: 1 }).vault, result: undefined }));
    await options.update((vault) => ({ vault: addDrafts(vault, [draft(2)], { newId, now: 1 }).vault, result: undefined }));
    await new Promise((r) => setTimeout(r, 0));
    unsubscribe();
    expect(seen).toEqual([1, 2]);
  });

  it('refuses a vault written by a newer build and leaves it in place', async () => {
    const future = { schema: 99, format: 'sealed', revision: 5, blob: 'x' };
    await fakeBrowser.storage.local.set({ vault: future });
    const store = createAccountStore();
    await expect(store.load()).rejects.toThrow(/schema 99/);
    await expect(store.update((vault) => ({ vault: addDrafts(vault, [draft(1)], { newId, now: 1 }).vault, result: undefined }))).rejects.toThrow(/schema 99/);
    await expect(store.upgrade()).rejects.toThrow(/schema 99/);
    expect(fakeBrowser.storage.local.data.get('vault')).toEqual(future);
  });

  it('upgrade() writes nothing when the record is already current', async () => {
    const store = createAccountStore();
    expect(await store.upgrade()).toBe(false);
    await store.update((vault) => ({ vault: addDrafts(vault, [draft(1)], { newId, now: 1 }).vault, result: undefined }));
    expect(await store.upgrade()).toBe(false);
    expect((await store.load()).revision).toBe(1);
  });

  it('an encrypted vault: a failed write keeps the old ciphertext, which still opens to every account', async () => {
    const protection = createVaultProtection({ iterations: 1_000 });
    const store = createAccountStore();
    await store.update((vault) => ({ vault: addDrafts(vault, [draft(1), draft(2)], { newId, now: 1 }).vault, result: undefined }));
    await protection.setPassword('pw-12345');
    const before = structuredClone(fakeBrowser.storage.local.data.get('vault'));
    fakeBrowser.storage.local.failNextSets = 1;
    await expect(store.update((vault) => ({ vault: removeAccount(vault, vault.accounts[0]!.id), result: undefined }))).rejects.toThrow(/quota/i);
    expect(fakeBrowser.storage.local.data.get('vault')).toEqual(before);
    await protection.lock();
    await protection.unlock('pw-12345');
    expect((await store.load()).accounts).toHaveLength(2);
  });

  it('an interrupted migration (a step that throws) leaves the stored record as it was, and reports why', async () => {
    const old = { schema: 1, format: 'plain', revision: 4, accounts: [{ ...draft(1), id: 'old-1', createdAt: 1, pinned: false, status: 'active' }] };
    await fakeBrowser.storage.local.set({ vault: old });
    // A later build whose step 1 -> 2 fails half-way, e.g. on an entry it did not expect.
    const failingStep = (record: Record<string, unknown>): Record<string, unknown> => {
      throw new VaultRecordError('vault-record-malformed', `Migration 1 -> 2 stopped at account 1 of ${String((record['accounts'] as unknown[]).length)}`);
    };
    const item = defineStorageItem<VaultRecord | undefined>('vault', 'local', undefined, (raw) => migrateVaultRecord(raw, { 1: failingStep }, 2));
    const store = createAccountStore({ item });
    await expect(store.load()).rejects.toThrow(/Migration 1 -> 2 stopped/);
    await expect(store.update((vault) => ({ vault: addDrafts(vault, [draft(2)], { newId, now: 1 }).vault, result: undefined }))).rejects.toThrow(/stopped/);
    await expect(store.upgrade()).rejects.toThrow(/stopped/);
    expect(fakeBrowser.storage.local.data.get('vault')).toEqual(old);
    // This build still reads it in full.
    expect((await createAccountStore().load()).accounts.map((a) => a.id)).toEqual(['old-1']);
  });

  it('shows only the entries it can read, and an edit writes the others back unchanged', async () => {
    const good = { ...draft(1), id: 'good-1', createdAt: 1, pinned: false, status: 'active' };
    const damaged = { id: 'bad-1', issuer: 'Half written', type: 'totp' };
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 2, accounts: [damaged, good, 42, null] } });
    const store = createAccountStore();
    const loaded = await store.load();
    expect(loaded.accounts.map((a) => a.id)).toEqual(['good-1']);
    expect(loaded.unreadable).toBe(3);
    await store.update((vault) => ({ vault: addDrafts(vault, [draft(2)], { newId, now: 5 }).vault, result: undefined }));
    expect(storedVaultAccounts()).toEqual([good, expect.objectContaining({ issuer: 'Service 2' }), damaged, 42, null]);
  });

  it('keeps unreadable entries through encryption and its removal', async () => {
    const damaged = { id: 'bad-1', secret: 'not base32!' };
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 1, accounts: [damaged] } });
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await createAccountStore().update((vault) => ({ vault: addDrafts(vault, [draft(3)], { newId, now: 5 }).vault, result: undefined }));
    expect((await createAccountStore().load()).unreadable).toBe(1);
    await protection.removePassword('pw-123456');
    expect(storedVaultAccounts()).toContainEqual(damaged);
  });
});
