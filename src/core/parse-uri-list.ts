import type { AccountDraft } from './account.ts';
import { OtpInputError } from './otp-input-error.ts';
import { parseOtpauthUri } from './otpauth-uri.ts';

/**
 * One non-blank line of a pasted URI list. `text` is the trimmed line and CONTAINS THE SECRET:
 * show it only to the user who pasted it, never log it.
 */
export type UriListLine =
  | { readonly ok: true; readonly line: number; readonly text: string; readonly draft: AccountDraft }
  | { readonly ok: false; readonly line: number; readonly text: string; readonly error: OtpInputError };

/**
 * Parses the "paste one or many otpauth URIs, one per line" box. Lines may end with LF, CRLF or CR;
 * blank lines are skipped but still counted, so `line` (1-based) matches what the user sees.
 * Duplicates are not detected here (see accountIdentity).
 */
export function parseUriList(text: string): UriListLine[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, index): UriListLine[] => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return [];
    try {
      return [{ ok: true, line, text: trimmed, draft: parseOtpauthUri(trimmed) }];
    } catch (error) {
      if (error instanceof OtpInputError) return [{ ok: false, line, text: trimmed, error }];
      throw error;
    }
  });
}
