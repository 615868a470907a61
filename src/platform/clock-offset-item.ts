import { parseClockOffset } from '../core/clock-offset.ts';
import { defineStorageItem } from './storage-item.ts';

/**
 * The clock offset this browser adds to the time of every code, in whole seconds (see core/clock-offset.ts). Local
 * storage: it corrects this computer's clock, so it is never part of a backup or synced. A stored value that is not
 * a valid offset reads as 0 (no correction), the state before the user set one.
 */
export const clockOffsetItem = defineStorageItem<number>('clockOffset', 'local', 0, (raw) => parseClockOffset(raw) ?? 0);
