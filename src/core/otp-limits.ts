// The ranges an account's parameters may take, shared by the editors (validate-account-draft.ts) and the
// reader of stored accounts (is-stored-account.ts), in a module of their own so the reader stays small.

/** The Key Uri Format allows 6 or 8 digits; 7 is accepted too, as most authenticators do. */
export const OTP_DIGITS: readonly number[] = [6, 7, 8];

/**
 * TOTP period bounds, seconds. The Key Uri Format only says "period"; real services use 30 or 60. One hour
 * is generous for any real token, yet still rejects garbage and the likely slip of writing milliseconds
 * (`period=30000`). Periods under 5 s are legal but hardly usable; they are accepted rather than guessed at.
 */
export const MIN_PERIOD_SECONDS = 1;
export const MAX_PERIOD_SECONDS = 3600;
