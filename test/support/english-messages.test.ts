import { describe, expect, it } from 'vitest';
import { englishMatchers, findEnglish, messagePattern } from './english-messages.ts';

describe('messagePattern', () => {
  it.each([
    // message, text, found
    ['Add accounts', 'アカウントを追加', false],
    ['Add accounts', 'Add accounts', true],
    ['Add accounts', 'Add\n accounts', true],
    ['More actions for $LABEL$', 'More actions for GitHub (alice)', true],
    ['More actions for $LABEL$', 'GitHub (alice) のその他の操作', false],
    ['$COUNT$ added, $DUP$ already present.', '2 added, 1 already present.', true],
    ['$COUNT$ added, $DUP$ already present.', '2 added', false],
    ['Line $1: $2', 'Line 3: broken', true],
    ['Cancel', 'Cancel', true],
    ['Cancel', 'キャンセル', false],
    // Whole words only, and by case: a product or API name holding the word is not the message.
    ['Add', 'Address', false],
    ['Add', 'GitHub を Add', true],
    ['Password', 'USER_PASSWORD_AUTH', false],
    ['Password', 'Passwords', false],
    ['Delete $LABEL$?', 'Delete GitHub?', true],
    ['Delete $LABEL$?', 'GitHub を削除しますか?', false],
    ['Costs $$5', 'Costs $5', true],
    ['Costs $$5', 'Costs 5', false],
  ])('%j in %j: %s', (message, text, found) => {
    expect(messagePattern(message)?.test(text)).toBe(found);
  });

  it.each([['$A$: $B$'], ['$1 — $2'], ['']])('has no pattern for %j, which holds no word', (message) => {
    expect(messagePattern(message)).toBeUndefined();
  });
});

describe('englishMatchers', () => {
  const en = {
    title: { message: 'Keystep' },
    cancel: { message: 'Cancel' },
    intro: { message: 'Enroll a user of $POOL$ in Amazon Cognito' },
    cognito: { message: 'Amazon Cognito' },
    pair: { message: '$A$: $B$' },
  };
  const ja = {
    title: { message: 'Keystep' },
    cancel: { message: 'キャンセル' },
    intro: { message: '$POOL$ のユーザーを Amazon Cognito に登録' },
    cognito: { message: 'Amazon Cognito のサービス' },
    pair: { message: '$A$: $B$' },
  };

  it('keeps translated messages with a word, drops the allowed keys and names the ja catalogue writes in English', () => {
    const { matchers, writtenInBoth } = englishMatchers(en, ja, new Set(['pair']));
    expect(matchers.map((m) => m.key)).toEqual(['cancel', 'intro']);
    expect(writtenInBoth).toEqual(['cognito']);
  });

  it('finds each message once per place, with its key and the matched text', () => {
    const { matchers } = englishMatchers(en, ja, new Set());
    const found = findEnglish(
      [
        { where: 'innerText', text: 'Enroll a user of eu-west-1_abc in Amazon Cognito\nCancel' },
        { where: 'button[aria-label]', text: 'Cancel' },
        { where: 'innerText', text: 'Cancel' },
        { where: 'innerText', text: '$POOL$ のユーザーを Amazon Cognito に登録 キャンセル' },
      ],
      matchers,
    );
    expect(found).toEqual([
      { key: 'cancel', message: 'Cancel', where: 'innerText', excerpt: 'Cancel' },
      { key: 'intro', message: 'Enroll a user of $POOL$ in Amazon Cognito', where: 'innerText', excerpt: 'Enroll a user of eu-west-1_abc in Amazon Cognito' },
      { key: 'cancel', message: 'Cancel', where: 'button[aria-label]', excerpt: 'Cancel' },
    ]);
  });
});
