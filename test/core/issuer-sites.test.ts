import { describe, expect, it } from 'vitest';
import { issuerSites } from '../../src/core/issuer-sites.ts';

describe('issuerSites', () => {
  it.each<[string, readonly string[]]>([
    ['GitHub', ['https://github.com']],
    ['github', ['https://github.com']],
    [' GitHub ', ['https://github.com']],
    ['Google', ['https://accounts.google.com']],
    ['Amazon Web Services', ['https://signin.aws.amazon.com']],
    ['AWS', ['https://signin.aws.amazon.com']],
    ['Microsoft', ['https://login.live.com', 'https://login.microsoftonline.com']],
    ['PyPI', ['https://pypi.org']],
    ['login.example.com', ['https://login.example.com']],
    ['Example.COM', ['https://example.com']],
    ['bücher.example', []],
    ['Acme Inc.', []],
    ['v1.2', []],
    ['My Bank', []],
    ['', []],
  ])('%s -> %j', (issuer, sites) => {
    expect(issuerSites(issuer)).toEqual(sites);
  });
});
