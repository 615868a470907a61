import { describe, expect, it } from 'vitest';
import { parseChallengeList } from '../../src/cognito/parse-challenge-list.ts';

describe('parseChallengeList', () => {
  it.each([
    ['["SOFTWARE_TOKEN_MFA"]', ['SOFTWARE_TOKEN_MFA']],
    ['["SMS_MFA","SOFTWARE_TOKEN_MFA"]', ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']],
    ['["userAttributes.name","userAttributes.family_name"]', ['userAttributes.name', 'userAttributes.family_name']],
    ['[]', []],
    ['["A", 1, null]', ['A']],
    [undefined, []],
    ['', []],
    ['SOFTWARE_TOKEN_MFA', []],
    ['{"a":1}', []],
  ])('%j -> %j', (value, list) => {
    expect(parseChallengeList(value)).toEqual(list);
  });
});
