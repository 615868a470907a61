import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';

/**
 * Reads the system clipboard back from a page on http://127.0.0.1, the one kind of origin
 * that can be granted clipboard-read (extension origins cannot).
 */
export async function createClipboardReader(context: BrowserContext): Promise<{ read(): Promise<string>; close(): Promise<void> }> {
  const server: Server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>clipboard</title><p>clipboard reader</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  return {
    async read() {
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async close() {
      await page.close();
      // Chromium keeps the connection alive; close() alone would wait for it.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
