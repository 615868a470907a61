/** Wrong passwords allowed before Keystep makes the user wait. */
const FREE_UNLOCK_ATTEMPTS = 3;
/** The longest wait between two attempts, ms. */
const MAX_UNLOCK_DELAY_MS = 60_000;

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
