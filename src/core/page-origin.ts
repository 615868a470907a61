/**
 * The origin of a page's URL when Keystep could fill on it (http or https, any host: the exact-match rule of
 * site-match.ts decides what happens next), else undefined (chrome://, file:, the Web Store's data: and blob:
 * pages, or no URL at all). In a module of its own: the popup needs it at start, the site rules (site-origin.ts)
 * only in its dialogs.
 */
export function pageOrigin(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
