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
const edits = (): SiteEdits => createSiteEdits(store());

beforeEach(async () => {
  await resetFakeBrowser();
  await seed([account('a1'), account('a2', { sites: ['https://github.com'] })]);
});

describe('site edits', () => {
  it.each<[string, (e: SiteEdits) => Promise<SiteEditOutcome>, SiteEditOutcome, string, readonly string[] | undefined]>([
    ['set sites, stored as origins', (e) => e.setSites('a1', ['GitHub.com/login', 'https://gitlab.com/']), { kind: 'saved', changed: true }, 'a1', ['https://github.com', 'https://gitlab.com']],
    ['remove every site', (e) => e.setSites('a2', []), { kind: 'saved', changed: true }, 'a2', undefined],
    ['set the same sites', (e) => e.setSites('a2', ['github.com']), { kind: 'saved', changed: false }, 'a2', ['https://github.com']],
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
    const outcome = await edits().setSites('a1', ['https://ok.example', site]);
    expect(outcome).toMatchObject({ kind: 'invalid', error: { code, input: site } });
    expect(await sitesOf('a1')).toBeUndefined();
  });

  it('a failed write: failed, nothing changed', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const outcome = await edits().addSite('a1', 'https://github.com');
    expect(outcome.kind === 'failed' && String(outcome.error)).toMatch(/quota/i);
    expect(await sitesOf('a1')).toBeUndefined();
  });
});
