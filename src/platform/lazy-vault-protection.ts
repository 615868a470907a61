import type { VaultProtection } from './vault-protection.ts';

/**
 * The real VaultProtection, with its code (PBKDF2, key wrapping, re-encryption) loaded on the first
 * call rather than with the page: most page loads never set, change or check a password.
 */
export function lazyVaultProtection(): VaultProtection {
  let loaded: Promise<VaultProtection> | undefined;
  const real = (): Promise<VaultProtection> => (loaded ??= import('./vault-protection.ts').then((m) => m.createVaultProtection()));
  return {
    status: async () => (await real()).status(),
    unlock: async (password) => (await real()).unlock(password),
    lock: async () => (await real()).lock(),
    touch: async () => (await real()).touch(),
    setPassword: async (password) => (await real()).setPassword(password),
    changePassword: async (current, next) => (await real()).changePassword(current, next),
    removePassword: async (current) => (await real()).removePassword(current),
  };
}
