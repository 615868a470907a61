import { beforeEach, describe, expect, it } from 'vitest';
import { OtpInputError } from '../../src/core/otp-input-error.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { commitImport } from '../../src/services/commit-import.ts';
import type { ImportEntry } from '../../src/core/formats/import-entry.ts';
import { account, draftOf, numberedDraft } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

const WHERE = { kind: 'entry', entry: 1 } as const;
const NOW = 1_700_000_000_000;
let ids = 0;
const ports = () => ({ store: createAccountStore(), clock: () => NOW, newId: () => `new-${++ids}` });
const refused: ImportEntry = { ok: false, where: { kind: 'entry', entry: 3 }, hint: undefined, error: new OtpInputError('secret-missing', 'No secret', { field: 'secret' }) };

beforeEach(async () => {
  await resetFakeBrowser();
  ids = 0;
});

describe('commitImport', () => {
  it('adds the new entries with their pinned flag, status and link; never overwrites one in the vault', async () => {
    const old = account('a1', { counter: 0 });
    await createAccountStore().update((vault) => ({ vault: { ...vault, accounts: [old] }, result: undefined }));
    const cognito = { region: 'eu-west-1', userPoolId: 'eu-west-1_Abc', clientId: 'c1', username: 'u' };
    const entries: ImportEntry[] = [
      { ok: true, where: WHERE, account: { draft: numberedDraft(2), pinned: true } },
      { ok: true, where: WHERE, account: { draft: { ...draftOf(old), name: 'USER1@example.com' } } },
      refused,
      { ok: true, where: WHERE, account: { draft: numberedDraft(3), status: 'pending', cognito } },
      { ok: true, where: WHERE, account: { draft: numberedDraft(2) } },
    ];
    expect(await commitImport(entries, ports())).toEqual({ kind: 'done', added: 2, existing: 1, repeated: 1, refused: 1 });
    const { accounts } = await createAccountStore().load();
    expect(accounts).toEqual([
      { ...numberedDraft(2), id: 'new-1', createdAt: NOW, pinned: true, status: 'active' },
      old,
      { ...numberedDraft(3), id: 'new-2', createdAt: NOW, pinned: false, status: 'pending', cognito },
    ]);
  });

  it('checks duplicates against the vault as it is under the lock, not as the preview saw it', async () => {
    const entries: ImportEntry[] = [{ ok: true, where: WHERE, account: { draft: numberedDraft(1) } }];
    await createAccountStore().update((vault) => ({ vault: { ...vault, accounts: [account('a1')] }, result: undefined }));
    expect(await commitImport(entries, ports())).toEqual({ kind: 'done', added: 0, existing: 1, repeated: 0, refused: 0 });
    expect((await createAccountStore().load()).revision).toBe(1);
  });

  it('a failed write is a save-failed outcome, and nothing is added', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const result = await commitImport([{ ok: true, where: WHERE, account: { draft: numberedDraft(1) } }], ports());
    expect(result.kind === 'save-failed' && String(result.error)).toMatch(/quota/i);
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });
});
