import { describe, expect, it } from 'vitest';
import type { Catalogue } from './catalogue-diff.ts';
import { withMissingKeys } from './missing-ja-keys.ts';

const en: Catalogue = { a: { message: 'A' }, b: { message: 'B', description: 'second' }, c: { message: 'C' } };

describe('withMissingKeys', () => {
  it.each<[string, Catalogue, Catalogue]>([
    ['nothing missing: unchanged', { a: { message: 'あ' }, b: { message: 'い' }, c: { message: 'う' } }, { a: { message: 'あ' }, b: { message: 'い' }, c: { message: 'う' } }],
    ['a missing key is added from en, description included', { a: { message: 'あ' }, c: { message: 'う' } }, { a: { message: 'あ' }, b: { message: 'B', description: 'second' }, c: { message: 'う' } }],
    ['an empty translation gets all of en', {}, en],
    ['a key only ja has is kept, last', { zz: { message: '古い' }, a: { message: 'あ' } }, { a: { message: 'あ' }, b: { message: 'B', description: 'second' }, c: { message: 'C' }, zz: { message: '古い' } }],
  ])('%s', (_, ja, expected) => {
    const merged = withMissingKeys(en, ja);
    expect(merged).toEqual(expected);
    expect(Object.keys(merged)).toEqual(Object.keys(expected));
  });
});
