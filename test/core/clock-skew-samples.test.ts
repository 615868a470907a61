import { describe, expect, it } from 'vitest';
import { clockSkewOf, type ClockSample } from '../../src/core/clock-skew-samples.ts';

const T = 1_700_000_000_000;

describe('clockSkewOf', () => {
  it.each<[string, readonly ClockSample[], number]>([
    // The server's second [T, T+1000) is taken at T+500; the local time halfway through the trip at T+500.
    ['an instant trip on a true clock', [{ sentAt: T + 500, receivedAt: T + 500, serverDate: T }], 0],
    ['a 200 ms trip on a true clock', [{ sentAt: T + 400, receivedAt: T + 600, serverDate: T }], 0],
    ['a clock 42 s slow', [{ sentAt: T - 41_600, receivedAt: T - 41_400, serverDate: T }], 42_000],
    ['a clock 5 s fast', [{ sentAt: T + 5_400, receivedAt: T + 5_600, serverDate: T }], -5_000],
    [
      'the median of three, one trip slow',
      [
        { sentAt: T + 400, receivedAt: T + 600, serverDate: T },
        { sentAt: T + 1_000, receivedAt: T + 9_000, serverDate: T + 1_000 },
        { sentAt: T + 2_450, receivedAt: T + 2_550, serverDate: T + 2_000 },
      ],
      0,
    ],
    [
      'the mean of the middle two of four',
      [
        { sentAt: T + 500, receivedAt: T + 500, serverDate: T },
        { sentAt: T + 300, receivedAt: T + 300, serverDate: T },
        { sentAt: T + 100, receivedAt: T + 100, serverDate: T },
        { sentAt: T + 700, receivedAt: T + 700, serverDate: T },
      ],
      100,
    ],
  ])('%s', (_, samples, skew) => {
    expect(clockSkewOf(samples)).toBe(skew);
  });

  it('refuses no samples', () => {
    expect(() => clockSkewOf([])).toThrow(RangeError);
  });
});
