/**
 * The message catalogues Keystep ships, as their folder names in src/static/_locales
 * (test/platform/page-language.test.ts holds this list to the folders).
 */
export const CATALOGUES: readonly string[] = ['en', 'ja'];

/** manifest.json's default_locale: the catalogue Chrome shows for a UI language that has none of its own. */
const DEFAULT_CATALOGUE = 'en';

/**
 * The language a page of Keystep is written in, as a BCP 47 tag, for `<html lang>` and for Intl: the browser's UI
 * language (`uiLanguage`, e.g. "ja", "en-GB") when Chrome shows the messages of a catalogue of that language, which it
 * picks for the tag itself or, failing that, for its language alone (https://developer.chrome.com/docs/extensions/reference/api/i18n#how-to-support-multiple-languages);
 * otherwise "en", the catalogue Chrome falls back to. A browser in French shows the English messages, so the page
 * says lang="en" and writes 3,000,000, not lang="fr" with "3 000 000" amid English text.
 */
export function pageLanguage(uiLanguage: string): string {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(uiLanguage)[0];
  } catch {
    // RangeError: not a language tag (Chrome always gives one; a fake browser might not).
    tag = undefined;
  }
  if (tag === undefined) return DEFAULT_CATALOGUE;
  const folders = new Set(CATALOGUES.map((folder) => folder.replace('_', '-').toLowerCase()));
  const language = tag.split('-')[0] ?? tag;
  return folders.has(tag.toLowerCase()) || folders.has(language.toLowerCase()) ? tag : DEFAULT_CATALOGUE;
}
