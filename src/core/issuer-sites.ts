import { siteOrigin } from './site-origin.ts';

/**
 * Where some well-known services ask for their one-time code, by issuer as authenticator apps show it (folded:
 * lower case, no spaces or punctuation). Only a suggestion: the user confirms each site before Keystep binds it.
 * Hosts are the ones these services sign in on; a wrong or missing entry costs a click, never a silent fill.
 */
const KNOWN_ISSUERS: Readonly<Record<string, readonly string[]>> = {
  github: ['https://github.com'],
  gitlab: ['https://gitlab.com'],
  bitbucket: ['https://bitbucket.org'],
  google: ['https://accounts.google.com'],
  amazonwebservices: ['https://signin.aws.amazon.com'],
  aws: ['https://signin.aws.amazon.com'],
  microsoft: ['https://login.live.com', 'https://login.microsoftonline.com'],
  dropbox: ['https://www.dropbox.com'],
  npm: ['https://www.npmjs.com'],
  npmjs: ['https://www.npmjs.com'],
  pypi: ['https://pypi.org'],
  discord: ['https://discord.com'],
  cloudflare: ['https://dash.cloudflare.com'],
  reddit: ['https://www.reddit.com'],
  facebook: ['https://www.facebook.com'],
  twitter: ['https://x.com'],
  x: ['https://x.com'],
};

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Sites to suggest for an account from its issuer: the table above, or the issuer itself when it reads as a host
 * name ("login.example.com" -> "https://login.example.com"). Never more than a suggestion.
 * @returns canonical origins, possibly none.
 */
export function issuerSites(issuer: string): readonly string[] {
  const known = KNOWN_ISSUERS[fold(issuer)];
  if (known) return known;
  const trimmed = issuer.trim();
  // A dotted name of letters, digits and hyphens with a TLD of letters: "example.com", not "Acme Inc." or "v1.2".
  if (/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(trimmed)) {
    try {
      return [siteOrigin(trimmed)];
    } catch {
      return [];
    }
  }
  return [];
}
