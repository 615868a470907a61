import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

/** This folder: the pages and their scripts. */
const PAGES_DIR = import.meta.dirname;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * Host names the real-browser tests map to 127.0.0.1 (Chromium's --host-resolver-rules), under the reserved
 * `.test` top-level domain (RFC 6761): the site an account belongs to, and a look-alike one character away.
 */
export const FILL_PAGE_HOSTS = { site: 'login.example.test', lookAlike: 'login.examp1e.test' } as const;

/**
 * A strict policy, as login pages have: scripts from the page's own origin only, no inline script; frames
 * (framed.html) from the two test hosts only. Keystep's injected code runs in the extension's isolated world,
 * which the page's CSP does not govern.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  `frame-src ${Object.values(FILL_PAGE_HOSTS)
    .map((host) => `http://${host}:*`)
    .join(' ')}`,
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');

/** The Chromium switch that sends both FILL_PAGE_HOSTS to 127.0.0.1, keeping the port of each URL. */
export const HOST_RESOLVER_RULES = `--host-resolver-rules=${Object.values(FILL_PAGE_HOSTS)
  .map((host) => `MAP ${host} 127.0.0.1`)
  .join(', ')}`;

/** The files served: every .html and .js file of this folder. */
export const FILL_PAGES: readonly string[] = readdirSync(PAGES_DIR)
  .filter((name) => extname(name) in CONTENT_TYPES)
  .sort();

export interface FillPagesServer {
  /** The port on 127.0.0.1. */
  readonly port: number;
  /** `http://<host>:<port>/<page>`; host defaults to 127.0.0.1. */
  url(page: string, host?: string): string;
  close(): Promise<void>;
}

/**
 * Serves the fill test pages on 127.0.0.1 at a free port, to any Host name (so one server answers both
 * origins of FILL_PAGE_HOSTS). GET and HEAD of the listed files only; the query string is ignored (forms submit
 * to submitted.html with GET); anything else is 404 (405 for other methods).
 */
export async function startFillPagesServer(): Promise<FillPagesServer> {
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const name = pageName(request.url);
      if (name === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const body = await readFile(join(PAGES_DIR, name));
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(name)],
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      response.writeHead(500).end(error instanceof Error ? error.message : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (page, host = '127.0.0.1') => `http://${host}:${port}/${page}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser keeps connections open; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

/** The listed file a request path names, if any ("/plain.html?otp=1" -> "plain.html"). */
function pageName(url: string | undefined): string | undefined {
  try {
    const name = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname.slice(1));
    return FILL_PAGES.includes(name) ? name : undefined;
  } catch {
    return undefined;
  }
}
