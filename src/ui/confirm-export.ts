/**
 * Checks the master password before an export shows or saves secrets (a QR code of an account, Google
 * Authenticator QR codes). Resolves when the password is right; rejects with UnlockError when it is wrong, or
 * while wrong ones make it wait (the same growing wait as unlocking).
 *
 * The pages pass `(password) => protection.unlock(password)`: unlocking an unlocked vault checks the password
 * the same way (wrong ones count) and stores the same vault key again. A dedicated check on VaultProtection
 * (`confirmPassword`, which the other exports will use) can take its place without changing the exports.
 */
export type ConfirmExport = (password: string) => Promise<void>;
