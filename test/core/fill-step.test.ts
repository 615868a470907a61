import { describe, expect, it } from 'vitest';
import { fillStep, type FillStep } from '../../src/core/fill-step.ts';

/** A whole minute: a step boundary for periods 1-60 that divide 60. */
const T0 = 1_700_000_040_000;
const totp = (period: number) => ({ type: 'totp' as const, period, counter: 0 });

describe('fillStep', () => {
  it.each<[string, { type: 'totp' | 'hotp'; period: number; counter: number }, number, FillStep]>([
    ['TOTP at the start of a period', totp(30), T0, { kind: 'now', step: T0 / 30_000 }],
    ['TOTP with 3 s left: still now', totp(30), T0 + 27_000, { kind: 'now', step: T0 / 30_000 }],
    ['TOTP with 2.999 s left: wait for the next', totp(30), T0 + 27_001, { kind: 'wait', at: T0 + 30_000, step: T0 / 30_000 + 1 }],
    ['TOTP with 1 ms left', totp(30), T0 + 29_999, { kind: 'wait', at: T0 + 30_000, step: T0 / 30_000 + 1 }],
    ['TOTP 60 s with 1 s left', totp(60), T0 + 59_000, { kind: 'wait', at: T0 + 60_000, step: T0 / 60_000 + 1 }],
    ['TOTP 10 s with 2 s left', totp(10), T0 + 8_000, { kind: 'wait', at: T0 + 10_000, step: T0 / 10_000 + 1 }],
    ['TOTP 6 s period: never waits', totp(6), T0 + 5_000, { kind: 'now', step: T0 / 6_000 }],
    ['HOTP: its counter, whatever the time', { type: 'hotp', period: 30, counter: 7 }, T0 + 29_999, { kind: 'now', step: 7 }],
  ])('%s', (_, params, now, expected) => {
    expect(fillStep(params, now)).toEqual(expected);
  });
});
