import browser from 'webextension-polyfill';
import type messages from '../static/_locales/en/messages.json';
import { localeFormat, type LocaleFormat } from './locale-format.ts';
import { pageLanguage } from './page-language.ts';

/** Every key of the message catalogue; a missing key is a type error. */
export type MessageKey = keyof typeof messages;

let current: { readonly uiLanguage: string; readonly format: LocaleFormat } | undefined;

/**
 * This page's numbers, dates and times, in the language its messages are in: `pageLanguage` of the browser's UI
 * language (https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getUILanguage).
 */
export function uiFormat(): LocaleFormat {
  const uiLanguage = browser.i18n.getUILanguage();
  if (current?.uiLanguage !== uiLanguage) current = { uiLanguage, format: localeFormat(pageLanguage(uiLanguage)) };
  return current.format;
}

/**
 * Says which language the page is in (`<html lang>`, which the HTML files set to "en" until the script runs), for
 * screen readers' voices, hyphenation and the choice of CJK glyphs. Both pages call it first thing.
 */
export function applyPageLanguage(root: { lang: string } = document.documentElement): void {
  root.lang = uiFormat().language;
}

/**
 * The one way UI text is produced: chrome.i18n.getMessage on _locales/<lang>/messages.json.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n
 * A number substitution is a count or quantity, written as the page's language writes numbers (uiFormat).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map((value) => (typeof value === 'number' ? uiFormat().number(value) : value)));
  // An empty answer means a key missing from the catalogue at run time; show the key so the gap is visible.
  return text === '' ? key : text;
}
