import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/vault.ts';
import { siteSuggestions, type ManagedLoginProfile, type SiteSuggestion } from '../../src/services/site-suggestions.ts';
import { account } from '../support/account-fixtures.ts';

const LINK = { region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: 'client1', username: 'alice' };
const PROFILE: ManagedLoginProfile = { region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: 'client1', managedLoginDomain: 'acme.auth.eu-west-1.amazoncognito.com' };

describe('siteSuggestions', () => {
  it.each<[string, Account, Parameters<typeof siteSuggestions>[1], readonly SiteSuggestion[]]>([
    ['the issuer’s sign-in site', account('a1', { issuer: 'GitHub' }), {}, [{ site: 'https://github.com', source: 'issuer' }]],
    [
      'the page first, then the issuer',
      account('a1', { issuer: 'GitHub' }),
      { pageOrigin: 'https://github.example.com' },
      [
        { site: 'https://github.example.com', source: 'page' },
        { site: 'https://github.com', source: 'issuer' },
      ],
    ],
    ['a page that is the issuer’s site once', account('a1', { issuer: 'GitHub' }), { pageOrigin: 'https://github.com' }, [{ site: 'https://github.com', source: 'page' }]],
    ['not what the account has', account('a1', { issuer: 'GitHub', sites: ['https://github.com'] }), { pageOrigin: 'https://github.com' }, []],
    ['not a page on plain http (never bound)', account('a1', { issuer: 'Acme' }), { pageOrigin: 'http://intranet.example.com' }, []],
    ['a local page on http', account('a1', { issuer: 'Acme' }), { pageOrigin: 'http://127.0.0.1:8080' }, [{ site: 'http://127.0.0.1:8080', source: 'page' }]],
    ['the managed-login domain of the profile a Cognito account came from', account('a1', { issuer: 'Acme', cognito: LINK }), { profiles: [PROFILE] }, [{ site: 'https://acme.auth.eu-west-1.amazoncognito.com', source: 'cognito' }]],
    ['no domain from a profile of another app client', account('a1', { issuer: 'Acme', cognito: LINK }), { profiles: [{ ...PROFILE, clientId: 'client2' }] }, []],
    ['no domain for an account not enrolled through Cognito', account('a1', { issuer: 'Acme' }), { profiles: [PROFILE] }, []],
    ['no domain from a profile without one', account('a1', { issuer: 'Acme', cognito: LINK }), { profiles: [{ region: LINK.region, userPoolId: LINK.userPoolId, clientId: LINK.clientId }] }, []],
    ['nothing for an unknown issuer', account('a1', { issuer: 'My Bank' }), {}, []],
  ])('%s', (_, which, sources, expected) => {
    expect(siteSuggestions(which, sources)).toEqual(expected);
  });
});
