import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received: its X-Amz-Target, headers and JSON body. */
export interface ReceivedRequest {
  readonly target: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** What to answer: HTTP status, JSON body, and the Date header when given. */
export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
  readonly date?: string;
}

export interface RecordingJsonServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 (free port) speaking AWS JSON 1.1 as far as an SDK client needs: each request is passed
 * to `handle`, which records it and says what to answer. For tests of the AWS SDK adapter, not of Cognito (the
 * Cognito behaviour lives in test/support/cognito-server).
 */
export async function startRecordingJsonServer(handle: (request: ReceivedRequest) => JsonReply): Promise<RecordingJsonServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      const answer = handle({
        target: typeof target === 'string' ? target : undefined,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown,
      });
      res.writeHead(answer.status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'req-1',
        ...(answer.date === undefined ? {} : { date: answer.date }),
      });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
