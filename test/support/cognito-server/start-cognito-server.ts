import type { AddressInfo } from 'node:net';
import type { CognitoAdmin } from './admin-api.ts';
import type { RandomBytes } from './random-ids.ts';
import type { ServerContext } from './server-context.ts';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createAdminApi } from './admin-api.ts';
import { AuthSessionStore } from './auth-session-store.ts';
import { FaultInjector } from './fault-injector.ts';
import { createHttpHandler } from './http-handler.ts';
import { OPERATIONS } from './operations/operation-table.ts';
import { Outbox } from './outbox.ts';
import { IdGenerator } from './random-ids.ts';
import { RefreshTokenStore } from './refresh-token-store.ts';
import { RequestLog } from './request-log.ts';
import { TokenService } from './token-service.ts';

export interface CognitoServerOptions {
  /** Epoch ms; drives sessions, TOTP, tokens and the Date header. Default Date.now. */
  readonly clock?: () => number;
  /** Random bytes for ids, secrets, salts and SRP; default node:crypto randomBytes. */
  readonly random?: RandomBytes;
  /** TCP port on 127.0.0.1; default 0 (a free port). */
  readonly port?: number;
  /** Region in pool ids and token issuers; default us-east-1. */
  readonly region?: string;
}

/** A running local Cognito user-pool server. */
export interface CognitoServer {
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly region: string;
  /** Admin operations in-process, for seeding. */
  readonly admin: CognitoAdmin;
  /** Make the next HTTP requests fail (throttle: TooManyRequestsException 400; http500: InternalErrorException 500). */
  readonly faults: FaultInjector;
  /** The HTTP requests served (operation, status, error name, time); no secrets. */
  readonly requestLog: RequestLog;
  /** Codes and temporary passwords the server "sent" by SMS or e-mail. */
  readonly outbox: Outbox;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts a strict local Cognito user-pool compatible server on 127.0.0.1 (AWS JSON 1.1 protocol over HTTP). */
export async function startCognitoServer(options: CognitoServerOptions = {}): Promise<CognitoServer> {
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
  const faults = new FaultInjector();
  const requestLog = new RequestLog();
  const server = createServer(createHttpHandler({ ctx, operations: OPERATIONS, faults, log: requestLog }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    region,
    admin: createAdminApi(ctx),
    faults,
    requestLog,
    outbox: ctx.outbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
