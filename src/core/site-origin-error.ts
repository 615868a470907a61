/**
 * Machine codes of the refusals of a site typed for an account (see siteOrigin). The popup maps each to a
 * localized message, so this set is an API: add codes, never rename or remove them.
 */
export const SITE_ORIGIN_ERROR_CODES = [
  /** Not a web address: empty, unparsable, a scheme other than http(s), or user name/password in it. */
  'site-invalid',
  /** http on a host other than a local one (localhost, 127.0.0.1, [::1], *.localhost, *.test). */
  'site-insecure',
] as const;

export type SiteOriginErrorCode = (typeof SITE_ORIGIN_ERROR_CODES)[number];

/** A site refused by siteOrigin. `input` is what was typed (a web address, never a secret), clipped to 200 characters. */
export class SiteOriginError extends Error {
  override readonly name = 'SiteOriginError';
  readonly input: string;

  constructor(
    readonly code: SiteOriginErrorCode,
    input: string,
  ) {
    const clipped = input.length > 200 ? `${input.slice(0, 200)}…` : input;
    super(code === 'site-insecure' ? `The site ${clipped} is not https` : `${JSON.stringify(clipped)} is not a web address`);
    this.input = clipped;
  }
}
