// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createLangfuseProxy } from '../../src/server/index.ts';
import type { UpstreamErrorInfo } from '../../src/server/index.ts';
import { BASE_URL, PUBLIC_KEY, SECRET_KEY, body, createHarness, json, metricsQuery, target } from './harness.ts';

const METRICS = target('/api/public/v2/metrics', [['query', metricsQuery()]]);
const TOO_LARGE = { error: 'The metrics source answered with more data than the proxy accepts.' };
const MiB = 1024 * 1024;

/** A JSON body streamed in `chunk`-byte pieces up to `total` bytes, recording how much was pulled and whether it was cancelled. */
function streamedJson(total: number, chunk: number, init: ResponseInit = {}) {
  const state = { pulled: 0, cancelled: false };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) {
          controller.close();
          return;
        }
        const size = Math.min(chunk, total - state.pulled);
        // `{"data":"xxxx…"}`: valid JSON of exactly `total` bytes.
        const first = state.pulled === 0;
        const last = state.pulled + size >= total;
        let text = 'x'.repeat(size);
        if (first) text = `{"data":"${text.slice(9)}`;
        if (last) text = `${text.slice(0, -2)}"}`;
        state.pulled += size;
        controller.enqueue(encoder.encode(text));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { state, response: () => new Response(stream, { status: 200, ...init }) };
}

describe('upstream answers: size cap', () => {
  it('reads an answer up to maxResponseBytes', async () => {
    const upstream = streamedJson(4096, 1000);
    const { call } = createHarness({ maxResponseBytes: 4096, respond: upstream.response });
    const response = await call(METRICS);
    expect(response.status).toBe(200);
    expect((await body(response)).data).toHaveLength(4096 - 11);
  });

  it('answers 502 JSON above maxResponseBytes, cancels the upstream stream, caches nothing and tells onError', async () => {
    const errors: UpstreamErrorInfo[] = [];
    const upstreams: ReturnType<typeof streamedJson>[] = [];
    const { call, calls } = createHarness({
      maxResponseBytes: 4096,
      cacheTtlMs: 60_000,
      onError: (info) => errors.push(info),
      respond: () => {
        const upstream = streamedJson(100 * MiB, 1024);
        upstreams.push(upstream);
        return upstream.response();
      },
    });
    const response = await call(METRICS);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await body(response)).toEqual(TOO_LARGE);
    expect(upstreams[0]!.state.cancelled).toBe(true);
    expect(upstreams[0]!.state.pulled).toBeLessThan(8 * 1024);
    expect(errors).toEqual([{ endpoint: '/api/public/v2/metrics', status: null, reason: 'too_large' }]);
    expect((await call(METRICS)).status).toBe(502);
    expect(calls).toHaveLength(2);
  });

  it('refuses a declared Content-Length above the cap without reading the body', async () => {
    const upstream = streamedJson(8192, 1024, { headers: { 'Content-Length': '8192' } });
    const { call } = createHarness({ maxResponseBytes: 4096, respond: upstream.response });
    const response = await call(METRICS);
    expect(response.status).toBe(502);
    expect(await body(response)).toEqual(TOO_LARGE);
    expect(upstream.state.pulled).toBe(0);
  });

  it('counts bytes, not characters', async () => {
    // 2,000 characters, 6,000 bytes of UTF-8.
    const { call } = createHarness({ maxResponseBytes: 4096, respond: () => json({ data: '€'.repeat(2000) }) });
    expect(await body(await call(METRICS))).toEqual(TOO_LARGE);
  });

  it('caps at 16 MiB by default', async () => {
    let total = 16 * MiB;
    const { call } = createHarness({ respond: () => streamedJson(total, MiB).response() });
    expect((await call(METRICS)).status).toBe(200);
    total = 16 * MiB + 1;
    expect(await body(await call(METRICS))).toEqual(TOO_LARGE);
  });

  it('reads at most 64 kB of an error answer for its message', async () => {
    const { call } = createHarness({ respond: () => json({ message: 'bad filter', padding: 'x'.repeat(100_000) }, 400) });
    const response = await call(METRICS);
    expect(response.status).toBe(400);
    expect((await body(response)).error).toBe('The metrics source refused the request (400).');
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses maxResponseBytes %s at creation', (maxResponseBytes) => {
    expect(() => createLangfuseProxy({ baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, maxResponseBytes })).toThrow(/maxResponseBytes/);
  });
});

describe('parameters: page sizes and field groups', () => {
  it.each([
    ['/api/public/v2/observations', 1000],
    ['/api/public/v3/scores', 100],
    ['/api/public/v2/scores', 100],
  ])('%s takes a limit up to the spec maximum (%i), no more', async (path, max) => {
    const { call, calls } = createHarness();
    expect((await call(`${path}?limit=${max}`)).status).toBe(200);
    expect(calls[0]!.url.searchParams.get('limit')).toBe(String(max));
    const response = await call(`${path}?limit=${max + 1}`);
    expect(response.status).toBe(400);
    expect((await body(response)).error).toMatch(/"limit".*1 to \d+/);
    expect(calls).toHaveLength(1);
  });

  it.each(['0', '-1', '1.5', '1e3', 'abc', '', ' 10', '99999999999'])('refuses limit=%j on every endpoint with a limit', async (limit) => {
    const { call, calls } = createHarness();
    for (const path of ['/api/public/v2/observations', '/api/public/v3/scores', '/api/public/v2/scores', '/api/public/observations', '/api/public/traces?fields=core']) {
      const response = await call(`${path}${path.includes('?') ? '&' : '?'}limit=${encodeURIComponent(limit)}`);
      expect(response.status, path).toBe(400);
    }
    expect(calls).toHaveLength(0);
  });

  it('legacy traces: fields must be given and name only core and io', async () => {
    const { call, calls } = createHarness();
    for (const fields of ['core,io', 'core', 'io', 'io, core']) {
      expect((await call(target('/api/public/traces', [['fields', fields]]))).status).toBe(200);
      expect(calls.at(-1)!.url.searchParams.get('fields')).toBe(fields);
    }
    expect(calls).toHaveLength(4);
    for (const query of ['', '?fields=core,scores', '?fields=observations', '?fields=core,io,metrics', '?fields=', '?fields=core,,io']) {
      const response = await call(`/api/public/traces${query}`);
      expect(response.status, query).toBe(400);
      expect((await body(response)).error).toMatch(/fields/);
    }
    expect(calls).toHaveLength(4);
  });
});
