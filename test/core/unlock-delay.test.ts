import { describe, expect, it } from 'vitest';
import { unlockDelayMs, unlockWait } from '../../src/core/unlock-delay.ts';

describe('unlockDelayMs', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1000],
    [4, 2000],
    [5, 4000],
    [8, 32_000],
    [9, 60_000],
    [1000, 60_000],
    [Number.POSITIVE_INFINITY, 60_000],
    [Number.NaN, 0],
    [-1, 0],
  ])('after %s failures waits %i ms', (failures, ms) => {
    expect(unlockDelayMs(failures)).toBe(ms);
  });
});

const NOW = 1_800_000_000_000;
const YEAR = 365 * 24 * 3600 * 1000;

describe('unlockWait', () => {
  it.each<[string, number, number, number, number]>([
    // case, failures, lastFailureAt, wait ms, failure time to keep
    ['no failures', 0, 0, 0, 0],
    ['two failures just now', 2, NOW, 0, NOW],
    ['three failures just now', 3, NOW, 1000, NOW],
    ['three failures 400 ms ago', 3, NOW - 400, 600, NOW - 400],
    ['three failures 1 s ago', 3, NOW - 1000, 0, NOW - 1000],
    ['three failures a year ago', 3, NOW - YEAR, 0, NOW - YEAR],
    ['ten failures just now', 10, NOW, 60_000, NOW],
    ['ten failures 59 s ago', 10, NOW - 59_000, 1000, NOW - 59_000],
    ['three failures, stored 1 ms ahead', 3, NOW + 1, 1000, NOW],
    ['three failures, stored a year ahead', 3, NOW + YEAR, 1000, NOW],
    ['ten failures, stored a year ahead', 10, NOW + YEAR, 60_000, NOW],
    ['ten failures, stored at the largest time', 10, Number.MAX_SAFE_INTEGER, 60_000, NOW],
    ['two failures, stored a year ahead', 2, NOW + YEAR, 0, NOW],
    ['ten failures, a failure time that is not a number', 10, Number.NaN, 60_000, NOW],
    ['ten failures, an infinite failure time', 10, Number.POSITIVE_INFINITY, 60_000, NOW],
    ['ten failures, a failure time of minus infinity', 10, Number.NEGATIVE_INFINITY, 60_000, NOW],
    ['a corrupt count', Number.NaN, NOW, 0, NOW],
  ])('%s: waits %#', (_case, failures, lastFailureAt, waitMs, kept) => {
    expect(unlockWait(failures, lastFailureAt, NOW)).toEqual({ waitMs, lastFailureAt: kept });
  });

  it('never waits more than 60 s, whatever is stored', () => {
    for (const failures of [0, 3, 9, 50, Number.POSITIVE_INFINITY]) {
      for (const last of [-YEAR, 0, NOW - 1, NOW, NOW + 1, NOW + YEAR, Number.MAX_VALUE]) {
        const { waitMs } = unlockWait(failures, last, NOW);
        expect(waitMs).toBeGreaterThanOrEqual(0);
        expect(waitMs).toBeLessThanOrEqual(60_000);
      }
    }
  });
});
