import { describe, expect, it } from 'vitest';
import { SiteOriginError, type SiteOriginErrorCode } from '../../src/core/site-origin-error.ts';
import { pageOrigin } from '../../src/core/page-origin.ts';
import { isSiteOrigin, siteOrigin } from '../../src/core/site-origin.ts';
import { thrownBy } from '../support/thrown-by.ts';

describe('siteOrigin', () => {
  it.each<[string, string]>([
    ['https://github.com', 'https://github.com'],
    ['https://github.com/', 'https://github.com'],
    ['https://github.com/login?return_to=%2F#x', 'https://github.com'],
    ['HTTPS://GitHub.COM', 'https://github.com'],
    ['github.com', 'https://github.com'],
    ['  github.com/login  ', 'https://github.com'],
    ['https://github.com:443', 'https://github.com'],
    ['https://login.example.com:8443/x', 'https://login.example.com:8443'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['https://192.0.2.7', 'https://192.0.2.7'],
    ['http://localhost:3000/login', 'http://localhost:3000'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://app.localhost', 'http://app.localhost'],
    ['http://login.example.test:41234/plain.html', 'http://login.example.test:41234'],
  ])('%s -> %s', (input, origin) => {
    expect(siteOrigin(input)).toBe(origin);
  });

  it.each<[string, string, SiteOriginErrorCode]>([
    ['empty', '', 'site-invalid'],
    ['spaces only', '   ', 'site-invalid'],
    ['words', 'my bank', 'site-invalid'],
    ['another scheme', 'ftp://github.com', 'site-invalid'],
    ['a javascript: URL', 'javascript://github.com', 'site-invalid'],
    ['a file URL', 'file:///etc/hosts', 'site-invalid'],
    ['a user name', 'https://alice@github.com', 'site-invalid'],
    ['a user name and password', 'https://alice:pw@github.com', 'site-invalid'],
    ['a bad port', 'https://github.com:99999', 'site-invalid'],
    ['http on a public host', 'http://github.com', 'site-insecure'],
    ['http on a look-alike of localhost', 'http://localhost.example.com', 'site-insecure'],
    ['http on a private address', 'http://192.168.1.1', 'site-insecure'],
  ])('refuses %s (%s) as %s', (_, input, code) => {
    const error = thrownBy(() => siteOrigin(input), SiteOriginError);
    expect(error.code).toBe(code);
    expect(error.input).toBe(input);
  });

  it('clips a very long input in the error', () => {
    const error = thrownBy(() => siteOrigin(`http://${'a'.repeat(300)}.com`), SiteOriginError);
    expect(error.input.length).toBeLessThanOrEqual(201);
  });
});

describe('isSiteOrigin', () => {
  it.each<[unknown, boolean]>([
    ['https://github.com', true],
    ['http://127.0.0.1:8080', true],
    ['https://github.com/', false],
    ['github.com', false],
    ['https://GitHub.com', false],
    ['https://github.com:443', false],
    ['http://github.com', false],
    [42, false],
    [undefined, false],
  ])('%s: %s', (value, expected) => {
    expect(isSiteOrigin(value)).toBe(expected);
  });
});

describe('pageOrigin', () => {
  it.each<[string | undefined, string | undefined]>([
    ['https://github.com/sessions/two-factor', 'https://github.com'],
    ['http://github.com/login', 'http://github.com'],
    ['http://login.examp1e.test:5000/look-alike.html', 'http://login.examp1e.test:5000'],
    ['chrome://extensions/', undefined],
    ['chrome-extension://abc/src/popup/index.html', undefined],
    ['file:///home/alice/login.html', undefined],
    ['about:blank', undefined],
    ['data:text/html,<input>', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s -> %s', (url, origin) => {
    expect(pageOrigin(url)).toBe(origin);
  });
});
