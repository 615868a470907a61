/** Wrong passwords allowed before Keystep makes the user wait. */
const FREE_UNLOCK_ATTEMPTS = 3;
/** The longest wait between two attempts, ms. */
export const MAX_UNLOCK_DELAY_MS = 60_000;

/**
 * How long to wait after `failures` wrong passwords in a row before the next attempt, ms:
 * nothing for the first FREE_UNLOCK_ATTEMPTS, then 1 s doubling per failure up to
 * MAX_UNLOCK_DELAY_MS. The KDF already costs every guess ~0.5 s; this slows someone at the
 * keyboard further without locking the owner out for long (OWASP Authentication Cheat Sheet,
 * "Account Lockout": https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html).
 */
export function unlockDelayMs(failures: number): number {
  // Written so that NaN also means "no wait" (a corrupt counter must not lock the owner out).
  if (!(failures >= FREE_UNLOCK_ATTEMPTS)) return 0;
  const exponent = Math.min(failures - FREE_UNLOCK_ATTEMPTS, 16);
  return Math.min(1000 * 2 ** exponent, MAX_UNLOCK_DELAY_MS);
}

/** The wait before the next attempt, and the failure time to keep (see unlockWait). */
export interface UnlockWait {
  /** ms, from 0 to MAX_UNLOCK_DELAY_MS. */
  readonly waitMs: number;
  /** ms since the epoch, never later than `now`: store it back when it differs from the stored one. */
  readonly lastFailureAt: number;
}

/**
 * How long the next attempt must wait, given the stored count of wrong passwords and the time of the last one
 * (ms since the epoch). A failure time later than `now` (the clock was ahead when it was stored, or is behind
 * now, or storage was edited) counts as `now`, and so does one that is not a finite number: whatever is stored,
 * the owner waits at most MAX_UNLOCK_DELAY_MS. The corrected time is returned so the caller stores it;
 * otherwise a failure time a year ahead would count as "now" again at every try and the wait would never end.
 */
export function unlockWait(failures: number, lastFailureAt: number, now: number): UnlockWait {
  const last = Number.isFinite(lastFailureAt) && lastFailureAt <= now ? lastFailureAt : now;
  const waitMs = Math.min(Math.max(unlockDelayMs(failures) - (now - last), 0), MAX_UNLOCK_DELAY_MS);
  return { waitMs, lastFailureAt: last };
}
