/** Hash algorithms of the Key Uri Format: https://github.com/google/google-authenticator/wiki/Key-Uri-Format */
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export type OtpType = 'totp' | 'hotp';

/** What is needed to compute a code, independent of how the account is labelled. */
export interface OtpParameters {
  readonly type: OtpType;
  /** Canonical base32: upper case, no spaces, no `=` padding. */
  readonly secret: string;
  readonly algorithm: OtpAlgorithm;
  /** 6, 7 or 8. */
  readonly digits: number;
  /** TOTP step in seconds (default 30, 1..3600); ignored for HOTP, where validated drafts carry 30. */
  readonly period: number;
  /** HOTP moving factor (the counter of the next code), 0..Number.MAX_SAFE_INTEGER; 0 for TOTP. */
  readonly counter: number;
}

/** An account as parsed from a URI or typed by a user, before Keystep gives it an id. */
export interface AccountDraft extends OtpParameters {
  /** Service name, e.g. "GitHub"; trimmed, no colon; may be empty. */
  readonly issuer: string;
  /** Account name inside the service, e.g. "alice@example.com"; trimmed, no colon; empty only with an issuer. */
  readonly name: string;
}
