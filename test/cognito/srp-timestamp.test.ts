import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatSrpTimestamp } from '../../src/cognito/srp-timestamp.ts';
import { referenceTimestampNow } from './identity-js-reference.ts';

const rows: readonly (readonly [string, string])[] = [
  ['2026-11-03T07:05:09Z', 'Tue Nov 3 07:05:09 UTC 2026'], // single-digit day, not padded
  ['2024-02-29T00:00:00Z', 'Thu Feb 29 00:00:00 UTC 2024'], // leap day, midnight
  ['2000-02-29T09:09:09Z', 'Tue Feb 29 09:09:09 UTC 2000'], // leap day of a century leap year, padded time
  ['2025-01-01T00:00:00.999Z', 'Wed Jan 1 00:00:00 UTC 2025'], // milliseconds dropped, not rounded
  ['2025-12-31T23:59:59Z', 'Wed Dec 31 23:59:59 UTC 2025'],
  ['2026-09-10T12:00:00Z', 'Thu Sep 10 12:00:00 UTC 2026'],
  ['2026-10-04T23:00:01Z', 'Sun Oct 4 23:00:01 UTC 2026'],
  ['1970-01-01T00:00:00Z', 'Thu Jan 1 00:00:00 UTC 1970'],
  ['2026-05-09T05:04:03+09:00', 'Fri May 8 20:04:03 UTC 2026'], // local offsets do not matter: UTC
];

describe('formatSrpTimestamp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(rows)('%s -> %s', (iso, expected) => {
    expect(formatSrpTimestamp(Date.parse(iso))).toBe(expected);
  });

  it.each(rows)('%s matches amazon-cognito-identity-js DateHelper', (iso) => {
    vi.useFakeTimers({ now: Date.parse(iso) });
    expect(formatSrpTimestamp(Date.parse(iso))).toBe(referenceTimestampNow());
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1])('rejects the invalid time %s', (ms) => {
    expect(() => formatSrpTimestamp(ms)).toThrow(/valid time/);
  });
});
