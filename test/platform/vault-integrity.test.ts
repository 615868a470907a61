import { beforeEach, describe, expect, it } from 'vitest';
import { VaultRecordError } from '../../src/core/migrate-vault-record.ts';
import { addDrafts } from '../../src/core/vault-edits.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { createVaultRepository } from '../../src/platform/vault-repository.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { account, numberedDraft } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { legacyEncryptedRecord, schema2EncryptedRecord } from '../support/legacy-vault-record.ts';
import { decodeStoredVault } from '../support/decode-stored-vault.ts';

// What the stored vault binds, and what Keystep refuses: a payload of another revision or record, a plain record
// where Keystep never removed the password, a session key made for another record; how schema 1 records
// (sealed without any of this) still open and are sealed again; and how schema 2 records become schema 3.

const PASSWORD = 'correct horse battery';
const protection = () => createVaultProtection({ iterations: 1_000 });
const local = (key: string): unknown => structuredClone(fakeBrowser.storage.local.data.get(key));
const session = (): unknown => structuredClone(fakeBrowser.storage.session.data.get('vaultKey'));
/** Any string, for toEqual and toMatchObject. */
const ANY_STRING: unknown = expect.any(String);
const snapshotOfStorage = (): unknown => structuredClone([[...fakeBrowser.storage.local.data], [...fakeBrowser.storage.session.data]]);
let ids = 0;
const add = (n: number) => createAccountStore().update((vault) => ({ vault: addDrafts(vault, [numberedDraft(n)], { newId: () => `id-${++ids}`, now: 1 }).vault, result: undefined }));

/** The VaultRecordError a promise rejects with. */
async function recordError(promise: Promise<unknown>): Promise<VaultRecordError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof VaultRecordError)) throw new Error(`expected a VaultRecordError, got ${String(error)}`);
  return error;
}

beforeEach(resetFakeBrowser);

describe('an encrypted record binds its header', () => {
  it('a payload of an earlier revision put back under the current header is refused, and nothing is written', async () => {
    await add(1);
    await protection().setPassword(PASSWORD);
    const older = local('vault') as Record<string, unknown>;
    await add(2);
    const current = local('vault') as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ vault: { ...current, payload: older['payload'] } });
    const swapped = snapshotOfStorage();
    expect((await recordError(createAccountStore().load())).code).toBe('vault-record-altered');
    expect((await recordError(add(3))).code).toBe('vault-record-altered');
    expect(snapshotOfStorage()).toEqual(swapped);
    // Put back as it was, it opens again.
    await fakeBrowser.storage.local.set({ vault: current });
    expect((await createAccountStore().load()).accounts).toHaveLength(2);
  });

  it.each([
    ['an older revision number', (record: Record<string, unknown>) => ({ ...record, revision: (record['revision'] as number) - 1 })],
    ['a newer revision number', (record: Record<string, unknown>) => ({ ...record, revision: (record['revision'] as number) + 5 })],
  ])('a header edited to %s is refused', async (_case, edit) => {
    await add(1);
    await protection().setPassword(PASSWORD);
    await fakeBrowser.storage.local.set({ vault: edit(local('vault') as Record<string, unknown>) });
    expect((await recordError(createAccountStore().load())).code).toBe('vault-record-altered');
  });

  it('the payload of another record (another vault key, whose id the session does not hold) leaves the vault locked, not broken', async () => {
    await add(1);
    await protection().setPassword(PASSWORD);
    const mine = local('vault') as Record<string, unknown>;
    // Another profile's record with the same password: a different vault key and key id.
    await protection().changePassword(PASSWORD, PASSWORD);
    const theirs = local('vault');
    await fakeBrowser.storage.local.set({ vault: mine });
    // The session holds the key of `theirs`: it does not open `mine`, so it is dropped and the vault shows as locked.
    await expect(createAccountStore().load()).rejects.toBeInstanceOf(VaultLockedError);
    expect(session()).toBeUndefined();
    expect(theirs).not.toEqual(mine);
    await protection().unlock(PASSWORD);
    expect((await createAccountStore().load()).accounts).toHaveLength(1);
  });
});

describe('the session key carries the id of the record it opens', () => {
  it('is stored with the key id of the record', async () => {
    await protection().setPassword(PASSWORD);
    expect(session()).toEqual({ id: (local('vault') as { keyId: string }).keyId, key: ANY_STRING });
    await protection().lock();
    await protection().unlock(PASSWORD);
    expect(session()).toEqual({ id: (local('vault') as { keyId: string }).keyId, key: ANY_STRING });
  });

  it.each([
    ['another id', (stored: { id: string; key: string }) => ({ ...stored, id: 'AAAAAAAAAAAAAAAAAAAAAA==' })],
    ['the bare Base64 key of an older build', (stored: { id: string; key: string }) => stored.key],
    ['not a key at all', () => 42],
  ])('a session key with %s opens nothing: every page sees the vault locked until the password is typed', async (_case, edit) => {
    await add(1);
    await protection().setPassword(PASSWORD);
    await fakeBrowser.storage.session.set({ vaultKey: edit(session() as { id: string; key: string }) });
    const store = createAccountStore();
    await expect(store.load()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(store.update((vault) => ({ vault, result: undefined }))).rejects.toBeInstanceOf(VaultLockedError);
    expect(await protection().status()).toBe('locked');
    await protection().unlock(PASSWORD);
    expect((await store.load()).accounts).toHaveLength(1);
  });

  it('after the password was changed in another window, a page holding the old key is told it is locked, not stuck on an error', async () => {
    await add(1);
    await protection().setPassword(PASSWORD);
    const oldSession = session();
    // Another window changes the password: new vault key, new key id, new session key.
    await protection().changePassword(PASSWORD, 'another password');
    // A stale key comes back (e.g. a page that wrote it late): it does not open the new record.
    await fakeBrowser.storage.session.set({ vaultKey: oldSession });
    const seen: string[] = [];
    const stop = createAccountStore().subscribe(
      () => seen.push('ready'),
      (error) => seen.push(error instanceof VaultLockedError ? 'locked' : 'error'),
    );
    await fakeBrowser.storage.session.set({ vaultKey: oldSession });
    await expect.poll(() => seen.at(-1)).toBe('locked');
    expect(session()).toBeUndefined();
    stop();
    await protection().unlock('another password');
    expect((await createAccountStore().load()).accounts).toHaveLength(1);
  });

  it('a key that matches is kept: reading does not drop it', async () => {
    await protection().setPassword(PASSWORD);
    const before = session();
    await createAccountStore().load();
    expect(session()).toEqual(before);
  });
});

describe('a record that turns plain outside Keystep', () => {
  it('is refused while the marker says it was encrypted; nothing is written over it', async () => {
    await add(1);
    await protection().setPassword(PASSWORD);
    expect(local('vaultEncrypted')).toBe(true);
    await fakeBrowser.storage.local.set({ vault: { schema: 2, format: 'plain', revision: 9, accounts: [account('planted')] } });
    const planted = snapshotOfStorage();
    expect((await recordError(createAccountStore().load())).code).toBe('vault-encryption-removed');
    expect((await recordError(add(2))).code).toBe('vault-encryption-removed');
    expect(await createAccountStore().upgrade()).toBe(false);
    expect(snapshotOfStorage()).toEqual(planted);
  });

  it('a schema 1 plain record is refused the same way, and not rewritten by the upgrade', async () => {
    await protection().setPassword(PASSWORD);
    await fakeBrowser.storage.local.set({ vault: { schema: 1, format: 'plain', revision: 9, accounts: [] } });
    const planted = snapshotOfStorage();
    expect(await createAccountStore().upgrade()).toBe(false);
    expect((await recordError(createAccountStore().load())).code).toBe('vault-encryption-removed');
    expect(snapshotOfStorage()).toEqual(planted);
  });

  it('setting a new master password encrypts it again: the way to use it', async () => {
    await protection().setPassword(PASSWORD);
    await fakeBrowser.storage.local.set({ vault: { schema: 2, format: 'plain', revision: 9, accounts: [account('planted')] } });
    await protection().setPassword('a new password');
    expect(local('vault')).toMatchObject({ format: 'encrypted', revision: 10 });
    expect((await createAccountStore().load()).accounts.map((a) => a.id)).toEqual(['planted']);
  });

  it('removing the password in Keystep clears the marker: the plain record is read', async () => {
    await add(1);
    await protection().setPassword(PASSWORD);
    await protection().removePassword(PASSWORD);
    expect(local('vaultEncrypted')).toBeUndefined();
    expect(local('vault')).toMatchObject({ format: 'plain' });
    expect((await createAccountStore().load()).accounts).toHaveLength(1);
    await add(2);
    expect((await createAccountStore().load()).accounts).toHaveLength(2);
  });

  it('a remove interrupted by a failed record write leaves the encrypted record, marked again by the next write', async () => {
    await add(1);
    await protection().setPassword(PASSWORD);
    fakeBrowser.storage.local.failNextSets = 1;
    // The marker is removed first (a remove, not a set), then the record write fails.
    await expect(protection().removePassword(PASSWORD)).rejects.toThrow(/quota/);
    expect(local('vault')).toMatchObject({ format: 'encrypted' });
    expect(local('vaultEncrypted')).toBeUndefined();
    await protection().unlock(PASSWORD);
    expect(local('vaultEncrypted')).toBe(true);
  });

  it('a plain vault that never had a password is read and written without a marker', async () => {
    await add(1);
    await add(2);
    expect(local('vaultEncrypted')).toBeUndefined();
    expect((await createAccountStore().load()).accounts).toHaveLength(2);
  });

  it('an encrypted record written before the marker existed is marked by the upgrade after an update', async () => {
    await protection().setPassword(PASSWORD);
    await fakeBrowser.storage.local.remove('vaultEncrypted');
    expect(await createVaultRepository().upgrade()).toBe(false);
    expect(local('vaultEncrypted')).toBe(true);
  });
});

describe('records sealed by a schema 1 build', () => {
  const VAULT = { accounts: [account('a1'), { id: 'from-a-newer-build', kind: 'unknown' }], clientSecrets: { p1: 'remembered secret' } };

  it('open with the password, and the unlock seals them again as schema 3, keeping everything they held', async () => {
    const { record } = legacyEncryptedRecord(VAULT, PASSWORD, { revision: 5 });
    await fakeBrowser.storage.local.set({ vault: record });
    // The upgrade after an update cannot seal it again without the password: it only marks it.
    expect(await createVaultRepository().upgrade()).toBe(false);
    expect(local('vault')).toEqual(record);
    expect(local('vaultEncrypted')).toBe(true);
    await expect(createAccountStore().load()).rejects.toBeInstanceOf(VaultLockedError);

    await protection().unlock(PASSWORD);
    const resealed = local('vault') as Record<string, unknown>;
    expect(resealed).toMatchObject({ schema: 3, format: 'encrypted', revision: 6, kdf: record['kdf'], keyId: ANY_STRING });
    expect(session()).toEqual({ id: resealed['keyId'], key: ANY_STRING });
    const snapshot = await createAccountStore().load();
    expect(snapshot.accounts.map((a) => a.id)).toEqual(['a1']);
    expect(snapshot.unreadable).toBe(1);
    expect(snapshot.clientSecrets).toEqual({ p1: 'remembered secret' });
    // The same password opens it after a lock; nothing else was asked for.
    await protection().lock();
    await protection().unlock(PASSWORD);
    expect((await createAccountStore().load()).accounts.map((a) => a.id)).toEqual(['a1']);
    expect((local('vault') as { revision: number }).revision).toBe(6);
  });

  it('a wrong password changes nothing', async () => {
    const { record } = legacyEncryptedRecord(VAULT, PASSWORD);
    await fakeBrowser.storage.local.set({ vault: record });
    await expect(protection().unlock('not it')).rejects.toMatchObject({ code: 'wrong-password' });
    expect(local('vault')).toEqual(record);
    expect(session()).toBeUndefined();
  });

  it('a schema 1 record whose payload was swapped for another is refused at the unlock, and left as it was', async () => {
    const { record } = legacyEncryptedRecord(VAULT, PASSWORD);
    const other = legacyEncryptedRecord({ accounts: [] }, PASSWORD).record;
    const swapped = { ...record, payload: other['payload'] };
    await fakeBrowser.storage.local.set({ vault: swapped });
    expect((await recordError(protection().unlock(PASSWORD))).code).toBe('vault-record-altered');
    expect(local('vault')).toEqual(swapped);
    expect(session()).toBeUndefined();
  });

  it('change and remove the password of a schema 1 record directly', async () => {
    const { record } = legacyEncryptedRecord(VAULT, PASSWORD);
    await fakeBrowser.storage.local.set({ vault: record });
    await protection().changePassword(PASSWORD, 'next password');
    expect(local('vault')).toMatchObject({ schema: 3, keyId: ANY_STRING });
    await protection().removePassword('next password');
    expect(decodeStoredVault(local('vault'))).toMatchObject({ schema: 3, format: 'plain', accounts: VAULT.accounts, clientSecrets: VAULT.clientSecrets });
  });
});

describe('records of schema 2', () => {
  const ACCOUNTS = [account('a1'), { id: 'from-a-newer-build', kind: 'unknown' }, account('a2', { pinned: true })];

  it('plain: the upgrade after an update stores the same entries as schema 3, at the same revision, once', async () => {
    const record = { schema: 2, format: 'plain', revision: 7, accounts: ACCOUNTS, clientSecrets: { p1: 'remembered secret' } };
    await fakeBrowser.storage.local.set({ vault: record });
    expect((await createAccountStore().load()).accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(await createVaultRepository().upgrade()).toBe(true);
    const stored = local('vault') as Record<string, unknown>;
    expect(stored).toEqual({ schema: 3, format: 'plain', revision: 7, clientSecrets: { p1: 'remembered secret' }, accountsJson: ANY_STRING });
    expect(JSON.parse(stored['accountsJson'] as string)).toEqual(ACCOUNTS);
    expect(await createVaultRepository().upgrade()).toBe(false);
    const snapshot = await createAccountStore().load();
    expect(snapshot).toMatchObject({ revision: 7, unreadable: 1, clientSecrets: { p1: 'remembered secret' } });
    expect(snapshot.accounts).toEqual([ACCOUNTS[0], ACCOUNTS[2]]);
  });

  it('plain: an edit before the upgrade writes schema 3 with every entry', async () => {
    await fakeBrowser.storage.local.set({ vault: { schema: 2, format: 'plain', revision: 3, accounts: ACCOUNTS } });
    await add(9);
    expect(decodeStoredVault(local('vault'))).toEqual({ schema: 3, format: 'plain', revision: 4, accounts: [ACCOUNTS[0], ACCOUNTS[2], expect.objectContaining({ issuer: 'Service 9' }), ACCOUNTS[1]] });
  });

  it('encrypted: opens as sealed (schema 2 in its additional data), and its next write seals it at schema 3', async () => {
    const { record } = schema2EncryptedRecord({ accounts: ACCOUNTS, clientSecrets: { p1: 'remembered secret' } }, PASSWORD, { revision: 5 });
    await fakeBrowser.storage.local.set({ vault: record });
    // The upgrade cannot seal it without the key, and need not: it opens as it is.
    expect(await createVaultRepository().upgrade()).toBe(false);
    expect(local('vault')).toEqual(record);
    await protection().unlock(PASSWORD);
    // Nothing to seal again: it has a key id.
    expect(local('vault')).toEqual(record);
    expect(session()).toEqual({ id: record['keyId'], key: ANY_STRING });
    expect((await createAccountStore().load()).accounts.map((a) => a.id)).toEqual(['a1', 'a2']);

    await add(9);
    expect(local('vault')).toMatchObject({ schema: 3, format: 'encrypted', revision: 6, keyId: record['keyId'], kdf: record['kdf'], wrappedKey: record['wrappedKey'] });
    const snapshot = await createAccountStore().load();
    expect(snapshot.accounts.map((a) => a.issuer)).toEqual(['Service 1', 'Service 2', 'Service 9']);
    expect(snapshot).toMatchObject({ unreadable: 1, clientSecrets: { p1: 'remembered secret' } });
    await protection().lock();
    await protection().unlock(PASSWORD);
    expect((await createAccountStore().load()).accounts).toHaveLength(3);
  });

  it('encrypted: a schema 2 record whose header was edited to say schema 3 is refused, and left as it was', async () => {
    const { record } = schema2EncryptedRecord({ accounts: ACCOUNTS }, PASSWORD);
    const edited = { ...record, schema: 3 };
    await fakeBrowser.storage.local.set({ vault: edited });
    await protection().unlock(PASSWORD);
    expect((await recordError(createAccountStore().load())).code).toBe('vault-record-altered');
    expect(local('vault')).toEqual(edited);
  });
});
