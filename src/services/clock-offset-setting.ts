import { parseClockOffset } from '../core/clock-offset.ts';
import { clockOffsetItem } from '../platform/clock-offset-item.ts';

export type ClockOffsetSave =
  | { readonly kind: 'saved'; readonly seconds: number }
  /** Not a whole number of seconds within ±MAX_CLOCK_OFFSET_SECONDS: nothing was stored. */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Stores this browser's clock offset (whole seconds, as typed or measured), which every code then uses: the popup,
 * filling, and Cognito's verify step. 0 removes the correction.
 */
export async function saveClockOffset(value: string | number, item = clockOffsetItem): Promise<ClockOffsetSave> {
  const seconds = parseClockOffset(typeof value === 'number' ? Math.round(value) : value);
  if (seconds === undefined) return { kind: 'invalid' };
  try {
    await (seconds === 0 ? item.remove() : item.set(seconds));
    return { kind: 'saved', seconds };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
