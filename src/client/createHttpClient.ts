import type { RequestHeaders } from './http/requestJson.js';
import type { UserTrackingClient } from './types.js';

export interface HttpClientOptions {
  /** Where `createUserlensHandler` is mounted, e.g. `/api/userlens` or `https://admin.example.com/api/userlens`. */
  baseUrl: string;
  /** Headers sent with every call (a CSRF token); a function is asked before each call. */
  headers?: RequestHeaders | (() => RequestHeaders | Promise<RequestHeaders>);
  /** @defaultValue 'same-origin' (the host's session cookie goes along) */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** A `fetch` of your own (tests, an instrumented one). */
  fetch?: typeof fetch;
  /** The client's `id` for query keys. @defaultValue from the server's client */
  id?: string;
}

/**
 * A client that speaks to `createUserlensHandler` on the host's server, so the browser reads
 * any source served there — the memory client over an export too large for a browser, or the
 * host's own client over its database — with the same answers and the same `UserlensError`
 * codes. Asks the server for its client's capabilities first, hence the promise. Its code loads
 * on first use.
 *
 * @example
 * const client = await createHttpClient({ baseUrl: '/api/userlens' });
 * <UserTrackingProvider client={client}>…
 */
export async function createHttpClient(options: HttpClientOptions): Promise<UserTrackingClient> {
  const { connectHttpClient } = await import('./http/connectHttpClient.js');
  return connectHttpClient(options);
}
