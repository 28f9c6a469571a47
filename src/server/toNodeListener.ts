import { errorResponse } from './responses.js';
import { hasControlCharacters, MAX_TARGET_LENGTH, unsafePathReason } from './target.js';

/**
 * Runs a web-standard handler on Node's `http` server: `http.createServer(toNodeListener(h))`.
 * Typed structurally rather than with `node:http`'s types, so hosts on other runtimes need no
 * `@types/node` to import `userlens/server`; Node's `IncomingMessage` and `ServerResponse`
 * satisfy these shapes. The raw request target is checked here, before a WHATWG `Request`
 * normalizes away what the proxy refuses (`..`, `\`), and the origin is fixed — the `Host`
 * header is the caller's to forge, and the proxy reads only the path and query. A body (the
 * userlens handler's `POST …/call`) is read up to 1 MB and handed on; a larger one is refused
 * (413) unread. GET and HEAD bodies are discarded.
 */

export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Discards an unread body. */
  resume(): unknown;
  /** The body's pieces (Node's `IncomingMessage` is async-iterable). */
  [Symbol.asyncIterator]?(): AsyncIterator<Uint8Array | string>;
}

const MAX_BODY_BYTES = 1 << 20;

/** The body, or a 413 once it passes `MAX_BODY_BYTES` (the rest then discarded). */
async function readBody(req: NodeRequestLike): Promise<Uint8Array<ArrayBuffer> | Response> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  for await (const piece of req as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof piece === 'string' ? new TextEncoder().encode(piece) : piece;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      return errorResponse(413, 'The request body is too large.');
    }
    pieces.push(bytes);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) body.set(piece, (at += piece.length) - piece.length);
  return body;
}

export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  end(chunk?: Uint8Array): unknown;
  once(event: 'close', listener: () => void): unknown;
  readonly writableFinished: boolean;
}

const ORIGIN = 'http://localhost';

async function toRequest(req: NodeRequestLike, signal: AbortSignal): Promise<Request | Response> {
  const target = req.url ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return (req.resume(), errorResponse(414, 'The request URL is too long.'));
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const unsafe = unsafePathReason(rawPath) ?? (hasControlCharacters(target) ? 'The request target contains control characters.' : null);
  if (unsafe) return (req.resume(), errorResponse(400, unsafe));
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      // A header the fetch standard refuses is dropped; the proxy forwards none anyway.
    }
  }
  const method = req.method ?? 'GET';
  const hasBody = !/^(GET|HEAD)$/i.test(method) && typeof req[Symbol.asyncIterator] === 'function';
  if (!hasBody) req.resume();
  const body = hasBody ? await readBody(req) : undefined;
  if (body instanceof Response) return body;
  try {
    return new Request(`${ORIGIN}${target}`, { method, headers, signal, body });
  } catch {
    // The fetch standard forbids CONNECT, TRACE and TRACK, and refuses malformed methods and
    // targets (`*`, `http://…` absolute forms it cannot join): the caller's request, not a fault.
    return FORBIDDEN_METHODS.has(method.toUpperCase())
      ? errorResponse(405, 'This method is not supported.', { allow: 'GET' })
      : errorResponse(400, 'The request method or target cannot be read.');
  }
}

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

async function send(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(new Uint8Array(await response.arrayBuffer()));
}

export function toNodeListener(handler: (request: Request) => Promise<Response>): (req: NodeRequestLike, res: NodeResponseLike) => void {
  return (req, res) => {
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    void (async () => {
      let response: Response;
      try {
        const request = await toRequest(req, aborted.signal);
        response = request instanceof Response ? request : await handler(request);
      } catch {
        response = errorResponse(500, 'The proxy failed unexpectedly.');
      }
      try {
        if (!res.headersSent) await send(res, response);
      } catch {
        // The connection went away while answering; nothing is left to tell.
      }
    })();
  };
}
