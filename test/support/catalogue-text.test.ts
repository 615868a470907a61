import { describe, expect, it } from 'vitest';
import { catalogueText } from './catalogue-text.ts';

describe('catalogueText', () => {
  it.each([
    ['en', 'searchLabel', [], 'Search accounts'],
    ['en', 'moreActions', ['GitHub (alice)'], 'More actions for GitHub (alice)'],
    ['en', 'copyCodeNextLabel', ['GitHub (alice)', '123 456', 'Next 654 321'], 'GitHub (alice), 123 456, Next 654 321. Copy'],
    ['ja', 'copyCodeLabel', ['GitHub (alice)', '123 456'], 'GitHub (alice) 123 456。コピー'],
    ['ja', 'lockNow', [], 'Keystep をロック'],
  ] as const)('%s %s', (language, key, substitutions, expected) => {
    expect(catalogueText(language)(key, ...substitutions)).toBe(expected);
  });
});
