import { describe, expect, it } from 'vitest';
import { matchSite } from '../../src/core/site-match.ts';
import type { Account } from '../../src/core/vault.ts';
import { account } from '../support/account-fixtures.ts';

const SITE = 'https://login.example.com';
const bound = account('a1', { sites: [SITE, 'https://example.org'] });
const other = account('a2', { sites: ['https://github.com'] });
const unbound = account('a3');
const pending = account('a4', { sites: [SITE], status: 'pending' });

describe('matchSite: exact origins only', () => {
  it.each<[string, string]>([
    ['the bound origin', SITE],
    ['its other site', 'https://example.org'],
  ])('fills at once on %s', (_, origin) => {
    expect(matchSite([other, bound, unbound], origin)).toEqual({ kind: 'one', account: bound });
  });

  // Look-alikes and near misses are just other origins: never a match, whatever they resemble.
  it.each<[string, string]>([
    ['the parent domain', 'https://example.com'],
    ['a sibling subdomain', 'https://evil.example.com'],
    ['a deeper subdomain', 'https://a.login.example.com'],
    ['another port', 'https://login.example.com:8443'],
    ['plain http', 'http://login.example.com'],
    ['a digit for a letter', 'https://login.examp1e.com'],
    ['rn for m', 'https://login.exarnple.com'],
    ['a punycode twin (Cyrillic а)', 'https://login.xn--exmple-4nf.com'],
    ['the site as a prefix of another host', 'https://login.example.com.evil.test'],
    ['another top-level domain', 'https://login.example.co'],
    ['a trailing dot', 'https://login.example.com.'],
    ['upper case (never what URL gives, so no match either)', 'https://LOGIN.example.com'],
    ['a path after the origin', 'https://login.example.com/'],
  ])('does not match %s', (_, origin) => {
    expect(matchSite([bound, other, unbound], origin)).toEqual({ kind: 'none' });
  });

  it('asks when several accounts have the site', () => {
    const second = account('a5', { sites: [SITE] });
    expect(matchSite([bound, other, second], SITE)).toEqual({ kind: 'several', accounts: [bound, second] });
  });

  it('never matches a pending account', () => {
    expect(matchSite([pending], SITE)).toEqual({ kind: 'none' });
    expect(matchSite([pending, bound], SITE)).toEqual({ kind: 'one', account: bound });
  });

  it.each<[string, readonly Account[]]>([
    ['no accounts', []],
    ['accounts without sites', [unbound, account('a6')]],
  ])('finds nothing with %s', (_, accounts) => {
    expect(matchSite(accounts, SITE)).toEqual({ kind: 'none' });
  });
});
