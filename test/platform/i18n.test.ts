import browser from 'webextension-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPageLanguage, t, uiFormat } from '../../src/platform/i18n.ts';

// The fake browser's catalogue is the English one; what changes with the UI language here is how numbers and
// dates are written and the page's lang.
afterEach(() => {
  vi.restoreAllMocks();
});

const uiLanguageIs = (tag: string): void => {
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(tag);
};

describe('t', () => {
  it.each([
    ['en-US', '3,000,000'],
    ['ja', '3,000,000'],
    ['en-IN', '30,00,000'],
    // A browser in German sees the English messages, so numbers are written as in English too.
    ['de-DE', '3,000,000'],
  ])('writes a number substitution as the page language of %s does (%s)', (uiLanguage, written) => {
    uiLanguageIs(uiLanguage);
    expect(t('securityOn', 3_000_000)).toContain(`PBKDF2-HMAC-SHA256, ${written} iterations`);
  });

  it('passes string substitutions as they are', () => {
    uiLanguageIs('en-IN');
    expect(t('autoLockMinutes', '3000000')).toBe('3000000 minutes');
  });
});

describe('uiFormat and applyPageLanguage', () => {
  it.each([
    ['en-US', 'en-US'],
    ['ja', 'ja'],
    ['ja-JP', 'ja-JP'],
    ['fr-FR', 'en'],
  ])('the UI language %s makes the page %s', (uiLanguage, language) => {
    uiLanguageIs(uiLanguage);
    const root = { lang: 'en' };
    applyPageLanguage(root);
    expect(root.lang).toBe(language);
    expect(uiFormat().language).toBe(language);
  });

  it('follows a change of UI language', () => {
    uiLanguageIs('en');
    expect(uiFormat().number(3_000_000)).toBe('3,000,000');
    uiLanguageIs('en-IN');
    expect(uiFormat().number(3_000_000)).toBe('30,00,000');
  });
});
