import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, pageLanguage } from '../../src/platform/page-language.ts';

describe('pageLanguage', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en', 'en'],
    ['en-GB', 'en-GB'],
    ['ja', 'ja'],
    ['ja-JP', 'ja-JP'],
    ['JA-jp', 'ja-JP'],
    // Chrome shows the English messages for a UI language with no catalogue: the page is in English.
    ['fr', 'en'],
    ['fr-FR', 'en'],
    ['zh-TW', 'en'],
    ['ar', 'en'],
    // Not a language tag.
    ['', 'en'],
    ['en_US', 'en'],
    ['not a tag', 'en'],
  ])('the UI language %j gives the page language %j', (uiLanguage, expected) => {
    expect(pageLanguage(uiLanguage)).toBe(expected);
  });

  it('knows every catalogue in src/static/_locales, and no other', async () => {
    const folders = await readdir(new URL('../../src/static/_locales', import.meta.url));
    expect([...CATALOGUES].sort()).toEqual(folders.sort());
  });
});
