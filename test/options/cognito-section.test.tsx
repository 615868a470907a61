import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { createVaultProtection } from '../../src/platform/vault-protection.ts';
import { CognitoSection } from '../../src/options/cognito-section.tsx';
import { fakeBrowser } from '../support/fake-browser.ts';

// Remembered client secrets live in the vault, never in the profile list: a profile saved by an earlier build with
// its secret in clear is moved there, and a master password then encrypts it.

const WAIT = { timeout: 3000, interval: 10 };
const SECRET = 'legacy0client0secret0kept0in0clear0by0an0older0build';
const PROFILE = { id: 'p1', name: 'Legacy pool', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'client0123456789abcdefghij', issuer: 'Legacy pool' };

describe('Cognito section and remembered client secrets', () => {
  it('moves a secret stored in clear with its profile into the vault, and the sign-in form still uses it', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }] });
    render(<CognitoSection store={createAccountStore()} clock={() => 1} newId={() => 'n1'} />);
    await vi.waitFor(() => expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([PROFILE]), WAIT);
    expect((fakeBrowser.storage.local.data.get('vault') as { clientSecrets?: unknown }).clientSecrets).toEqual({ p1: SECRET });
    // The form asks for no secret: the remembered one is used.
    await vi.waitFor(() => screen.getByRole('form', { name: 'Sign in to Legacy pool' }), WAIT);
    expect(screen.queryByLabelText('Client secret (optional)')).toBeNull();
  });

  it('with a master password set, the moved secret is encrypted: no longer readable in storage', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }] });
    await createVaultProtection({ iterations: 1_000 }).setPassword('pw-123456');
    render(<CognitoSection store={createAccountStore()} clock={() => 1} newId={() => 'n1'} />);
    await vi.waitFor(() => expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual([PROFILE]), WAIT);
    expect(JSON.stringify([...fakeBrowser.storage.local.data])).not.toContain(SECRET);
    expect((await createAccountStore().load()).clientSecrets).toEqual({ p1: SECRET });
  });
});
