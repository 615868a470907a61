import { describe, expect, it } from 'vitest';
import { codeSchedule } from '../../src/core/code-schedule.ts';

const totp = (period: number) => ({ type: 'totp' as const, period, counter: 0 });

describe('codeSchedule: TOTP (RFC 6238 section 4.2, T0 = 0)', () => {
  it.each([
    [0, 30, 0, 30, 30_000],
    [1, 30, 0, 30, 29_999],
    [29_999, 30, 0, 1, 1],
    [30_000, 30, 1, 30, 30_000],
    [59_000, 30, 1, 1, 1_000],
    [59_999, 30, 1, 1, 1],
    [58_999, 30, 1, 2, 1_001],
    [1_111_111_109_000, 30, 37037036, 1, 1_000],
    [20_000_000_000_000, 30, 666666666, 10, 10_000],
    [1_700_000_000_500, 60, 28333333, 40, 39_500],
    [5_000, 1, 5, 1, 1_000],
  ])('t = %i ms, period %i s -> step %i, %i s left, %i ms left', (nowMs, period, step, secondsLeft, msLeft) => {
    expect(codeSchedule(totp(period), nowMs)).toEqual({ step, secondsLeft, msLeft, nextDueAt: nowMs + msLeft });
  });

  it('puts the next code due at the start of the next step', () => {
    expect(codeSchedule(totp(30), 1_700_000_012_345).nextDueAt).toBe(1_700_000_040_000);
  });

  it.each([
    ['negative time', -1, 30],
    ['NaN time', Number.NaN, 30],
    ['infinite time', Number.POSITIVE_INFINITY, 30],
    ['period 0', 0, 0],
    ['negative period', 0, -30],
    ['fractional period', 0, 30.5],
  ])('throws RangeError for %s', (_, nowMs, period) => {
    expect(() => codeSchedule(totp(period), nowMs)).toThrow(RangeError);
  });
});

describe('codeSchedule: HOTP (RFC 4226)', () => {
  it.each([0, 7, Number.MAX_SAFE_INTEGER])('counter %i is the step, and the code never expires', (counter) => {
    expect(codeSchedule({ type: 'hotp', period: 30, counter }, 1_700_000_000_000)).toEqual({
      step: counter,
      secondsLeft: undefined,
      msLeft: undefined,
      nextDueAt: undefined,
    });
  });

  it('still refuses an impossible time', () => {
    expect(() => codeSchedule({ type: 'hotp', period: 30, counter: 1 }, -5)).toThrow(RangeError);
  });
});
