/**
 * The per-browser correction of the computer's clock that Keystep adds to the time of every code (popup, fill,
 * Cognito verify), in whole seconds: positive when the computer's clock is behind. Bounded, so a typing slip cannot
 * make every code wrong by hours.
 */
export const MAX_CLOCK_OFFSET_SECONDS = 600;

/**
 * A clock offset as typed or stored: an integer number of seconds in -MAX..MAX, or undefined when it is not one.
 * Accepts a leading + or -, surrounding spaces; nothing else.
 */
export function parseClockOffset(value: unknown): number | undefined {
  const number = typeof value === 'string' ? (/^\s*[+-]?\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || Math.abs(number) > MAX_CLOCK_OFFSET_SECONDS) return undefined;
  return number === 0 ? 0 : number;
}

/**
 * A clock that runs `offsetSeconds` ahead of `now` (behind when negative).
 * @param now ms since the epoch, e.g. Date.now.
 */
export function offsetClock(now: () => number, offsetSeconds: number): () => number {
  if (offsetSeconds === 0) return now;
  const offsetMs = offsetSeconds * 1000;
  return () => now() + offsetMs;
}
