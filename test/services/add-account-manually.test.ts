import { beforeEach, describe, expect, it } from 'vitest';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { addAccountManually } from '../../src/services/add-account-manually.ts';
import { EXAMPLE_SECRET } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

const NOW = 1_700_000_000_000;
const FORM = { type: 'totp', issuer: ' GitHub ', name: 'alice@example.com', secret: 'jbsw y3dp ehpk 3pxp', algorithm: 'SHA1', digits: '6', period: '30', counter: '0' };

let ids = 0;
const ports = () => ({ store: createAccountStore(), clock: () => NOW, newId: () => `new-${++ids}` });

beforeEach(async () => {
  await resetFakeBrowser();
  ids = 0;
});

describe('addAccountManually', () => {
  it('adds the account as validated (trimmed, canonical secret), then reports the same one as a duplicate', async () => {
    expect(await addAccountManually(FORM, ports())).toEqual({ kind: 'added', label: 'GitHub (alice@example.com)' });
    expect(await addAccountManually({ ...FORM, secret: EXAMPLE_SECRET }, ports())).toEqual({ kind: 'duplicate', label: 'GitHub (alice@example.com)' });
    const { accounts } = await createAccountStore().load();
    expect(accounts).toEqual([
      { type: 'totp', secret: EXAMPLE_SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'GitHub', name: 'alice@example.com', id: 'new-1', createdAt: NOW, pinned: false, status: 'active' },
    ]);
  });

  it.each<[string, Partial<typeof FORM>, string, string]>([
    ['a bad secret character', { secret: 'JBSWY3DPEHPK3PX1' }, 'secret-invalid-char', 'secret'],
    ['no issuer and no name', { issuer: '', name: '' }, 'name-missing', 'name'],
    ['a colon in the issuer', { issuer: 'A:B' }, 'label-invalid', 'issuer'],
    ['9 digits', { digits: '9' }, 'digits-out-of-range', 'digits'],
    ['a zero period', { period: '0' }, 'period-out-of-range', 'period'],
    ['HOTP with a negative counter', { type: 'hotp', counter: '-1' }, 'counter-invalid', 'counter'],
  ])('refuses %s with its code and field, and writes nothing', async (_, change, code, field) => {
    const result = await addAccountManually({ ...FORM, ...change }, ports());
    expect(result).toMatchObject({ kind: 'invalid', error: { code, field } });
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('a failed write is a save-failed outcome', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const failed = await addAccountManually(FORM, ports());
    expect(failed.kind === 'save-failed' && String(failed.error)).toMatch(/quota/i);
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });
});
