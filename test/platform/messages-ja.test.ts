import { describe, expect, it } from 'vitest';
import en from '../../src/static/_locales/en/messages.json' with { type: 'json' };
import ja from '../../src/static/_locales/ja/messages.json' with { type: 'json' };
import { catalogueDiff, type Catalogue } from '../support/catalogue-diff.ts';
import { JA_SAME_AS_ENGLISH } from '../support/ja-same-as-english.ts';

// Missing keys: `npx tsx test/support/missing-ja-keys.ts` lists them (and --write adds them, still in English).
const diff = catalogueDiff(en, ja, new Set(JA_SAME_AS_ENGLISH.keys()));
const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** Messages that are not text: the catalogue's language tag (<html lang>). */

describe('Japanese message catalogue', () => {
  it('has every key of the English one, and no other', () => {
    expect(diff.missing).toEqual([]);
    expect(diff.extra).toEqual([]);
  });

  it('uses the same placeholders as English in every message ($NAME$, $n and the placeholders object)', () => {
    expect(diff.placeholderMismatch).toEqual([]);
  });

  it('translates every message but the allow-listed product and API names', () => {
    expect(diff.untranslated).toEqual([]);
    expect(diff.staleAllowed).toEqual([]);
  });

  it('writes every translated message in Japanese', () => {
    const notJapanese = Object.entries(ja as Catalogue).filter(([key, entry]) => !JA_SAME_AS_ENGLISH.has(key) && !japanese.test(entry.message));
    expect(notJapanese.map(([key]) => key)).toEqual([]);
  });

  // https://developer.chrome.com/docs/extensions/reference/manifest/name (75) and .../manifest/description (132)
  it.each([
    ['en', en as Catalogue],
    ['ja', ja as Catalogue],
  ])('%s: the extension name and description fit Chrome’s length limits', (_, catalogue) => {
    expect(Array.from(catalogue['extName']?.message ?? '').length).toBeLessThanOrEqual(75);
    expect(Array.from(catalogue['extDescription']?.message ?? '').length).toBeLessThanOrEqual(132);
  });
});
