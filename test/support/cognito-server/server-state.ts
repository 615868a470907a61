import type { CognitoAdmin } from './admin-api.ts';
import type { RandomBytes } from './random-ids.ts';
import type { ServerContext } from './server-context.ts';
import { randomBytes } from 'node:crypto';
import { createAdminApi } from './admin-api.ts';
import { AuthSessionStore } from './auth-session-store.ts';
import { FaultInjector } from './fault-injector.ts';
import { Outbox } from './outbox.ts';
import { IdGenerator } from './random-ids.ts';
import { RefreshTokenStore } from './refresh-token-store.ts';
import { RequestLog } from './request-log.ts';
import { TokenService } from './token-service.ts';

export interface CognitoServerStateOptions {
  /** Epoch ms; drives sessions, TOTP, tokens and the Date header. Default Date.now. */
  readonly clock?: () => number;
  /** Random bytes for ids, secrets, salts and SRP; default node:crypto randomBytes. */
  readonly random?: RandomBytes;
  /** Region in pool ids and token issuers; default us-east-1. */
  readonly region?: string;
}

/** A server's state and its controls, whether it is served over HTTP (startCognitoServer) or called in process. */
export interface CognitoServerState {
  readonly ctx: ServerContext;
  /** Admin operations in-process, for seeding. */
  readonly admin: CognitoAdmin;
  /** Makes the next requests fail (see FaultKind). */
  readonly faults: FaultInjector;
  /** The requests served (operation, status, error name, time); no secrets. */
  readonly requestLog: RequestLog;
  /** Codes and temporary passwords the server "sent" by SMS or e-mail. */
  readonly outbox: Outbox;
}

/** A fresh, empty server state on the injected clock and randomness. */
export function createServerState(options: CognitoServerStateOptions = {}): CognitoServerState {
  const now = options.clock ?? Date.now;
  const random = options.random ?? randomBytes;
  const region = options.region ?? 'us-east-1';
  const ids = new IdGenerator(random);
  const refreshTokens = new RefreshTokenStore();
  const ctx: ServerContext = {
    region,
    now,
    ids,
    pools: new Map(),
    clients: new Map(),
    sessions: new AuthSessionStore(now),
    refreshTokens,
    tokens: new TokenService({ signingKey: random(32), keyId: ids.uuid(), region, ids, now, refreshTokens }),
    outbox: new Outbox(),
  };
  return { ctx, admin: createAdminApi(ctx), faults: new FaultInjector(), requestLog: new RequestLog(), outbox: ctx.outbox };
}
