import { describe, expect, it } from 'vitest';
import { unlockDelayMs } from '../../src/core/unlock-delay.ts';

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
