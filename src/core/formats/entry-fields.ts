import { ImportEntryError } from './import-entry-error.ts';

// Readers of one field of an entry of a JSON export: absent (or null) reads as undefined, the wrong JSON type
// refuses the entry with ImportEntryError `entry-malformed` naming the field. Values are not judged here:
// validateAccountDraft does that, with its own reasons.

/** A string field. */
export function optionalString(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ImportEntryError('entry-malformed', `${at} is not a string`, at);
  return value;
}

/** A number field, as the decimal text validateAccountDraft reads (so 6.5 or 1e21 get its reasons). */
export function optionalNumberText(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new ImportEntryError('entry-malformed', `${at} is not a number`, at);
  return String(value);
}
