import { describe, expect, it } from 'vitest';
import { accountLabel } from '../../src/core/account-label.ts';

describe('accountLabel', () => {
  it.each([
    ['GitHub', 'alice@example.com', 'GitHub (alice@example.com)'],
    ['GitHub', '', 'GitHub'],
    ['', 'alice@example.com', 'alice@example.com'],
    ['', '', ''],
    ['  GitHub  ', '\talice ', 'GitHub (alice)'],
    ['   ', 'alice', 'alice'],
    ['GitHub', '   ', 'GitHub'],
    [' ', '\n', ''],
    ['Zürich Versicherung', 'dora', 'Zürich Versicherung (dora)'],
  ])('issuer %j, name %j -> %j', (issuer, name, expected) => {
    expect(accountLabel({ issuer, name })).toBe(expected);
  });
});
