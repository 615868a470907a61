import { beforeEach, describe, expect, it } from 'vitest';
import { createAccountStore } from '../../../src/platform/account-store.ts';
import { moveRememberedSecrets } from '../../../src/platform/move-remembered-secrets.ts';
import { createProfileRepository } from '../../../src/platform/profile-repository.ts';
import { createVaultProtection } from '../../../src/platform/vault-protection.ts';
import { VaultLockedError } from '../../../src/platform/vault-locked-error.ts';
import { saveProfile, type SaveProfileRequest } from '../../../src/services/enrollment/save-profile.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const INPUT = { name: ' Pool A ', region: '', userPoolId: 'eu-west-1_Abc123', clientId: 'clientA0123456789', endpoint: '', issuer: '' };
const SECRET = 'client0secret0of0pool0a0kept0in0the0vault';

let ids = 0;
const ports = () => ({ profiles: createProfileRepository(), store: createAccountStore(), newId: () => `p${++ids}` });
const save = (request: Partial<SaveProfileRequest> = {}) => saveProfile({ input: INPUT, secret: { value: '', remember: false }, ...request }, ports());
const storedProfiles = (): unknown => fakeBrowser.storage.local.data.get('cognitoProfiles');
const remembered = async () => (await createAccountStore().load()).clientSecrets;

beforeEach(async () => {
  await resetFakeBrowser();
  ids = 0;
});

describe('saveProfile', () => {
  it('saves a new profile as validated (trimmed, region from the pool id), and edits it in place by id', async () => {
    const first = await save();
    const saved = { name: 'Pool A', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'clientA0123456789', signInFlow: 'srp', id: 'p1' };
    expect(first).toEqual({ kind: 'saved', profile: saved, profiles: [saved], sessionSecret: undefined });
    await save({ input: { ...INPUT, name: 'Pool B', clientId: 'clientB0123456789' } });
    const edited = await save({ id: 'p1', input: { ...INPUT, name: 'Pool A renamed', endpoint: 'http://127.0.0.1:9229' } });
    expect(edited).toMatchObject({ kind: 'saved', profile: { id: 'p1', name: 'Pool A renamed', endpoint: 'http://127.0.0.1:9229' } });
    expect(storedProfiles()).toEqual([
      { ...saved, name: 'Pool A renamed', endpoint: 'http://127.0.0.1:9229' },
      { ...saved, id: 'p2', name: 'Pool B', clientId: 'clientB0123456789' },
    ]);
  });

  it.each<[string, Record<string, unknown>, SaveProfileRequest['input']['signInFlow'], string]>([
    ['an older build\'s preferredFlow, no setting chosen: carried over', { preferredFlow: 'USER_PASSWORD_AUTH' }, undefined, 'password'],
    ['an older build\'s preferredFlow, a setting chosen: the choice', { preferredFlow: 'USER_PASSWORD_AUTH' }, 'srp-then-password', 'srp-then-password'],
    ['an older build\'s SRP preference, no setting chosen', { preferredFlow: 'USER_SRP_AUTH' }, undefined, 'srp'],
    ['a setting, none chosen: kept', { signInFlow: 'srp-then-password' }, undefined, 'srp-then-password'],
    ['a setting, another chosen: the choice', { signInFlow: 'password' }, 'srp', 'srp'],
  ])('an edit writes the sign-in flow setting and never preferredFlow: %s', async (_, old, signInFlow, expected) => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ name: 'Old', region: 'eu-west-1', userPoolId: 'eu-west-1_Old1', clientId: 'oldclient0123', id: 'old', ...old }] });
    const result = await save({ id: 'old', input: { ...INPUT, ...(signInFlow === undefined ? {} : { signInFlow }) } });
    expect(result).toMatchObject({ kind: 'saved', profile: { id: 'old', signInFlow: expected } });
    expect(storedProfiles()).toEqual([{ name: 'Pool A', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'clientA0123456789', signInFlow: expected, id: 'old' }]);
  });

  it('keeps the managed login domain typed, as a host name', async () => {
    expect(await save({ input: { ...INPUT, managedLoginDomain: ' https://Auth.Example.com/ ' } })).toMatchObject({ kind: 'saved', profile: { managedLoginDomain: 'auth.example.com' } });
    expect(storedProfiles()).toMatchObject([{ managedLoginDomain: 'auth.example.com' }]);
  });

  it('refuses fields the form rules refuse, every problem at once, and writes nothing', async () => {
    const result = await save({ input: { ...INPUT, name: '', userPoolId: 'nope', endpoint: 'http://example.com' } });
    expect(result.kind === 'invalid' && result.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'name-missing'],
      ['userPoolId', 'pool-id-invalid'],
      ['region', 'region-invalid'],
      ['endpoint', 'endpoint-insecure'],
    ]);
    expect(storedProfiles()).toBeUndefined();
    expect(fakeBrowser.storage.local.data.has('vault')).toBe(false);
  });

  it('a remembered secret goes in the vault, never in the list; one not remembered is for the page only; saving without forgets it', async () => {
    expect(await save({ secret: { value: `  ${SECRET} `, remember: true } })).toMatchObject({ kind: 'saved', sessionSecret: undefined });
    expect(await remembered()).toEqual({ p1: SECRET });
    expect(JSON.stringify(storedProfiles())).not.toContain(SECRET);
    expect(await save({ id: 'p1', secret: { value: SECRET, remember: false } })).toMatchObject({ kind: 'saved', sessionSecret: SECRET });
    expect(await remembered()).toBeUndefined();
    expect(await save({ id: 'p1', secret: { value: '  ', remember: false } })).toMatchObject({ kind: 'saved', sessionSecret: undefined });
  });

  it('a locked vault: save-failed, and neither the list nor the vault changes', async () => {
    await save();
    const protection = createVaultProtection({ iterations: 1_000 });
    await protection.setPassword('pw-123456');
    await protection.lock();
    const before = structuredClone([...fakeBrowser.storage.local.data]);
    const result = await save({ input: { ...INPUT, name: 'Another' }, secret: { value: SECRET, remember: true } });
    expect(result.kind === 'save-failed' && result.error).toBeInstanceOf(VaultLockedError);
    expect([...fakeBrowser.storage.local.data]).toEqual(before);
  });

  it('a stored list it cannot read: save-failed, and the list is left as it is', async () => {
    const damaged = [{ id: 'p1', name: 'Half written' }];
    await fakeBrowser.storage.local.set({ cognitoProfiles: damaged });
    const result = await save();
    expect(result).toMatchObject({ kind: 'save-failed', error: { name: 'StoredProfilesError', field: 'cognitoProfiles[0].region' } });
    expect(storedProfiles()).toEqual(damaged);
  });

  it('two tabs saving and the service worker moving old secrets at once: every profile and secret is kept', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ name: 'Old', region: 'eu-west-1', userPoolId: 'eu-west-1_Old1', clientId: 'oldclient0123', id: 'old', clientSecret: 'old-secret' }] });
    const tab = (n: number) => saveProfile({ input: { ...INPUT, name: `Pool ${n}` }, secret: { value: `secret-${n}`, remember: true } }, { profiles: createProfileRepository(), store: createAccountStore(), newId: () => `tab-${n}` });
    await Promise.all([tab(1), moveRememberedSecrets(createAccountStore()), tab(2), tab(3), tab(4)]);
    const list = await createProfileRepository().load();
    expect(list.map((p) => p.id).sort()).toEqual(['old', 'tab-1', 'tab-2', 'tab-3', 'tab-4']);
    expect(list.filter((p) => p.clientSecret !== undefined)).toEqual([]);
    expect(await remembered()).toEqual({ old: 'old-secret', 'tab-1': 'secret-1', 'tab-2': 'secret-2', 'tab-3': 'secret-3', 'tab-4': 'secret-4' });
  });
});
