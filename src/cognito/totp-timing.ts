/**
 * Time-step arithmetic of TOTP (RFC 6238 section 4.2) for deciding when a rejected code deserves one retry
 * with the next code. Cognito's TOTP uses a 30 s step.
 */

/** Cognito's TOTP step, ms. */
export const COGNITO_TOTP_PERIOD_MS = 30_000;

/** Index of the time step containing `nowMs` (T in RFC 6238). */
export function totpStep(nowMs: number, periodMs = COGNITO_TOTP_PERIOD_MS): number {
  return Math.floor(nowMs / periodMs);
}

/** Milliseconds from `nowMs` until the next step starts (1..periodMs). */
export function msUntilNextStep(nowMs: number, periodMs = COGNITO_TOTP_PERIOD_MS): number {
  return periodMs - (((nowMs % periodMs) + periodMs) % periodMs);
}
