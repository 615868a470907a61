import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILL_PAGES, FILL_PAGE_HOSTS, HOST_RESOLVER_RULES, startFillPagesServer, type FillPagesServer } from './serve-fill-pages.ts';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request to 127.0.0.1, with the Host header a browser mapping the test names would send. */
function get(server: FillPagesServer, path: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `${options.host ?? '127.0.0.1'}:${server.port}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let server: FillPagesServer;

beforeAll(async () => {
  server = await startFillPagesServer();
});
afterAll(async () => {
  await server.close();
});

describe('startFillPagesServer', () => {
  it('lists the pages the real-browser tests need, and their scripts', () => {
    expect(FILL_PAGES).toEqual([
      'backup-and-verification.html',
      'cognito-hosted-ui-like.html',
      'controlled-input.js',
      'framed.html',
      'framed.js',
      'look-alike.html',
      'managed-login-like.html',
      'plain.html',
      'prompt.html',
      'prompt.js',
      'react-like.html',
      'segmented.html',
      'segmented.js',
      'submit-after-fill.html',
      'submit-after-fill.js',
      'submitted.html',
      'submitted.js',
    ]);
  });

  it('serves only on 127.0.0.1, at the port it reports', () => {
    expect(server.url('plain.html')).toBe(`http://127.0.0.1:${server.port}/plain.html`);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each(FILL_PAGES)('serves %s byte for byte, with its type, a strict CSP and no caching', async (page) => {
    const reply = await get(server, `/${page}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(page.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-src http://login.example.test:* http://login.examp1e.test:*; form-action 'self'; base-uri 'none'",
    );
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body).toBe(await readFile(join(import.meta.dirname, page), 'utf8'));
  });

  it.each(FILL_PAGES.filter((page) => page.endsWith('.html')))('%s uses no inline script, and every script it loads is served', async (page) => {
    const html = (await get(server, `/${page}`)).body;
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    for (const [, src] of html.matchAll(/<script src="([^"]+)"/g)) {
      expect(FILL_PAGES).toContain(src);
    }
  });

  it.each(Object.values(FILL_PAGE_HOSTS))('answers the same page for the Host %s (both test origins)', async (host) => {
    const reply = await get(server, '/plain.html', { host });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe((await get(server, '/plain.html')).body);
  });

  it('ignores the query string a GET form adds', async () => {
    expect((await get(server, '/submitted.html?otp=123456')).status).toBe(200);
  });

  it.each(['/', '/nope.html', '/serve-fill-pages.ts', '/../../../package.json', '/%2e%2e%2fpackage.json', '/%E0%A4%A'])('answers 404 for %s', async (path) => {
    expect((await get(server, path)).status).toBe(404);
  });

  it('answers HEAD without a body, and 405 to other methods', async () => {
    const head = await get(server, '/plain.html', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
    const post = await get(server, '/plain.html', { method: 'POST' });
    expect([post.status, post.headers['allow']]).toEqual([405, 'GET, HEAD']);
  });

  it('builds the Chromium switch that maps both test hosts to 127.0.0.1', () => {
    expect(HOST_RESOLVER_RULES).toBe('--host-resolver-rules=MAP login.example.test 127.0.0.1, MAP login.examp1e.test 127.0.0.1');
  });
});
