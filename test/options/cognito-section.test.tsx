import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { createAccountStore } from '../../src/platform/account-store.ts';
import { CognitoSection } from '../../src/options/cognito-section.tsx';
import { fakeBrowser } from '../support/fake-browser.ts';

// A profile saved by an older build may still carry its remembered secret in the list until the service worker
// moves it into the vault (test/platform/move-remembered-secrets.test.ts): the section uses it meanwhile.

const WAIT = { timeout: 3000, interval: 10 };
const SECRET = 'legacy0client0secret0kept0in0clear0by0an0older0build';
const PROFILE = { id: 'p1', name: 'Legacy pool', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'client0123456789abcdefghij', issuer: 'Legacy pool' };

describe('Cognito section and remembered client secrets', () => {
  it('signs in with a secret still in an older profile, without asking for one', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [{ ...PROFILE, clientSecret: SECRET }] });
    render(<CognitoSection store={createAccountStore()} clock={() => 1} newId={() => 'n1'} remembered={undefined} />);
    await vi.waitFor(() => screen.getByRole('form', { name: 'Sign in to Legacy pool' }), WAIT);
    expect(screen.queryByLabelText('Client secret (optional)')).toBeNull();
  });

  it('uses the secret remembered in the vault, and asks for one when neither has it', async () => {
    await fakeBrowser.storage.local.set({ cognitoProfiles: [PROFILE] });
    const store = createAccountStore();
    const view = render(<CognitoSection store={store} clock={() => 1} newId={() => 'n1'} remembered={undefined} />);
    await vi.waitFor(() => screen.getByLabelText('Client secret (optional)'), WAIT);
    view.rerender(<CognitoSection store={store} clock={() => 1} newId={() => 'n1'} remembered={{ p1: SECRET }} />);
    await vi.waitFor(() => expect(screen.queryByLabelText('Client secret (optional)')).toBeNull(), WAIT);
  });
});

describe('Cognito section and a stored profile list it cannot read', () => {
  it('says so, and a new profile is refused instead of replacing the list', async () => {
    const damaged = [PROFILE, { ...PROFILE, id: 'p2', clientId: 42 }];
    await fakeBrowser.storage.local.set({ cognitoProfiles: damaged });
    render(<CognitoSection store={createAccountStore()} clock={() => 1} newId={() => 'n1'} remembered={undefined} />);
    await vi.waitFor(
      () =>
        expect(screen.getByRole('alert').textContent).toBe(
          'Keystep could not read its saved connection profiles: the stored list of connection profiles is damaged or was not written by Keystep (cognitoProfiles[1].clientId is not valid). They were left untouched.',
        ),
      WAIT,
    );
    fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
    fireEvent.input(screen.getByLabelText('Profile name'), { target: { value: 'Another pool' } });
    fireEvent.input(screen.getByLabelText('User pool ID'), { target: { value: 'eu-west-1_Xyz789' } });
    fireEvent.input(screen.getByLabelText('App client ID'), { target: { value: 'client9876543210' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Could not save: the stored list of connection profiles is damaged/), WAIT);
    expect(fakeBrowser.storage.local.data.get('cognitoProfiles')).toEqual(damaged);
  });
});

describe('Cognito section and an endpoint that is not Amazon Cognito', () => {
  it('says so above the sign-in form of a profile with a custom endpoint, naming its host, and not for a profile on AWS', async () => {
    const custom = { ...PROFILE, id: 'p2', name: 'Emulator', endpoint: 'http://127.0.0.1:9229' };
    await fakeBrowser.storage.local.set({ cognitoProfiles: [PROFILE, custom] });
    render(<CognitoSection store={createAccountStore()} clock={() => 1} newId={() => 'n1'} remembered={undefined} />);
    await vi.waitFor(() => screen.getByRole('form', { name: 'Sign in to Legacy pool' }), WAIT);
    expect(screen.queryByRole('note')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Use Emulator / }));
    await vi.waitFor(() => screen.getByRole('form', { name: 'Sign in to Emulator' }), WAIT);
    expect(screen.getByRole('note').textContent).toBe(
      '127.0.0.1:9229 is not Amazon Cognito. Whoever runs it receives what this profile sends: the codes, the tokens and, with a sign-in flow that sends it, the password itself. Use it only if you trust it, e.g. a local emulator.',
    );
  });
});
