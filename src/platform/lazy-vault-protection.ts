import { lockNow, restartAutoLock } from './auto-lock.ts';
import type { PageVaultProtection, VaultProtection } from './vault-protection.ts';

/**
 * The real VaultProtection, with its code (PBKDF2, key wrapping, re-encryption) loaded on the first
 * call that needs it rather than with the page: most page loads never set, change or check a password.
 * `lock` and `touch` need none of it, so opening the popup or copying a code never loads it: the pages
 * call `touch` only while they show an unlocked vault.
 */
export function lazyVaultProtection(): PageVaultProtection {
  let loaded: Promise<VaultProtection> | undefined;
  const real = (): Promise<VaultProtection> => (loaded ??= import('./vault-protection.ts').then((m) => m.createVaultProtection()));
  return {
    unlock: async (password) => (await real()).unlock(password),
    confirmPassword: async (password) => (await real()).confirmPassword(password),
    lock: lockNow,
    touch: restartAutoLock,
    setPassword: async (password) => (await real()).setPassword(password),
    changePassword: async (current, next) => (await real()).changePassword(current, next),
    removePassword: async (current) => (await real()).removePassword(current),
  };
}
