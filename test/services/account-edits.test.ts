import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { VaultLockedError } from '../../src/platform/vault-locked-error.ts';
import { createAccountEdits, type AccountEdits, type EditOutcome } from '../../src/services/account-edits.ts';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

// The popup's edits of one account, as outcomes a page renders: saved (and whether anything changed), gone, failed.

const store = () => createAccountStore();
const seed = (accounts: readonly Account[]) => store().update((vault) => ({ vault: { ...vault, accounts }, result: undefined }));
const ids = async (): Promise<string[]> => (await store().load()).accounts.map((a) => a.id);
const edits = (): AccountEdits => createAccountEdits(store());

beforeEach(resetFakeBrowser);

describe('account edits', () => {
  it.each<[string, (e: AccountEdits) => Promise<EditOutcome>, EditOutcome, string[]]>([
    ['remove', (e) => e.remove('a2'), { kind: 'saved', changed: true }, ['p1', 'a1', 'a3']],
    ['move down', (e) => e.move('a1', 1), { kind: 'saved', changed: true }, ['p1', 'a2', 'a1', 'a3']],
    ['move up at the top of its group', (e) => e.move('a1', -1), { kind: 'saved', changed: false }, ['p1', 'a1', 'a2', 'a3']],
    ['pin', (e) => e.setPinned('a3', true), { kind: 'saved', changed: true }, ['p1', 'a3', 'a1', 'a2']],
    ['unpin', (e) => e.setPinned('p1', false), { kind: 'saved', changed: true }, ['p1', 'a1', 'a2', 'a3']],
    ['pin a pinned one', (e) => e.setPinned('p1', true), { kind: 'saved', changed: false }, ['p1', 'a1', 'a2', 'a3']],
    ['remove one already gone', (e) => e.remove('x9'), { kind: 'gone' }, ['p1', 'a1', 'a2', 'a3']],
    ['move one already gone', (e) => e.move('x9', 1), { kind: 'gone' }, ['p1', 'a1', 'a2', 'a3']],
  ])('%s', async (_, run, outcome, order) => {
    await seed([account('p1', { pinned: true }), account('a1'), account('a2'), account('a3')]);
    const revision = (await store().load()).revision;
    expect(await run(edits())).toEqual(outcome);
    expect(await ids()).toEqual(order);
    expect((await store().load()).revision).toBe(outcome.kind === 'saved' && outcome.changed ? revision + 1 : revision);
  });

  it('rename: keeps the secret, and refuses a label that could not be exported', async () => {
    await seed([account('a1')]);
    expect(await edits().rename('a1', { issuer: ' Acme ', name: 'bob' })).toEqual({ kind: 'saved', changed: true });
    const [renamed] = (await store().load()).accounts;
    expect(renamed).toEqual({ ...account('a1'), issuer: 'Acme', name: 'bob' });
    expect(await edits().rename('a1', { issuer: 'A:B', name: 'bob' })).toMatchObject({ kind: 'invalid', error: { code: 'label-invalid', field: 'issuer' } });
    expect(await edits().rename('gone', { issuer: 'Acme', name: 'bob' })).toEqual({ kind: 'gone' });
  });

  it('next code: an HOTP counter moves on; a TOTP account has none to move', async () => {
    await seed([account('h1', { type: 'hotp', counter: 41 }), account('t2')]);
    expect(await edits().nextCode('h1')).toEqual({ kind: 'saved', changed: true });
    expect((await store().load()).accounts[0]?.counter).toBe(42);
    expect(await edits().nextCode('t2')).toMatchObject({ kind: 'failed', error: { name: 'TypeError' } });
  });

  it('a locked vault or a failed write: failed, with the reason', async () => {
    await seed([account('a1'), account('a2')]);
    fakeBrowser.storage.local.failNextSets = 1;
    const quota = await edits().remove('a1');
    expect(quota.kind === 'failed' && String(quota.error)).toMatch(/quota/i);
    expect(await ids()).toEqual(['a1', 'a2']);
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    const locked = await edits().remove('a1');
    expect(locked.kind === 'failed' && locked.error).toBeInstanceOf(VaultLockedError);
  });
});
