// @vitest-environment node
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryClient } from '../../src/core.ts';
import { createUserlensHandler, toNodeListener } from '../../src/server/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import type { NodeRequestLike, NodeResponseLike } from '../../src/server/index.ts';
import { PUBLIC_KEY, SECRET_KEY, createHarness, metricsQuery } from './harness.ts';

const QUERY = `?query=${encodeURIComponent(metricsQuery())}`;
const harness = createHarness({ basePath: '/api/userlens' });
const server = createServer(toNodeListener(harness.handler));
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Sends the path exactly as given (Node's client does not normalize it). */
function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{"x":1}' : undefined);
  });
}

describe('toNodeListener', () => {
  it('serves the proxy on node:http with its status, headers and body', async () => {
    const before = harness.calls.length;
    const response = await get(`/api/userlens/api/public/v2/metrics${QUERY}`, 'GET', { Cookie: 'a=b', Authorization: 'Bearer x', Host: 'evil.example' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ data: [] });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['set-cookie']).toBeUndefined();
    const sent = harness.calls[before]!;
    expect(sent.headers.get('cookie')).toBeNull();
    expect(sent.headers.get('authorization')).toMatch(/^Basic /);
    expect(response.text).not.toContain(SECRET_KEY);
    expect(response.text).not.toContain(PUBLIC_KEY);
  });

  it('answers POST with 405 and Allow: GET', async () => {
    const response = await get(`/api/userlens/api/public/v2/metrics${QUERY}`, 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET');
  });

  it.each([
    '/api/userlens/api/public/../public/v2/metrics',
    '/api/userlens/api/public/v3/../v2/metrics',
    '/api/userlens/api/public/%2e%2e/public/v2/metrics',
    '/api/userlens/api/public/%2E%2E/public/v2/metrics',
    '/api/userlens/api/public/./v2/metrics',
    '/api/userlens/api/public\\v2\\metrics',
    '/api/userlens/api/public/v2%2fmetrics',
    '/api/userlens/api/public/v2%5Cmetrics',
    '/api/userlens/api/public/%252e%252e/v2/metrics',
    '/api/userlens//api/public/v2/metrics',
    '/api/userlens/api/public/v2/metrics%00',
    'http://evil.example/api/userlens/api/public/v2/metrics',
  ])('refuses the raw target %s with 400 before building a Request', async (path) => {
    const before = harness.calls.length;
    const response = await get(`${path}${QUERY}`);
    expect(response.status).toBe(400);
    expect(harness.calls.length).toBe(before);
  });

  it('refuses raw control characters in the target (what a parser letting them through would hand over)', async () => {
    const before = harness.calls.length;
    for (const url of [`/api/userlens/api/public/v2/metrics\r\nX-Injected: 1${QUERY}`, `/api/userlens/api/public/v2/metrics${QUERY}&x=\r\n`, '/api/userlens/api/public/v2/observations?userId=a\u0000']) {
      const answer = await callDirectly({ method: 'GET', url, headers: {} });
      expect(answer.status).toBe(400);
    }
    expect(harness.calls.length).toBe(before);
  });

  it('answers 500 when the handler throws, and drops headers the fetch standard refuses', async () => {
    const listener = toNodeListener(async () => {
      throw new Error(`boom ${SECRET_KEY}`);
    });
    const answer = await callDirectly({ method: 'GET', url: '/x', headers: { 'x-bad': 'a\u0000b', ':authority': 'h' } }, listener);
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain(SECRET_KEY);
  });
});

/** Drives a listener with plain objects shaped like IncomingMessage and ServerResponse. */
function callDirectly(req: Omit<NodeRequestLike, 'resume'>, listener = toNodeListener(harness.handler)): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    const res: NodeResponseLike = {
      statusCode: 200,
      headersSent: false,
      writableFinished: false,
      setHeader: (name, value) => (headers[name] = value),
      end: (chunk) => resolve({ status: res.statusCode, headers, body: new TextDecoder().decode(chunk) }),
      once: () => undefined,
    };
    listener({ ...req, resume: () => undefined }, res);
  });
}

describe('toNodeListener — the userlens handler, whose calls are POSTed', () => {
  const dataset = generateDemoDataset({ seed: 3, users: 12, end: '2026-11-01T00:00:00.000Z' });
  const memory = createMemoryClient(dataset);
  const handlerServer = createServer(toNodeListener(createUserlensHandler(memory, { cacheTtlMs: 0 })));
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => handlerServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(handlerServer.address() as AddressInfo).port}/api/userlens`;
  });
  afterAll(async () => {
    await new Promise((resolve) => handlerServer.close(resolve));
  });

  it('hands the body on: createHttpClient answers through it as the memory client does', async () => {
    const client = await createHttpClient({ baseUrl: base });
    const query = { range: {}, sort: { field: 'totalCost', direction: 'desc' }, pageSize: 5 } as const;
    expect(await client.listUsers(query)).toEqual(await memory.listUsers(query));
  });

  it('refuses a body over 1 MB with 413, unread', async () => {
    const response = await fetch(`${base}/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'listUsers', args: [{ search: 'x'.repeat(1_100_000) }] }) });
    expect(response.status).toBe(413);
  });
});
