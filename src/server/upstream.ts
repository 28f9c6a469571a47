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
 * host's memory, and past a shared budget of bytes held at once, so many cannot either. 200s
 * are cached under a key made of the scope and the final URL. Each scope spends a budget of
 * upstream requests, and a fresh read of a URL is honoured once per interval per scope.
 */

export type UpstreamOutcome =
  | { kind: 'ok'; status: 200; body: string; size: number }
  | { kind: 'status'; status: number; retryAfter: string | null; message: string | null; size: number }
  | { kind: 'over_budget'; retryAfterMs: number; size: number }
  | { kind: 'network' | 'timeout' | 'not_json' | 'unexpected' | 'too_large' | 'busy'; size: number };

export interface UpstreamErrorInfo {
  /** The Langfuse path that failed (no query, no host). */
  endpoint: string;
  /** Langfuse's status, when it answered. */
  status: number | null;
  reason:
    | 'credentials'
    | 'rate_limited'
    | 'rejected'
    | 'upstream_error'
    | 'network'
    | 'timeout'
    | 'not_json'
    | 'unexpected'
    | 'too_large'
    /** More bytes of answers in flight than `maxBufferedBytes`; this one was abandoned (503). */
    | 'busy'
    /** The scope used its `rateLimit`; Langfuse was not asked (429). */
    | 'over_budget'
    | 'exception';
  /**
   * For a refused request (4xx): Langfuse's own message, at most 300 characters, with the keys
   * and the upstream address removed in every encoding — for your logs; the browser never sees it.
   */
  detail?: string;
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
  /**
   * The most bytes of bodies held at once, across requests. A read that would pass it is
   * abandoned (`busy`) rather than waited on: waiting could leave every reader holding part of an
   * answer and none able to finish.
   */
  maxBufferedBytes: number;
  /** Takes one upstream request from a scope's budget: 0, or the ms to wait; null for no limit. */
  takeRequest: ((scopeKey: string, metrics: boolean) => number) | null;
  /** The shortest time between two fresh reads of one URL for one scope, ms. */
  minRefreshIntervalMs: number;
  /** Removes the keys and the upstream address from text meant for `onError`. */
  redact: (text: string) => string;
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
/** URLs whose last fresh read is remembered, for `minRefreshIntervalMs`. */
const MAX_FRESH_ENTRIES = 10_000;
const MAX_DETAIL = 300;

/**
 * The body as text; `too_large` when it holds more than `maxBytes` bytes, `busy` when holding
 * it would pass the shared budget — then the stream is cancelled, so the rest is never
 * downloaded. `reserve` takes each chunk's bytes from the shared budget (false: none left); the
 * caller gives them back. Throws what reading throws (abort, reset).
 */
async function readCapped(response: Response, maxBytes: number, reserve: (bytes: number) => boolean): Promise<string | 'too_large' | 'busy'> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return declared > maxBytes ? 'too_large' : '';
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    const refusal = bytes > maxBytes ? 'too_large' : !reserve(value.byteLength) ? 'busy' : null;
    if (refusal) {
      await reader.cancel().catch(() => undefined);
      return refusal;
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function errorMessage(response: Response, reserve: (bytes: number) => boolean): Promise<string | null> {
  try {
    const text = await readCapped(response, MAX_ERROR_BYTES, reserve);
    const body = text === 'too_large' || text === 'busy' ? null : (JSON.parse(text) as unknown);
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

function describeFailure(endpoint: string, outcome: UpstreamOutcome, reason: UpstreamErrorInfo['reason'], redact: (text: string) => string): UpstreamErrorInfo {
  if (outcome.kind !== 'status') return { endpoint, status: null, reason };
  const info: UpstreamErrorInfo = { endpoint, status: outcome.status, reason };
  if (outcome.message !== null) {
    const detail = redact(outcome.message);
    info.detail = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail;
  }
  return info;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const cache = new TtlCache<UpstreamOutcome & CachedValue>({
    ttlMs: options.cacheTtlMs,
    maxEntries: MAX_CACHE_ENTRIES,
    maxSize: MAX_CACHE_CHARS,
  });

  /** Bytes of bodies being read, across requests. */
  let buffered = 0;
  /** When each scope last read each URL fresh. */
  const freshAt = new Map<string, number>();

  /** Whether a fresh read of this key may go upstream now (and records it when so). */
  function mayReadFresh(key: string): boolean {
    const now = Date.now();
    const last = freshAt.get(key);
    if (last !== undefined && now - last < options.minRefreshIntervalMs) return false;
    freshAt.delete(key);
    freshAt.set(key, now);
    for (const oldest of freshAt.keys()) {
      if (freshAt.size <= MAX_FRESH_ENTRIES) break;
      freshAt.delete(oldest);
    }
    return true;
  }

  async function load(url: string): Promise<UpstreamOutcome> {
    let reserved = 0;
    const reserve = (bytes: number) => {
      if (buffered + bytes > options.maxBufferedBytes) return false;
      buffered += bytes;
      reserved += bytes;
      return true;
    };
    try {
      return await fetchOutcome(url, reserve);
    } finally {
      buffered -= reserved;
    }
  }

  async function fetchOutcome(url: string, reserve: (bytes: number) => boolean): Promise<UpstreamOutcome> {
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
        const body = await readCapped(response, options.maxResponseBytes, reserve);
        if (body === 'too_large' || body === 'busy') return { kind: body, size: 0 };
        try {
          JSON.parse(body);
        } catch {
          return { kind: 'not_json', size: 0 };
        }
        return { kind: 'ok', status: 200, body, size: body.length };
      }
      // Only a 4xx body may hold a message worth relaying; the others are dropped unread.
      const clientError = response.status >= 400 && response.status < 500;
      const message = clientError ? await errorMessage(response, reserve) : null;
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
      const key = `${scopeKey}\n${url}`;
      const loader = async () => {
        const wait = options.takeRequest?.(scopeKey, path.endsWith('/metrics')) ?? 0;
        const outcome: UpstreamOutcome = wait > 0 ? { kind: 'over_budget', retryAfterMs: wait, size: 0 } : await load(url);
        const reason = reasonFor(outcome);
        if (reason) report(options.onError, describeFailure(path, outcome, reason, options.redact));
        return outcome;
      };
      const keep = (outcome: UpstreamOutcome) => outcome.kind === 'ok';
      // A refresh sooner than the interval gets the newest answer there is instead of its own.
      const mode = !fresh ? 'cached' : mayReadFresh(key) ? 'fresh' : 'newest';
      let { value, shared } = await cache.get(key, loader, keep, mode);
      // Over budget, a refresh still gets the answer the cache holds rather than a 429.
      if (mode === 'fresh' && value.kind === 'over_budget') ({ value, shared } = await cache.get(key, loader, keep));
      return { outcome: value, cache: shared ? 'hit' : 'miss' };
    },
  };
}
