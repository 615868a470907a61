import { describe, expect, it } from 'vitest';
import { formatSkewSeconds, measureClockSkew } from '../../src/cognito/clock-skew.ts';

describe('measureClockSkew', () => {
  it.each([
    // server Date header, local clock at arrival, skew (Date has whole seconds: the middle of that second is used)
    [Date.parse('2026-11-03T07:05:09Z'), Date.parse('2026-11-03T07:05:09.300Z'), 200],
    [Date.parse('2026-11-03T07:05:09Z'), Date.parse('2026-11-03T07:03:39Z'), 90_500],
    [Date.parse('2026-11-03T07:05:09Z'), Date.parse('2026-11-03T07:07:09.900Z'), -120_400],
  ])('server %i, local %i -> %i ms', (server, local, skew) => {
    expect(measureClockSkew(server, local)).toBe(skew);
  });
});

describe('formatSkewSeconds', () => {
  it.each([
    [0, '0'],
    [499, '0'],
    [-499, '0'],
    [999, '0'],
    [1_000, '+1'],
    [90_500, '+90'],
    [-120_400, '-120'],
    [-1_000, '-1'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatSkewSeconds(ms)).toBe(text);
  });
});
