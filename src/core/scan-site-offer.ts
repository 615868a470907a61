import { pageOrigin } from './page-origin.ts';
import { SiteOriginError } from './site-origin-error.ts';
import { siteOrigin } from './site-origin.ts';

/**
 * What the page a QR code was scanned on offers the accounts it adds: a service shows the QR code of its own
 * accounts on its own site, so that site is where their codes will be asked for.
 * - `site`: a site Keystep can bind (siteOrigin): `bindByDefault` only for https. Plain http is a site only on a
 *   host of this computer or a name that never resolves on the internet (localhost, 127.0.0.1, [::1], *.localhost,
 *   *.test: a developer's own server); it is offered, unchecked, since nobody else's sign-in page is served there.
 * - `insecure`: plain http on any other host, which Keystep never binds (anyone on the network path can alter the
 *   page); the preview says so.
 */
export type ScanSiteOffer =
  | { readonly kind: 'site'; readonly site: string; readonly bindByDefault: boolean }
  | { readonly kind: 'insecure'; readonly origin: string };

/**
 * The offer of the page at `url` (the tab the scan captured), e.g. "https://accounts.example.com:443/setup?x=1" ->
 * site "https://accounts.example.com", bound by default. undefined for a page that is not a site: chrome://,
 * file:, an extension's page, data: or blob: URLs, about:blank, or no URL at all (the browser hid it).
 */
export function scanSiteOffer(url: string | undefined): ScanSiteOffer | undefined {
  const origin = pageOrigin(url);
  if (origin === undefined) return undefined;
  try {
    const site = siteOrigin(origin);
    return { kind: 'site', site, bindByDefault: site.startsWith('https:') };
  } catch (error) {
    if (error instanceof SiteOriginError && error.code === 'site-insecure') return { kind: 'insecure', origin };
    return undefined;
  }
}
