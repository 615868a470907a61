import type { AddressInfo } from 'node:net';
import type { CognitoAdmin } from './admin-api.ts';
import type { FaultInjector } from './fault-injector.ts';
import type { Outbox } from './outbox.ts';
import type { RequestLog } from './request-log.ts';
import type { CognitoServerStateOptions } from './server-state.ts';
import { createServer } from 'node:http';
import { createHttpHandler } from './http-handler.ts';
import { OPERATIONS } from './operations/operation-table.ts';
import { createServerState } from './server-state.ts';

export interface CognitoServerOptions extends CognitoServerStateOptions {
  /** TCP port on 127.0.0.1; default 0 (a free port). */
  readonly port?: number;
}

/** A running local Cognito user-pool server. */
export interface CognitoServer {
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly region: string;
  /** Admin operations in-process, for seeding. */
  readonly admin: CognitoAdmin;
  /** Make the next HTTP requests fail (see FaultKind). */
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
  const state = createServerState(options);
  const server = createServer(createHttpHandler({ ctx: state.ctx, operations: OPERATIONS, faults: state.faults, log: state.requestLog }));
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
    region: state.ctx.region,
    admin: state.admin,
    faults: state.faults,
    requestLog: state.requestLog,
    outbox: state.outbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
