import { base64ToBytes } from '../core/base64.ts';

/**
 * The claims of a JWT (RFC 7519) without verifying its signature: used only to label the new account with
 * the user's e-mail from the ID token Cognito just sent over TLS; never for an authorization decision.
 * @returns the payload object, or undefined when the token is not a JWT with a JSON object payload.
 */
export function decodeJwtPayload(token: string): Readonly<Record<string, unknown>> | undefined {
  const part = token.split('.')[1];
  if (part === undefined || part === '') return undefined;
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(part, 'JWT payload', true)));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `email` claim of an ID token, when there is a non-empty one. */
export function emailFromIdToken(idToken: string | undefined): string | undefined {
  if (idToken === undefined) return undefined;
  const email = decodeJwtPayload(idToken)?.['email'];
  return typeof email === 'string' && email !== '' ? email : undefined;
}
