/**
 * Standard Base64 (RFC 4648 section 4) for byte arrays, on `btoa`/`atob` so that it runs alike in a
 * service worker, an extension page and Node (no Buffer).
 */

/** Base64 with `=` padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Decodes standard Base64 (padding optional) or, with `url`, base64url (RFC 4648 section 5).
 * @param what names the input in the error message; the value is never echoed.
 * @throws {Error} when the text is not Base64.
 */
export function base64ToBytes(text: string, what: string, url = false): Uint8Array<ArrayBuffer> {
  let normal = url ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.replace(/=+$/, '').length % 4 === 1) {
    throw new Error(`${what} is not Base64`);
  }
  normal = normal.replace(/=+$/, '');
  normal += '='.repeat((4 - (normal.length % 4)) % 4);
  const binary = atob(normal);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
