import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../src/platform/locale-format.ts';

const NOV_20_2026_10H_UTC = Date.UTC(2026, 10, 20, 10, 0);

describe('localeFormat', () => {
  it.each([
    ['en', 3_000_000, '3,000,000'],
    ['ja', 3_000_000, '3,000,000'],
    ['en-IN', 3_000_000, '30,00,000'],
    ['en', 0, '0'],
    ['ja', 1234, '1,234'],
    ['en', -30, '-30'],
  ])('%s writes the number %d as %j', (language, value, expected) => {
    expect(localeFormat(language).number(value)).toBe(expected);
  });

  it.each([
    ['en', 'UTC', 'November 20, 2026 at 10:00 AM'],
    ['ja', 'UTC', '2026年11月20日 10:00'],
    ['en-GB', 'UTC', '20 November 2026 at 10:00'],
    // The local time zone of the format: past midnight in Tokyo.
    ['ja', 'Asia/Tokyo', '2026年11月20日 19:00'],
    ['en', 'America/Los_Angeles', 'November 20, 2026 at 2:00 AM'],
  ])('%s in %s writes a moment as %j', (language, timeZone, expected) => {
    expect(localeFormat(language, timeZone).dateTime(NOV_20_2026_10H_UTC)).toBe(expected);
  });

  it('keeps the language it was made for', () => {
    expect(localeFormat('ja-JP').language).toBe('ja-JP');
  });
});
