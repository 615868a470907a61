/**
 * One round trip to a time server: when it left and came back (the local clock, ms since the epoch) and the
 * server's `Date` header (RFC 9110 section 6.6.1, https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1), in ms.
 */
export interface ClockSample {
  readonly sentAt: number;
  readonly receivedAt: number;
  readonly serverDate: number;
}

/**
 * Server time minus local time in ms (positive: the computer's clock is behind), from several round trips: for
 * each, the server's second is taken at its middle (the header has 1 s resolution) and compared with the local
 * time halfway through the round trip, so the trip's length does not count as skew; the median of the samples
 * keeps one slow trip from moving the result. Good to about half a second.
 * @throws RangeError when there is no sample.
 */
export function clockSkewOf(samples: readonly ClockSample[]): number {
  if (samples.length === 0) throw new RangeError('No clock sample to measure the skew from');
  const skews = samples.map(({ sentAt, receivedAt, serverDate }) => serverDate + 500 - (sentAt + receivedAt) / 2).sort((a, b) => a - b);
  const middle = Math.floor(skews.length / 2);
  return skews.length % 2 === 1 ? (skews[middle] as number) : ((skews[middle - 1] as number) + (skews[middle] as number)) / 2;
}

/**
 * Above this much skew (either way) Keystep warns: a 30 s TOTP code computed 10 s off is refused by a server
 * that accepts only the current step for a third of each period, and by most after 30 s.
 */
export const CLOCK_SKEW_WARNING_MS = 10_000;
