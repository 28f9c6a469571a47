// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../src/testing/index.ts';
import { oracleUser, oracleUsers } from '../../oracle/oracle.ts';
import { asOracle, endpointOf, pair, type Intercept } from './harness.ts';

const dataset = generateDemoDataset({ seed: 3, users: 15, days: 5, end: '2026-11-01T00:00:00.000Z' });
const sort = { field: 'totalCost', direction: 'desc' } as const;
// Expected users and figures come from the oracle, which shares no code with the client.
const oracle = asOracle(dataset);
const top = () => oracleUsers(oracle, { sort })[0]!;

/** Rewrites the fake's JSON answer for one endpoint. */
function rewrite(endpoint: string, change: (body: any) => unknown): Intercept {
  return async (url) => {
    if (endpointOf(url) !== endpoint) return undefined;
    const { fake } = pair(dataset);
    const body = await (await fake(new Request(url))).json();
    return Response.json(change(body));
  };
}

describe('Langfuse client — faults', () => {
  it('waits out a 429 with Retry-After, then answers', async () => {
    const { langfuse, requests } = pair(dataset, {
      intercept: (_, n) => (n === 1 ? new Response('{}', { status: 429, headers: { 'retry-after': '0' } }) : undefined),
    });
    const page = await langfuse.listUsers({ sort });
    expect(page.items[0]!.userId).toBe(top().userId);
    expect(requests).toHaveLength(2);
  });

  it('gives up on a long Retry-After with a rate-limit error that says when to try again', async () => {
    const { langfuse } = pair(dataset, { intercept: () => new Response('{}', { status: 429, headers: { 'retry-after': '120' } }) });
    await expect(langfuse.listUsers({})).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 120_000, message: expect.stringContaining('in 120 s') });
  });

  it.each([500, 502, 503])('retries a %i, then answers', async (status) => {
    const { langfuse, requests } = pair(dataset, { intercept: (_, n) => (n <= 2 ? new Response('oops', { status }) : undefined) });
    expect((await langfuse.listUsers({ sort })).items.length).toBeGreaterThan(0);
    expect(requests).toHaveLength(3);
  });

  it('times out a request that never answers', async () => {
    const { langfuse } = pair(dataset, {
      client: { timeoutMs: 20, retry: { retries: 1, baseDelayMs: 1 } },
      intercept: () => new Promise<Response>(() => {}),
    });
    await expect(langfuse.listUsers({})).rejects.toMatchObject({ code: 'timeout', where: 'GET /api/public/v2/metrics' });
  });

  it.each([
    ['malformed JSON', '{"data": [}'],
    ['truncated JSON', '{"data": [{"userId": "a", "sum_totalCost": 1'],
  ])('names the endpoint on %s', async (_, text) => {
    const { langfuse } = pair(dataset, { intercept: () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }) });
    await expect(langfuse.listUsers({})).rejects.toMatchObject({ code: 'invalid_response', where: 'GET /api/public/v2/metrics', status: 200 });
  });

  it('reads past fields it does not know', async () => {
    const { langfuse } = pair(dataset, {
      intercept: rewrite('/api/public/v2/observations', (body) => ({ ...body, extra: 1, data: body.data.map((o: object) => ({ ...o, shinyNewField: { a: 1 } })) })),
    });
    const userId = top().userId;
    expect((await langfuse.getUser(userId))?.observationCount).toBe(oracleUser(oracle, userId)?.observationCount);
  });

  it('names the field when a number arrives as null or as text', async () => {
    const nullTokens = pair(dataset, {
      intercept: rewrite('/api/public/v2/observations', (body) => ({ ...body, data: body.data.map((o: any) => ({ ...o, usageDetails: { input: null } })) })),
    });
    const userId = top().userId;
    await expect(nullTokens.langfuse.getUser(userId)).rejects.toMatchObject({ code: 'invalid_response', field: 'data.0.usageDetails.input' });

    const textCost = pair(dataset, { intercept: rewrite('/api/public/v2/metrics', (body) => ({ data: body.data.map((row: object) => ({ ...row, sum_totalCost: 'lots' })) })) });
    await expect(textCost.langfuse.listUsers({})).rejects.toMatchObject({ code: 'invalid_response', field: 'data.0.sum_totalCost' });
  });

  it('reads counts that arrive as strings as numbers', async () => {
    const { langfuse } = pair(dataset, {
      intercept: rewrite('/api/public/v2/metrics', (body) => ({ data: body.data.map((row: any) => ({ ...row, count_count: String(row.count_count), sum_totalTokens: String(row.sum_totalTokens) })) })),
    });
    const actual = await langfuse.listUsers({ sort });
    expect(actual.items[0]!.observationCount).toBe(top().observationCount);
    expect(actual.items[0]!.totalTokens).toBe(top().totalTokens);
  });

  it('reports a refused credential as unauthorized', async () => {
    const { langfuse } = pair(dataset, { intercept: () => new Response('{"error":"no"}', { status: 401 }) });
    await expect(langfuse.listUsers({})).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});
