import type { Catalogue } from './catalogue-diff.ts';

/**
 * A message of `catalogue` as chrome.i18n.getMessage writes it with `substitutions`: each named $PLACEHOLDER$ (by
 * name, in any case) becomes its placeholder's content, each $1..$9 the substitution, "$$" a dollar sign
 * (https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats#placeholders). Tests use it
 * to drive a page in another language by its accessible names, read from the catalogue rather than copied.
 */
export function catalogueMessage(catalogue: Catalogue, key: string, ...substitutions: readonly string[]): string {
  const entry = catalogue[key];
  if (entry === undefined) throw new Error(`The catalogue has no message "${key}"`);
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const direct = (text: string): string => text.replace(/\$\$|\$([1-9])/g, (_all, n: string | undefined) => (n === undefined ? '$' : (substitutions[Number(n) - 1] ?? '')));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (_all, name: string | undefined, n: string | undefined) => {
    if (name !== undefined) {
      const content = placeholders.get(name.toLowerCase());
      if (content === undefined) throw new Error(`Message "${key}" has no placeholder ${name}`);
      return direct(content);
    }
    return n === undefined ? '$' : (substitutions[Number(n) - 1] ?? '');
  });
}
