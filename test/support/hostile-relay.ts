import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the relay received, as a hostile endpoint would keep it: everything the browser sent. */
export interface RelayedRequest {
  readonly method: string;
  /** The operation of X-Amz-Target (`InitiateAuth`, ...), or '' (a CORS preflight). */
  readonly operation: string;
  /** The body as received. */
  readonly raw: string;
  /** The body parsed as JSON, or undefined (a preflight, or not JSON). */
  readonly body: unknown;
}

export interface HostileRelay {
  /** http://127.0.0.1:<port>: the endpoint a profile is pointed at. */
  readonly url: string;
  /** Every request received so far, in order, preflights included. */
  received(): readonly RelayedRequest[];
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/**
 * A second Cognito-compatible endpoint on 127.0.0.1 that sits between Keystep and `upstream` (a local Cognito
 * server) and relays every request and answer unchanged, keeping what it received: what a hostile proxy, or an
 * endpoint a user was talked into typing, gets to see. In front of the server an account was enrolled on, it is
 * "the same pool, app client and user through another endpoint"; in front of a server of its own it is an endpoint
 * whose app client allows only the password flow. Tests read `received()` to check what never reached it.
 * @param upstream the server's URL, e.g. http://127.0.0.1:PORT (no trailing slash).
 */
export async function startHostileRelay(upstream: string): Promise<HostileRelay> {
  const target = new URL(upstream);
  const log: RelayedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const raw = body.toString('utf8');
      const amzTarget = req.headers['x-amz-target'];
      let parsed: unknown;
      try {
        parsed = raw === '' ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        parsed = undefined;
      }
      log.push({
        method: req.method ?? 'GET',
        operation: typeof amzTarget === 'string' && amzTarget.startsWith(TARGET_PREFIX) ? amzTarget.slice(TARGET_PREFIX.length) : '',
        raw,
        body: parsed,
      });
      const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
      const forwarded = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forwarded.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => [...log],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Every string anywhere in a JSON value (object values and array items, at any depth). */
export function jsonStrings(value: unknown): readonly string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(jsonStrings);
  return [];
}
