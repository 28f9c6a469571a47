/**
 * Every response the proxy sends is built here, so the header policy holds in one place: the
 * caller sees only Content-Type, Cache-Control, X-Content-Type-Options and, where they apply,
 * Allow, Retry-After and X-Userlens-Cache — never an upstream header.
 */

export type CacheState = 'hit' | 'miss';

export interface ResponseExtras {
  /** Whether the payload came from the proxy's cache. */
  cache?: CacheState;
  /** Only on 429. */
  retryAfter?: string;
  /** Only on 405. */
  allow?: string;
}

function baseHeaders(extras: ResponseExtras): Headers {
  const headers = new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    // Tenant-scoped data: the proxy caches on the server; browsers and shared caches must not,
    // or a second user on the same browser could see the first one's answers.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (extras.cache) headers.set('X-Userlens-Cache', extras.cache);
  if (extras.retryAfter !== undefined) headers.set('Retry-After', extras.retryAfter);
  if (extras.allow !== undefined) headers.set('Allow', extras.allow);
  return headers;
}

/** A JSON payload already serialized (an upstream body the proxy checked is JSON). */
export function rawJsonResponse(status: number, body: string, extras: ResponseExtras = {}): Response {
  return new Response(body, { status, headers: baseHeaders(extras) });
}

export function jsonResponse(status: number, body: unknown, extras: ResponseExtras = {}): Response {
  return rawJsonResponse(status, JSON.stringify(body), extras);
}

export function errorResponse(status: number, message: string, extras: ResponseExtras = {}): Response {
  return jsonResponse(status, { error: message }, extras);
}
