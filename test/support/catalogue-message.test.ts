import { describe, expect, it } from 'vitest';
import { catalogueMessage } from './catalogue-message.ts';

const catalogue = {
  plain: { message: 'アカウントを追加' },
  named: { message: '$LABEL$ の名前を変更', placeholders: { label: { content: '$1' } } },
  twoNamed: { message: '$Count$ 件追加、$DUP$ 件は登録済み', placeholders: { count: { content: '$1' }, dup: { content: '$2' } } },
  direct: { message: '$2 / $1' },
  dollar: { message: '$$5 ($1)' },
  fixedContent: { message: '$NAME$!', placeholders: { name: { content: 'Keystep' } } },
  badPlaceholder: { message: '$OTHER$' },
};

describe('catalogueMessage', () => {
  it.each([
    ['plain', [], 'アカウントを追加'],
    ['named', ['GitHub (alice)'], 'GitHub (alice) の名前を変更'],
    ['twoNamed', ['2', '1'], '2 件追加、1 件は登録済み'],
    ['direct', ['a', 'b'], 'b / a'],
    ['dollar', ['x'], '$5 (x)'],
    ['fixedContent', [], 'Keystep!'],
    ['named', [], ' の名前を変更'],
  ] as const)('%s with %j is %j', (key, substitutions, expected) => {
    expect(catalogueMessage(catalogue, key, ...substitutions)).toBe(expected);
  });

  it.each([
    ['missing', /no message "missing"/],
    ['badPlaceholder', /"badPlaceholder" has no placeholder OTHER/],
  ])('refuses %s', (key, error) => {
    expect(() => catalogueMessage(catalogue, key)).toThrow(error);
  });
});
