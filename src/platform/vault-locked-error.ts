/** The vault is protected by a master password and no page has unlocked it (or it auto-locked). */
export class VaultLockedError extends Error {
  readonly code = 'vault-locked';
  constructor() {
    super('The vault is locked');
    this.name = 'VaultLockedError';
  }
}
