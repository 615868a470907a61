import { createHmac, timingSafeEqual } from 'node:crypto';

/** SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username + clientId)). https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash */
export function computeSecretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** Constant-time check of a SECRET_HASH a client sent. */
export function secretHashMatches(claimed: string, clientSecret: string, username: string, clientId: string): boolean {
  const expected = Buffer.from(computeSecretHash(clientSecret, username, clientId), 'utf8');
  const given = Buffer.from(claimed, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
