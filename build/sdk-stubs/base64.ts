/**
 * Build-time stand-in for `@smithy/core`'s browser base64 codec (`serde/util-base64/toBase64.browser.js` and
 * `fromBase64.browser.js`; see `awsSdkTrim` in build/aws-sdk-trim.ts): never imported by Keystep's code, only
 * substituted for those two modules in the extension bundle. The SDK's own encode and decode bit by bit with
 * lookup tables; the browser's `btoa` and `atob` give the same text and bytes
 * (https://html.spec.whatwg.org/multipage/webappapis.html#atob).
 */

/** Base64 of bytes, or of a string's UTF-8 bytes, with padding. */
export function toBase64(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of a base64 text (padded or not). @throws on a character outside base64's alphabet. */
export function fromBase64(input: string): Uint8Array {
  return Uint8Array.from(atob(input), (char) => char.charCodeAt(0));
}
