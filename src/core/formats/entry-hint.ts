import { accountLabel } from '../account-label.ts';
import { redactSecretLike } from '../otp-input-error.ts';

/** Long enough for any real "Issuer (name)", short enough for one preview row. */
const MAX_HINT_LENGTH = 64;

/**
 * "Issuer (name)" from the raw fields of an entry that could not be imported, so its preview row says which
 * account it is. Non-string fields count as absent; control characters become spaces; a value that could be a
 * base32 secret (a field mix-up) is dropped, so a secret never reaches the preview.
 */
export function entryHint(issuer: unknown, name: unknown): string | undefined {
  const part = (value: unknown): string => {
    if (typeof value !== 'string') return '';
    const text = value.replace(/\p{Cc}/gu, ' ').trim();
    return redactSecretLike(text) ?? '';
  };
  const label = accountLabel({ issuer: part(issuer), name: part(name) });
  if (label === '') return undefined;
  return label.length <= MAX_HINT_LENGTH ? label : `${label.slice(0, MAX_HINT_LENGTH - 1)}…`;
}
