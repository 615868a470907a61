import { beforeEach, describe, expect, it } from 'vitest';
import type { ClockSample } from '../../src/core/clock-skew-samples.ts';
import { clockOffsetItem } from '../../src/platform/clock-offset-item.ts';
import { checkClock, CLOCK_SAMPLES, type ClockCheck } from '../../src/services/check-clock.ts';
import { saveClockOffset, type ClockOffsetSave } from '../../src/services/clock-offset-setting.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

const T = 1_700_000_000_000;
/** A round trip of 200 ms to a server whose clock is `skewMs` ahead of this computer's. */
const trip = (skewMs: number, at = T): ClockSample => ({ sentAt: at + 400 - skewMs, receivedAt: at + 600 - skewMs, serverDate: at });

/** A sampler that answers each call with the next item (an Error is thrown). */
function sampler(answers: readonly (ClockSample | undefined | Error)[]) {
  let calls = 0;
  const sample = (): Promise<ClockSample | undefined> => {
    const answer = answers[calls++];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { sample, calls: () => calls };
}

describe('checkClock', () => {
  it.each<[string, readonly (ClockSample | undefined | Error)[], ClockCheck]>([
    ['a right clock', [trip(0), trip(0), trip(0)], { kind: 'measured', skewMs: 0, warn: false }],
    ['10 s slow: close enough', [trip(10_000), trip(10_000), trip(10_000)], { kind: 'measured', skewMs: 10_000, warn: false }],
    ['42 s slow: warn', [trip(42_000), trip(42_000), trip(42_000)], { kind: 'measured', skewMs: 42_000, warn: true }],
    ['11 s fast: warn', [trip(-11_000), trip(-11_000), trip(-11_000)], { kind: 'measured', skewMs: -11_000, warn: true }],
    ['one slow trip does not count: the median', [trip(0), { sentAt: T - 5_000, receivedAt: T + 20_000, serverDate: T }, trip(0)], { kind: 'measured', skewMs: 0, warn: false }],
    ['a Date on some answers only', [undefined, trip(20_000), undefined], { kind: 'measured', skewMs: 20_000, warn: true }],
    ['no readable Date at all', [undefined, undefined, undefined], { kind: 'no-date' }],
  ])('%s', async (_, answers, expected) => {
    const { sample, calls } = sampler(answers);
    expect(await checkClock(sample)).toEqual(expected);
    expect(calls()).toBe(CLOCK_SAMPLES);
  });

  it('stops at the first unanswered request and says so', async () => {
    const offline = new TypeError('Failed to fetch');
    const { sample, calls } = sampler([trip(0), offline, trip(0)]);
    expect(await checkClock(sample)).toEqual({ kind: 'failed', error: offline });
    expect(calls()).toBe(2);
  });
});

describe('saveClockOffset', () => {
  beforeEach(resetFakeBrowser);

  it.each<[string | number, ClockOffsetSave, number]>([
    ['42', { kind: 'saved', seconds: 42 }, 42],
    [' -7 ', { kind: 'saved', seconds: -7 }, -7],
    [41.6, { kind: 'saved', seconds: 42 }, 42],
    ['600', { kind: 'saved', seconds: 600 }, 600],
    ['0', { kind: 'saved', seconds: 0 }, 0],
    ['601', { kind: 'invalid' }, 5],
    ['1.5', { kind: 'invalid' }, 5],
    ['soon', { kind: 'invalid' }, 5],
  ])('%j', async (value, outcome, stored) => {
    await clockOffsetItem.set(5);
    expect(await saveClockOffset(value)).toEqual(outcome);
    expect(await clockOffsetItem.get()).toBe(stored);
  });

  it('0 removes the setting', async () => {
    await clockOffsetItem.set(5);
    await saveClockOffset(0);
    expect(fakeBrowser.storage.local.data.has('clockOffset')).toBe(false);
  });

  it('a failed write: failed, nothing changed', async () => {
    fakeBrowser.storage.local.failNextSets = 1;
    const outcome = await saveClockOffset('30');
    expect(outcome.kind === 'failed' && String(outcome.error)).toMatch(/quota/i);
    expect(await clockOffsetItem.get()).toBe(0);
  });

  it('a stored value that is not an offset reads as none', async () => {
    await fakeBrowser.storage.local.set({ clockOffset: 'a lot' });
    expect(await clockOffsetItem.get()).toBe(0);
    await fakeBrowser.storage.local.set({ clockOffset: 9_999 });
    expect(await clockOffsetItem.get()).toBe(0);
  });
});
