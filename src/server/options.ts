import type { AllowedEndpoint } from './endpoints.js';
import { isLangfuseEndpoint, LANGFUSE_ENDPOINTS } from './endpoints.js';
import type { RateBudgetOptions, ResolvedRateBudget } from './rateBudget.js';
import { DEFAULT_RATE_BUDGET } from './rateBudget.js';
import type { LangfuseScope } from './scope.js';
import type { UpstreamErrorInfo } from './upstream.js';

export interface LangfuseProxyOptions {
  /** The Langfuse host, e.g. `https://cloud.langfuse.com` (a path prefix is kept for self-hosting behind one). */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /**
   * Where the host mounts the proxy, e.g. `/api/userlens`: it then answers at
   * `/api/userlens/api/public/…`. None by default.
   */
  basePath?: string;
  /**
   * The signed-in host user's constraints, read per request. Return null or undefined for no
   * constraint (an administrator), a `Response` to answer it yourself (e.g. 401 when nobody is
   * signed in); a throw answers 403.
   */
  scope?: (request: Request) => LangfuseScope | Response | null | undefined | Promise<LangfuseScope | Response | null | undefined>;
  /** How long a 200 answer is reused, per scope and URL. 0 disables the cache (identical concurrent requests are still coalesced). @defaultValue 30000 */
  cacheTtlMs?: number;
  /**
   * The shortest time between two fresh reads (`Cache-Control: no-cache`, sent after Refresh) of
   * one URL for one scope, ms. A fresh request sooner than this gets the cached answer, or
   * shares the one under way. @defaultValue 10000
   */
  minRefreshIntervalMs?: number;
  /**
   * Upstream requests each scope (each distinct value your `scope` returns; all callers share
   * one when there is no scope) may cause per window. Past it the proxy answers 429 itself with
   * `Retry-After`, without asking Langfuse. Cached and shared answers cost nothing. Langfuse's
   * metrics v2 may allow as little as 100 requests an hour for the whole project: with many
   * tenants, lower `metricsRequests`. `false` turns the limit off.
   * @defaultValue `{ requests: 1000, metricsRequests: 30, windowMs: 60000 }`
   */
  rateLimit?: RateBudgetOptions | false;
  /** Narrows the endpoints the proxy serves (the default is all of `LANGFUSE_ENDPOINTS`). */
  allow?: readonly AllowedEndpoint[];
  /** How long to wait for Langfuse, ms. @defaultValue 10000 */
  timeoutMs?: number;
  /**
   * The largest Langfuse answer the proxy reads, in bytes. A larger one is abandoned (its
   * download cancelled) and answered with 502. @defaultValue 16777216 (16 MiB)
   */
  maxResponseBytes?: number;
  /**
   * The most bytes of Langfuse answers the proxy holds while reading them, across all requests
   * at once (`maxResponseBytes` bounds each one; this must be at least that). A read that would
   * pass it is abandoned and answered 503 with `Retry-After: 1`. Answers kept in the cache are
   * bounded apart (about 64 MB); an answer handed to your framework is held until it is sent.
   * @defaultValue 67108864 (64 MiB)
   */
  maxBufferedBytes?: number;
  /** The upstream `fetch`; injectable for tests and instrumented clients. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Told about upstream failures, so the host can log them: the endpoint, Langfuse's status and
   * — for a refused request — its message with the keys and the upstream address removed.
   */
  onError?: (info: UpstreamErrorInfo) => void;
}

export interface ResolvedOptions {
  baseUrl: string;
  basePath: string;
  publicKey: string;
  secretKey: string;
  allowed: ReadonlySet<AllowedEndpoint>;
  cacheTtlMs: number;
  timeoutMs: number;
  maxResponseBytes: number;
  maxBufferedBytes: number;
  minRefreshIntervalMs: number;
  rateLimit: ResolvedRateBudget | null;
  fetch: typeof fetch;
  scope: LangfuseProxyOptions['scope'];
  onError: LangfuseProxyOptions['onError'];
}

function fail(message: string): never {
  // Names the option, never its value: the value may be a key.
  throw new TypeError(`[userlens] createLangfuseProxy: ${message}`);
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a finite number ≥ 0.`);
  return value;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a finite number > 0.`);
  return value;
}

function count(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) fail(`${name} must be a whole number > 0.`);
  return value;
}

function resolveRateLimit(option: RateBudgetOptions | false | undefined): ResolvedRateBudget | null {
  if (option === false) return null;
  const requests = count(option?.requests, DEFAULT_RATE_BUDGET.requests, 'rateLimit.requests');
  return {
    requests,
    metricsRequests: count(option?.metricsRequests, Math.min(requests, DEFAULT_RATE_BUDGET.metricsRequests), 'rateLimit.metricsRequests'),
    windowMs: positive(option?.windowMs, DEFAULT_RATE_BUDGET.windowMs, 'rateLimit.windowMs'),
  };
}

/** Checks the options once, at creation, so a misconfigured proxy fails at startup and not per request. */
export function resolveOptions(options: LangfuseProxyOptions): ResolvedOptions {
  if (typeof options.publicKey !== 'string' || options.publicKey === '') fail('publicKey is required.');
  if (typeof options.secretKey !== 'string' || options.secretKey === '') fail('secretKey is required.');
  if (options.publicKey.includes(':')) fail('publicKey must not contain ":" (it is the Basic-auth user name).');

  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    fail('baseUrl must be an absolute URL such as https://cloud.langfuse.com.');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') fail('baseUrl must use http or https.');
  if (base.username || base.password || base.search || base.hash) fail('baseUrl must carry no credentials, query or fragment.');
  const baseUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;

  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/.test(basePath)) {
    fail('basePath must be a plain path such as /api/userlens (letters, digits, ".", "_", "~", "-").');
  }

  const allow = options.allow ?? LANGFUSE_ENDPOINTS;
  for (const endpoint of allow) {
    if (!isLangfuseEndpoint(endpoint)) fail(`allow lists ${JSON.stringify(endpoint)}, which is not one of ${LANGFUSE_ENDPOINTS.join(', ')}.`);
  }

  const maxResponseBytes = positive(options.maxResponseBytes, 16 * 1024 * 1024, 'maxResponseBytes');
  const maxBufferedBytes = positive(options.maxBufferedBytes, 64 * 1024 * 1024, 'maxBufferedBytes');
  if (maxBufferedBytes < maxResponseBytes) fail('maxBufferedBytes must be at least maxResponseBytes, or an answer of allowed size could never be read.');

  return {
    baseUrl,
    basePath,
    publicKey: options.publicKey,
    secretKey: options.secretKey,
    allowed: new Set(allow),
    cacheTtlMs: nonNegative(options.cacheTtlMs, 30_000, 'cacheTtlMs'),
    timeoutMs: positive(options.timeoutMs, 10_000, 'timeoutMs'),
    maxResponseBytes,
    maxBufferedBytes,
    minRefreshIntervalMs: nonNegative(options.minRefreshIntervalMs, 10_000, 'minRefreshIntervalMs'),
    rateLimit: resolveRateLimit(options.rateLimit),
    // Looked up per call (tests may replace it) and called on globalThis (Workers require it).
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    scope: options.scope,
    onError: options.onError,
  };
}
