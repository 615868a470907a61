import type { AuthSessionStore } from './auth-session-store.ts';
import type { Outbox } from './outbox.ts';
import type { IdGenerator } from './random-ids.ts';
import type { RefreshTokenStore } from './refresh-token-store.ts';
import type { AppClient, UserPool } from './server-model.ts';
import type { TokenService } from './token-service.ts';

/** Everything an operation may use: state, stores, the injected clock and randomness. */
export interface ServerContext {
  readonly region: string;
  /** Epoch ms. */
  readonly now: () => number;
  readonly ids: IdGenerator;
  readonly pools: Map<string, UserPool>;
  /** App clients of all pools, by client id. */
  readonly clients: Map<string, AppClient>;
  readonly sessions: AuthSessionStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly tokens: TokenService;
  readonly outbox: Outbox;
}
