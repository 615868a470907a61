import browser from 'webextension-polyfill';
import type messages from '../static/_locales/en/messages.json';

/** Every key of the message catalogue; a missing key is a type error. */
export type MessageKey = keyof typeof messages;

/**
 * The one way UI text is produced: chrome.i18n.getMessage on _locales/<lang>/messages.json.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // An empty answer means a key missing from the catalogue at run time; show the key so the gap is visible.
  return text === '' ? key : text;
}
