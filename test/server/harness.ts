import { expect } from 'vitest';
import { createLangfuseProxy } from '../../src/server/index.ts';
import type { LangfuseProxyOptions } from '../../src/server/index.ts';

export const PUBLIC_KEY = 'pk-lf-canary-public-2f9c';
export const SECRET_KEY = 'sk-lf-canary-secret-7d41';
export const BASE_URL = 'https://langfuse.internal.example:8443/lf';
export const AUTHORIZATION = `Basic ${Buffer.from(`${PUBLIC_KEY}:${SECRET_KEY}`).toString('base64')}`;

/** Everything that must never reach the browser, in any body or header. */
const FORBIDDEN = [SECRET_KEY, PUBLIC_KEY, AUTHORIZATION.slice('Basic '.length), 'langfuse.internal.example', BASE_URL];

export interface UpstreamCall {
  url: URL;
  headers: Headers;
  method: string;
}

export type Responder = (url: URL, call: UpstreamCall) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The canned answer for a path: an empty page in that endpoint's shape. */
export function emptyAnswer(url: URL): Response {
  if (url.pathname.endsWith('/metrics')) return json({ data: [] });
  if (url.pathname.endsWith('/v2/observations') || url.pathname.endsWith('/v3/scores')) return json({ data: [], meta: {} });
  return json({ data: [], meta: { page: 1, limit: 50, totalItems: 0, totalPages: 0 } });
}

/** Asserts a response carries no secret in its status text, headers or body; returns the body text. */
export async function expectNoSecrets(response: Response): Promise<string> {
  const text = await response.clone().text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  for (const secret of FORBIDDEN) {
    expect(text, 'response body').not.toContain(secret);
    expect(headers, 'response headers').not.toContain(secret);
    expect(response.statusText).not.toContain(secret);
  }
  return text;
}

export function createHarness(options: Partial<LangfuseProxyOptions> & { respond?: Responder } = {}) {
  const calls: UpstreamCall[] = [];
  const { respond = emptyAnswer, ...rest } = options;
  const fetchSpy = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const call = { url: new URL(request.url), headers: request.headers, method: request.method };
    calls.push(call);
    return respond(call.url, call);
  }) as typeof fetch;
  const handler = createLangfuseProxy({ baseUrl: BASE_URL, publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, fetch: fetchSpy, cacheTtlMs: 0, ...rest });

  /** Calls the proxy and checks the answer leaks nothing. */
  async function call(target: string, init?: RequestInit): Promise<Response> {
    const response = await handler(new Request(`https://host.example${target}`, init));
    await expectNoSecrets(response);
    return response;
  }

  return { handler, calls, call };
}

export async function body(response: Response): Promise<any> {
  return response.json();
}

/** `path?query` with the query built from pairs (values encoded). */
export function target(path: string, pairs: [string, string][] = []): string {
  const search = new URLSearchParams(pairs).toString();
  return search ? `${path}?${search}` : path;
}

export function metricsQuery(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    view: 'observations',
    metrics: [{ measure: 'totalCost', aggregation: 'sum' }],
    dimensions: [{ field: 'environment' }],
    fromTimestamp: '2026-01-01T00:00:00.000Z',
    toTimestamp: '2026-02-01T00:00:00.000Z',
    ...overrides,
  });
}

/** The JSON `filter` parameter (observations) sent upstream. */
export function upstreamFilter(call: UpstreamCall): any[] {
  const filter = call.url.searchParams.get('filter');
  return filter === null ? [] : JSON.parse(filter);
}

/** The `filters` of the metrics `query` sent upstream. */
export function upstreamMetricsFilters(call: UpstreamCall): any[] {
  return JSON.parse(call.url.searchParams.get('query')!).filters;
}
