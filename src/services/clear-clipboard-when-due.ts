import type { ClipboardClearingPorts } from './copy-with-clearing.ts';

/**
 * How late a clear may come and still be made, ms. Chrome fires an alarm up to about 30 s after its time when
 * another alarm of the extension fired shortly before (it then polls at most every 30 s:
 * extensions/browser/api/alarms/alarm_manager.cc in Chromium), and any time later when the computer slept or the
 * browser was closed at the time. That late, the clipboard may hold something the user copied since.
 */
export const LATE_CLEAR_LIMIT_MS = 60_000;

/** What a due clear did. */
export type ClearOutcome =
  /** The clipboard now holds an empty text. */
  | 'cleared'
  /** A later copy set a clear of its own: that one clears, at its time. */
  | 'superseded'
  /** The setting was turned off since the copy. */
  | 'off'
  /** Due more than LATE_CLEAR_LIMIT_MS ago: left alone. */
  | 'late';

export interface ClearClipboardPorts extends ClipboardClearingPorts {
  /** Writes the clipboard (from the service worker: through the offscreen document). */
  readonly write: (text: string) => Promise<void>;
}

/**
 * The clear that copyWithClearing set, when it falls due at `dueAt` (ms since the epoch): writes an empty text, unless
 * a later copy has set its own clear, the setting is now off, or the clear comes too late (LATE_CLEAR_LIMIT_MS).
 * Keystep has no clipboard-read permission, so it cannot tell whether the clipboard still holds its code: what the
 * user copied elsewhere after the code, within the 30 s, is cleared too.
 * @throws what `write` throws.
 */
export async function clearClipboardWhenDue(dueAt: number, ports: ClearClipboardPorts): Promise<ClearOutcome> {
  const { enabled, timer, now, write } = ports;
  if (now() - dueAt > LATE_CLEAR_LIMIT_MS) return 'late';
  // The alarm that called is gone once it fired: any pending clear is a later copy's.
  const pending = await timer.pending();
  if (pending !== undefined && pending !== dueAt) return 'superseded';
  if (!(await enabled())) return 'off';
  await write('');
  return 'cleared';
}
