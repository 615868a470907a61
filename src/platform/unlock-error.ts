/**
 * An unlock (or a password check before changing or removing it) that did not happen.
 * `retryAfterMs`: how long until the next attempt is allowed (0 = at once).
 */
export class UnlockError extends Error {
  constructor(
    readonly code: 'wrong-password' | 'unlock-throttled',
    readonly retryAfterMs: number,
  ) {
    super(code === 'wrong-password' ? 'Wrong master password' : `Too many wrong passwords; next attempt in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'UnlockError';
  }
}
