import { UserlensError, type UserlensErrorCode } from '../errors.js';
import type { ClientCapabilities, RequestOptions, UserTrackingClient } from '../types.js';
import type { HttpClientOptions } from '../createHttpClient.js';

/** How many of each method's arguments are data; the next one is its `RequestOptions`. */
const ARITY = {
  listUsers: 1,
  getUser: 2,
  listTraces: 1,
  listSessions: 1,
  listScores: 1,
  getActivity: 1,
  getUserFigures: 1,
  getTrends: 1,
  getDistribution: 1,
  getSegments: 1,
  getOverview: 1,
  listObservations: 1,
  getFilterOptions: 1,
} as const;

const CODES: readonly UserlensErrorCode[] = ['invalid_dataset', 'invalid_query', 'invalid_options', 'unsupported', 'invalid_response', 'network', 'timeout', 'rate_limited', 'unauthorized'];

/** The server's error as the `UserlensError` it was there; an answer that is not the handler's, as a network error. */
function errorOf(response: Response, body: unknown): UserlensError {
  const error = (body as { error?: { code?: unknown; message?: unknown; where?: unknown; field?: unknown; retryAfterMs?: unknown } } | null)?.error;
  const code = CODES.find((known) => known === error?.code);
  if (!code || typeof error?.message !== 'string') {
    // Not the handler's answer (auth middleware, a gateway): its status still says what kind of failure.
    const status = response.status;
    const kind: UserlensErrorCode = status === 401 || status === 403 ? 'unauthorized' : status === 429 ? 'rate_limited' : status === 504 ? 'timeout' : 'network';
    const retryAfter = Number(response.headers.get('retry-after'));
    return new UserlensError(kind, `The userlens endpoint answered HTTP ${status} without a userlens error.`, { status, retryAfterMs: kind === 'rate_limited' && retryAfter > 0 ? retryAfter * 1000 : undefined });
  }
  return new UserlensError(code, error.message, {
    status: response.status,
    where: typeof error.where === 'string' ? error.where : undefined,
    field: typeof error.field === 'string' ? error.field : undefined,
    retryAfterMs: typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined,
  });
}

export async function connectHttpClient(options: HttpClientOptions): Promise<UserTrackingClient> {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
    throw new UserlensError('invalid_options', 'createHttpClient needs a baseUrl: where createUserlensHandler is mounted, e.g. "/api/userlens".');
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  // For a moment after invalidate() (the views' refresh), calls ask the server for fresh answers rather than its kept ones.
  let freshUntil = 0;

  async function request(path: string, init: RequestInit, signal: AbortSignal | undefined): Promise<unknown> {
    const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
    for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
    let response: Response;
    try {
      response = await fetcher(`${base}${path}`, { ...init, headers, signal, credentials: options.credentials ?? 'same-origin' });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new UserlensError('network', `The userlens endpoint could not be reached (${base}${path}).`, { cause: error });
    }
    const body: unknown = await response.json().catch(() => null);
    // Aborted while the answer came: the caller asked to hear no more of it.
    if (signal?.aborted) throw signal.reason;
    if (!response.ok) throw errorOf(response, body);
    // A page served in place of the endpoint (a wrong baseUrl behind an app's fallback route).
    if (body === null || typeof body !== 'object') throw new UserlensError('invalid_response', `${base}${path} did not answer as a userlens endpoint: is baseUrl where createUserlensHandler is mounted?`, { status: response.status });
    return body;
  }

  const answer = (await request('/capabilities', { method: 'GET' }, undefined)) as { id: string | null; capabilities: ClientCapabilities };
  const methods = Object.fromEntries(
    Object.entries(ARITY).map(([method, arity]) => [
      method,
      async (...given: unknown[]) => {
        const { signal } = (given[arity] ?? {}) as RequestOptions;
        signal?.throwIfAborted();
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (Date.now() < freshUntil) headers['Cache-Control'] = 'no-cache';
        const body = (await request('/call', { method: 'POST', headers, body: JSON.stringify({ method, args: given.slice(0, arity) }) }, signal)) as { result: unknown };
        return body.result;
      },
    ]),
  );
  return {
    ...(methods as unknown as Omit<UserTrackingClient, 'capabilities' | 'id'>),
    id: options.id ?? (answer.id ? `http:${answer.id}` : `http:${base}`),
    capabilities: answer.capabilities,
    invalidate: () => {
      freshUntil = Date.now() + 1000;
    },
  };
}
