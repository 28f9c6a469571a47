// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createLangfuseProxy, LANGFUSE_ENDPOINTS } from '../../src/server/index.ts';
import { AUTHORIZATION, BASE_URL, PUBLIC_KEY, SECRET_KEY, body, createHarness, json, metricsQuery, target } from './harness.ts';

const METRICS = target('/api/public/v2/metrics', [['query', metricsQuery()]]);

describe('createLangfuseProxy: methods', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])('answers %s with 405, Allow: GET, and never calls Langfuse', async (method) => {
    const { call, calls } = createHarness();
    const response = await call(METRICS, { method, ...(method === 'POST' || method === 'PUT' || method === 'PATCH' ? { body: '{}' } : {}) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    if (method !== 'HEAD') expect((await body(response)).error).toMatch(/GET/);
    expect(calls).toHaveLength(0);
  });
});

describe('createLangfuseProxy: paths', () => {
  const SAMPLE: Record<string, [string, string][]> = {
    '/api/public/v2/metrics': [['query', metricsQuery()]],
    '/api/public/metrics': [['query', metricsQuery({ view: 'traces' })]],
    '/api/public/v2/observations': [['userId', 'u1']],
    '/api/public/v3/scores': [['traceId', 't1']],
    '/api/public/traces': [
      ['userId', 'u1'],
      ['fields', 'core,io'],
    ],
    '/api/public/observations': [['userId', 'u1']],
    '/api/public/v2/scores': [['userId', 'u1']],
  };

  it.each(LANGFUSE_ENDPOINTS)('forwards GET %s to the same path below baseUrl with the payload', async (path) => {
    const { call, calls } = createHarness({ respond: () => json({ data: [{ id: 'x' }], meta: {} }) });
    const response = await call(target(path, SAMPLE[path]));
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ data: [{ id: 'x' }], meta: {} });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.origin + calls[0]!.url.pathname).toBe(`${BASE_URL}${path}`);
    expect(calls[0]!.method).toBe('GET');
  });

  it.each([
    '/api/public/ingestion',
    '/api/public/projects',
    '/api/public/organizations/apiKeys',
    '/api/public/traces/abc',
    '/api/public/scores',
    '/api/public/v2/metrics/',
    '/api/public/sessions',
    '/api/public/health',
  ])('refuses %s with 403', async (path) => {
    const { call, calls } = createHarness();
    const response = await call(path);
    expect(response.status).toBe(403);
    expect((await body(response)).error).toMatch(/not available/);
    expect(calls).toHaveLength(0);
  });

  it.each(['/', '/api/v2/metrics', '/API/public/v2/metrics', '/other/api/public/v2/metrics', '/favicon.ico'])('answers %s with 404', async (path) => {
    const { call, calls } = createHarness();
    expect((await call(path)).status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it('the allow option narrows the list', async () => {
    const { call, calls } = createHarness({ allow: ['/api/public/v2/observations'] });
    expect((await call(METRICS)).status).toBe(403);
    expect((await call('/api/public/v2/observations')).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('answers below basePath only', async () => {
    const { call, calls } = createHarness({ basePath: '/api/userlens/' });
    expect((await call(`/api/userlens${METRICS}`)).status).toBe(200);
    expect(calls[0]!.url.pathname).toBe('/lf/api/public/v2/metrics');
    expect((await call(METRICS)).status).toBe(404);
    expect((await call(`/api/userlensx${METRICS}`)).status).toBe(404);
    expect((await call(`/api/userlens/api/public/ingestion`)).status).toBe(403);
    expect(calls).toHaveLength(1);
  });
});

describe('createLangfuseProxy: traversal and encodings', () => {
  // `%2e%2e`, `..` and `\` never survive `new Request` (WHATWG folds them); their raw forms are
  // refused by toNodeListener (nodeListener.test.ts). What survives is refused here.
  it.each([
    '/api/public/v2%2fmetrics',
    '/api/public/v2%2Fmetrics',
    '/api/public/v2%5cmetrics',
    '/api/public/v2%5Cmetrics',
    '/api/public/%252e%252e/v2/metrics',
    '/api/public/v2/metrics%00',
    '/api/public/v2/metrics%0d%0aX-Injected:%201',
    '/api/public//v2/metrics',
    '//api/public/v2/metrics',
    '/api/public/v2/met%72ics',
  ])('refuses %s with 400 before matching', async (path) => {
    const { call, calls } = createHarness();
    const response = await call(`${path}?query=${encodeURIComponent(metricsQuery())}`);
    expect(response.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it.each(['/api/public/v3/../v2/metrics', '/api/public/%2e%2e/public/v2/metrics', '/api/public/%2E%2E/public/v2/metrics', '/api/public\\v2\\metrics'])(
    'matches %s only as the runtime normalized it, and forwards the allow-listed path, never the caller one',
    async (path) => {
      const { call, calls } = createHarness();
      const response = await call(`${path}?query=${encodeURIComponent(metricsQuery())}`);
      expect(response.status).toBe(200);
      expect(calls[0]!.url.pathname).toBe('/lf/api/public/v2/metrics');
    },
  );

  it('answers 414 to an oversized URL', async () => {
    const { call, calls } = createHarness();
    expect((await call(`/api/public/v2/observations?name=${'a'.repeat(20_000)}`)).status).toBe(414);
    expect(calls).toHaveLength(0);
  });
});

describe('createLangfuseProxy: parameters', () => {
  it.each([
    ['%0d%0aX-Injected: 1', 'CR/LF'],
    ['u1%00', 'NUL'],
    ['u1%0a', 'LF'],
    ['u1%09', 'tab'],
    ['u1%7f', 'DEL'],
  ])('refuses a value with %s (%s) in it', async (value, _what) => {
    const { call, calls } = createHarness();
    const response = await call(`/api/public/v2/observations?userId=${value}`);
    expect(response.status).toBe(400);
    expect((await body(response)).error).toMatch(/control characters/);
    expect(calls).toHaveLength(0);
  });

  it('refuses a control character in a parameter name', async () => {
    const { call, calls } = createHarness();
    expect((await call('/api/public/v2/observations?user%0aId=u1')).status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['/api/public/v2/metrics', `query=${encodeURIComponent(metricsQuery())}&debug=1`],
    ['/api/public/v2/observations', 'userid=u1'],
    ['/api/public/v2/observations', 'projectId=p1'],
    ['/api/public/v3/scores', 'traceId=t1&userId=u1'],
    ['/api/public/traces', 'userId=u1&secret=1'],
  ])('refuses a parameter %s does not define', async (path, query) => {
    const { call, calls } = createHarness();
    const response = await call(`${path}?${query}`);
    expect(response.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('refuses a repeated single-valued parameter, including a second query', async () => {
    const { call, calls } = createHarness();
    const q = encodeURIComponent(metricsQuery());
    expect((await call(`/api/public/v2/metrics?query=${q}&query=${q}`)).status).toBe(400);
    expect((await call('/api/public/v2/observations?userId=a&userId=b')).status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('passes repeated array parameters through', async () => {
    const { call, calls } = createHarness();
    expect((await call('/api/public/traces?environment=a&environment=b&tags=x&tags=y&fields=core')).status).toBe(200);
    expect(calls[0]!.url.searchParams.getAll('environment')).toEqual(['a', 'b']);
    expect(calls[0]!.url.searchParams.getAll('tags')).toEqual(['x', 'y']);
  });

  it('rebuilds the query string, so a percent-encoded name reaches Langfuse as what the proxy read', async () => {
    const { call, calls } = createHarness();
    expect((await call('/api/public/traces?user%49d=u1&name=a%26b%3Dc&fields=core')).status).toBe(200);
    expect([...calls[0]!.url.searchParams]).toEqual([
      ['fields', 'core'],
      ['name', 'a&b=c'],
      ['userId', 'u1'],
    ]);
  });

  it('requires the metrics query and refuses invalid JSON, unknown views and unknown keys', async () => {
    const { call, calls } = createHarness();
    expect((await call('/api/public/v2/metrics')).status).toBe(400);
    expect((await call('/api/public/v2/metrics?query=%7Bnot-json')).status).toBe(400);
    expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery({ view: 'traces' })]]))).status).toBe(400);
    expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery({ view: 'users' })]]))).status).toBe(400);
    expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery({ filterz: [] })]]))).status).toBe(400);
    const response = await call(target('/api/public/v2/metrics', [['query', metricsQuery({ filters: [{ column: 'userId', operator: '=', value: 'u', type: 'string', or: true }] })]]));
    expect(response.status).toBe(400);
    expect((await body(response)).error).toMatch(/query/);
    expect(calls).toHaveLength(0);
    // v1 knows the traces view.
    expect((await call(target('/api/public/metrics', [['query', metricsQuery({ view: 'traces' })]]))).status).toBe(200);
  });
});

describe('createLangfuseProxy: headers', () => {
  it('sends Basic auth and Accept only, none of the caller headers', async () => {
    const { call, calls } = createHarness();
    await call(METRICS, {
      headers: {
        Authorization: 'Bearer caller-token',
        Cookie: 'session=abc',
        'Proxy-Authorization': 'Basic eA==',
        Connection: 'X-Foo, Keep-Alive',
        'Keep-Alive': 'timeout=5',
        'X-Foo': 'hop',
        'X-Forwarded-For': '10.0.0.1',
        'X-Forwarded-Host': 'evil.example',
        'X-Real-IP': '10.0.0.2',
        TE: 'trailers',
        Upgrade: 'websocket',
        'Accept-Language': 'de',
        Origin: 'https://evil.example',
      },
    });
    const sent = Object.fromEntries(calls[0]!.headers);
    expect(sent).toEqual({ authorization: AUTHORIZATION, accept: 'application/json' });
  });

  it('answers with its own headers only, never Langfuse ones', async () => {
    const { call } = createHarness({
      respond: () =>
        json({ data: [] }, 200, {
          'Set-Cookie': 'lf=1; HttpOnly',
          'X-Langfuse-Region': 'eu',
          'Access-Control-Allow-Origin': '*',
          Server: 'langfuse',
        }),
    });
    const response = await call(METRICS);
    expect([...response.headers.keys()].sort()).toEqual(['cache-control', 'content-type', 'x-content-type-options', 'x-userlens-cache']);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-userlens-cache')).toBe('miss');
  });
});

describe('createLangfuseProxy: upstream failures', () => {
  it.each([401, 403])('turns upstream %i into a generic 502 without its body', async (status) => {
    const { call } = createHarness({ respond: () => json({ message: `Invalid credentials for ${PUBLIC_KEY}`, error: 'Unauthorized' }, status, { 'WWW-Authenticate': 'Basic realm="x"' }) });
    const response = await call(METRICS);
    expect(response.status).toBe(502);
    expect(await body(response)).toEqual({ error: "The metrics source refused the proxy's credentials." });
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('passes 429 with its Retry-After, and drops an unreadable Retry-After', async () => {
    let retryAfter = '37';
    const { call } = createHarness({ respond: () => json({ message: 'slow down' }, 429, { 'Retry-After': retryAfter }) });
    let response = await call(METRICS);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('37');
    retryAfter = 'Wed, 21 Oct 2026 07:28:00 GMT';
    expect((await call(METRICS)).headers.get('retry-after')).toBe(retryAfter);
    retryAfter = 'soon';
    response = await call(METRICS);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it.each([500, 502, 503])('turns upstream %i into a generic 502', async (status) => {
    const { call } = createHarness({ respond: () => new Response(`<html>stack trace at ${BASE_URL}/internal with ${SECRET_KEY}</html>`, { status }) });
    const response = await call(METRICS);
    expect(response.status).toBe(502);
    expect((await body(response)).error).toMatch(/failed/);
  });

  it('answers every refused request with its own message; Langfuse\'s goes to onError only', async () => {
    const errors: unknown[] = [];
    const message = 'High cardinality dimension userId requires row_limit';
    const { call } = createHarness({ respond: () => json({ message }, 400), onError: (info) => errors.push(info) });
    const response = await call(METRICS);
    expect(response.status).toBe(400);
    expect(await body(response)).toEqual({ error: 'The metrics source refused the request (400).' });
    expect(errors).toEqual([{ endpoint: '/api/public/v2/metrics', status: 400, reason: 'rejected', detail: message }]);
  });

  it('keeps a 404 status (the client falls back to legacy endpoints on it)', async () => {
    const { call } = createHarness({ respond: () => json({ message: 'Not Found' }, 404) });
    const response = await call(METRICS);
    expect(response.status).toBe(404);
  });

  it('answers 502 to a network error and a redirect, 504 to a timeout, 502 to a 200 that is not JSON', async () => {
    let mode: 'network' | 'redirect' | 'html' | 'hang' = 'network';
    const calls: URL[] = [];
    const aborts: unknown[] = [];
    // Its own fetch rather than the harness responder: the hang needs the request's signal.
    const { call } = createHarness({
      timeoutMs: 20,
      fetch: (async (input: Request) => {
        calls.push(new URL(input.url));
        if (mode === 'network') throw new TypeError(`fetch failed: connect ECONNREFUSED ${BASE_URL}`);
        if (mode === 'redirect') return new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } });
        if (mode === 'html') return new Response('<html>login</html>', { status: 200 });
        // Hangs until the proxy gives up, like a Langfuse that never answers.
        return new Promise<Response>((_resolve, reject) => {
          input.signal.addEventListener('abort', () => {
            aborts.push(input.signal.reason);
            reject(input.signal.reason);
          });
        });
      }) as unknown as typeof fetch,
    });
    expect((await call(METRICS)).status).toBe(502);
    mode = 'redirect';
    expect((await call(METRICS)).status).toBe(502);
    mode = 'html';
    expect((await call(METRICS)).status).toBe(502);
    mode = 'hang';
    const response = await call(METRICS);
    expect(response.status).toBe(504);
    expect((await body(response)).error).toMatch(/did not answer in time/);
    expect(aborts).toHaveLength(1);
    expect(aborts[0]).toMatchObject({ name: 'TimeoutError' });
    expect(calls).toHaveLength(4);
  });

  it('answers 504 when Langfuse does not answer in time', async () => {
    const { handler } = createHarness({
      timeoutMs: 30,
      fetch: ((input: Request) =>
        new Promise<Response>((_resolve, reject) => {
          input.signal.addEventListener('abort', () => reject(input.signal.reason));
        })) as unknown as typeof fetch,
    });
    const response = await handler(new Request(`https://host.example${METRICS}`));
    expect(response.status).toBe(504);
  });

  it('reports a throwing fetch to onError as a network failure (502)', async () => {
    const errors: unknown[] = [];
    const { call } = createHarness({
      onError: (info) => errors.push(info),
      fetch: (() => {
        throw new Error('boom');
      }) as unknown as typeof fetch,
    });
    expect((await call(METRICS)).status).toBe(502);
    expect(errors).toEqual([{ endpoint: '/api/public/v2/metrics', status: null, reason: 'network' }]);
  });

  it('answers 500 to an unexpected exception, generically, and reports it to onError', async () => {
    const errors: { reason: string; error?: unknown }[] = [];
    const { call, calls } = createHarness({
      onError: (info) => errors.push(info),
      scope: () => ({
        get userIds(): string[] {
          throw new Error(`exploded near ${SECRET_KEY}`);
        },
      }),
    });
    const response = await call(METRICS);
    expect(response.status).toBe(500);
    expect(await body(response)).toEqual({ error: 'The proxy failed unexpectedly.' });
    expect(errors.map((e) => e.reason)).toEqual(['exception']);
    expect(calls).toHaveLength(0);
  });

  it('fails closed (403) when the trace check answers without a list', async () => {
    const { call, calls } = createHarness({ scope: () => ({ userIds: ['a:1'] }), respond: () => json({ data: 'not a list' }) });
    expect((await call('/api/public/v3/scores?traceId=t1')).status).toBe(403);
    expect(calls).toHaveLength(1);
  });

  it('reports upstream failures to onError and survives a throwing onError', async () => {
    const onError = vi.fn(() => {
      throw new Error('logger down');
    });
    const { call } = createHarness({ onError, respond: () => json({}, 401) });
    expect((await call(METRICS)).status).toBe(502);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith({ endpoint: '/api/public/v2/metrics', status: 401, reason: 'credentials' });
  });
});

describe('createLangfuseProxy: options', () => {
  const base = { baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY };
  it.each([
    [{ ...base, secretKey: '' }, /secretKey/],
    [{ ...base, publicKey: '' }, /publicKey/],
    [{ ...base, publicKey: 'a:b' }, /publicKey/],
    [{ ...base, baseUrl: 'cloud.langfuse.com' }, /baseUrl/],
    [{ ...base, baseUrl: 'ftp://cloud.langfuse.com' }, /baseUrl/],
    [{ ...base, baseUrl: 'https://user:pw@cloud.langfuse.com' }, /baseUrl/],
    [{ ...base, baseUrl: 'https://cloud.langfuse.com/?x=1' }, /baseUrl/],
    [{ ...base, basePath: 'api' }, /basePath/],
    [{ ...base, basePath: '/api/../x' }, /basePath/],
    [{ ...base, basePath: '/a%2fb' }, /basePath/],
    [{ ...base, allow: ['/api/public/ingestion'] as never }, /allow/],
    [{ ...base, cacheTtlMs: -1 }, /cacheTtlMs/],
    [{ ...base, timeoutMs: 0 }, /timeoutMs/],
  ])('refuses invalid options at creation without echoing the keys (%#)', (options, message) => {
    let error: unknown;
    try {
      createLangfuseProxy(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(SECRET_KEY);
    expect((error as Error).message).not.toContain('canary');
  });

  it('keeps a path prefix of baseUrl and drops its trailing slash', async () => {
    const { call, calls } = createHarness({ baseUrl: 'https://langfuse.internal.example:8443/lf/' });
    await call(METRICS);
    expect(calls[0]!.url.href.startsWith(`${BASE_URL}/api/public/v2/metrics?`)).toBe(true);
  });

  it('calls the global fetch when none is given', async () => {
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      seen.push(new Request(input).url);
      return json({ data: [] });
    }) as typeof fetch;
    try {
      const handler = createLangfuseProxy(base);
      expect((await handler(new Request(`https://host.example${METRICS}`))).status).toBe(200);
      expect(seen).toHaveLength(1);
    } finally {
      globalThis.fetch = original;
    }
  });
});
