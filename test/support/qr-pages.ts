import { createServer, type RequestListener } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { encode } from 'uqr';
import type { TlsCredentials } from './self-signed-certificate.ts';

// Pages that show QR codes, for the tab scan's real-browser tests and bench: served on 127.0.0.1 at a free port.
// The codes are drawn with uqr, the encoder Keystep's own exports use, as inline SVG.

/** One QR code on a page: its text and the size of a module in CSS pixels (4: a dense code stays readable). */
export interface PageCode {
  readonly text: string;
  readonly moduleSize?: number;
}

/** An SVG of the QR code of `text` (error correction M, a quiet zone of 4 modules), `moduleSize` CSS pixels a module. */
export function qrSvg(text: string, moduleSize = 4): string {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const path = data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x},${y}h1v1h-1z`] : []))).join('');
  const side = size * moduleSize;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** A page with a heading and the codes side by side, wrapping; `width` and `height` size the body (e.g. a 1920x1080 tab). */
export function qrPageHtml(title: string, codes: readonly PageCode[], options: { readonly caption?: string } = {}): string {
  const figures = codes
    .map(({ text, moduleSize = 4 }, index) => {
      const svg = qrSvg(text, moduleSize);
      return `<figure style="margin:8px;display:inline-block"><div>${svg}</div><figcaption>Code ${index + 1}</figcaption></figure>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="margin:16px;font:16px sans-serif;background:#fff"><h1>${title}</h1>${options.caption === undefined ? '' : `<p>${options.caption}</p>`}${figures}</body></html>`;
}

export interface QrPagesServer {
  /** The port on 127.0.0.1. */
  readonly port: number;
  /**
   * `http://<host>:<port>/<name>` (https with TLS); host defaults to 127.0.0.1. Any host name answers (a test name the browser maps
   * to 127.0.0.1 with HOST_RESOLVER_RULES of test/support/fill-pages/serve-fill-pages.ts), so this server is also a
   * FillPagesServer for test/support/fill-e2e.ts.
   */
  url(name: string, host?: string): string;
  close(): Promise<void>;
}

/**
 * Serves `pages` (name -> HTML) on 127.0.0.1, to any Host name; any other path is 404. With `tls`, over https
 * (e.g. selfSignedCertificate's, for a browser that ignores certificate errors).
 */
export async function serveQrPages(pages: Readonly<Record<string, string>>, { tls }: { readonly tls?: TlsCredentials } = {}): Promise<QrPagesServer> {
  const answer: RequestListener = (request, response) => {
    const page = pages[(request.url ?? '/').split('?')[0]?.slice(1) ?? ''];
    if (page === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
  };
  const server = tls === undefined ? createServer(answer) : createTlsServer(tls, answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (name, host = '127.0.0.1') => `${tls === undefined ? 'http' : 'https'}://${host}:${port}/${name}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
