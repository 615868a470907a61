import { describe, expect, it } from 'vitest';
import type { CognitoProfile } from '../../src/cognito/cognito-profile.ts';
import { normalizeCognitoProfile, signInFlowOf, validateCognitoProfile, type CognitoProfileInput, type StoredProfileFlowFields } from '../../src/cognito/validate-cognito-profile.ts';

const base: CognitoProfileInput = { name: 'Demo', region: '', userPoolId: 'ap-northeast-1_AbC123xyZ', clientId: '1example23456789', endpoint: '', issuer: '' };

describe('validateCognitoProfile', () => {
  it('accepts a profile, taking the region from the pool id and trimming', () => {
    expect(validateCognitoProfile({ ...base, name: '  Demo ', clientId: ' 1example23456789 ' })).toEqual({
      ok: true,
      profile: { name: 'Demo', region: 'ap-northeast-1', userPoolId: 'ap-northeast-1_AbC123xyZ', clientId: '1example23456789' },
    });
  });

  it.each([
    ['a managed-login domain', 'acme.auth.eu-west-1.amazoncognito.com', 'acme.auth.eu-west-1.amazoncognito.com'],
    ['a custom domain as an https URL', 'https://Auth.Example.com/', 'auth.example.com'],
    ['surrounding spaces', '  auth.example.com ', 'auth.example.com'],
    // Managed login is served on https only; a URL copied with http:// still names the host.
    ['a URL typed with http://', 'http://auth.example.com', 'auth.example.com'],
  ] as const)('keeps %s as its host name', (_, managedLoginDomain, stored) => {
    const result = validateCognitoProfile({ ...base, managedLoginDomain });
    expect(result.ok && result.profile.managedLoginDomain).toBe(stored);
  });

  it('leaves out an empty managed-login domain', () => {
    const result = validateCognitoProfile({ ...base, managedLoginDomain: ' ' });
    expect(result.ok && 'managedLoginDomain' in result.profile).toBe(false);
  });

  it.each([
    ['https endpoint', { endpoint: 'https://proxy.example.com/cognito' }],
    ['http on 127.0.0.1', { endpoint: 'http://127.0.0.1:9229' }],
    ['http on localhost', { endpoint: 'http://localhost:4566' }],
    ['explicit matching region', { region: 'ap-northeast-1' }],
    ['gov region', { region: 'us-gov-west-1', userPoolId: 'us-gov-west-1_Abc' }],
    ['issuer with spaces', { issuer: 'My App (staging)' }],
  ] as const)('accepts %s', (_, change) => {
    expect(validateCognitoProfile({ ...base, ...change }).ok).toBe(true);
  });

  it.each([
    ['empty name', { name: ' ' }, 'name', 'name-missing'],
    ['long name', { name: 'x'.repeat(101) }, 'name', 'name-too-long'],
    ['no pool id', { userPoolId: '' }, 'userPoolId', 'pool-id-missing'],
    ['pool id without underscore', { userPoolId: 'ap-northeast-1AbC' }, 'userPoolId', 'pool-id-invalid'],
    ['pool id with a bad character', { userPoolId: 'ap-northeast-1_Ab!C' }, 'userPoolId', 'pool-id-invalid'],
    ['region not a region', { region: 'tokyo' }, 'region', 'region-invalid'],
    ['region differs from the pool', { region: 'us-east-1' }, 'region', 'pool-region-mismatch'],
    ['no client id', { clientId: '' }, 'clientId', 'client-id-missing'],
    ['client id with a space', { clientId: 'abc def' }, 'clientId', 'client-id-invalid'],
    ['endpoint not a URL', { endpoint: 'cognito.local' }, 'endpoint', 'endpoint-invalid'],
    ['endpoint ftp', { endpoint: 'ftp://example.com' }, 'endpoint', 'endpoint-invalid'],
    ['endpoint with credentials', { endpoint: 'https://user:pw@example.com' }, 'endpoint', 'endpoint-invalid'],
    ['plain http to a remote host', { endpoint: 'http://proxy.example.com' }, 'endpoint', 'endpoint-insecure'],
    ['issuer with a colon', { issuer: 'A:B' }, 'issuer', 'issuer-invalid'],
    ['name with a colon and no issuer', { name: 'Demo: staging' }, 'issuer', 'issuer-invalid'],
    ['a managed-login domain with a path', { managedLoginDomain: 'https://auth.example.com/login' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
    ['a managed-login domain with a port', { managedLoginDomain: 'auth.example.com:8443' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
    ['a managed-login domain that is words', { managedLoginDomain: 'my pool' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
  ] as const)('refuses %s', (_, change, field, code) => {
    const result = validateCognitoProfile({ ...base, ...change });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
  });

  // Issue 13: emulators name pools their own way (cognito-local: local_XXXXXXXX) and ignore the region (the calls are
  // unsigned), so with a custom endpoint the pool ID's prefix need not be a region; with AWS's the checks stay strict.
  const LOCAL = { userPoolId: 'local_1a2B3c4D', endpoint: 'http://127.0.0.1:9229' };
  it.each<[string, Partial<CognitoProfileInput>, string | undefined]>([
    ['custom endpoint, local_ pool, no region: the region is the prefix', { ...LOCAL }, 'local'],
    ['custom endpoint, local_ pool, an AWS region', { ...LOCAL, region: 'us-east-1' }, 'us-east-1'],
    ['custom endpoint, local_ pool, region "local"', { ...LOCAL, region: 'local' }, 'local'],
    ['custom endpoint, an AWS pool of another region', { endpoint: 'https://localhost:4566', region: 'us-east-1' }, 'us-east-1'],
    ['https proxy, local_ pool', { ...LOCAL, endpoint: 'https://proxy.example.com' }, 'local'],
  ])('accepts %s', (_, change, region) => {
    expect(validateCognitoProfile({ ...base, ...change })).toMatchObject({ ok: true, profile: { region } });
  });

  it.each<[string, Partial<CognitoProfileInput>, string]>([
    ['no endpoint, local_ pool', { userPoolId: 'local_1a2B3c4D' }, 'region-invalid'],
    ['no endpoint, local_ pool, an AWS region', { userPoolId: 'local_1a2B3c4D', region: 'us-east-1' }, 'pool-region-mismatch'],
    ['no endpoint, region "local"', { region: 'local' }, 'region-invalid'],
    ['the AWS endpoint typed out, local_ pool', { ...LOCAL, endpoint: 'https://cognito-idp.us-east-1.amazonaws.com' }, 'region-invalid'],
    ['the AWS endpoint typed out, a pool of another region', { endpoint: 'https://cognito-idp.us-east-1.amazonaws.com', region: 'us-east-1' }, 'pool-region-mismatch'],
    ['custom endpoint, a region that is not a plain name', { ...LOCAL, region: 'Local Region' }, 'region-invalid'],
    ['an endpoint that is refused, local_ pool (checked as AWS)', { ...LOCAL, endpoint: 'http://proxy.example.com' }, 'region-invalid'],
  ])('refuses %s', (_, change, code) => {
    const result = validateCognitoProfile({ ...base, ...change });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toContain(code);
  });

  it.each<[string, string, string | undefined]>([
    ['a custom domain', 'auth.example.com', 'auth.example.com'],
    ['a prefix domain', 'myprefix.auth.us-east-1.amazoncognito.com', 'myprefix.auth.us-east-1.amazoncognito.com'],
    ['upper case, spaces, a scheme and a slash, as pasted', '  https://Auth.Example.COM/ ', 'auth.example.com'],
    ['nothing', '   ', undefined],
  ])('keeps the managed login domain as a host name: %s', (_, managedLoginDomain, expected) => {
    const result = validateCognitoProfile({ ...base, managedLoginDomain });
    expect(result.ok).toBe(true);
    expect(result.ok ? result.profile.managedLoginDomain : 'refused').toBe(expected);
  });

  it.each([
    ['a URL with a path', 'https://auth.example.com/login?client_id=abc'],
    ['a single label', 'localhost'],
    ['a port', 'auth.example.com:8443'],
    ['an underscore', 'my_app.auth.example.com'],
    ['too long', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`],
  ])('refuses a managed login domain that is not a host name: %s', (_, managedLoginDomain) => {
    expect(validateCognitoProfile({ ...base, managedLoginDomain })).toEqual({
      ok: false,
      errors: [{ field: 'managedLoginDomain', code: 'managed-login-domain-invalid', params: { value: managedLoginDomain } }],
    });
  });

  it('reports every problem at once', () => {
    const result = validateCognitoProfile({ name: '', region: 'x', userPoolId: '', clientId: '', endpoint: 'nope', issuer: '' });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['name-missing', 'pool-id-missing', 'region-invalid', 'client-id-missing', 'endpoint-invalid']);
  });

  it.each(['srp', 'srp-then-password', 'password'] as const)('keeps the sign-in flow %s chosen in the form', (signInFlow) => {
    expect(validateCognitoProfile({ ...base, signInFlow })).toMatchObject({ ok: true, profile: { signInFlow } });
  });

  it('gives a profile without a chosen sign-in flow none (it reads as srp)', () => {
    const result = validateCognitoProfile(base);
    expect(result.ok && 'signInFlow' in result.profile).toBe(false);
  });
});

describe('signInFlowOf', () => {
  it.each<[string, StoredProfileFlowFields, string]>([
    ['no setting (a new profile, or an older one without preferredFlow)', {}, 'srp'],
    ['srp', { signInFlow: 'srp' }, 'srp'],
    ['srp-then-password', { signInFlow: 'srp-then-password' }, 'srp-then-password'],
    ['password', { signInFlow: 'password' }, 'password'],
    ['an older profile that preferred USER_PASSWORD_AUTH', { preferredFlow: 'USER_PASSWORD_AUTH' }, 'password'],
    ['an older profile that preferred USER_SRP_AUTH', { preferredFlow: 'USER_SRP_AUTH' }, 'srp'],
    ['an older profile with a damaged preferredFlow', { preferredFlow: 42 }, 'srp'],
    ['the setting before an old preferredFlow', { signInFlow: 'srp', preferredFlow: 'USER_PASSWORD_AUTH' }, 'srp'],
    ['a setting this build does not know', { signInFlow: 'webauthn' } as unknown as StoredProfileFlowFields, 'srp'],
    ['a damaged setting beside an old preferredFlow', { signInFlow: 7, preferredFlow: 'USER_PASSWORD_AUTH' } as unknown as StoredProfileFlowFields, 'srp'],
  ])('reads %s as %s', (_, profile, expected) => {
    expect(signInFlowOf(profile)).toBe(expected);
  });
});

describe('normalizeCognitoProfile', () => {
  const stored: CognitoProfile = { name: 'Old', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc', clientId: 'client1', issuer: 'Old' };

  it('sets signInFlow from an old preferredFlow and drops preferredFlow, keeping every other field', () => {
    const old = { ...stored, id: 'p1', preferredFlow: 'USER_PASSWORD_AUTH' };
    expect(normalizeCognitoProfile(old)).toEqual({ ...stored, id: 'p1', signInFlow: 'password' });
  });

  it('makes the default explicit and keeps a setting as it is', () => {
    expect(normalizeCognitoProfile(stored)).toEqual({ ...stored, signInFlow: 'srp' });
    expect(normalizeCognitoProfile({ ...stored, signInFlow: 'srp-then-password' })).toEqual({ ...stored, signInFlow: 'srp-then-password' });
  });
});
