import { errorResponse } from './responses.js';
import { hasControlCharacters, MAX_TARGET_LENGTH, unsafePathReason } from './target.js';

/**
 * Runs a web-standard handler on Node's `http` server: `http.createServer(toNodeListener(h))`.
 * Typed structurally rather than with `node:http`'s types, so hosts on other runtimes need no
 * `@types/node` to import `userlens/server`; Node's `IncomingMessage` and `ServerResponse`
 * satisfy these shapes. The raw request target is checked here, before a WHATWG `Request`
 * normalizes away what the proxy refuses (`..`, `\`), and the origin is fixed — the `Host`
 * header is the caller's to forge, and the proxy reads only the path and query. Request bodies
 * are not read (the proxy answers GETs only).
 */

export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Discards an unread body. */
  resume(): unknown;
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

function toRequest(req: NodeRequestLike, signal: AbortSignal): Request | Response {
  const target = req.url ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return errorResponse(414, 'The request URL is too long.');
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const unsafe = unsafePathReason(rawPath) ?? (hasControlCharacters(target) ? 'The request target contains control characters.' : null);
  if (unsafe) return errorResponse(400, unsafe);
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
  try {
    return new Request(`${ORIGIN}${target}`, { method, headers, signal });
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
    req.resume();
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    void (async () => {
      let response: Response;
      try {
        const request = toRequest(req, aborted.signal);
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
