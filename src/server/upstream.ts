import type { CachedValue } from './cache.js';
import { TtlCache } from './cache.js';
import type { CacheState } from './responses.js';

/**
 * The one place that talks to Langfuse. It sends only `Authorization` and `Accept` — none of
 * the caller's headers (cookies, its own authorization, hop-by-hop or forwarding headers) —
 * does not follow redirects (the credentials must not travel to another origin), bounds the
 * wait, and reduces each answer to an outcome: the body only for 200s (checked to be JSON),
 * the status plus `Retry-After` and a short message otherwise. Bodies are read as a stream and
 * abandoned (the stream cancelled) past a byte cap, so one oversized answer cannot exhaust the
 * host's memory. 200s are cached under a key made of the scope and the final URL.
 */

export type UpstreamOutcome =
  | { kind: 'ok'; status: 200; body: string; size: number }
  | { kind: 'status'; status: number; retryAfter: string | null; message: string | null; size: number }
  | { kind: 'network' | 'timeout' | 'not_json' | 'unexpected' | 'too_large'; size: number };

export interface UpstreamErrorInfo {
  /** The Langfuse path that failed (no query, no host). */
  endpoint: string;
  /** Langfuse's status, when it answered. */
  status: number | null;
  reason: 'credentials' | 'rate_limited' | 'rejected' | 'upstream_error' | 'network' | 'timeout' | 'not_json' | 'unexpected' | 'too_large' | 'exception';
  /** For `exception`: what the proxy threw. */
  error?: unknown;
}

/** Calls the host's hook without letting it break a request. */
export function report(onError: ((info: UpstreamErrorInfo) => void) | undefined, info: UpstreamErrorInfo): void {
  try {
    onError?.(info);
  } catch {
    // The host's logger failing is not the browser's problem.
  }
}

export interface UpstreamOptions {
  baseUrl: string;
  authorization: string;
  fetch: typeof fetch;
  timeoutMs: number;
  cacheTtlMs: number;
  /** The largest body read, in bytes. */
  maxResponseBytes: number;
  onError?: ((info: UpstreamErrorInfo) => void) | undefined;
}

export interface Upstream {
  /** `fresh`: neither a cached answer nor one already under way, but a new request (its 200 is stored). */
  get(path: string, search: URLSearchParams, scopeKey: string, fresh?: boolean): Promise<{ outcome: UpstreamOutcome; cache: CacheState }>;
}

const MAX_CACHE_ENTRIES = 500;
/** About 64 MB of UTF-16 text across all entries. */
const MAX_CACHE_CHARS = 32 * 1024 * 1024;

/** An error body larger than this holds no message worth reading. */
const MAX_ERROR_BYTES = 64 * 1024;

/**
 * The body as text, or null when it holds more than `maxBytes` bytes — then the stream is
 * cancelled, so the rest is never downloaded. Throws what reading throws (abort, reset).
 */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return declared > maxBytes ? null : '';
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function errorMessage(response: Response): Promise<string | null> {
  try {
    const text = await readCapped(response, MAX_ERROR_BYTES);
    const body = text === null ? null : (JSON.parse(text) as unknown);
    if (body && typeof body === 'object') {
      const { message, error } = body as { message?: unknown; error?: unknown };
      if (typeof message === 'string') return message;
      if (typeof error === 'string') return error;
    }
  } catch {
    // Not JSON: there is no message worth passing on.
  }
  return null;
}

function reasonFor(outcome: UpstreamOutcome): UpstreamErrorInfo['reason'] | null {
  if (outcome.kind !== 'status') return outcome.kind === 'ok' ? null : outcome.kind;
  if (outcome.status === 401 || outcome.status === 403) return 'credentials';
  if (outcome.status === 429) return 'rate_limited';
  return outcome.status >= 500 ? 'upstream_error' : 'rejected';
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const cache = new TtlCache<UpstreamOutcome & CachedValue>({
    ttlMs: options.cacheTtlMs,
    maxEntries: MAX_CACHE_ENTRIES,
    maxSize: MAX_CACHE_CHARS,
  });

  async function load(url: string): Promise<UpstreamOutcome> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await options.fetch(
        new Request(url, {
          method: 'GET',
          headers: { Authorization: options.authorization, Accept: 'application/json' },
          redirect: 'manual',
          signal: timeout,
        }),
      );
    } catch {
      return { kind: timeout.aborted ? 'timeout' : 'network', size: 0 };
    }
    try {
      if (response.status === 200) {
        const body = await readCapped(response, options.maxResponseBytes);
        if (body === null) return { kind: 'too_large', size: 0 };
        try {
          JSON.parse(body);
        } catch {
          return { kind: 'not_json', size: 0 };
        }
        return { kind: 'ok', status: 200, body, size: body.length };
      }
      // Only a 4xx body may hold a message worth relaying; the others are dropped unread.
      const clientError = response.status >= 400 && response.status < 500;
      const message = clientError ? await errorMessage(response) : null;
      if (!clientError) await response.body?.cancel().catch(() => undefined);
      if (response.status < 400) return { kind: 'unexpected', size: 0 };
      return { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after'), message, size: 0 };
    } catch {
      return { kind: timeout.aborted ? 'timeout' : 'network', size: 0 };
    }
  }

  return {
    async get(path, search, scopeKey, fresh = false) {
      const query = search.toString();
      const url = `${options.baseUrl}${path}${query ? `?${query}` : ''}`;
      const { value, shared } = await cache.get(
        `${scopeKey}\n${url}`,
        async () => {
          const outcome = await load(url);
          const reason = reasonFor(outcome);
          if (reason) report(options.onError, { endpoint: path, status: outcome.kind === 'status' ? outcome.status : null, reason });
          return outcome;
        },
        (outcome) => outcome.kind === 'ok',
        fresh,
      );
      return { outcome: value, cache: shared ? 'hit' : 'miss' };
    },
  };
}
