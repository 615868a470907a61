import { fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CognitoProfileError, CognitoProfileInput } from '../../src/cognito/validate-cognito-profile.ts';
import { ProfileForm } from '../../src/options/profile-form.tsx';
import type { StoredCognitoProfile } from '../../src/platform/storage-items.ts';

// The connection profile form: the sign-in flow setting (and an older build's preferredFlow read into it), the
// managed login domain, the notice for an endpoint that is not Amazon Cognito's, and filling the form from an Amplify
// config or a sign-in URL (issues 9 and 13).

const WAIT = { timeout: 3000, interval: 10 };
const NOT_AWS = /is not Amazon Cognito\. Whoever runs it receives what this profile sends/;
// Under jsdom import.meta.url is not a file URL: the samples are found from the repository root vitest runs in.
const sample = (name: string): string => readFileSync(resolve('test/support/amplify-samples', name), 'utf8');

type Saved = { readonly input: CognitoProfileInput; readonly secret: { value: string; remember: boolean } };

function renderForm(initial?: StoredCognitoProfile & { readonly preferredFlow?: string }, refusal?: readonly CognitoProfileError[]) {
  const saved: Saved[] = [];
  render(
    <ProfileForm
      initial={initial}
      sessionSecret={undefined}
      onSave={(input, secret) => {
        saved.push({ input, secret });
        return Promise.resolve(refusal);
      }}
      onCancel={() => undefined}
    />,
  );
  const form = screen.getByRole('form', { name: 'Connection profile' });
  const box = (name: string): HTMLInputElement => within(form).getByRole<HTMLInputElement>('textbox', { name });
  const flow = (): HTMLSelectElement => within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Sign-in flow' });
  const save = async (): Promise<Saved> => {
    const before = saved.length;
    fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));
    await vi.waitFor(() => expect(saved.length).toBe(before + 1), WAIT);
    return saved[before] as Saved;
  };
  return { form, box, flow, save, saved };
}

const PROFILE: StoredCognitoProfile = { id: 'p1', name: 'Pool', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'client0123456789' };

describe('ProfileForm: sign-in flow', () => {
  it('offers the three settings, SRP first and chosen for a new profile, with the help', () => {
    const { flow } = renderForm();
    expect([...flow().options].map((option) => option.textContent)).toEqual(['SRP', 'SRP, then password if the app client does not allow SRP', 'Password']);
    expect(flow().value).toBe('srp');
    expect(flow().getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(flow().getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^SRP proves the password without sending it\./);
  });

  it.each<[string, Partial<StoredCognitoProfile> & { preferredFlow?: string }, string]>([
    ['the setting saved', { signInFlow: 'srp-then-password' }, 'srp-then-password'],
    ['an older build\'s preferredFlow USER_PASSWORD_AUTH', { preferredFlow: 'USER_PASSWORD_AUTH' }, 'password'],
    ['an older build\'s preferredFlow USER_SRP_AUTH', { preferredFlow: 'USER_SRP_AUTH' }, 'srp'],
    ['nothing', {}, 'srp'],
  ])('starts an edit from %s, and saves what is chosen', async (_, stored, expected) => {
    const { flow, save } = renderForm({ ...PROFILE, ...stored });
    expect(flow().value).toBe(expected);
    expect((await save()).input.signInFlow).toBe(expected);
    fireEvent.change(flow(), { target: { value: 'password' } });
    expect((await save()).input.signInFlow).toBe('password');
  });
});

describe('ProfileForm: endpoint notice and managed login domain', () => {
  it('says that a custom endpoint is not Amazon Cognito, naming its host, while it is typed', () => {
    const { form, box } = renderForm();
    expect(within(form).queryByRole('note')).toBeNull();
    fireEvent.click(within(form).getByText('Advanced'));
    fireEvent.input(box('Endpoint URL (optional)'), { target: { value: 'http://127.0.0.1:9229' } });
    expect(within(form).getByRole('note').textContent).toMatch(NOT_AWS);
    expect(within(form).getByRole('note').textContent).toMatch(/^127\.0\.0\.1:9229 is not Amazon Cognito\./);
    fireEvent.input(box('Endpoint URL (optional)'), { target: { value: 'https://cognito-idp.eu-west-1.amazonaws.com' } });
    expect(within(form).queryByRole('note')).toBeNull();
    fireEvent.input(box('Endpoint URL (optional)'), { target: { value: 'https://cognito-idp.eu-west-1.amazonaws.com.evil.example' } });
    expect(within(form).getByRole('note').textContent).toMatch(/^cognito-idp\.eu-west-1\.amazonaws\.com\.evil\.example is not Amazon Cognito\./);
  });

  it('shows the notice when editing a stored profile with a custom endpoint, and none for the AWS endpoint', () => {
    renderForm({ ...PROFILE, endpoint: 'https://proxy.example.com/cognito' });
    expect(screen.getByRole('note').textContent).toMatch(/^proxy\.example\.com is not Amazon Cognito\./);
  });

  it('has no notice for a profile on the AWS endpoint', () => {
    renderForm(PROFILE);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('sends the managed login domain typed under Advanced, and shows its problem beside it', async () => {
    const refusal: CognitoProfileError[] = [{ field: 'managedLoginDomain', code: 'managed-login-domain-invalid', params: { value: 'not a host' } }];
    const { box, save } = renderForm({ ...PROFILE, managedLoginDomain: 'auth.example.com' }, refusal);
    const domain = box('Managed login domain (optional)');
    expect(domain.value).toBe('auth.example.com');
    fireEvent.input(domain, { target: { value: 'not a host' } });
    expect((await save()).input.managedLoginDomain).toBe('not a host');
    await vi.waitFor(() => expect(domain.getAttribute('aria-invalid')).toBe('true'), WAIT);
    const describedBy = (domain.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain('“not a host” is not a host name like auth.example.com or myprefix.auth.us-east-1.amazoncognito.com.');
  });
});

describe('ProfileForm: fill from an Amplify config or a sign-in URL', () => {
  /** Opens the disclosure, which loads the reader, and returns its actions once it is there. */
  async function sourceBox() {
    fireEvent.click(screen.getByText('Fill from an Amplify config or a sign-in URL'));
    const text = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Amplify config or sign-in URL' }, WAIT);
    const fill = (value: string): void => {
      fireEvent.input(text, { target: { value } });
      fireEvent.click(screen.getByRole('button', { name: 'Fill the form' }));
    };
    const region = text.closest('details');
    if (!region) throw new Error('the source box is not in a disclosure');
    // The sentences of the report, one paragraph each.
    const status = (): string[] => [...within(region).getByRole('status').querySelectorAll('p')].map((p) => p.textContent);
    return { fill, status };
  }

  it('fills region, pool ID, app client ID and managed login domain from amplify_outputs.json, saves nothing, focuses the name', async () => {
    const { box, flow, save, saved } = renderForm();
    const { fill, status } = await sourceBox();
    fill(sample('amplify_outputs.json'));
    await vi.waitFor(() => expect(box('User pool ID').value).toBe('ap-northeast-1_AbC123xyZ'), WAIT);
    expect(saved).toEqual([]);
    expect(box('Region').value).toBe('ap-northeast-1');
    expect(box('App client ID').value).toBe('1example23456789abcdefghij');
    expect(box('Managed login domain (optional)').value).toBe('keystep-demo.auth.ap-northeast-1.amazoncognito.com');
    expect(flow().value).toBe('srp');
    expect(status()).toEqual(['Read amplify_outputs.json (Amplify Gen 2) and filled in the fields it gives. Check them and save the profile.']);
    await vi.waitFor(() => expect(document.activeElement).toBe(box('Profile name')), WAIT);
    fireEvent.input(box('Profile name'), { target: { value: 'From Amplify' } });
    expect((await save()).input).toEqual({
      name: 'From Amplify',
      region: 'ap-northeast-1',
      userPoolId: 'ap-northeast-1_AbC123xyZ',
      clientId: '1example23456789abcdefghij',
      endpoint: '',
      issuer: '',
      managedLoginDomain: 'keystep-demo.auth.ap-northeast-1.amazoncognito.com',
      signInFlow: 'srp',
    });
  });

  it('from a managed login URL: fills the client and domain, names the pool ID as missing and focuses it, keeps the name', async () => {
    const { box } = renderForm();
    fireEvent.input(box('Profile name'), { target: { value: 'Typed first' } });
    const { fill, status } = await sourceBox();
    fill('https://myapp.auth.us-east-1.amazoncognito.com/login?client_id=4example56789012abcdefghij&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2F');
    await vi.waitFor(() => expect(box('App client ID').value).toBe('4example56789012abcdefghij'), WAIT);
    expect(box('Profile name').value).toBe('Typed first');
    expect(box('Region').value).toBe('us-east-1');
    expect(box('User pool ID').value).toBe('');
    expect(box('Managed login domain (optional)').value).toBe('myapp.auth.us-east-1.amazoncognito.com');
    expect(status()).toEqual([
      'Read a managed login URL and filled in the fields it gives. Check them and save the profile.',
      'It does not give the user pool ID (a sign-in URL never does): copy it from the Cognito console (User pools) into User pool ID.',
    ]);
    await vi.waitFor(() => expect(document.activeElement).toBe(box('User pool ID')), WAIT);
  });

  it('sets the sign-in flow the config names, and says so', async () => {
    const { flow } = renderForm();
    const { fill, status } = await sourceBox();
    fill(sample('amplifyconfiguration.dart'));
    await vi.waitFor(() => expect(flow().value).toBe('srp-then-password'), WAIT);
    expect(status()).toContain('It says the app signs in with USER_PASSWORD_AUTH, so the sign-in flow is set to “SRP, then password if the app client does not allow SRP”.');
  });

  it('says when the pool does not offer TOTP', async () => {
    renderForm();
    const { fill, status } = await sourceBox();
    fill(sample('amplifyconfiguration.json'));
    await vi.waitFor(() => expect(status()).toContain('It says the pool does not offer TOTP MFA: enrolling will fail until TOTP MFA is turned on for the pool.'), WAIT);
  });

  it.each([
    ['nothing', '  ', 'Paste an Amplify config or a sign-in URL first, or choose a file.'],
    ['another site\'s URL', 'https://example.com/welcome', 'This URL is neither a Cognito managed login page (with a client_id) nor a user pool\'s issuer URL. Nothing was filled.'],
    ['JSON of another kind', '{"name": "my-app", "version": "1.0.0"}', 'This JSON is not an Amplify config Keystep knows (amplify_outputs.json or amplifyconfiguration.json). Nothing was filled.'],
    ['prose', 'my pool is in Tokyo', 'Keystep found no Amplify config and no sign-in URL in this text. Nothing was filled.'],
    ['a config without auth', sample('amplify_outputs.storage-only.json'), 'This is amplify_outputs.json (Amplify Gen 2) without a Cognito user pool (no auth in it). Nothing was filled.'],
  ])('fills nothing from %s and says why', async (_, text, message) => {
    const { box } = renderForm(PROFILE);
    const { fill, status } = await sourceBox();
    fill(text);
    await vi.waitFor(() => expect(status()).toEqual([message]), WAIT);
    expect([box('Region').value, box('User pool ID').value, box('App client ID').value]).toEqual(['eu-west-1', 'eu-west-1_Abc123', 'client0123456789']);
  });

  it('reads a chosen file', async () => {
    const { box } = renderForm();
    await sourceBox();
    const file = new File([sample('aws-exports.js')], 'aws-exports.js', { type: 'text/javascript' });
    fireEvent.change(screen.getByLabelText('Or choose a file'), { target: { files: [file] } });
    await vi.waitFor(() => expect(box('User pool ID').value).toBe('eu-central-1_Ex4mPle12'), WAIT);
    expect(box('App client ID').value).toBe('2example34567890abcdefghij');
  });
});
