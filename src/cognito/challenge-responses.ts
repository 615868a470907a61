import { secretHash } from './secret-hash.ts';

/**
 * ChallengeResponses with USERNAME and, for an app client with a secret, SECRET_HASH computed over that same
 * username (Cognito checks the hash against the USERNAME of the request; after PASSWORD_VERIFIER that is
 * USER_ID_FOR_SRP, see aws-sdk-android CognitoUser.userSrpAuthRequest / pycognito).
 * @param clientSecret the app client's secret, or undefined for a public client.
 * @param subtle WebCrypto; default `globalThis.crypto.subtle`.
 */
export async function challengeResponses(
  responses: Readonly<Record<string, string>>,
  username: string,
  clientId: string,
  clientSecret: string | undefined,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Record<string, string>> {
  return {
    ...responses,
    USERNAME: username,
    ...(clientSecret === undefined ? {} : { SECRET_HASH: await secretHash(clientSecret, username, clientId, subtle) }),
  };
}
