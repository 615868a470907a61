import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import type { CognitoAccountRef } from '../../src/cognito/enrollment-store.ts';
import { setSites } from '../../src/core/site-edits.ts';
import type { Account } from '../../src/core/vault.ts';
import { setClientSecret, setPinned, setSubmitAfterFill } from '../../src/core/vault-edits.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultEnrollmentStore } from '../../src/platform/vault-enrollment-store.ts';
import { resetFakeBrowser } from '../support/fake-browser.ts';

// The enrollment flow's writes to the vault: pending, then active, replacing the user's previous account in place;
// everything else in the vault (other accounts, remembered client secrets) is kept. And the one read: the secret of
// the account enrolled with exactly the target of a sign-in.

const REF: CognitoAccountRef = { region: 'eu-west-1', userPoolId: 'eu-west-1_Pool1', clientId: 'client-a', username: 'alice' };
const LOCAL: CognitoAccountRef = { endpoint: 'http://127.0.0.1:9229', region: 'us-east-1', userPoolId: 'local_Pool1', clientId: 'client-l', username: 'alice' };
const draft = (secret: string): AccountDraft => ({ type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'Pool', name: 'alice' });

async function storeWith(...enrolled: readonly [CognitoAccountRef, string][]) {
  const store = createAccountStore();
  let ids = 0;
  const enrollment = createVaultEnrollmentStore(store, { now: () => 5, newId: () => `id-${++ids}` });
  for (const [ref, secret] of enrolled) await enrollment.markActive(await enrollment.savePending(draft(secret), ref));
  return { store, enrollment };
}

describe('vault enrollment store', () => {
  beforeEach(resetFakeBrowser);

  it('saves pending, re-saves over it, activates, and keeps remembered client secrets throughout', async () => {
    const store = createAccountStore();
    await store.update((vault) => ({ vault: setClientSecret(vault, 'profile-1', 'kept-secret'), result: undefined }));
    let ids = 0;
    const enrollment = createVaultEnrollmentStore(store, { now: () => 5, newId: () => `id-${++ids}` });

    const id = await enrollment.savePending(draft('JBSWY3DPEHPK3PXP'), REF);
    expect(await enrollment.savePending(draft('GEZDGNBVGY3TQOJQ'), REF)).toBe(id);
    expect(await enrollment.findSecret(REF)).toEqual({ kind: 'none' });
    await enrollment.markActive(id);
    expect(await enrollment.findSecret(REF)).toEqual({ kind: 'found', secret: 'GEZDGNBVGY3TQOJQ' });

    const second = await enrollment.savePending(draft('KRSXG5CTMVRXEZLU'), REF);
    await enrollment.markActive(second);
    const vault = await store.load();
    expect(vault.accounts.map((a) => [a.id, a.status, a.secret])).toEqual([[second, 'active', 'KRSXG5CTMVRXEZLU']]);
    expect(vault.clientSecrets).toEqual({ 'profile-1': 'kept-secret' });
  });

  it('stores the endpoint of an enrollment through a custom endpoint, and none for AWS', async () => {
    const { store } = await storeWith([REF, 'JBSWY3DPEHPK3PXP'], [LOCAL, 'GEZDGNBVGY3TQOJQ']);
    expect((await store.load()).accounts.map((a) => a.cognito)).toEqual([REF, LOCAL]);
    expect(Object.keys((await store.load()).accounts[0]?.cognito ?? {})).not.toContain('endpoint');
  });

  // Issue 9 ("sign-ins are bound to where the secret was enrolled"): a secret is used only for the exact target it was
  // enrolled with. Before, the store found it for the same user through any app client.
  it.each<{ name: string; ref: CognitoAccountRef; kind: string }>([
    { name: 'the same target', ref: REF, kind: 'found' },
    { name: 'another app client of the pool', ref: { ...REF, clientId: 'client-b' }, kind: 'other-target' },
    { name: 'another endpoint (a proxy)', ref: { ...REF, endpoint: 'https://proxy.example.com' }, kind: 'other-target' },
    { name: 'another region', ref: { ...REF, region: 'eu-west-2' }, kind: 'other-target' },
    { name: 'another pool', ref: { ...REF, userPoolId: 'eu-west-1_Pool2' }, kind: 'none' },
    { name: 'another username', ref: { ...REF, username: 'bob' }, kind: 'none' },
  ])('a sign-in to $name gets $kind', async ({ ref, kind }) => {
    const { enrollment } = await storeWith([REF, 'JBSWY3DPEHPK3PXP']);
    const lookup = await enrollment.findSecret(ref);
    expect(lookup.kind).toBe(kind);
    if (lookup.kind === 'found') expect(lookup.secret).toBe('JBSWY3DPEHPK3PXP');
    // Where it was enrolled, never the secret.
    if (lookup.kind === 'other-target') expect(lookup).toEqual({ kind: 'other-target', enrolled: REF });
  });

  it('finds the account of the exact target among the same user\'s accounts on other servers', async () => {
    const { enrollment } = await storeWith([{ ...LOCAL, userPoolId: REF.userPoolId }, 'GEZDGNBVGY3TQOJQ'], [REF, 'JBSWY3DPEHPK3PXP']);
    expect(await enrollment.findSecret(REF)).toEqual({ kind: 'found', secret: 'JBSWY3DPEHPK3PXP' });
    expect(await enrollment.findSecret({ ...LOCAL, userPoolId: REF.userPoolId })).toEqual({ kind: 'found', secret: 'GEZDGNBVGY3TQOJQ' });
  });

  it('does not use a pending account', async () => {
    const { enrollment } = await storeWith();
    await enrollment.savePending(draft('JBSWY3DPEHPK3PXP'), REF);
    expect(await enrollment.findSecret(REF)).toEqual({ kind: 'none' });
  });

  it.each<{ name: string; second: CognitoAccountRef; count: number }>([
    // Cognito keeps one software token per user, whichever app client enrolled it: the old secret is dead.
    { name: 'the same user through another app client replaces the old account', second: { ...REF, clientId: 'client-b' }, count: 1 },
    { name: 'the same pool ID and username on another server is another user: both stay', second: { ...REF, endpoint: 'http://127.0.0.1:9229' }, count: 2 },
  ])('re-enrolling $name', async ({ second, count }) => {
    const { store, enrollment } = await storeWith([REF, 'JBSWY3DPEHPK3PXP']);
    const id = await enrollment.savePending(draft('GEZDGNBVGY3TQOJQ'), second);
    await enrollment.markActive(id);
    const { accounts } = await store.load();
    expect(accounts).toHaveLength(count);
    expect(accounts.at(-1)).toMatchObject({ id, status: 'active', secret: 'GEZDGNBVGY3TQOJQ', cognito: second });
    expect(await enrollment.findSecret(second)).toEqual({ kind: 'found', secret: 'GEZDGNBVGY3TQOJQ' });
  });

  // Issue 11: the sites and submit-after-fill the user set on the replaced account were lost with it.
  it.each<{ name: string; old: { sites: string[]; submit: boolean }; pending: { sites: string[]; submit: boolean }; kept: Pick<Account, 'sites' | 'submitAfterFill'> }>([
    { name: 'the replaced account\'s sites and submit-after-fill', old: { sites: ['https://auth.example.com', 'http://127.0.0.1:9229'], submit: true }, pending: { sites: [], submit: false }, kept: { sites: ['https://auth.example.com', 'http://127.0.0.1:9229'], submitAfterFill: true } },
    { name: 'sites set on the pending account too, after the replaced one\'s, once each', old: { sites: ['https://auth.example.com'], submit: false }, pending: { sites: ['https://login.example.com', 'https://auth.example.com'], submit: true }, kept: { sites: ['https://auth.example.com', 'https://login.example.com'], submitAfterFill: true } },
    { name: 'nothing when neither had any', old: { sites: [], submit: false }, pending: { sites: [], submit: false }, kept: {} },
  ])('re-enrolling the same user keeps $name', async ({ old, pending, kept }) => {
    const { store, enrollment } = await storeWith([REF, 'JBSWY3DPEHPK3PXP']);
    const [first] = (await store.load()).accounts;
    const firstId = first?.id ?? '';
    await store.update((vault) => ({ vault: setPinned(setSubmitAfterFill(setSites(vault, firstId, old.sites), firstId, old.submit), firstId, true), result: undefined }));
    const id = await enrollment.savePending(draft('GEZDGNBVGY3TQOJQ'), { ...REF, clientId: 'client-b' });
    await store.update((vault) => ({ vault: setSubmitAfterFill(setSites(vault, id, pending.sites), id, pending.submit), result: undefined }));
    await enrollment.markActive(id);
    const { accounts } = await store.load();
    expect(accounts).toHaveLength(1);
    const [active] = accounts;
    expect(active).toMatchObject({ id, status: 'active', secret: 'GEZDGNBVGY3TQOJQ', pinned: true, ...kept });
    expect('sites' in (active ?? {})).toBe(kept.sites !== undefined);
    expect('submitAfterFill' in (active ?? {})).toBe(kept.submitAfterFill !== undefined);
  });

  it('a new association of the same user through another app client takes over the pending account and its link', async () => {
    const { store, enrollment } = await storeWith();
    const id = await enrollment.savePending(draft('JBSWY3DPEHPK3PXP'), REF);
    const other = { ...REF, clientId: 'client-b' };
    expect(await enrollment.savePending(draft('GEZDGNBVGY3TQOJQ'), other)).toBe(id);
    expect((await store.load()).accounts).toMatchObject([{ id, status: 'pending', secret: 'GEZDGNBVGY3TQOJQ', cognito: other }]);
  });
});
