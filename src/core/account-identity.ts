import type { AccountDraft } from './account.ts';
import { decodeBase32, encodeBase32 } from './base32.ts';

/**
 * The form in which issuers and account names are compared: trimmed, Unicode NFC, lower case
 * (locale-independent). Services treat "GitHub"/"github" and "Alice@Example.com"/"alice@example.com" as
 * the same, and NFC makes a precomposed "é" equal to "e" + combining accent.
 */
export function foldLabelText(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

/**
 * The key under which two accounts count as duplicates: same secret bytes, and the same issuer and
 * account name compared with foldLabelText. Type, algorithm, digits, period and counter are not part of it.
 *
 * The secret is compared as decoded bytes (re-encoded), so a spelling that differs only in the unused
 * trailing bits of the last base32 character is still a duplicate.
 *
 * The key CONTAINS THE SECRET: use it only for in-memory comparison (Set/Map keys); never log, persist,
 * or show it.
 *
 * @param draft `secret` in canonical base32 (as in AccountDraft).
 * @throws OtpInputError if `secret` is not canonical base32.
 */
export function accountIdentity(draft: Pick<AccountDraft, 'secret' | 'issuer' | 'name'>): string {
  const secret = encodeBase32(decodeBase32(draft.secret));
  // JSON of an array: unambiguous whatever characters the parts contain.
  return JSON.stringify([secret, foldLabelText(draft.issuer), foldLabelText(draft.name)]);
}
