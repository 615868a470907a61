/**
 * Clock skew between Cognito and this device, from a response's `Date` header (RFC 9110 section 6.6.1).
 * TOTP codes are checked against the server's clock, so a skew of more than about one 30 s step makes every
 * code fail; the UI shows the measured skew with a code-mismatch problem.
 */

/**
 * Server time minus local time, in ms (positive: the local clock is behind).
 * The header has 1 s resolution (the true server time is in [date, date + 1 s)), so the middle of that
 * second is used; the result is good to about +-0.5 s plus the response's travel time.
 * @param serverDateMs the `Date` header, ms since the epoch.
 * @param localNowMs the local clock when the response arrived, ms since the epoch.
 */
export function measureClockSkew(serverDateMs: number, localNowMs: number): number {
  return serverDateMs + 500 - localNowMs;
}

/**
 * Whole seconds of skew as a signed string for problem params: "+42", "-3", "0" (truncated toward zero, so
 * the half-second uncertainty of {@link measureClockSkew} shows as "0" on a synchronized clock).
 */
export function formatSkewSeconds(skewMs: number): string {
  const seconds = Math.trunc(skewMs / 1000);
  if (seconds === 0) return '0';
  return seconds > 0 ? `+${seconds}` : String(seconds);
}
