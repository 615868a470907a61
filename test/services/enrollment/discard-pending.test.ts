import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/core/vault.ts';
import { createAccountStore } from '../../../src/platform/account-store.ts';
import { discardPending } from '../../../src/services/enrollment/discard-pending.ts';
import { account } from '../../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const seed = (accounts: readonly Account[]) => createAccountStore().update((vault) => ({ vault: { ...vault, accounts }, result: undefined }));
const ids = async (): Promise<string[]> => (await createAccountStore().load()).accounts.map((a) => a.id);

beforeEach(async () => {
  await resetFakeBrowser();
  await seed([account('a1'), account('p2', { status: 'pending' }), account('a3')]);
});

describe('discardPending', () => {
  it('removes a pending account', async () => {
    expect(await discardPending('p2', createAccountStore())).toEqual({ kind: 'discarded' });
    expect(await ids()).toEqual(['a1', 'a3']);
  });

  it.each([
    ['one made active meanwhile (another tab finished the enrollment)', 'a1'],
    ['one already removed', 'gone-9'],
  ])('keeps %s and says it is gone', async (_, id) => {
    const revision = (await createAccountStore().load()).revision;
    expect(await discardPending(id, createAccountStore())).toEqual({ kind: 'gone' });
    expect(await ids()).toEqual(['a1', 'p2', 'a3']);
    expect((await createAccountStore().load()).revision).toBe(revision);
  });

  it('a failed write: failed, with the reason, and the pending account stays', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const result = await discardPending('p2', createAccountStore());
    expect(result.kind === 'failed' && String(result.error)).toMatch(/quota/i);
    expect(await ids()).toEqual(['a1', 'p2', 'a3']);
  });
});
