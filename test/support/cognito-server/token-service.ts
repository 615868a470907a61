import type { IdGenerator } from './random-ids.ts';
import type { RefreshTokenStore } from './refresh-token-store.ts';
import type { AppClient, PoolUser, UserPool } from './server-model.ts';
import { signJwt, verifyJwt } from './jwt.ts';
import { serviceErrors } from './service-errors.ts';

/** The AuthenticationResult member of InitiateAuth / RespondToAuthChallenge. */
export interface AuthenticationResult {
  readonly AccessToken: string;
  readonly IdToken: string;
  readonly RefreshToken?: string;
  readonly ExpiresIn: number;
  readonly TokenType: 'Bearer';
}

/** Who an access token was issued to. */
export interface AccessTokenSubject {
  readonly poolId: string;
  readonly username: string;
  readonly clientId: string;
}

/** Access and ID tokens live one hour (the app client default, ExpiresIn 3600); refresh tokens 30 days. */
const TOKEN_LIFETIME_SECONDS = 3600;
const REFRESH_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/**
 * Issues JWT-shaped tokens with the claims Cognito puts in them
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html)
 * and checks access tokens presented back.
 */
export class TokenService {
  constructor(
    private readonly deps: {
      readonly signingKey: Buffer;
      readonly keyId: string;
      readonly region: string;
      readonly ids: IdGenerator;
      readonly now: () => number;
      readonly refreshTokens: RefreshTokenStore;
    },
  ) {}

  private issuer(poolId: string): string {
    return `https://cognito-idp.${this.deps.region}.amazonaws.com/${poolId}`;
  }

  /**
   * Issues tokens; a refresh token only for a fresh sign-in. `authTime` (epoch s) defaults to now; `originJti` is
   * the refresh token's when refreshing (tokens of one refresh token share it, so RevokeToken reaches them all),
   * else a new one.
   */
  issue(
    pool: UserPool,
    client: AppClient,
    user: PoolUser,
    options: { readonly refresh: boolean; readonly authTime?: number; readonly originJti?: string },
  ): AuthenticationResult {
    const { ids, signingKey, keyId } = this.deps;
    const nowMs = this.deps.now();
    const iat = Math.floor(nowMs / 1000);
    const authTime = options.authTime ?? iat;
    const originJti = options.originJti ?? ids.uuid();
    const common = { iss: this.issuer(pool.id), origin_jti: originJti, event_id: ids.uuid(), auth_time: authTime, iat, exp: iat + TOKEN_LIFETIME_SECONDS };
    const access = signJwt(
      { sub: user.sub, ...common, client_id: client.id, token_use: 'access', scope: 'aws.cognito.signin.user.admin', jti: ids.uuid(), username: user.username },
      signingKey,
      keyId,
    );
    const attributeClaims: Record<string, string | boolean> = {};
    for (const [name, value] of user.attributes) {
      if (name === 'sub') continue;
      attributeClaims[name] = name.endsWith('_verified') ? value === 'true' : value;
    }
    const id = signJwt(
      { sub: user.sub, ...attributeClaims, ...common, 'cognito:username': user.username, aud: client.id, token_use: 'id', jti: ids.uuid() },
      signingKey,
      keyId,
    );
    const result: AuthenticationResult = { AccessToken: access, ExpiresIn: TOKEN_LIFETIME_SECONDS, TokenType: 'Bearer', IdToken: id };
    if (!options.refresh) return result;
    const refreshToken = ids.refreshToken();
    this.deps.refreshTokens.put(refreshToken, {
      poolId: pool.id,
      clientId: client.id,
      username: user.username,
      expiresAt: nowMs + REFRESH_LIFETIME_MS,
      authTime,
      originJti,
    });
    return { ...result, RefreshToken: refreshToken };
  }

  /**
   * Checks an access token: NotAuthorizedException "Invalid Access Token", "Access Token has expired", or "Access
   * Token has been revoked" (its refresh token was revoked).
   */
  verifyAccessToken(token: string): AccessTokenSubject {
    const claims = verifyJwt(token, this.deps.signingKey);
    const prefix = this.issuer('');
    const { iss, exp, username, client_id: clientId, token_use: use, origin_jti: originJti } = claims ?? {};
    if (
      use !== 'access' ||
      typeof iss !== 'string' ||
      !iss.startsWith(prefix) ||
      typeof exp !== 'number' ||
      typeof username !== 'string' ||
      typeof clientId !== 'string'
    ) {
      throw serviceErrors.notAuthorized('Invalid Access Token');
    }
    if (this.deps.now() >= exp * 1000) throw serviceErrors.notAuthorized('Access Token has expired');
    if (typeof originJti === 'string' && this.deps.refreshTokens.isOriginRevoked(originJti)) throw serviceErrors.notAuthorized('Access Token has been revoked');
    return { poolId: iss.slice(prefix.length), username, clientId };
  }
}
