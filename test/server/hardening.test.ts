// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLangfuseProxy, toNodeListener } from '../../src/server/index.ts';
import type { NodeRequestLike, NodeResponseLike, UpstreamErrorInfo } from '../../src/server/index.ts';
import { AUTHORIZATION, BASE_URL, PUBLIC_KEY, SECRET_KEY, body, createHarness, emptyAnswer, expectNoSecrets, json, metricsQuery, target } from './harness.ts';

const METRICS = target('/api/public/v2/metrics', [['query', metricsQuery()]]);
const MiB = 1024 * 1024;
const UPSTREAM_PREFIX = new URL(BASE_URL).pathname; // "/lf"

afterEach(() => {
  vi.useRealTimers();
});

// --- 1. Nothing of the keys or the upstream reaches the browser or onError ------------------

/** Base64 (standard or URL-safe) of `text` behind `prefix`, as an echoed header line would carry it. */
function base64Of(prefix: string, text: string, urlSafe: boolean): string {
  const encoded = Buffer.from(prefix + text).toString('base64');
  return urlSafe ? encoded.replace(/\+/g, '-').replace(/\//g, '_') : encoded;
}

/** Every secret a piece of text reveals once percent-decoded and base64-decoded at every alignment. */
function revealedSecrets(text: string): string[] {
  const decoded = [text, text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))];
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    const standard = run.replace(/-/g, '+').replace(/_/g, '/');
    for (let offset = 0; offset < 4; offset++) {
      const slice = standard.slice(offset, offset + Math.floor((standard.length - offset) / 4) * 4);
      decoded.push(Buffer.from(slice, 'base64').toString('latin1'));
    }
  }
  // A ten-character middle of a key is enough to call it revealed.
  const marks = [SECRET_KEY.slice(6, 16), PUBLIC_KEY.slice(6, 16), 'langfuse.internal', `${UPSTREAM_PREFIX}/api/public`];
  return marks.filter((mark) => decoded.some((text) => text.toLowerCase().includes(mark.toLowerCase())));
}

const echoes = fc.oneof(
  fc.constant(`Authorization: ${AUTHORIZATION}`),
  fc.constant(`Invalid key ${SECRET_KEY} for ${PUBLIC_KEY}`),
  fc.constant(`Not found: ${UPSTREAM_PREFIX}/api/public/v2/metrics`),
  fc.constant(`Not found: ${encodeURIComponent(`${UPSTREAM_PREFIX}/api/public/v2/metrics`)}`),
  fc.constant(`upstream ${BASE_URL} refused`),
  fc.tuple(fc.string({ maxLength: 5 }), fc.boolean()).map(([prefix, urlSafe]) => `header ${base64Of(prefix, `${PUBLIC_KEY}:${SECRET_KEY}`, urlSafe)}`),
  fc.tuple(fc.string({ maxLength: 5 }), fc.boolean()).map(([prefix, urlSafe]) => `line ${base64Of(prefix, `Authorization: Basic ${SECRET_KEY}`, urlSafe)}`),
  fc.boolean().map((lower) => {
    const encoded = encodeURIComponent(`${PUBLIC_KEY}:${SECRET_KEY}`);
    return `url ?auth=${lower ? encoded.toLowerCase() : encoded}`;
  }),
  fc.constant(`form ${new URLSearchParams({ k: `${PUBLIC_KEY}:${SECRET_KEY}` }).toString()}`),
);

describe('proxy: no key or upstream detail reaches the browser or onError, in any encoding', () => {
  it('relays no upstream text for any refused status, and onError gets it redacted', async () => {
    await fc.assert(
      fc.asyncProperty(echoes, fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500, 503), fc.constantFrom('message', 'error'), async (echo, status, field) => {
        const errors: UpstreamErrorInfo[] = [];
        const { handler } = createHarness({ respond: () => json({ [field]: `${echo} (${field})` }, status), onError: (info) => errors.push(info) });
        const response = await handler(new Request(`https://host.example${METRICS}`));
        const text = await expectNoSecrets(response);
        expect(revealedSecrets(text + [...response.headers].join('\n'))).toEqual([]);
        expect(text).not.toContain(echo.slice(0, 12));
        expect(errors).toHaveLength(1);
        expect(revealedSecrets(JSON.stringify(errors))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('still tells onError what Langfuse said, where it holds no secret', async () => {
    const errors: UpstreamErrorInfo[] = [];
    const { call } = createHarness({ respond: () => json({ message: `Invalid filter. Header was Basic ${AUTHORIZATION.slice(6)}` }, 400), onError: (info) => errors.push(info) });
    await call(METRICS);
    expect(errors[0]!.detail).toBe('Invalid filter. Header was Basic [redacted]');
  });
});

// --- 2. A 4xx for everything a caller can send ----------------------------------------------

/** JSON arrays nested `depth` deep around a string; written as text, since stringifying it would overflow the stack. */
const deepJson = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
const deepFilter = (depth: number) => `[{"type":"string","column":"name","operator":"=","value":${deepJson(depth)}}]`;

const callerValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 2, max: 6000 }).map(deepJson),
  fc.integer({ min: 2, max: 6000 }).map(deepFilter),
  fc.integer({ min: 2, max: 6000 }).map((depth) => metricsQuery({ filters: 'FILTERS' }).replace('"FILTERS"', deepFilter(depth))),
  fc.constantFrom('1e309', '-0', '99999999999999999999', 'NaN', '%E0%A4%A', '\u{1F600}', '[]', '{}', 'null'),
);

const ENDPOINT_PARAMS: Record<string, string[]> = {
  '/api/public/v2/metrics': ['query'],
  '/api/public/metrics': ['query'],
  '/api/public/v2/observations': ['filter', 'limit', 'cursor', 'fields', 'userId', 'environment', 'fromStartTime'],
  '/api/public/v3/scores': ['traceId', 'limit', 'cursor', 'fields', 'name'],
  '/api/public/traces': ['filter', 'limit', 'page', 'fields', 'userId', 'tags'],
  '/api/public/observations': ['filter', 'limit', 'page', 'userId', 'traceId'],
  '/api/public/v2/scores': ['filter', 'limit', 'page', 'fields', 'traceId', 'traceTags'],
};

describe('proxy: every request a caller can send gets a 4xx or a proper answer', () => {
  it('answers arbitrary parameters on every endpoint, with or without a scope, below 500', async () => {
    const exceptions: UpstreamErrorInfo[] = [];
    const proxies = [
      createHarness({ onError: (info) => exceptions.push(info), rateLimit: false }).handler,
      createHarness({ onError: (info) => exceptions.push(info), rateLimit: false, scope: () => ({ environments: ['production'], userIdPrefix: 'org-1:' }) }).handler,
    ];
    const endpoint = fc.constantFrom(...Object.keys(ENDPOINT_PARAMS));
    const request = endpoint.chain((path) =>
      fc.record({
        path: fc.constant(path),
        params: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...ENDPOINT_PARAMS[path]!), fc.string({ maxLength: 8 })), callerValue), { maxLength: 4 }),
        proxy: fc.constantFrom(0, 1),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ path, params, proxy }) => {
        exceptions.length = 0;
        // Brackets left unencoded, as a URL may carry them, so deep JSON fits the URL length limit.
        const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value).replace(/%5B/g, '[').replace(/%5D/g, ']')}`).join('&');
        const response = await proxies[proxy]!(new Request(`https://host.example${path}?${query}`));
        expect(response.status, `${path} ${JSON.stringify(params).slice(0, 200)}`).toBeLessThan(500);
        expect(exceptions).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a filter value 5,000 arrays deep with a 400 that says why', async () => {
    const { call } = createHarness();
    // Brackets unencoded, as a URL may carry them: 10 kB, inside the proxy's URL length limit.
    const response = await call(`/api/public/v2/observations?filter=${deepFilter(5000)}`);
    expect(response.status).toBe(400);
    expect((await body(response)).error).toMatch(/"filter" parameter is nested more than 8 levels deep/);
  });

  it('refuses a legacy page larger than 100', async () => {
    const { call, calls } = createHarness();
    for (const path of ['/api/public/traces', '/api/public/observations']) {
      const fields: [string, string][] = path === '/api/public/traces' ? [['fields', 'core']] : [];
      expect((await call(target(path, [...fields, ['limit', '101']]))).status).toBe(400);
      expect((await call(target(path, [...fields, ['limit', '100']]))).status).toBe(200);
    }
    expect(calls).toHaveLength(2);
  });
});

/** Runs a Node-shaped request through `toNodeListener` and returns the status it answered. */
function nodeStatus(listener: ReturnType<typeof toNodeListener>, method: string, url: string): Promise<number> {
  return new Promise((resolve) => {
    const req: NodeRequestLike = { method, url, headers: { host: 'evil.example' }, resume: () => undefined };
    const res: NodeResponseLike & { statusCode: number } = {
      statusCode: 200,
      headersSent: false,
      writableFinished: false,
      setHeader: () => undefined,
      end: () => resolve(res.statusCode),
      once: () => undefined,
    };
    listener(req, res);
  });
}

describe('toNodeListener: every method and target a Node server accepts gets a 4xx or an answer', () => {
  const listener = toNodeListener(createHarness({ rateLimit: false }).handler);

  it.each(['TRACE', 'CONNECT', 'TRACK', 'trace'])('answers %s with 405', async (method) => {
    expect(await nodeStatus(listener, method, METRICS)).toBe(405);
  });

  it('answers arbitrary methods and request targets below 500', async () => {
    const method = fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'DELETE', 'PATCH', 'PUT', 'TRACE', 'CONNECT', 'TRACK', 'M-SEARCH', 'PURGE', ''), fc.string({ minLength: 1, maxLength: 8 }));
    const url = fc.oneof(fc.constantFrom('*', 'http://other.example/x', '//a/b', '/?%', METRICS, `${METRICS}&query=x`), fc.string({ maxLength: 60 }), fc.webPath());
    await fc.assert(
      fc.asyncProperty(method, url, async (m, u) => {
        expect(await nodeStatus(listener, m, u), `${m} ${u}`).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });
});

// --- 3. Bytes held at once, across requests --------------------------------------------------

/** Upstream answers streamed in chunks, recording the bytes pulled by reads still open. */
function streamingUpstream(totalBytes: number, chunk: number) {
  const state = { open: 0, peak: 0, cancelled: 0 };
  const respond = (url: URL) => {
    if (!url.pathname.endsWith('/metrics')) return emptyAnswer(url);
    let pulled = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      state.open -= pulled;
    };
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // Lets other requests interleave, as a network would.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (pulled >= totalBytes) {
          finish();
          controller.close();
          return;
        }
        const size = Math.min(chunk, totalBytes - pulled);
        const first = pulled === 0;
        let text = 'x'.repeat(size);
        if (first) text = `{"data":"${text.slice(9)}`;
        if (pulled + size >= totalBytes) text = `${text.slice(0, -2)}"}`;
        pulled += size;
        state.open += size;
        state.peak = Math.max(state.peak, state.open);
        controller.enqueue(new TextEncoder().encode(text));
      },
      cancel() {
        state.cancelled++;
        finish();
      },
    });
    return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { state, respond };
}

describe('proxy: memory bounded across requests, not only per answer', () => {
  it('holds at most maxBufferedBytes of 40 concurrent distinct answers; the rest answer 503 with Retry-After', async () => {
    const upstream = streamingUpstream(1 * MiB, 64 * 1024);
    const errors: UpstreamErrorInfo[] = [];
    const { handler } = createHarness({ respond: upstream.respond, maxBufferedBytes: 4 * MiB, maxResponseBytes: 2 * MiB, rateLimit: false, onError: (info) => errors.push(info) });
    const requests = Array.from({ length: 40 }, (_, i) =>
      handler(new Request(`https://host.example${target('/api/public/v2/metrics', [['query', metricsQuery({ fromTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() })]])}`)),
    );
    const responses = await Promise.all(requests);
    const statuses = responses.map((response) => response.status);
    expect(upstream.state.peak).toBeLessThanOrEqual(4 * MiB + 64 * 1024);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(3);
    const busy = responses.filter((response) => response.status === 503);
    expect(busy.length).toBe(40 - statuses.filter((status) => status === 200).length);
    expect(busy[0]!.headers.get('retry-after')).toBe('1');
    expect(await busy[0]!.json()).toEqual({ error: 'The proxy is reading too many large answers at once; try again shortly.' });
    expect(upstream.state.cancelled).toBe(busy.length);
    expect(errors.every((info) => info.reason === 'busy')).toBe(true);

    // Nothing stays reserved: one at a time, every answer fits again.
    for (let i = 0; i < 6; i++) {
      const response = await handler(new Request(`https://host.example${target('/api/public/v2/metrics', [['query', metricsQuery({ toTimestamp: `2026-03-0${i + 1}T00:00:00.000Z` })]])}`));
      expect(response.status).toBe(200);
    }
  });

  it('holds at most 64 MiB by default', async () => {
    const upstream = streamingUpstream(15 * MiB, 1 * MiB);
    const { handler } = createHarness({ respond: upstream.respond, rateLimit: false });
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => handler(new Request(`https://host.example${target('/api/public/v2/metrics', [['query', metricsQuery({ toTimestamp: `2026-03-0${i + 1}T00:00:00.000Z` })]])}`))),
    );
    expect(upstream.state.peak).toBeLessThanOrEqual(64 * MiB + MiB);
    expect(responses.some((response) => response.status === 503)).toBe(true);
  });
});

// --- 4. A caller cannot spend the project's rate limit ---------------------------------------

/** A proxy whose scope is the `x-tenant` header, and a request for one distinct metrics query per `n`. */
function tenantProxy(options: Parameters<typeof createHarness>[0] = {}) {
  const harness = createHarness({ scope: (request) => ({ environments: [request.headers.get('x-tenant') ?? 'none'] }), ...options });
  const metrics = (tenant: string, n: number, headers: Record<string, string> = {}) =>
    harness.call(target('/api/public/v2/metrics', [['query', metricsQuery({ fromTimestamp: new Date(Date.UTC(2026, 0, 1) + n).toISOString() })]]), { headers: { 'x-tenant': tenant, ...headers } });
  const observations = (tenant: string, n: number) => harness.call(target('/api/public/v2/observations', [['fields', 'core'], ['fromStartTime', new Date(Date.UTC(2026, 0, 1) + n).toISOString()]]), { headers: { 'x-tenant': tenant } });
  return { ...harness, metrics, observations };
}

describe('proxy: a per-scope budget of upstream requests', () => {
  it('answers 429 with Retry-After once a scope spends its budget, without asking Langfuse; other scopes are untouched', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 5, 1));
    const errors: UpstreamErrorInfo[] = [];
    const proxy = tenantProxy({ rateLimit: { requests: 5, metricsRequests: 2, windowMs: 60_000 }, onError: (info) => errors.push(info) });
    // Each query differs by a millisecond: the cache cannot help.
    expect((await proxy.metrics('a', 1)).status).toBe(200);
    vi.setSystemTime(Date.UTC(2026, 5, 1, 0, 0, 20));
    expect((await proxy.metrics('a', 2)).status).toBe(200);
    const refused = await proxy.metrics('a', 3);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(await body(refused)).toEqual({ error: 'Too many requests for this account; try again in 40 s.' });
    expect(errors).toEqual([{ endpoint: '/api/public/v2/metrics', status: null, reason: 'over_budget' }]);
    expect(proxy.calls).toHaveLength(2);
    // Another tenant has its own budget; other endpoints count toward the total only.
    expect((await proxy.metrics('b', 3)).status).toBe(200);
    for (let n = 0; n < 3; n++) expect((await proxy.observations('a', n)).status).toBe(200);
    expect((await proxy.observations('a', 3)).status).toBe(429);
    // The window slides: the first metrics request leaves it after 60 s.
    vi.setSystemTime(Date.UTC(2026, 5, 1, 0, 1, 0));
    expect((await proxy.metrics('a', 4)).status).toBe(200);
  });

  it('counts only requests that reach Langfuse, whatever the order of calls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }), async (sequence) => {
        const proxy = tenantProxy({ cacheTtlMs: 60_000, rateLimit: { requests: 100, metricsRequests: 4 } });
        const answered: Record<string, Set<number>> = { a: new Set(), b: new Set() };
        for (const [tenant, n] of sequence) {
          const status = (await proxy.metrics(tenant, n)).status;
          // Repeats are cached; a tenant's fifth distinct query is refused.
          const expected = answered[tenant]!.has(n) || answered[tenant]!.size < 4 ? 200 : 429;
          expect(status).toBe(expected);
          if (status === 200) answered[tenant]!.add(n);
        }
        expect(proxy.calls).toHaveLength(answered.a!.size + answered.b!.size);
      }),
      { numRuns: 60 },
    );
  });

  it('serves a refresh over budget from the cache rather than with a 429', async () => {
    const proxy = tenantProxy({ cacheTtlMs: 60_000, minRefreshIntervalMs: 0, rateLimit: { requests: 1, metricsRequests: 1 } });
    expect((await proxy.metrics('a', 1)).status).toBe(200);
    const refreshed = await proxy.metrics('a', 1, { 'Cache-Control': 'no-cache' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('x-userlens-cache')).toBe('hit');
    expect((await proxy.metrics('a', 2)).status).toBe(429);
  });

  it('gives a refresh inside the interval the answer under way, not the older one cached', async () => {
    let version = 1;
    let release = () => {};
    const proxy = tenantProxy({
      cacheTtlMs: 60_000,
      respond: async () => {
        const mine = version++;
        if (mine === 2) await new Promise<void>((resolve) => (release = resolve));
        return json({ data: [{ version: mine }] });
      },
    });
    const fresh = { 'Cache-Control': 'no-cache' };
    expect(await body(await proxy.metrics('a', 1))).toEqual({ data: [{ version: 1 }] });
    const first = proxy.metrics('a', 1, fresh);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = proxy.metrics('a', 1, fresh);
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    expect(await body(await first)).toEqual({ data: [{ version: 2 }] });
    expect(await body(await second)).toEqual({ data: [{ version: 2 }] });
    expect(proxy.calls).toHaveLength(2);
  });

  it('limits every scope by default: 30 metrics requests a minute', async () => {
    const proxy = tenantProxy();
    for (let n = 0; n < 30; n++) expect((await proxy.metrics('a', n)).status).toBe(200);
    expect((await proxy.metrics('a', 30)).status).toBe(429);
  });

  it('honours no-cache at most once per minRefreshIntervalMs per scope and URL', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 5, 1));
    const proxy = tenantProxy({ cacheTtlMs: 60_000 });
    const fresh = { 'Cache-Control': 'no-cache' };
    expect((await proxy.metrics('a', 1)).headers.get('x-userlens-cache')).toBe('miss');
    expect((await proxy.metrics('a', 1, fresh)).headers.get('x-userlens-cache')).toBe('miss');
    for (let i = 0; i < 5; i++) expect((await proxy.metrics('a', 1, fresh)).headers.get('x-userlens-cache')).toBe('hit');
    expect(proxy.calls).toHaveLength(2);
    // Another tenant's refresh of the same query is its own.
    expect((await proxy.metrics('b', 1, fresh)).headers.get('x-userlens-cache')).toBe('miss');
    vi.setSystemTime(Date.UTC(2026, 5, 1, 0, 0, 10));
    expect((await proxy.metrics('a', 1, fresh)).headers.get('x-userlens-cache')).toBe('miss');
    expect(proxy.calls).toHaveLength(4);
  });

  it('refuses at creation a rate limit that is not a whole number above 0, and a byte budget below one answer', () => {
    expect(() => createLangfuseProxy({ baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, rateLimit: { requests: 0 } })).toThrow(/rateLimit.requests/);
    expect(() => createLangfuseProxy({ baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, rateLimit: { metricsRequests: 100 / 3 } })).toThrow(/rateLimit.metricsRequests must be a whole number/);
    expect(() => createLangfuseProxy({ baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, maxBufferedBytes: -1 })).toThrow(/maxBufferedBytes/);
    expect(() => createLangfuseProxy({ baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, maxBufferedBytes: 1024, maxResponseBytes: 2048 })).toThrow(/at least maxResponseBytes/);
  });
});

describe('proxy: the shapes it reads are checked strictly, saying where', () => {
  it.each([
    [metricsQuery({ filters: [{ type: 'string', 'column ': 'name', operator: '=', value: 'x' }] }), 'at filters.0.column : unknown key'],
    [metricsQuery({ filters: [{ type: 'string', operator: '=', value: 'x' }] }), 'at filters.0.column: expected a value'],
    [metricsQuery({ view: 'sessions' }), 'at view: expected one of observations, scores-numeric, scores-boolean, scores-categorical'],
    [metricsQuery({ metrics: 'count' }), 'at metrics: expected an array'],
    [metricsQuery({ config: { row_limit: '10' } }), 'at config.row_limit: expected a number'],
    [metricsQuery({ filters: Array.from({ length: 101 }, () => ({ type: 'string', column: 'name', operator: '=', value: 'x' })) }), 'at filters: expected at most 100 items'],
    ['[]', ': expected an object'],
  ])('refuses %s with a 400 naming the place', async (query, problem) => {
    const { call, calls } = createHarness();
    const response = await call(target('/api/public/v2/metrics', [['query', query]]));
    expect(response.status).toBe(400);
    expect(await body(response)).toEqual({ error: `The "query" parameter is malformed${problem.startsWith(':') ? '' : ' '}${problem}.` });
    expect(calls).toHaveLength(0);
  });

  it('accepts null where Langfuse takes null, and refuses a blank scope value from the host with a 500', async () => {
    expect((await createHarness().call(target('/api/public/v2/metrics', [['query', metricsQuery({ filters: null, orderBy: null, config: null })]]))).status).toBe(200);
    expect((await createHarness({ scope: () => ({ environments: [' '] }) }).call(METRICS)).status).toBe(500);
  });
});
