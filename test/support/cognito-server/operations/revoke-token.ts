import type { ServerContext } from '../server-context.ts';
import { InputReader } from '../json-input.ts';
import { serviceErrors } from '../service-errors.ts';
import { CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN } from './member-constraints.ts';

// RevokeToken: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
// Unsigned; an app client with a secret proves itself with the secret itself (not a SECRET_HASH).

/** Access and ID tokens are JWTs (three parts); Cognito's refresh tokens are JWEs (five), and so are this server's. */
const isJwt = (token: string): boolean => token.split('.').length === 3;

/**
 * RevokeToken {ClientId, Token, ClientSecret?} -> {}: the refresh token, and every access and ID token issued with it
 * or from it, stop working. Checked in this order: the app client and, when it has one, its secret
 * (UnauthorizedException); token revocation enabled on the client (UnsupportedOperationException); a refresh token,
 * not an access or ID token (UnsupportedTokenTypeException); issued to this client (UnauthorizedException). A refresh
 * token this server does not know (made up, or already revoked) is answered as revoked, as RFC 7009 section 2.2 has
 * it (https://www.rfc-editor.org/rfc/rfc7009#section-2.2).
 */
export function revokeToken(ctx: ServerContext, input: unknown): Record<string, never> {
  const r = InputReader.root(input);
  const token = r.requiredString('Token', REFRESH_TOKEN);
  const clientId = r.requiredString('ClientId', CLIENT_ID);
  const secret = r.optionalString('ClientSecret', CLIENT_SECRET);
  const client = ctx.clients.get(clientId);
  if (client === undefined) throw serviceErrors.unauthorized(`Client ${clientId} does not exist`);
  if (client.secret !== undefined && secret !== client.secret) throw serviceErrors.unauthorized(`Client secret missing or wrong for client ${clientId}`);
  if (!client.enableTokenRevocation) throw serviceErrors.unsupportedOperation(`Token revocation is not enabled for client ${clientId}`);
  if (isJwt(token)) throw serviceErrors.unsupportedTokenType('Only refresh tokens can be revoked');
  const grant = ctx.refreshTokens.get(token);
  if (grant !== undefined && grant.clientId !== client.id) throw serviceErrors.unauthorized(`The refresh token was not issued to client ${clientId}`);
  ctx.refreshTokens.revoke(token);
  return {};
}
