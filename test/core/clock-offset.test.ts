import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_OFFSET_SECONDS, offsetClock, parseClockOffset } from '../../src/core/clock-offset.ts';

describe('parseClockOffset', () => {
  it.each<[unknown, number | undefined]>([
    [0, 0],
    [42, 42],
    [-42, -42],
    [MAX_CLOCK_OFFSET_SECONDS, 600],
    [-MAX_CLOCK_OFFSET_SECONDS, -600],
    ['42', 42],
    [' -7 ', -7],
    ['+15', 15],
    ['-0', 0],
    [601, undefined],
    [-601, undefined],
    ['601', undefined],
    [1.5, undefined],
    ['1.5', undefined],
    ['', undefined],
    ['ten', undefined],
    ['1e2', undefined],
    [Number.NaN, undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(parseClockOffset(value)).toBe(expected);
  });
});

describe('offsetClock', () => {
  it.each<[number, number]>([
    [0, 1_000_000],
    [42, 1_042_000],
    [-5, 995_000],
  ])('offset %i s reads %i', (offset, reading) => {
    expect(offsetClock(() => 1_000_000, offset)()).toBe(reading);
  });

  it('follows the clock it wraps', () => {
    let now = 0;
    const clock = offsetClock(() => now, 10);
    now = 5_000;
    expect(clock()).toBe(15_000);
  });
});
