import { createHash } from 'node:crypto';

/**
 * The id Chromium gives an extension whose manifest carries `key`: the first 128 bits of the
 * SHA-256 of the DER (SubjectPublicKeyInfo) public key, written in hex with the digits 0-f
 * mapped to the letters a-p.
 * https://developer.chrome.com/docs/extensions/reference/manifest/key
 */
export function extensionId(publicKeyDer: Uint8Array): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16)));
}
