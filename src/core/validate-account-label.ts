import { OtpInputError, redactSecretLike } from './otp-input-error.ts';

// Apart from validate-account-draft.ts so that renaming (in the popup) brings only these rules with it.

/**
 * The shown label of an account, as typed or renamed: issuer and name trimmed; neither may contain a colon
 * (the Key Uri Format's separator, so the account still exports as an otpauth URI) or a control character,
 * and at least one must be non-empty.
 * @throws OtpInputError `label-invalid` (field `issuer` or `name`) or `name-missing`.
 */
export function validateAccountLabel(label: { readonly issuer: string; readonly name: string }): { issuer: string; name: string } {
  const issuer = parseLabelPart(label.issuer, 'issuer');
  const name = parseLabelPart(label.name, 'name');
  if (issuer === '' && name === '') {
    throw new OtpInputError('name-missing', 'The account needs a name or an issuer', { field: 'name' });
  }
  return { issuer, name };
}

/** C0 and C1 controls, DEL, and lone surrogates (which encodeURIComponent cannot encode). */
const INVALID_LABEL_CHAR = /[\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

function parseLabelPart(text: string, field: 'issuer' | 'name'): string {
  const value = text.trim();
  // The Key Uri Format: "Neither issuer nor account name may themselves contain a colon", since the
  // colon separates them in the label; a value with one could not survive a format/parse round trip.
  if (value.includes(':') || INVALID_LABEL_CHAR.test(value)) {
    throw new OtpInputError('label-invalid', `The ${field} contains a colon or a control character`, {
      field,
      // A secret pasted into the wrong field must not come back in the message.
      detail: redactSecretLike(value),
    });
  }
  return value;
}
