/**
 * What a chrome.i18n message substitutes: each named $PLACEHOLDER$ (lower-cased, since Chrome matches names
 * case-insensitively) and each direct $1..$9, sorted, each once. "$$" is a literal dollar sign, not a reference.
 * https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats#placeholders
 */
export function placeholderRefs(message: string): string[] {
  const text = message.replaceAll('$$', '');
  const namedPattern = /\$([A-Za-z0-9_@]+)\$/g;
  const named = [...text.matchAll(namedPattern)].map((match) => `$${(match[1] ?? '').toLowerCase()}$`);
  const direct = [...text.replace(namedPattern, '').matchAll(/\$([1-9])/g)].map((match) => `$${match[1] ?? ''}`);
  return [...new Set([...named, ...direct])].sort();
}
