/** Shortest master or backup password accepted, in characters (code points: an emoji counts once). */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Why a new password (typed twice) is refused, or undefined when it is accepted. The key derivation slows
 * guessing; it cannot make a very short password strong, so both the master password and backup passwords
 * follow this one rule.
 */
export function newPasswordProblem(password: string, repeat: string): 'too-short' | 'mismatch' | undefined {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password !== repeat) return 'mismatch';
  return undefined;
}
