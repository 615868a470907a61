import { offsetClock } from '../core/clock-offset.ts';
import { clockOffsetItem } from './clock-offset-item.ts';

/**
 * The clock codes are computed with: `now` plus this browser's clock offset, read from storage now (a later change
 * of the setting needs a new call).
 * @param now ms since the epoch; default Date.now.
 */
export async function readOffsetClock(now: () => number = Date.now): Promise<() => number> {
  return offsetClock(now, await clockOffsetItem.get());
}
