import type { Catalogue } from './catalogue-diff.ts';

// Finds English messages of the catalogue in text a page shows in another language (test/e2e/japanese.test.ts).

/** One English message to look for: its key, its text, and the pattern that finds it with any substitutions. */
export interface EnglishMatcher {
  readonly key: string;
  readonly message: string;
  readonly pattern: RegExp;
}

/** A piece of text a page showed (`where`: e.g. "innerText", "button[aria-label]", "accessible name"). */
export interface ShownText {
  readonly where: string;
  readonly text: string;
}

/** An English message found in a shown text. */
export interface EnglishFound {
  readonly key: string;
  readonly message: string;
  readonly where: string;
  /** The matched part of the text, up to 160 characters. */
  readonly excerpt: string;
}

/** Named $PLACEHOLDER$ and direct $1..$9 references (https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats#placeholders). */
const REFERENCE = /\$[A-Za-z0-9_@]+\$|\$[1-9]/g;
const WORD = /\p{L}[\p{L}'’-]*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern of one message: its literal parts in order, each placeholder a wildcard, any run of white space as
 * any white space (innerText breaks lines), and whole words only at the ends ("Add" is not found in "Address").
 * Undefined when the literal parts hold no word (e.g. "$A$: $B$").
 */
export function messagePattern(message: string): RegExp | undefined {
  const literal = message.replaceAll('$$', '\u0000');
  const parts = literal.split(REFERENCE).map((part) => part.replaceAll('\u0000', '$'));
  if ((parts.join(' ').match(WORD) ?? []).length === 0) return undefined;
  const body = parts.map((part) => escape(part).replace(/\s+/g, '\\s+')).join('[\\s\\S]*?');
  const first = literal.trimStart()[0] ?? '';
  const last = literal.trimEnd().at(-1) ?? '';
  const before = LETTER_OR_DIGIT.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = LETTER_OR_DIGIT.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${body.trim()}${after}`, 'u');
}

/**
 * The English messages a page in the `translated` language must not show: every message of `english` whose
 * translation differs, but the keys of `sameAsEnglish`, and but a message the translated catalogue itself writes in
 * some message (a product or API name both languages write in English, e.g. "Amazon Cognito"): found in the
 * translation's text, it is not English left behind. Single-word messages ("Cancel") are kept, found as whole words
 * and by case ("Password" is not found in "USER_PASSWORD_AUTH").
 */
export function englishMatchers(english: Catalogue, translated: Catalogue, sameAsEnglish: ReadonlySet<string>): { readonly matchers: EnglishMatcher[]; readonly writtenInBoth: string[] } {
  const translatedTexts = Object.values(translated).map((entry) => entry.message.replace(REFERENCE, ' '));
  const matchers: EnglishMatcher[] = [];
  const writtenInBoth: string[] = [];
  for (const [key, entry] of Object.entries(english)) {
    if (sameAsEnglish.has(key) || translated[key]?.message === entry.message) continue;
    const pattern = messagePattern(entry.message);
    if (pattern === undefined) continue;
    if (translatedTexts.some((text) => pattern.test(text))) writtenInBoth.push(key);
    else matchers.push({ key, message: entry.message, pattern });
  }
  return { matchers, writtenInBoth };
}

/** Every English message found in `shown`, once per message and place. */
export function findEnglish(shown: readonly ShownText[], matchers: readonly EnglishMatcher[]): EnglishFound[] {
  const found: EnglishFound[] = [];
  const seen = new Set<string>();
  for (const { where, text } of shown) {
    for (const { key, message, pattern } of matchers) {
      const match = pattern.exec(text);
      if (match === null || seen.has(`${key}\u0000${where}`)) continue;
      seen.add(`${key}\u0000${where}`);
      found.push({ key, message, where, excerpt: match[0].slice(0, 160) });
    }
  }
  return found;
}
