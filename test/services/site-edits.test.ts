import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/vault.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createSiteEdits, type SiteEditOutcome, type SiteEdits } from '../../src/services/site-edits.ts';
import { account } from '../support/account-fixtures.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

// Binding accounts to the sites they belong to, as outcomes the popup renders.

const store = () => createAccountStore();
const seed = (accounts: readonly Account[]) => store().update((vault) => ({ vault: { ...vault, accounts }, result: undefined }));
const sitesOf = async (id: string) => (await store().load()).accounts.find((a) => a.id === id)?.sites;
const submitOf = async (id: string) => (await store().load()).accounts.find((a) => a.id === id)?.submitAfterFill;
const edits = (): SiteEdits => createSiteEdits(store());

beforeEach(async () => {
  await resetFakeBrowser();
  await seed([account('a1'), account('a2', { sites: ['https://github.com'] })]);
});

describe('site edits', () => {
  it.each<[string, (e: SiteEdits) => Promise<SiteEditOutcome>, SiteEditOutcome, string, readonly string[] | undefined]>([
    ['set sites, stored as origins', (e) => e.setFillSettings('a1', { sites: ['GitHub.com/login', 'https://gitlab.com/'], submitAfterFill: false }), { kind: 'saved', changed: true }, 'a1', ['https://github.com', 'https://gitlab.com']],
    ['remove every site', (e) => e.setFillSettings('a2', { sites: [], submitAfterFill: false }), { kind: 'saved', changed: true }, 'a2', undefined],
    ['set the same sites', (e) => e.setFillSettings('a2', { sites: ['github.com'], submitAfterFill: false }), { kind: 'saved', changed: false }, 'a2', ['https://github.com']],
    ['add a site (the page a code was scanned on)', (e) => e.addSite('a2', 'https://login.example.com/signin'), { kind: 'saved', changed: true }, 'a2', ['https://github.com', 'https://login.example.com']],
    ['add a site it has', (e) => e.addSite('a2', 'https://github.com'), { kind: 'saved', changed: false }, 'a2', ['https://github.com']],
    ['edit an account deleted meanwhile', (e) => e.addSite('zz', 'https://github.com'), { kind: 'gone' }, 'a1', undefined],
  ])('%s', async (_, run, outcome, id, sites) => {
    expect(await run(edits())).toEqual(outcome);
    expect(await sitesOf(id)).toEqual(sites);
  });

  it.each<[string, string, string]>([
    ['plain http on a public host', 'http://github.com', 'site-insecure'],
    ['words', 'my bank', 'site-invalid'],
  ])('refuses %s, naming the input, and writes nothing', async (_, site, code) => {
    const outcome = await edits().setFillSettings('a1', { sites: ['https://ok.example', site], submitAfterFill: true });
    expect(outcome).toMatchObject({ kind: 'invalid', error: { code, input: site } });
    expect(await sitesOf('a1')).toBeUndefined();
    expect(await submitOf('a1')).toBeUndefined();
  });

  it.each<[string, string, boolean, SiteEditOutcome, boolean | undefined]>([
    ['turn submitting after filling on, with the same sites', 'a2', true, { kind: 'saved', changed: true }, true],
    ['leave it off', 'a2', false, { kind: 'saved', changed: false }, undefined],
  ])('%s', async (_, id, submitAfterFill, outcome, stored) => {
    expect(await edits().setFillSettings(id, { sites: ['https://github.com'], submitAfterFill })).toEqual(outcome);
    expect(await submitOf(id)).toBe(stored);
    expect(await sitesOf(id)).toEqual(['https://github.com']);
  });

  it('turns it off again (the field goes) while changing the sites, in one write', async () => {
    await seed([account('a1', { sites: ['https://github.com'], submitAfterFill: true })]);
    const revision = (): unknown => (fakeBrowser.storage.local.data.get('vault') as { revision?: unknown } | undefined)?.revision;
    const before = revision();
    expect(before).toBeTypeOf('number');
    expect(await edits().setFillSettings('a1', { sites: ['https://gitlab.com'], submitAfterFill: false })).toEqual({ kind: 'saved', changed: true });
    expect(revision()).toBe(Number(before) + 1);
    const stored = (await store().load()).accounts[0];
    expect(stored?.sites).toEqual(['https://gitlab.com']);
    expect(stored !== undefined && 'submitAfterFill' in stored).toBe(false);
  });

  it('a settings edit of an account deleted meanwhile: gone', async () => {
    expect(await edits().setFillSettings('zz', { sites: [], submitAfterFill: true })).toEqual({ kind: 'gone' });
  });

  it('a failed write: failed, nothing changed', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const outcome = await edits().addSite('a1', 'https://github.com');
    expect(outcome.kind === 'failed' && String(outcome.error)).toMatch(/quota/i);
    expect(await sitesOf('a1')).toBeUndefined();
  });
});
