import { OtpInputError } from '../otp-input-error.ts';
import { ImportEntryError } from './import-entry-error.ts';

/** The outcome of reading one entry of a file: its value, or the entry-level error that refuses it. */
export type EntryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OtpInputError | ImportEntryError };

/**
 * Runs `read`, which reads and validates one entry of a file, and keeps an OtpInputError or ImportEntryError it
 * throws as the entry's refusal, so one bad entry does not stop the others. Any other error is a bug: rethrown.
 */
export function readEntry<T>(read: () => T): EntryResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof OtpInputError || error instanceof ImportEntryError) return { ok: false, error };
    throw error;
  }
}
