import en from '../../src/static/_locales/en/messages.json' with { type: 'json' };
import ja from '../../src/static/_locales/ja/messages.json' with { type: 'json' };
import type { MessageKey } from '../../src/platform/i18n.ts';
import type { Catalogue } from './catalogue-diff.ts';

export type CatalogueLanguage = 'en' | 'ja';

const CATALOGUES: Readonly<Record<CatalogueLanguage, Catalogue>> = { en, ja };

/**
 * A message as chrome.i18n.getMessage gives it in a browser whose UI language is `language`, for real-browser tests
 * that find elements by their accessible names in either language: named $PLACEHOLDER$s are replaced by their
 * content (case-insensitively), then $1..$9 by the substitutions, and $$ is a dollar sign. A key the catalogue lacks
 * falls back to English, as Chrome falls back to the default locale.
 * https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats#placeholders
 */
export function catalogueText(language: CatalogueLanguage): (key: MessageKey, ...substitutions: (string | number)[]) => string {
  return (key, ...substitutions) => {
    const entry = CATALOGUES[language][key] ?? CATALOGUES.en[key];
    if (entry === undefined) throw new Error(`No message ${key} in the ${language} or en catalogue`);
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
    return named.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : String(substitutions[Number(what) - 1] ?? '')));
  };
}
