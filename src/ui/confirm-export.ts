/**
 * Checks the master password before an export shows or saves secrets (a QR code of an account, Google
 * Authenticator QR codes). Resolves when the password is right; rejects with UnlockError when it is wrong, or
 * while wrong ones make it wait (the same growing wait as unlocking).
 *
 * The pages pass `(password) => protection.confirmPassword(password)`, the check the backup downloads use too
 * (src/platform/vault-protection.ts): wrong passwords count and wait as at an unlock.
 */
export type ConfirmExport = (password: string) => Promise<void>;
