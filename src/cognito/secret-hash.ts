import { bytesToBase64 } from '../core/base64.ts';
import { hmacSha256, utf8 } from './crypto-primitives.ts';

/**
 * SECRET_HASH for an app client that has a client secret:
 * Base64(HMAC-SHA256(key = client secret, message = username + clientId)).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash
 *
 * The username must be the one the request carries as USERNAME: for a PASSWORD_VERIFIER answer (and the
 * challenges after it) that is ChallengeParameters.USER_ID_FOR_SRP, not what the user typed.
 * @param subtle WebCrypto to use; default `globalThis.crypto.subtle`.
 * @returns the Base64 hash (44 characters).
 */
export async function secretHash(
  clientSecret: string,
  username: string,
  clientId: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  return bytesToBase64(await hmacSha256(subtle, utf8(clientSecret), utf8(username + clientId)));
}
