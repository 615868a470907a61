import { describe, expect, it } from 'vitest';
import { validateCognitoProfile, type CognitoProfileInput } from '../../src/cognito/validate-cognito-profile.ts';

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
    ['a managed-login domain on http', { managedLoginDomain: 'http://auth.example.com' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
    ['a managed-login domain with a path', { managedLoginDomain: 'https://auth.example.com/login' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
    ['a managed-login domain with a port', { managedLoginDomain: 'auth.example.com:8443' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
    ['a managed-login domain that is words', { managedLoginDomain: 'my pool' }, 'managedLoginDomain', 'managed-login-domain-invalid'],
  ] as const)('refuses %s', (_, change, field, code) => {
    const result = validateCognitoProfile({ ...base, ...change });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
  });

  it('reports every problem at once', () => {
    const result = validateCognitoProfile({ name: '', region: 'x', userPoolId: '', clientId: '', endpoint: 'nope', issuer: '' });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['name-missing', 'pool-id-missing', 'region-invalid', 'client-id-missing', 'endpoint-invalid']);
  });
});
