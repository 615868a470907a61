/**
 * A write that did not happen: the vault is locked, storage refused it (e.g. its quota), or the stored record
 * cannot be read. Nothing was changed. `error` is what failed, for the page to put in words (describeError); it
 * never holds a secret.
 */
export interface SaveFailed {
  readonly kind: 'save-failed';
  readonly error: unknown;
}
