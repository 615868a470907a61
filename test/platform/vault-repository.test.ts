import { beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/base64.ts';
import { createVaultRepository, type VaultRecordWriter } from '../../src/platform/vault-repository.ts';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';
import { decodeStoredVault } from '../support/decode-stored-vault.ts';

// The vault record's one writer: each locked section writes at most once, the next revision, in the current schema.

const stored = (): unknown => fakeBrowser.storage.local.data.get('vault');
const sessionEntry = (): unknown => fakeBrowser.storage.session.data.get('vaultKey');
const KEY_ID = 'S0tLS0tLS0tLS0tLS0tLSw==';
const SEALED = { keyId: KEY_ID, kdf: { algorithm: 'PBKDF2-HMAC-SHA256', iterations: 1000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' }, wrappedKey: { iv: 'aXZpdml2aXZpdml2', ciphertext: 'd3JhcHBlZA==' }, payload: { iv: 'aXZpdml2aXZpdml2', ciphertext: 'cGF5bG9hZA==' } } as const;

beforeEach(resetFakeBrowser);

describe('vault repository', () => {
  it('writes the next revision in the current schema, and drops an empty clientSecrets', async () => {
    const repository = createVaultRepository();
    await repository.transact((writer) => writer.writePlain({ accounts: [account('a1')], clientSecrets: {} }));
    await repository.transact(async (writer) => {
      expect(writer.stored?.revision).toBe(1);
      await writer.writePlain({ accounts: [account('a1'), account('a2')] });
    });
    expect(stored()).toEqual({ schema: 3, format: 'plain', revision: 2, accountsJson: JSON.stringify([account('a1'), account('a2')]) });
  });

  it('refuses a second write in one locked section, and a write after the section ended', async () => {
    const repository = createVaultRepository();
    let kept: VaultRecordWriter | undefined;
    await expect(
      repository.transact(async (writer) => {
        kept = writer;
        await writer.writePlain({ accounts: [account('a1')] });
        await writer.writePlain({ accounts: [] });
      }),
    ).rejects.toThrow(/writes the vault once/);
    expect(decodeStoredVault(stored())).toMatchObject({ revision: 1, accounts: [account('a1')] });
    await expect(kept?.writePlain({ accounts: [] })).rejects.toThrow(/lock was released/);
    expect(decodeStoredVault(stored())).toMatchObject({ revision: 1, accounts: [account('a1')] });
  });

  it('a new session key is put back as it was when the encrypted record cannot be written', async () => {
    const repository = createVaultRepository();
    await repository.setSessionKey('previous-id', new Uint8Array(32).fill(1));
    fakeBrowser.storage.local.failNextSets = 1;
    await expect(repository.transact((writer) => writer.writeEncrypted(SEALED, new Uint8Array(32).fill(2)))).rejects.toThrow(/quota/i);
    expect(sessionEntry()).toEqual({ id: 'previous-id', key: bytesToBase64(new Uint8Array(32).fill(1)) });
    expect(stored()).toBeUndefined();
    await repository.transact((writer) => writer.writeEncrypted(SEALED, new Uint8Array(32).fill(2)));
    expect(sessionEntry()).toEqual({ id: KEY_ID, key: bytesToBase64(new Uint8Array(32).fill(2)) });
    expect(stored()).toEqual({ schema: 3, format: 'encrypted', revision: 1, ...SEALED });
  });

  it('two pages in locked sections at once: the second reads what the first wrote', async () => {
    const pageA = createVaultRepository();
    const pageB = createVaultRepository();
    const append = (repository: typeof pageA, id: string) =>
      repository.transact(async (writer) => {
        const accounts = writer.stored?.format === 'plain' ? writer.stored.accounts : [];
        // Yield between the read and the write, as a real storage round trip does.
        await new Promise((resolve) => setTimeout(resolve, 1));
        await writer.writePlain({ accounts: [...accounts, account(id)] });
      });
    await Promise.all(['a1', 'a2', 'a3', 'a4'].map((id, i) => append(i % 2 === 0 ? pageA : pageB, id)));
    expect(decodeStoredVault(stored())).toMatchObject({ revision: 4, accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)) });
  });

  it('reports changes of the record and of the session key until stopped', async () => {
    const repository = createVaultRepository();
    let changes = 0;
    const stop = repository.watch(
      () => changes++,
      (error) => {
        throw error;
      },
    );
    await repository.transact((writer) => writer.writePlain({ accounts: [] }));
    await repository.setSessionKey(KEY_ID, new Uint8Array(32));
    await repository.forgetSessionKey();
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    await repository.transact((writer) => writer.writePlain({ accounts: [] }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toBe(3);
  });
});
