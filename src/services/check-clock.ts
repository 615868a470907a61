import { CLOCK_SKEW_WARNING_MS, clockSkewOf, type ClockSample } from '../core/clock-skew-samples.ts';

/** How a clock check went. */
export type ClockCheck =
  /** Server time minus this computer's, in ms (positive: the computer is behind); `warn` above 10 s either way. */
  | { readonly kind: 'measured'; readonly skewMs: number; readonly warn: boolean }
  /** The server answered, but its Date header could not be read (a server that does not expose it to pages). */
  | { readonly kind: 'no-date' }
  /** The server could not be reached (or answered in a way that is not a time). */
  | { readonly kind: 'failed'; readonly error: unknown };

/** Round trips per check: the median of three keeps one slow answer from counting as skew. */
export const CLOCK_SAMPLES = 3;

/**
 * Compares the computer's clock with a server's, on demand (the options page's "Check the clock"): CLOCK_SAMPLES
 * round trips, one after the other, and the median skew of those that carried a readable Date header
 * (core/clock-skew-samples.ts).
 * @param sample one round trip: its send and receive times and the server's Date, or undefined when the answer had
 *   no readable Date; throws when there was no answer.
 */
export async function checkClock(sample: () => Promise<ClockSample | undefined>): Promise<ClockCheck> {
  const samples: ClockSample[] = [];
  try {
    for (let i = 0; i < CLOCK_SAMPLES; i++) {
      const one = await sample();
      if (one !== undefined) samples.push(one);
    }
  } catch (error) {
    return { kind: 'failed', error };
  }
  if (samples.length === 0) return { kind: 'no-date' };
  const skewMs = clockSkewOf(samples);
  return { kind: 'measured', skewMs, warn: Math.abs(skewMs) > CLOCK_SKEW_WARNING_MS };
}
