// The Key Uri Format: https://github.com/google/google-authenticator/wiki/Key-Uri-Format
//   otpauth://TYPE/LABEL?PARAMETERS
// Written by otpauth (the Key URI of its HOTP/TOTP object). Read by Keystep's own reader, not by otpauth's
// URI.parse: that one matches the whole URI against one pattern, and then
//   - keeps the last of a repeated parameter, where Keystep refuses a URI that says two things;
//   - drops the label's issuer prefix when an `issuer` parameter is present, so a conflict cannot be seen;
//   - ignores `encoder`, so a Steam Guard URI would give wrong codes;
//   - refuses what exporters do write: `+` for spaces, a `#fragment`, surrounding whitespace, parameters
//     without `=` or with encoded names, no label, spaces or dashes in the secret, `SHA-256`;
//   - throws a bare TypeError or URIError without the field or the value at fault, where Keystep's message
//     catalogue needs both (OtpInputError).
// Nor with the URL class: WHATWG URL treats `totp` as a host, lower-cases and IDNA-maps it, and its
// path/query percent-encoding rules differ from what exporters write.
import { HOTP, Secret, TOTP } from 'otpauth/bare';
import type { AccountDraft } from './account.ts';
import { foldLabelText } from './account-identity.ts';
import { base32Secret } from './base32.ts';
import { OtpInputError, redactSecretLike } from './otp-input-error.ts';
import { validateAccountDraft } from './validate-account-draft.ts';

/** RFC 3986 section 3.1: https://www.rfc-editor.org/rfc/rfc3986#section-3.1 */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** The parameters Keystep reads; any other (image, codeDisplay, icon, color, ...) is ignored. */
const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder'] as const;
type KnownParameter = (typeof KNOWN_PARAMETERS)[number];

/**
 * Parses an otpauth URI, as a QR code or an exporter gives it, into a validated AccountDraft.
 *
 * Lenient where real exporters differ: surrounding whitespace; scheme, type, parameter names and algorithm
 * case-insensitive; `+` as a space in the label and in parameters (form encoding); `:` or `%3A` as the
 * issuer separator with spaces around it trimmed; secret in any case, with spaces, dashes and `=`/`%3D`
 * padding; unknown parameters and a `#fragment` ignored. Defaults: SHA1, 6 digits, 30 s.
 *
 * The issuer is the `issuer` parameter, else the label prefix; when both are present they must be equal
 * ignoring case (the parameter's spelling wins), otherwise `issuer-conflict`.
 * All value rules are validateAccountDraft's.
 *
 * @throws OtpInputError (and nothing else) for any input that is not a usable otpauth URI.
 */
export function parseOtpauthUri(uri: string): AccountDraft {
  const text = uri.trim();
  const scheme = SCHEME.exec(text)?.[1];
  if (scheme === undefined) {
    throw new OtpInputError('uri-malformed', 'Not a URI: no scheme');
  }
  if (scheme.toLowerCase() !== 'otpauth') {
    throw new OtpInputError('uri-scheme', 'Not an otpauth: URI', { detail: redactSecretLike(scheme.toLowerCase()) });
  }
  let rest = text.slice(scheme.length + 1);
  if (!rest.startsWith('//')) {
    throw new OtpInputError('uri-malformed', 'An otpauth URI starts with otpauth://');
  }
  rest = rest.slice(2);
  const fragment = rest.indexOf('#');
  if (fragment >= 0) rest = rest.slice(0, fragment);
  const queryStart = rest.indexOf('?');
  const path = queryStart >= 0 ? rest.slice(0, queryStart) : rest;
  const query = queryStart >= 0 ? rest.slice(queryStart + 1) : '';
  const slash = path.indexOf('/');
  const type = slash >= 0 ? path.slice(0, slash) : path;
  // Everything after the type is the label, even with further (unencoded) slashes in it.
  const label = slash >= 0 ? decodeComponent(path.slice(slash + 1), 'the label') : '';

  // The label is "issuer:name" or "name"; `%3A` has become `:` by now.
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const name = colon >= 0 ? label.slice(colon + 1) : label;

  const parameters = parseQuery(query);
  // Steam Guard (encoder=steam) turns the HOTP value into 5 characters of its own alphabet; shown as digits it
  // would be a code the service always rejects. Refuse rather than show wrong codes.
  const encoder = parameters.get('encoder')?.trim() ?? '';
  if (encoder !== '') {
    throw new OtpInputError('encoder-unsupported', 'The URI asks for another code encoder', { detail: redactSecretLike(encoder) });
  }
  const issuerParameter = parameters.get('issuer')?.trim() ?? '';
  const draft = validateAccountDraft({
    type,
    issuer: issuerParameter !== '' ? issuerParameter : labelIssuer,
    name,
    secret: parameters.get('secret') ?? '',
    algorithm: parameters.get('algorithm'),
    digits: parameters.get('digits'),
    period: parameters.get('period'),
    counter: parameters.get('counter'),
  });
  if (labelIssuer !== '' && foldLabelText(labelIssuer) !== foldLabelText(draft.issuer)) {
    throw new OtpInputError('issuer-conflict', 'The issuer prefix of the label differs from the issuer parameter', {
      field: 'issuer',
      detail: labelIssuer,
      conflictsWith: draft.issuer,
    });
  }
  return draft;
}

/**
 * Formats a draft as a canonical otpauth URI, written by otpauth: the toString of its TOTP or HOTP object (all
 * that URI.stringify does after an instanceof check; calling it directly leaves otpauth's URI class, with the
 * parser Keystep does not use, out of the pages):
 * `otpauth://totp/Issuer:name?issuer=Issuer&secret=...&algorithm=SHA1&digits=6&period=30`
 * (`&counter=N` instead of `&period` for HOTP). Label parts and the issuer are encoded with
 * encodeURIComponent; the issuer prefix and `issuer` parameter appear only when the issuer is non-empty.
 * algorithm, digits and period are always written, so no reader has to agree with us on defaults.
 * An issuer with an empty name gives the label `Issuer:`, so that it parses back to the same draft.
 *
 * The draft is validated first: parseOtpauthUri(formatOtpauthUri(d)) deep-equals validateAccountDraft(d),
 * which is `d` itself for any draft that came from validateAccountDraft or parseOtpauthUri.
 *
 * The result contains the secret: never log it.
 *
 * @throws OtpInputError if the draft is not valid.
 */
export function formatOtpauthUri(draft: AccountDraft): string {
  const valid = validateAccountDraft({
    type: draft.type,
    issuer: draft.issuer,
    name: draft.name,
    secret: draft.secret,
    algorithm: draft.algorithm,
    digits: String(draft.digits),
    period: String(draft.period),
    counter: String(draft.counter),
  });
  const common = { issuer: valid.issuer, label: valid.name, secret: new WrittenSecret(valid.secret), algorithm: valid.algorithm, digits: valid.digits };
  return (valid.type === 'totp' ? new TOTP({ ...common, period: valid.period }) : new HOTP({ ...common, counter: valid.counter })).toString();
}

/**
 * A Secret that writes itself as Keystep stores it. otpauth's `base32` re-encodes the bytes, which sets the
 * unused trailing bits of the last character to zero; Keystep keeps a secret as it was written (see
 * normalizeBase32Secret), so an exported URI carries the same secret text as the account it came from.
 */
class WrittenSecret extends Secret {
  readonly #written: string;
  constructor(canonical: string) {
    super({ buffer: base32Secret(canonical).bytes.buffer });
    this.#written = canonical;
  }
  override get base32(): string {
    return this.#written;
  }
}

/** Known parameters by lower-cased name, decoded. A known parameter given twice is an error. */
function parseQuery(query: string): Map<KnownParameter, string> {
  const parameters = new Map<KnownParameter, string>();
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const rawName = equals >= 0 ? pair.slice(0, equals) : pair;
    const name = KNOWN_PARAMETERS.find((known) => known === tryDecode(rawName)?.toLowerCase());
    // Unknown parameters are skipped before their values are decoded: a broken image URL must not matter.
    if (name === undefined) continue;
    if (parameters.has(name)) {
      throw new OtpInputError('uri-malformed', `The parameter ${name} is given twice`, { detail: name });
    }
    const rawValue = equals >= 0 ? pair.slice(equals + 1) : '';
    parameters.set(name, decodeComponent(rawValue, `the parameter ${name}`));
  }
  return parameters;
}

/** application/x-www-form-urlencoded decoding: `+` is a space, then percent-decoding as UTF-8. */
function tryDecode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** @param what names the part for the developer message; never the value, which may be the secret. */
function decodeComponent(component: string, what: string): string {
  const decoded = tryDecode(component);
  if (decoded === undefined) {
    throw new OtpInputError('uri-malformed', `Bad percent-encoding in ${what}`);
  }
  return decoded;
}
