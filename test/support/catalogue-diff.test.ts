import { describe, expect, it } from 'vitest';
import { catalogueDiff, type Catalogue, type CatalogueDiff, type CatalogueEntry } from './catalogue-diff.ts';
import { placeholderRefs } from './placeholder-refs.ts';

describe('placeholderRefs', () => {
  it.each([
    ['no placeholder', 'Save', []],
    ['named, lower-cased and sorted', 'Line $LINE$: $REASON$', ['$line$', '$reason$']],
    ['same name in any case counts once', '$Label$ and $LABEL$', ['$label$']],
    ['direct positional references', 'Copied $1 of $2', ['$1', '$2']],
    ['named and direct together', '$COUNT$ items, first $1', ['$1', '$count$']],
    ['$$ is a literal dollar', 'Costs $$5 now', []],
    ['a lone dollar is text', 'US$ only', []],
    ['names may hold digits, _ and @', '$a_1@$', ['$a_1@$']],
  ] as const)('%s', (_, message, refs) => {
    expect(placeholderRefs(message)).toEqual(refs);
  });
});

const linePlaceholders = { line: { content: '$1' }, reason: { content: '$2' } };
const source: Catalogue = {
  name: { message: 'Keystep' },
  save: { message: 'Save' },
  line: { message: 'Line $LINE$: $REASON$', placeholders: linePlaceholders },
  direct: { message: 'Copy $1' },
};
const line = (message: string, placeholders: CatalogueEntry['placeholders'] = linePlaceholders): CatalogueEntry => ({ message, placeholders });
const translated: Catalogue = {
  name: { message: 'Keystep' },
  save: { message: '保存' },
  line: line('$LINE$ 行目: $REASON$'),
  direct: { message: '$1 をコピー' },
};
const allowed = new Set(['name']);
const clean: CatalogueDiff = { missing: [], extra: [], placeholderMismatch: [], untranslated: [], staleAllowed: [] };

describe('catalogueDiff', () => {
  it.each<[string, Catalogue, ReadonlySet<string>, Partial<CatalogueDiff>]>([
    ['a complete translation', translated, allowed, {}],
    ['placeholder names are matched regardless of case', { ...translated, line: line('$line$ 行目: $Reason$') }, allowed, {}],
    ['a missing key', { name: { message: 'Keystep' }, line: line('$LINE$ 行目: $REASON$'), direct: { message: '$1 をコピー' } }, allowed, { missing: ['save'] }],
    ['an extra key', { ...translated, renamed: { message: '古い' } }, allowed, { extra: ['renamed'] }],
    ['a named placeholder renamed', { ...translated, line: line('$LINE$ 行目: $CAUSE$') }, allowed, { placeholderMismatch: ['line'] }],
    ['a named placeholder dropped', { ...translated, line: line('$LINE$ 行目') }, allowed, { placeholderMismatch: ['line'] }],
    ['a direct reference dropped', { ...translated, direct: { message: 'コピー' } }, allowed, { placeholderMismatch: ['direct'] }],
    ['a direct reference renumbered', { ...translated, direct: { message: '$2 をコピー' } }, allowed, { placeholderMismatch: ['direct'] }],
    ['placeholder contents swapped', { ...translated, line: line('$LINE$ 行目: $REASON$', { line: { content: '$2' }, reason: { content: '$1' } }) }, allowed, { placeholderMismatch: ['line'] }],
    ['a placeholder gains an example', { ...translated, line: line('$LINE$ 行目: $REASON$', { line: { content: '$1', example: '3' }, reason: { content: '$2' } }) }, allowed, { placeholderMismatch: ['line'] }],
    ['the placeholders object is dropped', { ...translated, line: { message: '$LINE$ 行目: $REASON$' } }, allowed, { placeholderMismatch: ['line'] }],
    ['a message left in English', { ...translated, save: { message: 'Save' } }, allowed, { untranslated: ['save'] }],
    ['an allowed key that is translated now', { ...translated, name: { message: 'キーステップ' } }, allowed, { staleAllowed: ['name'] }],
    ['an allowed key that does not exist', translated, new Set(['name', 'gone']), { staleAllowed: ['gone'] }],
  ])('%s', (_, translation, sameAllowed, expected) => {
    expect(catalogueDiff(source, translation, sameAllowed)).toEqual({ ...clean, ...expected });
  });
});
