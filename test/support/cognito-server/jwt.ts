import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of a JWT payload (https://www.rfc-editor.org/rfc/rfc7519). */
export type JwtClaims = Readonly<Record<string, unknown>>;

const encodePart = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function mac(key: Uint8Array, signingInput: string): Buffer {
  return createHmac('sha256', key).update(signingInput).digest();
}

/**
 * Signs a JWT with HS256. Real Cognito signs with RS256 keys published at /.well-known/jwks.json; a test server
 * only needs tokens it can check itself, so it keeps one HMAC key.
 */
export function signJwt(claims: JwtClaims, key: Uint8Array, keyId: string): string {
  const signingInput = `${encodePart({ kid: keyId, alg: 'HS256' })}.${encodePart(claims)}`;
  return `${signingInput}.${mac(key, signingInput).toString('base64url')}`;
}

/** The claims of a JWT signed with `key`, or undefined when it is malformed or the signature does not match. */
export function verifyJwt(token: string, key: Uint8Array): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header = '', payload = '', signature = ''] = parts;
  const expected = mac(key, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
