import type { UserTrackingClient } from '../client/types.js';
import type { UserlensScope } from './userlensScope.js';

export interface UserlensHandlerOptions {
  /**
   * Where the handler is mounted: it answers `GET <basePath>/capabilities` and
   * `POST <basePath>/call`. Give the same as `createHttpClient`'s `baseUrl` path.
   * @defaultValue '/api/userlens'
   */
  basePath?: string;
  /**
   * The signed-in user's scope (or `null` for everything), from the request (its session
   * cookie): added to every call. Throw to refuse the request (403).
   */
  scope?: (request: Request) => UserlensScope | null | Promise<UserlensScope | null>;
  /**
   * How long an answer is kept for the same call in the same scope, ms; `0` keeps none. A
   * request sent with `Cache-Control: no-cache` (the client after `invalidate()`) is answered afresh.
   * @defaultValue 30000
   */
  cacheTtlMs?: number;
}

/**
 * `createUserlensHandler(client, options)` → a web-standard `(Request) => Promise<Response>`
 * that serves any `UserTrackingClient` to `createHttpClient` in the browser: the memory client
 * over an export too large for a browser, or the host's own client over its database. Queries
 * are checked by the client as they would be in the browser, and its `UserlensError`s reach the
 * browser with their codes; a request the browser drops aborts the call on the server; the
 * signed-in user's scope is added to every call on the server and cannot be widened; answers
 * are kept per scope for `cacheTtlMs`.
 *
 * @example
 * // app/api/userlens/[...call]/route.ts (Next.js)
 * const handler = createUserlensHandler(createMemoryClient(dataset), { scope: (request) => ({ metadata: { tenant: tenantOf(request) } }) });
 * export { handler as GET, handler as POST };
 */
export function createUserlensHandler(client: UserTrackingClient, options: UserlensHandlerOptions = {}): (request: Request) => Promise<Response> {
  // The body loads with the first request: a host that serves only the Langfuse proxy carries none of it.
  let handler: Promise<(request: Request) => Promise<Response>> | undefined;
  return async (request) => {
    handler ??= import('./userlensHandler.js').then(({ userlensHandler }) => userlensHandler(client, options));
    return (await handler)(request);
  };
}
