export interface RefreshGrant {
  readonly poolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly expiresAt: number;
  /** Epoch seconds of the sign-in that issued it (auth_time claim). */
  readonly authTime: number;
}

/** Refresh tokens are opaque to clients; the server remembers what each one grants. */
export class RefreshTokenStore {
  private readonly grants = new Map<string, RefreshGrant>();

  put(token: string, grant: RefreshGrant): void {
    this.grants.set(token, grant);
  }

  get(token: string): RefreshGrant | undefined {
    return this.grants.get(token);
  }
}
