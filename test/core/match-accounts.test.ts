import { describe, expect, it } from 'vitest';
import { matchAccounts } from '../../src/core/match-accounts.ts';

const ACCOUNTS = [
  { issuer: 'GitHub', name: 'alice@example.com' },
  { issuer: 'Amazon Web Services', name: 'bob@example.com' },
  { issuer: 'Bank', name: 'carol' },
  { issuer: 'Zürich Versicherung', name: 'dora' },
  { issuer: '', name: 'Crème Brûlée Club' },
  { issuer: 'zurich-airport', name: '' },
] as const;

const labels = (found: readonly { issuer: string; name: string }[]): string[] => found.map((a) => a.issuer || a.name);

describe('matchAccounts', () => {
  it.each<[title: string, query: string, expected: string[]]>([
    ['one term in the issuer', 'git', ['GitHub']],
    ['one term in the name', 'carol', ['Bank']],
    ['a term found in several accounts, in their order', 'example', ['GitHub', 'Amazon Web Services']],
    ['case-insensitive', 'GITHUB', ['GitHub']],
    ['mixed case', 'aMaZoN', ['Amazon Web Services']],
    ['two terms, both in the issuer', 'web serv', ['Amazon Web Services']],
    ['two terms, one in the issuer and one in the name', 'github alice', ['GitHub']],
    ['terms in any order', 'alice github', ['GitHub']],
    ['every term must match', 'github bob', []],
    ['extra whitespace between and around terms', '  web \t  services  ', ['Amazon Web Services']],
    ['without accents finds accented text', 'zurich', ['Zürich Versicherung', 'zurich-airport']],
    ['with accents finds text without them', 'Zürich', ['Zürich Versicherung', 'zurich-airport']],
    ['upper-case accented query', 'ZÜRICH', ['Zürich Versicherung', 'zurich-airport']],
    ['decomposed accents in the query', 'Zu\u0308rich vers', ['Zürich Versicherung']],
    ['accents in an account name', 'creme brulee', ['Crème Brûlée Club']],
    ['nothing matches', 'nothing like this', []],
    ['a term spanning issuer and name does not match', 'githubalice', []],
  ])('%s: %j', (_, query, expected) => {
    expect(labels(matchAccounts(ACCOUNTS, query))).toEqual(expected);
  });

  it.each([
    ['an empty query', ''],
    ['a query of spaces', '   '],
    ['a query of tabs and newlines', '\t\n'],
  ])('%s returns the same array', (_, query) => {
    expect(matchAccounts(ACCOUNTS, query)).toBe(ACCOUNTS);
  });

  it('returns the matching objects themselves', () => {
    expect(matchAccounts(ACCOUNTS, 'bank')[0]).toBe(ACCOUNTS[2]);
  });

  it('finds nothing in an empty list', () => {
    expect(matchAccounts([], 'git')).toEqual([]);
  });
});
