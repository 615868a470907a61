import { describe, expect, it } from 'vitest';
import { scanSiteOffer, type ScanSiteOffer } from '../../src/core/scan-site-offer.ts';

// The page a tab scan captured, as the site offered to the accounts it adds (issue 11): its origin, bound by default
// only on https; plain http only on this computer or a test name, unchecked; never a page that is not a site.
describe('scanSiteOffer', () => {
  it.each<[url: string, offer: ScanSiteOffer]>([
    ['https://accounts.example.com:443/path', { kind: 'site', site: 'https://accounts.example.com', bindByDefault: true }],
    ['https://accounts.example.com/settings/2fa?step=qr#code', { kind: 'site', site: 'https://accounts.example.com', bindByDefault: true }],
    ['HTTPS://Accounts.Example.COM/', { kind: 'site', site: 'https://accounts.example.com', bindByDefault: true }],
    ['https://login.example.com:8443/setup', { kind: 'site', site: 'https://login.example.com:8443', bindByDefault: true }],
    ['https://alice:pw@accounts.example.com/', { kind: 'site', site: 'https://accounts.example.com', bindByDefault: true }],
    ['https://bücher.example/2fa', { kind: 'site', site: 'https://xn--bcher-kva.example', bindByDefault: true }],
    // Plain http on this computer or a name that never resolves on the internet: a site, but not checked.
    ['http://127.0.0.1:8080/mfa', { kind: 'site', site: 'http://127.0.0.1:8080', bindByDefault: false }],
    ['http://localhost:3000/', { kind: 'site', site: 'http://localhost:3000', bindByDefault: false }],
    ['http://[::1]:9000/', { kind: 'site', site: 'http://[::1]:9000', bindByDefault: false }],
    ['http://login.example.test:41234/one.html', { kind: 'site', site: 'http://login.example.test:41234', bindByDefault: false }],
    ['http://app.localhost/', { kind: 'site', site: 'http://app.localhost', bindByDefault: false }],
    // Plain http elsewhere: never bound, and the preview says why.
    ['http://accounts.example.com:80/setup', { kind: 'insecure', origin: 'http://accounts.example.com' }],
    ['http://localhost.example.com/', { kind: 'insecure', origin: 'http://localhost.example.com' }],
  ])('%s', (url, offer) => {
    expect(scanSiteOffer(url)).toEqual(offer);
  });

  it.each<[what: string, url: string | undefined]>([
    ['a browser page', 'chrome://settings/passwords'],
    ['a new tab page', 'chrome://newtab/'],
    ['a local file', 'file:///home/alice/qr.png'],
    ['an extension page', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html'],
    ['a data: page', 'data:text/html,<img src=x>'],
    ['a blob: page', 'blob:https://accounts.example.com/5f0c2a7e-0000-4000-8000-000000000000'],
    ['about:blank', 'about:blank'],
    ['a view-source: page', 'view-source:https://accounts.example.com/'],
    ['a URL the browser hid (no grant)', undefined],
    ['not a URL', 'accounts.example.com'],
    ['empty', ''],
  ])('%s: nothing offered', (_, url) => {
    expect(scanSiteOffer(url)).toBeUndefined();
  });
});
