// A DNS host name (RFC 1123 labels, at least two, 253 characters at most) in lower case.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * A managed login (hosted UI) domain as a lower-case host name, e.g. `auth.example.com` or
 * `myprefix.auth.us-east-1.amazoncognito.com`; a leading `http://` or `https://` and one trailing slash are dropped
 * (as when a URL is pasted), white space around it is trimmed. Undefined for anything else: not a string, empty, a
 * path, a port, a single label.
 */
export function managedLoginDomainName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');
  return HOST_NAME.test(text) ? text : undefined;
}
