import type { ClearTimer } from '../platform/clipboard-clear-timer.ts';

/** How long after a copy Keystep clears the clipboard, ms. */
export const CLEAR_CLIPBOARD_AFTER_MS = 30_000;

/** What clearing the clipboard runs on; the popup and the service worker pass the real ones, tests fakes. */
export interface ClipboardClearingPorts {
  /** The user's setting (options page, Security): whether copies are cleared at all. */
  readonly enabled: () => Promise<boolean>;
  readonly timer: ClearTimer;
  /** ms since the epoch, the computer's own clock (the one chrome.alarms keeps). */
  readonly now: () => number;
}

/**
 * Copies a code with `write` and, when the setting is on, sets the clipboard to be cleared CLEAR_CLIPBOARD_AFTER_MS
 * later (clearClipboardWhenDue does it). Each copy moves the clear to 30 s after itself, so an earlier copy's clear
 * never wipes a later code.
 * The clear is set before the write: a clear that falls due meanwhile then finds this one pending and leaves the
 * clipboard alone, instead of wiping the code just written. If the write fails, a clear that was pending before stays
 * (the code it was for is still on the clipboard), otherwise the new one is taken back.
 * @returns ms until the clipboard is cleared (CLEAR_CLIPBOARD_AFTER_MS), or undefined when the setting is off.
 * @throws what `write` throws: the code was not copied.
 */
export async function copyWithClearing(text: string, write: (text: string) => Promise<void>, ports: ClipboardClearingPorts): Promise<number | undefined> {
  const { enabled, timer, now } = ports;
  if (!(await enabled())) {
    // Turned off: no clear set earlier lands on this copy either.
    await timer.stop();
    await write(text);
    return undefined;
  }
  const earlier = await timer.pending();
  await timer.start(now() + CLEAR_CLIPBOARD_AFTER_MS);
  try {
    await write(text);
  } catch (error) {
    if (earlier === undefined) await timer.stop().catch(() => undefined);
    throw error;
  }
  return CLEAR_CLIPBOARD_AFTER_MS;
}
