import { createCipheriv } from 'node:crypto';

// Non-extractable keys cannot be compared by their bytes: compare what they encrypt instead. AES-GCM of 32 zero
// bytes under a zero nonce (fine for a test: each key encrypts this one message) identifies the key.

const IV = new Uint8Array(12);
const PLAINTEXT = new Uint8Array(32);

/** Hex of AES-256-GCM(key, zero iv, 32 zero bytes) followed by the tag, through WebCrypto. */
export async function fingerprintOfKey(key: CryptoKey): Promise<string> {
  return Buffer.from(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: IV }, key, PLAINTEXT)).toString('hex');
}

/** The same fingerprint of raw key bytes (hex or bytes), through OpenSSL (node:crypto), as an independent reference. */
export function fingerprintOfBytes(key: string | Uint8Array): string {
  const cipher = createCipheriv('aes-256-gcm', typeof key === 'string' ? Buffer.from(key, 'hex') : key, IV);
  return Buffer.concat([cipher.update(PLAINTEXT), cipher.final(), cipher.getAuthTag()]).toString('hex');
}
