import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLog } from './request-log.ts';
import type { ServeDeps } from './serve-operation.ts';
import { CognitoServiceError, shortName } from './cognito-service-error.ts';
import { corsPreflightHeaders, corsResponseHeaders } from './cors-headers.ts';
import { serveOperation } from './serve-operation.ts';
import { serviceErrors } from './service-errors.ts';

// The AWS JSON 1.1 protocol (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html) as cognito-idp speaks
// it: POST /, X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>, Content-Type application/x-amz-json-1.1.

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 1 << 20;

export interface HttpHandlerDeps extends ServeDeps {
  readonly log: RequestLog;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (size > MAX_BODY_BYTES) throw serviceErrors.serialization('The request body is larger than 1 MiB');
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** The operation name from X-Amz-Target, or UnknownOperationException. */
function targetOperation(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
    throw serviceErrors.unknownOperation(`Missing or unknown X-Amz-Target; expected ${TARGET_PREFIX}<Operation>`);
  }
  return target.slice(TARGET_PREFIX.length);
}

function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw serviceErrors.serialization('The request body is not valid JSON');
  }
}

/**
 * Serves the API: CORS preflight, then per request the Date header from the injected clock, x-amzn-RequestId,
 * errors as HTTP 400 {"__type", "message"} (InternalErrorException HTTP 500) with x-amzn-ErrorType, fault
 * injection and the request log.
 */
export function createHttpHandler(deps: HttpHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      console.error('cognito-server: failed to answer a request', error);
      if (!res.headersSent) send(res, 500, {}, '');
    });
  };
}

async function handle(deps: HttpHandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { ctx } = deps;
  const at = ctx.now();
  const base = { Date: new Date(at).toUTCString(), 'x-amzn-RequestId': ctx.ids.uuid() };
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    await readBody(req);
    send(res, 200, { ...base, ...corsPreflightHeaders(req.headers) }, '');
    deps.log.record({ at, method, operation: null, status: 200 });
    return;
  }
  const cors = corsResponseHeaders(req.headers);
  let operation: string | null = null;
  let error: CognitoServiceError;
  try {
    const body = await readBody(req);
    if (method !== 'POST') throw serviceErrors.unknownOperation(`Method ${method} is not supported; use POST`);
    operation = targetOperation(req);
    if (!deps.operations.has(operation)) {
      throw serviceErrors.unknownOperation(`Operation ${operation} is not supported by the local Cognito test server`);
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== CONTENT_TYPE) throw serviceErrors.serialization(`Content-Type must be ${CONTENT_TYPE}`);
    const served = serveOperation(deps, operation, parseJson(body));
    if (served.kind === 'no-answer') {
      // An injected network fault: the client sees the connection drop without an answer.
      deps.log.record({ at, method, operation, status: 0 });
      res.destroy();
      return;
    }
    if (served.kind === 'output') {
      send(res, 200, { ...base, ...cors, 'Content-Type': CONTENT_TYPE }, JSON.stringify(served.output));
      deps.log.record({ at, method, operation, status: 200 });
      return;
    }
    error = served.error;
  } catch (caught: unknown) {
    if (caught instanceof CognitoServiceError) {
      error = caught;
    } else {
      console.error(`cognito-server: ${operation ?? 'request'} failed unexpectedly`, caught);
      error = serviceErrors.internal();
    }
  }
  const headers = {
    ...base,
    ...cors,
    'Content-Type': CONTENT_TYPE,
    'x-amzn-ErrorType': `${shortName(error.name)}:`,
    // Header values must be printable ASCII; the JSON body keeps the exact message.
    'x-amzn-ErrorMessage': error.message.replace(/[^\x20-\x7e]/g, '?'),
  };
  send(res, error.status, headers, JSON.stringify({ __type: error.name, message: error.message }));
  deps.log.record({ at, method, operation, status: error.status, errorType: shortName(error.name) });
}
