import { beforeEach, describe, expect, it } from 'vitest';
import { alarmClearTimer, CLEAR_CLIPBOARD_ALARM } from '../../src/platform/clipboard-clear-timer.ts';
import { installClipboardClearing } from '../../src/platform/install-clipboard-clearing.ts';
import { clearClipboardItem } from '../../src/platform/storage-items.ts';
import { fakeBrowser, fireAlarm, resetFakeBrowser } from '../support/fake-browser.ts';

const T = 1_700_000_000_000;

beforeEach(resetFakeBrowser);

describe('alarmClearTimer', () => {
  it('is one alarm: starting it again moves it, stopping removes it', async () => {
    expect(await alarmClearTimer.pending()).toBeUndefined();
    await alarmClearTimer.start(T + 30_000);
    await alarmClearTimer.start(T + 50_000);
    expect(await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM)).toEqual({ name: CLEAR_CLIPBOARD_ALARM, scheduledTime: T + 50_000 });
    expect(await alarmClearTimer.pending()).toBe(T + 50_000);
    await alarmClearTimer.stop();
    expect(await alarmClearTimer.pending()).toBeUndefined();
  });

  it('calls the worker’s clear with the time it was due, for its own alarm only', async () => {
    const calls: number[] = [];
    const errors: unknown[] = [];
    installClipboardClearing((dueAt) => {
      calls.push(dueAt);
      return Promise.reject(new Error('The clipboard write failed'));
    }, (error) => errors.push(error));
    await fakeBrowser.alarms.create('keystep-auto-lock', { delayInMinutes: 15 });
    fireAlarm('keystep-auto-lock');
    expect(calls).toEqual([]);
    await alarmClearTimer.start(T + 30_000);
    fireAlarm(CLEAR_CLIPBOARD_ALARM);
    expect(calls).toEqual([T + 30_000]);
    await Promise.resolve();
    expect(errors).toEqual([new Error('The clipboard write failed')]);
  });
});

describe('clearClipboardItem', () => {
  it.each<[string, unknown, boolean]>([
    ['nothing stored: on', undefined, true],
    ['turned off', false, false],
    ['turned on', true, true],
    ['anything else: on', 'no', true],
  ])('%s', async (_, stored, expected) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ clearClipboard: stored });
    expect(await clearClipboardItem.get()).toBe(expected);
  });
});
