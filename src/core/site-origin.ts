// An account's sites are web origins (RFC 6454, https://www.rfc-editor.org/rfc/rfc6454): scheme, host, port, as
// the WHATWG URL parser serialises them (https://url.spec.whatwg.org/#concept-url-origin), so "https://GitHub.com/"
// and "github.com/login" are both https://github.com, and an internationalised host is stored in its ASCII
// (punycode) form, which is how it looks to an attacker who registered a look-alike.
import { SiteOriginError } from './site-origin-error.ts';

/**
 * Hosts where plain http is accepted: the computer itself and names that never resolve on the public internet
 * (RFC 6761 section 6.2 `.test`, 6.3 `.localhost`). Elsewhere a page on http can be altered by anyone on the
 * network path, so Keystep does not bind it for filling without asking.
 */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|[^/]+\.localhost|[^/]+\.test)$/;

/**
 * The origin of a site as typed or as a page reports it: "https://github.com/login" -> "https://github.com",
 * "GitHub.com" -> "https://github.com" (a bare host means https), "http://127.0.0.1:8080/x" ->
 * "http://127.0.0.1:8080". A default port is dropped, as URL does.
 *
 * @throws SiteOriginError `site-invalid` for anything that is not an http(s) address with a host, or carries a user
 *   name or password; `site-insecure` for http on a host that is not local (see LOCAL_HOST).
 */
export function siteOrigin(input: string): string {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) throw new SiteOriginError('site-invalid', input);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SiteOriginError('site-invalid', input);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '' || url.username !== '' || url.password !== '') {
    throw new SiteOriginError('site-invalid', input);
  }
  if (url.protocol === 'http:' && !LOCAL_HOST.test(url.hostname)) throw new SiteOriginError('site-insecure', input);
  return url.origin;
}

/** Whether `value` is a site as Keystep stores it: the canonical origin siteOrigin returns for itself. */
export function isSiteOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return siteOrigin(value) === value;
  } catch {
    return false;
  }
}
