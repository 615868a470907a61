export interface RefreshGrant {
  readonly poolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly expiresAt: number;
  /** Epoch seconds of the sign-in that issued it (auth_time claim). */
  readonly authTime: number;
  /** The origin_jti claim of every access and ID token issued with it or from it (REFRESH_TOKEN_AUTH). */
  readonly originJti: string;
}

/**
 * Refresh tokens are opaque to clients; the server remembers what each one grants, and which were revoked
 * (RevokeToken): a revoked token refreshes nothing, and the tokens issued with it or from it are refused.
 */
export class RefreshTokenStore {
  private readonly grants = new Map<string, RefreshGrant>();
  private readonly revokedTokens = new Set<string>();
  private readonly revokedOrigins = new Set<string>();

  put(token: string, grant: RefreshGrant): void {
    this.grants.set(token, grant);
  }

  /** What a token grants; undefined for an unknown or revoked one. */
  get(token: string): RefreshGrant | undefined {
    return this.grants.get(token);
  }

  /** The token was issued here and revoked since. */
  wasRevoked(token: string): boolean {
    return this.revokedTokens.has(token);
  }

  /** Revokes `token` and, through its origin_jti, the access and ID tokens issued with it or from it. */
  revoke(token: string): void {
    const grant = this.grants.get(token);
    if (grant === undefined) return;
    this.grants.delete(token);
    this.revokedTokens.add(token);
    this.revokedOrigins.add(grant.originJti);
  }

  /** A token with this origin_jti comes from a revoked refresh token. */
  isOriginRevoked(originJti: string): boolean {
    return this.revokedOrigins.has(originJti);
  }
}
