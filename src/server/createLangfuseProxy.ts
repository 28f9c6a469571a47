import { answerFromUpstream } from './answer.js';
import { basicAuthorization } from './basicAuthorization.js';
import { ENDPOINTS, isLangfuseEndpoint } from './endpoints.js';
import { HttpRefusal } from '../client/http/httpRefusal.js';
import { ProxyAnswer } from './errors.js';
import type { LangfuseProxyOptions } from './options.js';
import { resolveOptions } from './options.js';
import { readParams, toSearch } from './params.js';
import { errorResponse, jsonResponse } from './responses.js';
import type { ResolvedScope } from './scope.js';
import { createRateBudget } from './rateBudget.js';
import { createRedactor } from './redact.js';
import { resolveScope, scopeKey } from './scope.js';
import { MAX_TARGET_LENGTH, unsafePathReason } from './target.js';
import { createUpstream, report } from './upstream.js';
import { createTraceVerifier } from './verifyTraces.js';

/**
 * `createLangfuseProxy(options)` → a web-standard `(Request) => Promise<Response>` handler for
 * the host's backend (Next.js route handlers, Hono, Workers, Node via `toNodeListener`). It lets
 * the browser read the few Langfuse endpoints userlens uses while the keys stay on the server:
 * GET only, an allow-list of paths and parameters, the signed-in user's scope written into
 * every upstream request, Langfuse's errors reduced to the proxy's own messages, a short
 * server-side cache with coalescing, and a budget of upstream requests per scope. A request
 * sent with `Cache-Control: no-cache` (or `Pragma: no-cache`), as the client does after
 * Refresh, skips the cache and refills it — at most once per `minRefreshIntervalMs` per URL.
 */
export function createLangfuseProxy(options: LangfuseProxyOptions): (request: Request) => Promise<Response> {
  const config = resolveOptions(options);
  const upstream = createUpstream({
    baseUrl: config.baseUrl,
    authorization: basicAuthorization(config.publicKey, config.secretKey),
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    cacheTtlMs: config.cacheTtlMs,
    maxResponseBytes: config.maxResponseBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    takeRequest: config.rateLimit && createRateBudget(config.rateLimit),
    minRefreshIntervalMs: config.minRefreshIntervalMs,
    redact: createRedactor(config.publicKey, config.secretKey, config.baseUrl),
    onError: config.onError,
  });
  const prefix = `${config.basePath}/api/public/`;

  async function resolveRequestScope(request: Request): Promise<ResolvedScope | Response | null> {
    if (!config.scope) return null;
    let value: Awaited<ReturnType<NonNullable<LangfuseProxyOptions['scope']>>>;
    try {
      value = await config.scope(request);
    } catch {
      throw new HttpRefusal(403, 'The signed-in user may not read these metrics.');
    }
    return value instanceof Response ? value : resolveScope(value);
  }

  /** Whether the caller asked for an answer newer than any cached one. */
  function wantsFresh({ headers }: Request): boolean {
    return /(^|,)\s*no-cache\s*(,|$)/i.test(`${headers.get('cache-control')},${headers.get('pragma')}`);
  }

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'GET') {
      return errorResponse(405, 'Only GET is supported: the proxy reads metrics, it never writes.', { allow: 'GET' });
    }
    if (request.url.length > MAX_TARGET_LENGTH) return errorResponse(414, 'The request URL is too long.');
    const url = new URL(request.url);
    const unsafe = unsafePathReason(url.pathname);
    if (unsafe) return errorResponse(400, unsafe);
    if (!url.pathname.startsWith(prefix)) return errorResponse(404, 'Not found.');
    const path = url.pathname.slice(config.basePath.length);
    if (!isLangfuseEndpoint(path) || !config.allowed.has(path)) {
      return errorResponse(403, 'This endpoint is not available through the proxy.');
    }

    const scope = await resolveRequestScope(request);
    if (scope instanceof Response) return scope;
    const key = scopeKey(scope);
    const fresh = wantsFresh(request);
    const endpoint = ENDPOINTS[path];
    const params = readParams(url.searchParams, endpoint, path);
    const plan = await endpoint.plan(params, scope, createTraceVerifier(upstream, scope, key, fresh));
    if (plan.kind === 'empty') return jsonResponse(200, plan.body);
    const { outcome, cache } = await upstream.get(path, toSearch(plan.params), key, fresh);
    return answerFromUpstream(outcome, cache);
  }

  return async function langfuseProxy(request: Request): Promise<Response> {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof ProxyAnswer) return error.response;
      // Refusal messages reach the browser: none carries a key, an upstream URL or an upstream error text.
      if (error instanceof HttpRefusal) return errorResponse(error.status, error.message);
      report(config.onError, { endpoint: new URL(request.url).pathname, status: null, reason: 'exception', error });
      return errorResponse(500, 'The proxy failed unexpectedly.');
    }
  };
}
