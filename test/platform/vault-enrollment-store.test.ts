import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../src/core/account.ts';
import { setClientSecret } from '../../src/core/vault-edits.ts';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultEnrollmentStore } from '../../src/platform/vault-enrollment-store.ts';

// The enrollment flow's writes to the vault: pending, then active, replacing the user's previous account in place;
// everything else in the vault (other accounts, remembered client secrets) is kept.

const REF = { region: 'eu-west-1', userPoolId: 'eu-west-1_Pool1', clientId: 'client-a', username: 'alice' };
const draft = (secret: string): AccountDraft => ({ type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'Pool', name: 'alice' });

describe('vault enrollment store', () => {
  it('saves pending, re-saves over it, activates, and keeps remembered client secrets throughout', async () => {
    const store = createAccountStore();
    await store.update((vault) => ({ vault: setClientSecret(vault, 'profile-1', 'kept-secret'), result: undefined }));
    let ids = 0;
    const enrollment = createVaultEnrollmentStore(store, { now: () => 5, newId: () => `id-${++ids}` });

    const id = await enrollment.savePending(draft('JBSWY3DPEHPK3PXP'), REF);
    expect(await enrollment.savePending(draft('GEZDGNBVGY3TQOJQ'), REF)).toBe(id);
    expect(await enrollment.findSecret(REF)).toBeUndefined();
    await enrollment.markActive(id);
    expect(await enrollment.findSecret({ ...REF, clientId: 'another-client' })).toBe('GEZDGNBVGY3TQOJQ');

    const second = await enrollment.savePending(draft('KRSXG5CTMVRXEZLU'), REF);
    await enrollment.markActive(second);
    const vault = await store.load();
    expect(vault.accounts.map((a) => [a.id, a.status, a.secret])).toEqual([[second, 'active', 'KRSXG5CTMVRXEZLU']]);
    expect(vault.clientSecrets).toEqual({ 'profile-1': 'kept-secret' });
  });
});
