// When a one-time code changes: RFC 6238 section 4.2 (https://www.rfc-editor.org/rfc/rfc6238#section-4.2) with
// T0 = 0 for TOTP; for HOTP (RFC 4226) the code changes only when its counter is used.
import type { OtpParameters } from './account.ts';

/** Where a code stands in time. */
export interface CodeSchedule {
  /** The moving factor of the current code: the TOTP time step T, or the HOTP counter. */
  readonly step: number;
  /**
   * Whole seconds until the current TOTP code expires, rounded up: the period right at a step boundary, 1 in
   * the last second of a step. `undefined` for HOTP (its code does not expire).
   */
  readonly secondsLeft: number | undefined;
  /** Milliseconds until the next TOTP step starts, 1..period*1000; `undefined` for HOTP. */
  readonly msLeft: number | undefined;
  /** When the next TOTP code is due, ms since the epoch (the start of step + 1); `undefined` for HOTP. */
  readonly nextDueAt: number | undefined;
}

/**
 * The one place Keystep computes "which code is it now": the popup's rows and copy, and the Cognito verify
 * step's rollover, all ask here.
 *
 * @param params the account's type, TOTP period (seconds, a positive integer) and HOTP counter.
 * @param nowMs Unix time in milliseconds (e.g. Date.now()), >= 0.
 * @throws RangeError for a negative or non-finite time, or a TOTP period that is not a positive integer
 *   (programming errors: validated accounts never have one).
 */
export function codeSchedule(params: Pick<OtpParameters, 'type' | 'period' | 'counter'>, nowMs: number): CodeSchedule {
  if (!Number.isFinite(nowMs) || nowMs < 0) {
    throw new RangeError(`Time must be a non-negative number of milliseconds, got ${nowMs}`);
  }
  if (params.type === 'hotp') return { step: params.counter, secondsLeft: undefined, msLeft: undefined, nextDueAt: undefined };
  const { period } = params;
  if (!Number.isSafeInteger(period) || period <= 0) {
    throw new RangeError(`TOTP period must be a positive integer number of seconds, got ${period}`);
  }
  const periodMs = period * 1000;
  // Integer division is exact in doubles below 2^53, so no step boundary is missed.
  const step = Math.floor(nowMs / periodMs);
  const nextDueAt = (step + 1) * periodMs;
  const msLeft = nextDueAt - nowMs;
  return { step, secondsLeft: Math.ceil(msLeft / 1000), msLeft, nextDueAt };
}
