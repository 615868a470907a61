import { describe, expect, it } from 'vitest';
import type { ClearTimer } from '../../src/platform/clipboard-clear-timer.ts';
import { clearClipboardWhenDue, LATE_CLEAR_LIMIT_MS, type ClearOutcome } from '../../src/services/clear-clipboard-when-due.ts';
import { CLEAR_CLIPBOARD_AFTER_MS, copyWithClearing } from '../../src/services/copy-with-clearing.ts';
import { fakeClock } from '../support/fake-clock.ts';

const T = 1_700_000_000_000;

/**
 * A clipboard, the setting and a clear timer that behaves as one chrome.alarms alarm: starting it replaces the pending
 * one, and firing removes it before the handler runs.
 */
function world(options: { enabled?: boolean; clipboard?: string } = {}) {
  const clock = fakeClock(T);
  const state = { clipboard: options.clipboard ?? 'what the user copied before', enabled: options.enabled ?? true, pending: undefined as number | undefined };
  const timer: ClearTimer = {
    pending: () => Promise.resolve(state.pending),
    start: (at) => {
      state.pending = at;
      return Promise.resolve();
    },
    stop: () => {
      state.pending = undefined;
      return Promise.resolve();
    },
  };
  const write = (text: string): Promise<void> => {
    state.clipboard = text;
    return Promise.resolve();
  };
  const ports = { enabled: () => Promise.resolve(state.enabled), timer, now: clock.now };
  return {
    state,
    clock,
    ports,
    write,
    copy: (text: string, writer: (text: string) => Promise<void> = write) => copyWithClearing(text, writer, ports),
    /** Chrome firing the pending alarm `lateMs` after its time: the alarm is gone, then the worker's handler runs. */
    async fire(lateMs = 0): Promise<ClearOutcome> {
      const due = state.pending;
      if (due === undefined) throw new Error('No clear is pending');
      clock.advance(due + lateMs - clock.now());
      state.pending = undefined;
      return clearClipboardWhenDue(due, { ...ports, write });
    },
  };
}

describe('copyWithClearing', () => {
  it('copies, and sets the clear 30 s later', async () => {
    const w = world();
    expect(await w.copy('123456')).toBe(CLEAR_CLIPBOARD_AFTER_MS);
    expect(CLEAR_CLIPBOARD_AFTER_MS).toBe(30_000);
    expect(w.state).toMatchObject({ clipboard: '123456', pending: T + 30_000 });
  });

  it('with the setting off, copies and sets no clear, and takes back one an earlier copy set', async () => {
    const w = world();
    await w.copy('111111');
    w.state.enabled = false;
    w.clock.advance(5_000);
    expect(await w.copy('222222')).toBeUndefined();
    expect(w.state).toMatchObject({ clipboard: '222222', pending: undefined });
  });

  it('a later copy moves the clear to 30 s after itself', async () => {
    const w = world();
    await w.copy('111111');
    w.clock.advance(20_000);
    await w.copy('222222');
    expect(w.state.pending).toBe(T + 50_000);
    expect(await w.fire()).toBe('cleared');
    expect(w.clock.now()).toBe(T + 50_000);
    expect(w.state.clipboard).toBe('');
  });

  it.each<[string, number | undefined, number | undefined]>([
    ['no clear was pending: the new one is taken back (the clipboard holds what the user put there)', undefined, undefined],
    ['an earlier copy’s clear stays, for its code still on the clipboard', T - 10_000 + CLEAR_CLIPBOARD_AFTER_MS, T + CLEAR_CLIPBOARD_AFTER_MS],
  ])('a failed write throws; %s', async (_, before, after) => {
    const w = world();
    w.state.pending = before;
    const refused = new Error('Document is not focused');
    await expect(w.copy('123456', () => Promise.reject(refused))).rejects.toBe(refused);
    expect(w.state.pending).toBe(after);
    expect(w.state.clipboard).toBe('what the user copied before');
  });

  it('sets the clear before writing: a clear falling due during the write leaves the new code alone', async () => {
    const w = world();
    await w.copy('111111');
    w.clock.advance(CLEAR_CLIPBOARD_AFTER_MS);
    let raced: ClearOutcome | undefined;
    await w.copy('222222', async (text) => {
      // The first copy's alarm fires while the second copy is on its way.
      raced = await clearClipboardWhenDue(T + CLEAR_CLIPBOARD_AFTER_MS, { ...w.ports, write: w.write });
      await w.write(text);
    });
    expect(raced).toBe('superseded');
    expect(w.state).toMatchObject({ clipboard: '222222', pending: T + 2 * CLEAR_CLIPBOARD_AFTER_MS });
  });
});

describe('clearClipboardWhenDue', () => {
  it.each<[string, number, ClearOutcome, string]>([
    ['on time', 0, 'cleared', ''],
    ['late by as much as Chrome’s polling delays an alarm', 30_000, 'cleared', ''],
    ['at the limit', LATE_CLEAR_LIMIT_MS, 'cleared', ''],
    ['later than the limit (the computer slept, the browser was closed): left alone', LATE_CLEAR_LIMIT_MS + 1, 'late', '123456'],
  ])('%s', async (_, lateMs, outcome, clipboard) => {
    const w = world();
    await w.copy('123456');
    expect(await w.fire(lateMs)).toBe(outcome);
    expect(w.state.clipboard).toBe(clipboard);
  });

  it('does nothing when the setting was turned off after the copy', async () => {
    const w = world();
    await w.copy('123456');
    w.state.enabled = false;
    expect(await w.fire()).toBe('off');
    expect(w.state.clipboard).toBe('123456');
  });

  it('leaves the clipboard to a later copy’s clear', async () => {
    const w = world();
    w.state.pending = T + 40_000;
    w.state.clipboard = '222222';
    w.clock.advance(CLEAR_CLIPBOARD_AFTER_MS);
    expect(await clearClipboardWhenDue(T + CLEAR_CLIPBOARD_AFTER_MS, { ...w.ports, write: w.write })).toBe('superseded');
    expect(w.state).toMatchObject({ clipboard: '222222', pending: T + 40_000 });
  });

  it('clears when the pending clear is its own (an alarm still listed as it fires)', async () => {
    const w = world();
    await w.copy('123456');
    w.clock.advance(CLEAR_CLIPBOARD_AFTER_MS);
    expect(await clearClipboardWhenDue(T + CLEAR_CLIPBOARD_AFTER_MS, { ...w.ports, write: w.write })).toBe('cleared');
    expect(w.state.clipboard).toBe('');
  });

  it('passes on a failed write', async () => {
    const w = world();
    await w.copy('123456');
    w.clock.advance(CLEAR_CLIPBOARD_AFTER_MS);
    const failed = new Error('The clipboard write failed');
    await expect(clearClipboardWhenDue(T + CLEAR_CLIPBOARD_AFTER_MS, { ...w.ports, write: () => Promise.reject(failed) })).rejects.toBe(failed);
  });
});
