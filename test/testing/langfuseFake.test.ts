// @vitest-environment node
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, DatasetObservation } from '../../src/client/dataset.ts';
import { createLangfuseFake } from '../../src/testing/index.ts';
import { langfuseHandlers } from '../../src/testing/msw.ts';
import type { LangfuseFake, LangfuseFakeOptions } from '../../src/testing/index.ts';
import { loadLangfuseSpec } from '../contract/openapi.ts';
import { aggregateValues, latencyOf, observationLatencyOf, observationSums, type OracleDataset } from '../oracle/oracle.ts';

// ---------------------------------------------------------------------------------------------
// A small dataset whose every figure can be worked out by hand

const DAY = '2026-01-05'; // a Monday
const at = (time: string) => `${DAY}T${time}.000Z`;

const dataset: Dataset = {
  traces: [
    { id: 't1', timestamp: at('10:00:00'), name: 'chat', userId: 'ana', sessionId: 's1', tags: ['chat', 'beta'], environment: 'production', release: 'v1', input: { q: 'hi' }, output: 'hello' },
    { id: 't2', timestamp: at('10:01:00'), name: 'chat', userId: 'ana', sessionId: 's1', tags: ['chat'], environment: 'production' },
    { id: 't3', timestamp: at('10:02:00'), name: 'rag', userId: 'bo', sessionId: null, tags: ['rag'], environment: 'staging' },
    { id: 't4', timestamp: at('10:03:00'), name: 'chat', userId: 'cy', tags: [] },
    { id: 't5', timestamp: at('10:04:00'), name: 'batch', userId: null, tags: [] },
  ],
  observations: [
    { id: 'o1', traceId: 't1', type: 'SPAN', name: 'root', startTime: at('10:00:00'), endTime: at('10:00:02'), parentObservationId: null },
    {
      id: 'o2', traceId: 't1', type: 'GENERATION', name: 'llm', startTime: at('10:00:00'), endTime: at('10:00:01'), parentObservationId: 'o1',
      level: 'ERROR', model: 'gpt-4o', usageDetails: { input: 100, output: 50 }, costDetails: { input: 0.001, output: 0.002 }, totalCost: null,
      input: [{ role: 'user', content: 'hi' }],
    },
    { id: 'o3', traceId: 't2', type: 'GENERATION', name: 'llm', startTime: at('10:01:00'), endTime: null, model: 'gpt-4o-mini', usageDetails: { input: 10, output: 5, total: 20 }, totalCost: 0.5 },
    { id: 'o4', traceId: 't3', type: 'GENERATION', name: 'llm', startTime: at('10:02:00'), endTime: at('10:02:03'), model: 'gpt-4o', usageDetails: { input_cached: 3, output: 7 }, costDetails: { total: 0.25, input: 0.1 } },
    { id: 'o5', traceId: 't4', type: 'SPAN', name: 'root', startTime: at('10:03:00'), endTime: at('10:03:01'), environment: 'edge' },
    { id: 'o6', traceId: 'missing', type: 'EVENT', name: 'orphan', startTime: at('10:04:00') },
    { id: 'o7', traceId: 't5', type: 'SPAN', name: 'root', startTime: at('10:04:00'), endTime: at('10:04:04') },
  ],
  scores: [
    { id: 'sc1', traceId: 't1', name: 'quality', value: 0.8, dataType: 'NUMERIC', source: 'EVAL', timestamp: at('11:00:00'), comment: null },
    { id: 'sc2', traceId: 't1', observationId: 'o2', name: 'thumbs', value: 1, stringValue: 'True', dataType: 'BOOLEAN', source: 'API', timestamp: at('11:01:00'), comment: 'great' },
    { id: 'sc3', traceId: 't2', name: 'thumbs', value: 0, dataType: 'BOOLEAN', source: 'API', timestamp: at('11:02:00'), comment: 'bad' },
    { id: 'sc4', traceId: 't3', name: 'topic', value: 0, stringValue: 'billing', dataType: 'CATEGORICAL', source: 'ANNOTATION', timestamp: at('11:03:00') },
    { id: 'sc5', traceId: 't3', name: 'quality', value: 0.4, dataType: 'NUMERIC', source: 'EVAL', timestamp: at('11:04:00') },
    { id: 'sc6', traceId: null, sessionId: 's1', name: 'session-quality', value: 1, dataType: 'NUMERIC', source: 'API', timestamp: at('11:05:00') },
    { id: 'sc7', traceId: 't4', name: 'note', stringValue: 'call back', dataType: 'TEXT', source: 'ANNOTATION', timestamp: at('11:05:00') },
  ],
};

const observations = dataset.observations!;
const FROM = `${DAY}T00:00:00.000Z`;
const TO = '2026-01-06T00:00:00.000Z';

/**
 * Sums of the figure definitions over some observations, from the oracle: the fake computes
 * through src/client/figures.ts, so expectations must not.
 */
const figures = (of: readonly DatasetObservation[]) => observationSums(of as unknown as Record<string, any>[]);
const asOracle = (ds: Dataset) => ({ traces: ds.traces, observations: ds.observations ?? [], scores: ds.scores ?? [] }) as unknown as OracleDataset;
const byTrace = (...ids: string[]) => observations.filter((o) => ids.includes(o.traceId!));

// ---------------------------------------------------------------------------------------------
// Calling the fake

const ORIGIN = 'https://langfuse.test';
const spec = loadLangfuseSpec();

async function get(fake: LangfuseFake, path: string, params: Record<string, string | string[]> = {}, init?: RequestInit) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  const url = `${ORIGIN}${path}${search.size ? `?${search}` : ''}`;
  const response = await fake(new Request(url, init));
  const body = (await response.json()) as any;
  expect(response.headers.get('content-type')).toBe('application/json');
  // Every answer the spec documents a schema for must conform to it.
  if (spec && response.status === 200) expect(spec.checkResponse(url, response.status, body)).toEqual([]);
  return { status: response.status, body };
}

const fakeOf = (options?: LangfuseFakeOptions) => createLangfuseFake(dataset, options);
const v4 = fakeOf();

function metrics(query: Record<string, unknown>, fake = v4) {
  return get(fake, '/api/public/v2/metrics', { query: JSON.stringify({ fromTimestamp: FROM, toTimestamp: TO, ...query }) });
}

const COUNT = { measure: 'count', aggregation: 'count' };
const topUsers = (overrides: Record<string, unknown> = {}) => ({
  view: 'observations',
  dimensions: [{ field: 'userId' }],
  metrics: [{ measure: 'totalCost', aggregation: 'sum' }, COUNT],
  orderBy: [{ field: 'sum_totalCost', direction: 'desc' }],
  config: { row_limit: 2 },
  ...overrides,
});

async function expect400(request: Promise<{ status: number; body: any }>, message: RegExp) {
  const { status, body } = await request;
  expect(status).toBe(400);
  expect(body.message).toMatch(message);
}

// ---------------------------------------------------------------------------------------------

it('checks every 200 body against the Langfuse OpenAPI spec when it is at hand', () => {
  if (!spec) console.warn('Langfuse OpenAPI spec not found: response bodies are not checked against it.');
  expect(spec?.checkResponse('/api/public/v3/scores', 200, { data: [{ id: 1 }], meta: {} }) ?? ['skipped']).not.toEqual([]);
});

describe('createLangfuseFake: routing, auth and the request log', () => {
  it('answers the v4 endpoints and 404s the legacy ones by default', async () => {
    for (const path of ['/api/public/v2/observations', '/api/public/v3/scores']) expect((await get(v4, path)).status).toBe(200);
    for (const path of ['/api/public/traces', '/api/public/v2/scores', '/api/public/sessions', '/api/public/metrics']) {
      const { status, body } = await get(v4, path, { query: JSON.stringify({ view: 'traces' }) });
      expect(status).toBe(404);
      expect(body.message).toMatch(/Not found/);
    }
  });

  it('404s the v4 endpoints in legacy mode and answers everything in both', async () => {
    const legacy = fakeOf({ api: 'legacy' });
    for (const path of ['/api/public/v2/metrics', '/api/public/v2/observations', '/api/public/v3/scores']) {
      expect((await get(legacy, path)).status).toBe(404);
    }
    expect((await get(legacy, '/api/public/traces')).status).toBe(200);
    const both = fakeOf({ api: 'both' });
    for (const path of ['/api/public/v2/observations', '/api/public/v3/scores', '/api/public/traces', '/api/public/v2/scores', '/api/public/sessions']) {
      expect((await get(both, path)).status).toBe(200);
    }
  });

  it('404s unknown paths and 405s other methods, with JSON { message }', async () => {
    expect((await get(v4, '/api/public/v2/nothing')).status).toBe(404);
    expect((await get(v4, '/elsewhere')).status).toBe(404);
    const { status, body } = await get(v4, '/api/public/v3/scores', {}, { method: 'POST', body: '{}' });
    expect(status).toBe(405);
    expect(body.message).toMatch(/GET/);
  });

  it('answers below a mount prefix', async () => {
    expect((await get(v4, '/host/proxy/api/public/v3/scores')).status).toBe(200);
  });

  it('checks Basic auth when keys are configured', async () => {
    const fake = fakeOf({ auth: { publicKey: 'pk-lf-1', secretKey: 'sk-lf-1' } });
    const basic = (pair: string) => ({ headers: { authorization: `Basic ${btoa(pair)}` } });
    expect((await get(fake, '/api/public/v3/scores')).status).toBe(401);
    const wrong = await get(fake, '/api/public/v3/scores', {}, basic('pk-lf-1:nope'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/Unauthorized/);
    expect((await get(fake, '/api/public/v3/scores', {}, basic('pk-lf-1:sk-lf-1'))).status).toBe(200);
  });

  it('logs every request URL it answered, in order, until reset', async () => {
    const fake = fakeOf();
    await get(fake, '/api/public/v3/scores', { limit: '1' });
    await get(fake, '/api/public/nope');
    expect(fake.requests.map((url) => url.pathname)).toEqual(['/api/public/v3/scores', '/api/public/nope']);
    expect(fake.requests[0]!.searchParams.get('limit')).toBe('1');
    const log = fake.requests;
    fake.reset();
    expect(log).toHaveLength(0);
  });

  it('indexes lazily: a dataset is not read until the first request', async () => {
    let reads = 0;
    const lazy = { get traces() { reads++; return dataset.traces; } } as Dataset;
    const fake = createLangfuseFake(lazy);
    expect(reads).toBe(0);
    await get(fake, '/api/public/v3/scores');
    await get(fake, '/api/public/v3/scores');
    expect(reads).toBe(1);
  });

  it('answers 500 naming the problem when the dataset is not one', async () => {
    const { status, body } = await get(createLangfuseFake({} as Dataset), '/api/public/v3/scores');
    expect(status).toBe(500);
    expect(body.message).toMatch(/dataset must be \{ traces/);
  });
});

describe('GET /api/public/v2/metrics', () => {
  it('totals the observations view with the figure definitions; counts arrive as strings', async () => {
    const { body } = await metrics({
      view: 'observations',
      metrics: [COUNT, { measure: 'totalTokens', aggregation: 'sum' }, { measure: 'inputTokens', aggregation: 'sum' }, { measure: 'outputTokens', aggregation: 'sum' }, { measure: 'totalCost', aggregation: 'sum' }],
    });
    const all = figures(observations);
    expect(all).toEqual({ input: 113, output: 62, total: 180, cost: expect.closeTo(0.753, 12) });
    expect(body.data).toEqual([
      { count_count: '7', sum_totalTokens: all.total, sum_inputTokens: all.input, sum_outputTokens: all.output, sum_totalCost: expect.closeTo(all.cost, 12) },
    ]);
  });

  it('answers the userId top-N query: user figures, largest first, row_limit rows', async () => {
    const { status, body } = await metrics(topUsers());
    expect(status).toBe(200);
    expect(body.data).toEqual([
      { userId: 'ana', sum_totalCost: expect.closeTo(figures(byTrace('t1', 't2')).cost, 12), count_count: '3' },
      { userId: 'bo', sum_totalCost: figures(byTrace('t3')).cost, count_count: '1' },
    ]);
  });

  it.each([
    ['without config.row_limit', { config: {} }, /explicit config\.row_limit/],
    ['without orderBy', { orderBy: [] }, /needs orderBy on a selected metric/],
    ['ordered by the dimension', { orderBy: [{ field: 'userId', direction: 'desc' }] }, /may only name selected metrics, not "userId"/],
    ['ordered ascending', { orderBy: [{ field: 'sum_totalCost', direction: 'asc' }] }, /must be descending/],
    ['with a timeDimension', { timeDimension: { granularity: 'day' } }, /cannot have a timeDimension/],
  ])('refuses userId as a dimension %s', async (_, overrides, message) => {
    await expect400(metrics(topUsers(overrides)), message);
  });

  it('allows userId top-N on the scores views too', async () => {
    const { body } = await metrics(topUsers({ view: 'scores-numeric', metrics: [COUNT], orderBy: [{ field: 'count_count', direction: 'desc' }] }));
    // ana: sc1, sc2, sc3; bo: sc5 (sc4 is CATEGORICAL).
    expect(body.data).toEqual([{ userId: 'ana', count_count: '3' }, { userId: 'bo', count_count: '1' }]);
  });

  it.each(['id', 'traceId', 'sessionId', 'parentObservationId'])('refuses the high-cardinality dimension %s', async (field) => {
    await expect400(metrics({ view: 'observations', dimensions: [{ field }], metrics: [COUNT], config: { row_limit: 10 }, orderBy: [{ field: 'count_count', direction: 'desc' }] }), /high-cardinality/);
  });

  it('refuses observationId as a dimension of the scores views', async () => {
    await expect400(metrics({ view: 'scores-numeric', dimensions: [{ field: 'observationId' }], metrics: [COUNT] }), /high-cardinality/);
  });

  it.each([
    ['bad JSON', '{"view":', /not valid JSON/],
    ['an unknown view', { view: 'traces', metrics: [COUNT] }, /query\.view "traces"/],
    ['no fromTimestamp', { view: 'observations', metrics: [COUNT], fromTimestamp: undefined }, /fromTimestamp is required/],
    ['an invalid toTimestamp', { view: 'observations', metrics: [COUNT], toTimestamp: 'yesterday' }, /toTimestamp/],
    ['to ≤ from', { view: 'observations', metrics: [COUNT], toTimestamp: FROM }, /after fromTimestamp/],
    ['no metrics', { view: 'observations', metrics: [] }, /at least one metric/],
    ['an unknown measure', { view: 'observations', metrics: [{ measure: 'value', aggregation: 'sum' }] }, /measure "value"/],
    ['an unknown aggregation', { view: 'observations', metrics: [{ measure: 'count', aggregation: 'median' }] }, /aggregation "median"/],
    ['histogram', { view: 'observations', metrics: [{ measure: 'latency', aggregation: 'histogram' }] }, /not supported by this fake/],
    ['an unknown dimension', { view: 'observations', dimensions: [{ field: 'colour' }], metrics: [COUNT] }, /field "colour"/],
    ['an unknown filter column', { view: 'observations', metrics: [COUNT], filters: [{ column: 'colour', operator: '=', value: 'x', type: 'string' }] }, /unknown column "colour"/],
    ['an operator of another type', { view: 'observations', metrics: [COUNT], filters: [{ column: 'name', operator: '>', value: 'x', type: 'string' }] }, /operator ">"/],
    ['a filter type that does not fit the column', { view: 'observations', metrics: [COUNT], filters: [{ column: 'tags', operator: '=', value: 'x', type: 'string' }] }, /arrayOptions/],
    ['row_limit 0', { view: 'observations', metrics: [COUNT], config: { row_limit: 0 } }, /row_limit/],
    ['row_limit 1001', { view: 'observations', metrics: [COUNT], config: { row_limit: 1001 } }, /row_limit/],
    ['bins 0', { view: 'observations', metrics: [COUNT], config: { bins: 0 } }, /bins/],
    ['bins 101', { view: 'observations', metrics: [COUNT], config: { bins: 101 } }, /bins/],
    ['an unknown granularity', { view: 'observations', metrics: [COUNT], timeDimension: { granularity: 'year' } }, /granularity/],
    ['orderBy on an unselected field', { view: 'observations', metrics: [COUNT], orderBy: [{ field: 'name', direction: 'asc' }] }, /orderBy\[0\]\.field/],
  ])('answers 400 for %s', async (_, query, message) => {
    const raw = typeof query === 'string' ? query : JSON.stringify({ fromTimestamp: FROM, toTimestamp: TO, ...query });
    await expect400(get(v4, '/api/public/v2/metrics', { query: raw }), message);
  });

  it('counts an observation in each of its trace tags; tagless ones in none', async () => {
    const { body } = await metrics({ view: 'observations', dimensions: [{ field: 'tags' }], metrics: [COUNT] });
    expect(body.data).toEqual([
      { tags: 'beta', count_count: '2' },
      { tags: 'chat', count_count: '3' },
      { tags: 'rag', count_count: '1' },
    ]);
  });

  it('gives observations their trace context: environment falls back to the trace, then default', async () => {
    const { body } = await metrics({ view: 'observations', dimensions: [{ field: 'environment' }, { field: 'traceName' }], metrics: [COUNT] });
    expect(body.data).toEqual([
      { environment: 'default', traceName: 'batch', count_count: '1' },
      { environment: 'default', traceName: null, count_count: '1' },
      { environment: 'edge', traceName: 'chat', count_count: '1' },
      { environment: 'production', traceName: 'chat', count_count: '3' },
      { environment: 'staging', traceName: 'rag', count_count: '1' },
    ]);
  });

  it('aggregates latency in ms over observations with an end; nearest-rank percentiles', async () => {
    // Latencies: o1 2000, o2 1000, o4 3000, o5 1000, o7 4000; o3 and o6 have no end.
    const latencies = observations.map(observationLatencyOf).filter((ms): ms is number => ms !== null);
    expect(latencies).toEqual([2000, 1000, 3000, 1000, 4000]);
    const aggregations = ['count', 'avg', 'min', 'max', 'p50', 'p75', 'p90', 'p95', 'p99', 'sum'];
    const { body } = await metrics({ view: 'observations', metrics: aggregations.map((aggregation) => ({ measure: 'latency', aggregation })) });
    const expected = Object.fromEntries(aggregations.map((a) => [`${a}_latency`, a === 'count' ? String(aggregateValues(latencies, a)) : aggregateValues(latencies, a)]));
    expect(expected).toMatchObject({ p50_latency: 2000, p95_latency: 4000 });
    expect(body.data).toEqual([expected]);
  });

  it('gives every percentile as the oracle ranks it, for groups of 1 to 40 values', async () => {
    // Group n holds n observations of made-up latencies: every rank edge of small n is met.
    const observations = Array.from({ length: 40 }, (_, g) =>
      Array.from({ length: g + 1 }, (_, i) => ({
        id: `g${g}-${i}`, traceId: 'x', name: `n${String(g + 1).padStart(2, '0')}`, startTime: FROM,
        endTime: new Date(Date.parse(FROM) + ((i * 7919 + g * 104729) % 997) * 10).toISOString(),
      })),
    ).flat();
    const fake = createLangfuseFake({ traces: [{ id: 'x', timestamp: FROM, userId: 'u' }], observations });
    const percentiles = ['p50', 'p75', 'p90', 'p95', 'p99'];
    const { body } = await metrics({ view: 'observations', dimensions: [{ field: 'name' }], metrics: percentiles.map((aggregation) => ({ measure: 'latency', aggregation })) }, fake);
    const expected = [...new Set(observations.map((o) => o.name))].sort().map((name) => {
      const values = observations.filter((o) => o.name === name).map((o) => observationLatencyOf(o)!);
      return { name, ...Object.fromEntries(percentiles.map((p) => [`${p}_latency`, aggregateValues(values, p)])) };
    });
    expect(body.data).toEqual(expected);
  });

  it('answers null for an aggregate over no values, "0" for its count', async () => {
    const { body } = await metrics({
      view: 'observations',
      metrics: [{ measure: 'latency', aggregation: 'avg' }, { measure: 'latency', aggregation: 'count' }],
      filters: [{ column: 'type', operator: '=', value: 'EVENT', type: 'string' }],
    });
    expect(body.data).toEqual([{ avg_latency: null, count_latency: '0' }]);
  });

  it('splits cost by costDetails keys and reads the model and root flag', async () => {
    const { body } = await metrics({
      view: 'observations',
      dimensions: [{ field: 'providedModelName' }, { field: 'isRootObservation' }],
      metrics: [{ measure: 'inputCost', aggregation: 'sum' }, { measure: 'outputCost', aggregation: 'sum' }, { measure: 'totalCost', aggregation: 'sum' }],
      filters: [{ column: 'type', operator: '=', value: 'GENERATION', type: 'string' }],
    });
    expect(body.data).toEqual([
      { providedModelName: 'gpt-4o', isRootObservation: false, sum_inputCost: 0.001, sum_outputCost: 0.002, sum_totalCost: 0.003 },
      { providedModelName: 'gpt-4o', isRootObservation: true, sum_inputCost: 0.1, sum_outputCost: 0, sum_totalCost: 0.25 },
      { providedModelName: 'gpt-4o-mini', isRootObservation: true, sum_inputCost: 0, sum_outputCost: 0, sum_totalCost: 0.5 },
    ]);
  });

  it.each([
    // Case-sensitive, as Langfuse's position()/startsWith()/endsWith() are.
    ['string contains, case-sensitive', { column: 'traceName', operator: 'contains', value: 'ha', type: 'string' }, ['o1', 'o2', 'o3', 'o5']],
    ['string contains does not fold case', { column: 'traceName', operator: 'contains', value: 'CHA', type: 'string' }, []],
    ['string = is exact', { column: 'environment', operator: '=', value: 'Production', type: 'string' }, []],
    ['string starts with', { column: 'name', operator: 'starts with', value: 'orph', type: 'string' }, ['o6']],
    ['string starts with does not fold case', { column: 'name', operator: 'starts with', value: 'ORPH', type: 'string' }, []],
    ['string ends with', { column: 'traceName', operator: 'ends with', value: 'ag', type: 'string' }, ['o4']],
    ['string does not contain', { column: 'name', operator: 'does not contain', value: 'o', type: 'string' }, ['o2', 'o3', 'o4']],
    ['stringOptions none of', { column: 'userId', operator: 'none of', value: ['ana', 'bo'], type: 'stringOptions' }, ['o5', 'o6', 'o7']],
    ['stringOptions any of', { column: 'environment', operator: 'any of', value: ['edge', 'staging'], type: 'stringOptions' }, ['o4', 'o5']],
    ['arrayOptions all of', { column: 'tags', operator: 'all of', value: ['chat', 'beta'], type: 'arrayOptions' }, ['o1', 'o2']],
    ['arrayOptions any of', { column: 'tags', operator: 'any of', value: ['beta', 'rag'], type: 'arrayOptions' }, ['o1', 'o2', 'o4']],
    ['arrayOptions none of', { column: 'tags', operator: 'none of', value: ['chat'], type: 'arrayOptions' }, ['o4', 'o5', 'o6', 'o7']],
    ['boolean =', { column: 'isRootObservation', operator: '=', value: false, type: 'boolean' }, ['o2']],
    ['boolean <>', { column: 'isRootObservation', operator: '<>', value: false, type: 'boolean' }, ['o1', 'o3', 'o4', 'o5', 'o6', 'o7']],
    ['null is null', { column: 'userId', operator: 'is null', value: null, type: 'null' }, ['o6', 'o7']],
    ['null is not null', { column: 'sessionId', operator: 'is not null', value: null, type: 'null' }, ['o1', 'o2', 'o3']],
    ['datetime >=', { column: 'startTime', operator: '>=', value: at('10:03:00'), type: 'datetime' }, ['o5', 'o6', 'o7']],
    ['filter on a filter-only column', { column: 'traceId', operator: '=', value: 't3', type: 'string' }, ['o4']],
  ])('filters with %s', async (_, filter, expected) => {
    const { status, body } = await metrics({ view: 'observations', dimensions: [{ field: 'name' }], metrics: [COUNT], filters: [filter] });
    expect(status).toBe(200);
    const counted = body.data.reduce((sum: number, row: any) => sum + Number(row.count_count), 0);
    expect(counted).toBe(expected.length);
    const names = new Set(observations.filter((o) => expected.includes(o.id)).map((o) => o.name));
    expect(body.data.map((row: any) => row.name).sort()).toEqual([...names].sort());
  });

  it('filters numbers on the scores views', async () => {
    const { body } = await metrics({ view: 'scores-numeric', metrics: [COUNT], filters: [{ column: 'value', operator: '>', value: 0.5, type: 'number' }] });
    // sc1 0.8, sc2 1 (BOOLEAN), sc6 1.
    expect(body.data).toEqual([{ count_count: '3' }]);
  });

  it('averages NUMERIC and BOOLEAN (as 0/1) scores by name; categorical and boolean views', async () => {
    const numeric = await metrics({ view: 'scores-numeric', dimensions: [{ field: 'name' }], metrics: [{ measure: 'value', aggregation: 'avg' }, COUNT] });
    expect(numeric.body.data).toEqual([
      { name: 'quality', avg_value: expect.closeTo(0.6, 12), count_count: '2' },
      { name: 'session-quality', avg_value: 1, count_count: '1' },
      { name: 'thumbs', avg_value: 0.5, count_count: '2' },
    ]);
    const categorical = await metrics({ view: 'scores-categorical', dimensions: [{ field: 'stringValue' }, { field: 'traceName' }], metrics: [COUNT] });
    expect(categorical.body.data).toEqual([{ stringValue: 'billing', traceName: 'rag', count_count: '1' }]);
    const boolean = await metrics({ view: 'scores-boolean', dimensions: [{ field: 'booleanValue' }], metrics: [COUNT, { measure: 'value', aggregation: 'sum' }] });
    expect(boolean.body.data).toEqual([{ booleanValue: false, count_count: '1', sum_value: 0 }, { booleanValue: true, count_count: '1', sum_value: 1 }]);
  });

  it('applies fromTimestamp and toTimestamp inclusive, as Langfuse does', async () => {
    const { body } = await metrics({ view: 'observations', metrics: [COUNT], fromTimestamp: at('10:01:00'), toTimestamp: at('10:03:00') });
    expect(body.data).toEqual([{ count_count: '3' }]); // o3, o4 and the one starting at 10:03:00
  });

  describe('time dimension', () => {
    const days: Dataset = {
      traces: [{ id: 'x', timestamp: '2026-01-01T00:00:00.000Z', userId: 'u' }],
      observations: ['2026-01-04T23:59:59.999Z', '2026-01-05T00:00:00.000Z', '2026-01-07T12:30:00.000Z', '2026-01-12T08:00:00.000Z', '2026-02-01T00:00:00.000Z'].map(
        (startTime, n) => ({ id: `d${n}`, traceId: 'x', startTime }),
      ),
    };
    const fake = createLangfuseFake(days);
    const buckets = async (granularity: string, fromTimestamp = '2026-01-01T00:00:00.000Z', toTimestamp = '2026-03-01T00:00:00.000Z') =>
      (await metrics({ view: 'observations', metrics: [COUNT], timeDimension: { granularity }, fromTimestamp, toTimestamp }, fake)).body.data.map(
        (row: any) => [row.time_dimension, row.count_count],
      );

    it('starts weeks on Monday and leaves out empty buckets', async () => {
      expect(await buckets('week')).toEqual([
        ['2025-12-29T00:00:00.000Z', '1'],
        ['2026-01-05T00:00:00.000Z', '2'],
        ['2026-01-12T00:00:00.000Z', '1'],
        ['2026-01-26T00:00:00.000Z', '1'],
      ]);
    });

    it('buckets by day, hour and month in UTC', async () => {
      expect(await buckets('day')).toEqual([
        ['2026-01-04T00:00:00.000Z', '1'],
        ['2026-01-05T00:00:00.000Z', '1'],
        ['2026-01-07T00:00:00.000Z', '1'],
        ['2026-01-12T00:00:00.000Z', '1'],
        ['2026-02-01T00:00:00.000Z', '1'],
      ]);
      expect(await buckets('month')).toEqual([['2026-01-01T00:00:00.000Z', '4'], ['2026-02-01T00:00:00.000Z', '1']]);
      expect(await buckets('hour', '2026-01-07T00:00:00.000Z', '2026-01-08T00:00:00.000Z')).toEqual([['2026-01-07T12:00:00.000Z', '1']]);
    });

    it('picks about 50 buckets for auto: hours over two days, days over two months', async () => {
      expect(await buckets('auto', '2026-01-04T00:00:00.000Z', '2026-01-06T00:00:00.000Z')).toEqual([
        ['2026-01-04T23:00:00.000Z', '1'],
        ['2026-01-05T00:00:00.000Z', '1'],
      ]);
      expect((await buckets('auto')).map(([time]: string[]) => time)).toContain('2026-01-07T00:00:00.000Z');
    });

    it('orders by time_dimension when asked', async () => {
      const { body } = await metrics({ view: 'observations', metrics: [COUNT], timeDimension: { granularity: 'month' }, orderBy: [{ field: 'time_dimension', direction: 'desc' }], fromTimestamp: '2026-01-01T00:00:00.000Z', toTimestamp: '2026-03-01T00:00:00.000Z' }, fake);
      expect(body.data.map((row: any) => row.time_dimension)).toEqual(['2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    });
  });

  it('orders by the requested fields, then dimensions ascending, and cuts at row_limit (default 100)', async () => {
    const many: Dataset = {
      traces: [{ id: 'x', timestamp: FROM, userId: 'u' }],
      observations: Array.from({ length: 150 }, (_, n) => ({ id: `m${n}`, traceId: 'x', name: `n${String(n % 120).padStart(3, '0')}`, startTime: FROM })),
    };
    const fake = createLangfuseFake(many);
    const all = await metrics({ view: 'observations', dimensions: [{ field: 'name' }], metrics: [COUNT] }, fake);
    expect(all.body.data).toHaveLength(100);
    expect(all.body.data[0]).toEqual({ name: 'n000', count_count: '2' });
    const top = await metrics({ view: 'observations', dimensions: [{ field: 'name' }], metrics: [COUNT], orderBy: [{ field: 'count_count', direction: 'desc' }, { field: 'name', direction: 'desc' }], config: { row_limit: 3 } }, fake);
    expect(top.body.data).toEqual([
      { name: 'n029', count_count: '2' },
      { name: 'n028', count_count: '2' },
      { name: 'n027', count_count: '2' },
    ]);
  });
});

describe('GET /api/public/v2/observations', () => {
  const ids = (body: any) => body.data.map((item: any) => item.id);
  const NEWEST_FIRST = ['o7', 'o6', 'o5', 'o4', 'o3', 'o2', 'o1'];

  it('lists newest first (startTime, then id, descending) with core and basic fields by default', async () => {
    const { body } = await get(v4, '/api/public/v2/observations');
    expect(ids(body)).toEqual(NEWEST_FIRST);
    expect(body.meta).toEqual({});
    expect(body.data.find((item: any) => item.id === 'o2')).toEqual({
      id: 'o2', traceId: 't1', startTime: at('10:00:00'), endTime: at('10:00:01'), projectId: 'demo-project', parentObservationId: 'o1', type: 'GENERATION',
      modelId: null, inputPrice: null, outputPrice: null, totalPrice: null,
      name: 'llm', level: 'ERROR', statusMessage: null, version: null, environment: 'production', bookmarked: false, public: false,
      userId: 'ana', sessionId: 's1', isRootObservation: false,
    });
  });

  it('adds the requested field groups only', async () => {
    const { body } = await get(v4, '/api/public/v2/observations', { fields: 'usage,metrics,trace_context,model,io', traceId: 't1', projectId: 'ignored' });
    const [o2, o1] = [body.data.find((i: any) => i.id === 'o2'), body.data.find((i: any) => i.id === 'o1')];
    expect(o2).not.toHaveProperty('userId');
    expect(o2).toMatchObject({
      usageDetails: { input: 100, output: 50 }, costDetails: { input: 0.001, output: 0.002 }, totalCost: 0.003, usagePricingTierName: null,
      latency: 1, timeToFirstToken: null,
      tags: ['chat', 'beta'], release: 'v1', traceName: 'chat',
      providedModelName: 'gpt-4o', internalModelId: null, modelParameters: null,
      input: '[{"role":"user","content":"hi"}]', output: null,
    });
    // The root carries its trace's input and output, as raw strings.
    expect(o1).toMatchObject({ latency: 2, input: '{"q":"hi"}', output: 'hello', totalCost: 0 });
  });

  it('walks every observation exactly once with cursors', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await get(v4, '/api/public/v2/observations', { limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...ids(body));
      cursor = body.meta.cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(NEWEST_FIRST);
    expect(pages).toBe(4);
  });

  it('gives no cursor when the last page is exactly full', async () => {
    const { body } = await get(v4, '/api/public/v2/observations', { limit: '7' });
    expect(body.meta.cursor).toBeUndefined();
  });

  it.each([
    [{ userId: 'ana' }, ['o3', 'o2', 'o1']],
    [{ sessionId: 's1', type: 'GENERATION' }, ['o3', 'o2']],
    [{ traceId: 'missing' }, ['o6']],
    [{ level: 'ERROR' }, ['o2']],
    [{ name: 'root', isRootObservation: 'true' }, ['o7', 'o5', 'o1']],
    [{ parentObservationId: '' }, ['o7', 'o6', 'o5', 'o4', 'o3', 'o1']],
    [{ parentObservationId: 'o1' }, ['o2']],
    [{ environment: ['edge', 'staging'] }, ['o5', 'o4']],
    [{ fromStartTime: at('10:01:00'), toStartTime: at('10:04:00') }, ['o5', 'o4', 'o3']],
  ])('filters by %o', async (params, expected) => {
    expect(ids((await get(v4, '/api/public/v2/observations', params)).body)).toEqual(expected);
  });

  it('lets filter take precedence over the individual parameters; latency in seconds', async () => {
    const filter = JSON.stringify([{ type: 'number', column: 'latency', operator: '>=', value: 2 }]);
    expect(ids((await get(v4, '/api/public/v2/observations', { userId: 'ana', filter })).body)).toEqual(['o7', 'o4', 'o1']);
    const tags = JSON.stringify([{ type: 'arrayOptions', column: 'traceTags', operator: 'any of', value: ['beta'] }, { type: 'string', column: 'model', operator: '=', value: 'gpt-4o' }]);
    expect(ids((await get(v4, '/api/public/v2/observations', { filter: tags })).body)).toEqual(['o2']);
    const user = JSON.stringify([{ type: 'stringOptions', column: 'userId', operator: 'any of', value: ['bo', 'cy'] }, { type: 'number', column: 'totalTokens', operator: '>', value: 0 }]);
    expect(ids((await get(v4, '/api/public/v2/observations', { filter: user })).body)).toEqual(['o4']);
  });

  it.each([
    [{ limit: '1001' }, /limit 1001: must be at most 1000/],
    [{ limit: '0' }, /limit/],
    [{ limit: 'ten' }, /limit/],
    [{ fields: 'core,usage,colour' }, /unknown field group "colour"/],
    [{ cursor: 'not a cursor!' }, /Invalid cursor/],
    [{ cursor: btoa('{"x":1}') }, /Invalid cursor/],
    [{ parseIoAsJson: 'true' }, /parseIoAsJson/],
    [{ level: 'FATAL' }, /level/],
    [{ isRootObservation: 'yes' }, /isRootObservation/],
    [{ fromStartTime: 'yesterday' }, /fromStartTime/],
    [{ filter: '[{"type":"string"' }, /not valid JSON/],
    [{ filter: JSON.stringify([{ type: 'string', column: 'colour', operator: '=', value: 'x' }]) }, /unknown column "colour"/],
    [{ filter: JSON.stringify([{ type: 'number', column: 'latency', operator: '>=', value: '2' }]) }, /finite number/],
  ])('answers 400 for %o', async (params, message) => {
    await expect400(get(v4, '/api/public/v2/observations', params), message);
  });
});

describe('GET /api/public/v3/scores', () => {
  const ids = (body: any) => body.data.map((item: any) => item.id);

  it('answers polymorphic values, newest first (timestamp, then id, descending)', async () => {
    const { body } = await get(v4, '/api/public/v3/scores');
    expect(ids(body)).toEqual(['sc7', 'sc6', 'sc5', 'sc4', 'sc3', 'sc2', 'sc1']);
    const value = (id: string) => body.data.find((item: any) => item.id === id).value;
    expect([value('sc1'), value('sc2'), value('sc3'), value('sc4'), value('sc7')]).toEqual([0.8, true, false, 'billing', 'call back']);
    expect(body.meta).toEqual({ limit: 50 });
    expect(body.data[0]).toEqual({
      id: 'sc7', projectId: 'demo-project', name: 'note', value: 'call back', dataType: 'TEXT', source: 'ANNOTATION',
      timestamp: at('11:05:00'), environment: 'default', createdAt: at('11:05:00'), updatedAt: at('11:05:00'),
    });
  });

  it('adds subject, details and annotation when asked', async () => {
    const { body } = await get(v4, '/api/public/v3/scores', { fields: 'subject,details,annotation' });
    const item = (id: string) => body.data.find((i: any) => i.id === id);
    expect(item('sc1').subject).toEqual({ kind: 'trace', id: 't1' });
    expect(item('sc2').subject).toEqual({ kind: 'observation', id: 'o2', traceId: 't1' });
    expect(item('sc6').subject).toEqual({ kind: 'session', id: 's1' });
    expect(item('sc2')).toMatchObject({ comment: 'great', configId: null, metadata: null, authorUserId: null, queueId: null, environment: 'production' });
  });

  it('walks every score exactly once with base64url cursors', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await get(v4, '/api/public/v3/scores', { limit: '3', ...(cursor ? { cursor } : {}) });
      expect(body.meta.limit).toBe(3);
      seen.push(...ids(body));
      cursor = body.meta.cursor;
      if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor);
    expect(seen).toEqual(['sc7', 'sc6', 'sc5', 'sc4', 'sc3', 'sc2', 'sc1']);
  });

  it.each([
    [{ dataType: 'boolean' }, ['sc3', 'sc2']],
    [{ dataType: 'numeric,Categorical' }, ['sc6', 'sc5', 'sc4', 'sc1']],
    [{ source: 'api' }, ['sc6', 'sc3', 'sc2']],
    [{ name: 'quality,topic' }, ['sc5', 'sc4', 'sc1']],
    [{ traceId: 't1,t3' }, ['sc5', 'sc4', 'sc2', 'sc1']],
    [{ traceId: 't1', observationId: 'o2' }, ['sc2']],
    [{ sessionId: 's1' }, ['sc6']],
    [{ environment: 'staging' }, ['sc5', 'sc4']],
    [{ id: 'sc1,sc7' }, ['sc7', 'sc1']],
    [{ fromTimestamp: at('11:01:00'), toTimestamp: at('11:04:00') }, ['sc4', 'sc3', 'sc2']],
    [{ dataType: 'BOOLEAN', value: 'true' }, ['sc2']],
    [{ dataType: 'NUMERIC', value: '0.4,1' }, ['sc6', 'sc5']],
    [{ dataType: 'CATEGORICAL', value: 'billing' }, ['sc4']],
    [{ dataType: 'NUMERIC', valueMin: '0.5', valueMax: '0.9' }, ['sc1']],
  ])('filters by %o', async (params, expected) => {
    expect(ids((await get(v4, '/api/public/v3/scores', params)).body)).toEqual(expected);
  });

  it.each([
    [{ limit: '101' }, /limit 101: must be at most 100/],
    [{ fields: 'subject,trace' }, /unknown field group "trace"/],
    [{ observationId: 'o2' }, /requires traceId/],
    [{ traceId: 't1', sessionId: 's1' }, /cannot be combined/],
    [{ value: '1' }, /exactly one dataType/],
    [{ dataType: 'NUMERIC,BOOLEAN', value: '1' }, /exactly one dataType/],
    [{ dataType: 'TEXT', value: 'x' }, /exactly one dataType/],
    [{ dataType: 'BOOLEAN', value: 'yes' }, /"true" or "false"/],
    [{ dataType: 'NUMERIC', value: 'abc' }, /finite numbers/],
    [{ dataType: 'BOOLEAN', valueMin: '0' }, /dataType=NUMERIC/],
    [{ valueMax: '1' }, /dataType=NUMERIC/],
    [{ dataType: 'FLOAT' }, /dataType "FLOAT"/],
    [{ cursor: '%%%' }, /Invalid cursor/],
  ])('answers 400 for %o', async (params, message) => {
    await expect400(get(v4, '/api/public/v3/scores', params), message);
  });
});

describe('legacy endpoints (api: legacy)', () => {
  const legacy = fakeOf({ api: 'legacy', projectId: 'p1' });

  it('GET /api/public/traces: trace details with latency in seconds, cost and ids, page-numbered', async () => {
    const { body } = await get(legacy, '/api/public/traces', { userId: 'ana', limit: '1', page: '2' });
    expect(body.meta).toEqual({ page: 2, limit: 1, totalItems: 2, totalPages: 2 });
    expect(body.data).toEqual([
      {
        id: 't1', timestamp: at('10:00:00'), name: 'chat', input: { q: 'hi' }, output: 'hello', sessionId: 's1', release: 'v1', version: null,
        userId: 'ana', metadata: null, tags: ['chat', 'beta'], public: false, environment: 'production', htmlPath: '/project/p1/traces/t1',
        // max(end ?? start) − min(start) = 10:00:02 − 10:00:00, in seconds.
        latency: latencyOf(asOracle(dataset), dataset.traces[0]!)! / 1000, totalCost: figures(byTrace('t1')).cost, observations: ['o1', 'o2'], scores: ['sc1', 'sc2'],
      },
    ]);
  });

  it('GET /api/public/traces: tags (all), environment, order and excluded field groups', async () => {
    const tagged = await get(legacy, '/api/public/traces', { tags: ['chat', 'beta'] });
    expect(tagged.body.data.map((t: any) => t.id)).toEqual(['t1']);
    const staging = await get(legacy, '/api/public/traces', { environment: ['staging', 'nowhere'], fields: 'core' });
    expect(staging.body.data).toEqual([expect.objectContaining({ id: 't3', latency: -1, totalCost: -1, observations: [], scores: [] })]);
    expect(staging.body.data[0]).not.toHaveProperty('input');
    const ordered = await get(legacy, '/api/public/traces', { orderBy: 'userId.asc' });
    expect(ordered.body.data.map((t: any) => t.id)).toEqual(['t2', 't1', 't3', 't4', 't5']);
    await expect400(get(legacy, '/api/public/traces', { orderBy: 'cost.desc' }), /orderBy/);
  });

  it('GET /api/public/v2/scores: legacy shape with trace data', async () => {
    const { body } = await get(legacy, '/api/public/v2/scores', { userId: 'ana' });
    expect(body.meta).toEqual({ page: 1, limit: 50, totalItems: 3, totalPages: 1 });
    expect(body.data.map((s: any) => [s.id, s.value, s.stringValue])).toEqual([
      ['sc3', 0, 'False'],
      ['sc2', 1, 'True'],
      ['sc1', 0.8, undefined],
    ]);
    expect(body.data[0].trace).toEqual({ userId: 'ana', tags: ['chat'], environment: 'production', sessionId: 's1' });
    const categorical = await get(legacy, '/api/public/v2/scores', { dataType: 'CATEGORICAL' });
    expect(categorical.body.data).toEqual([expect.objectContaining({ id: 'sc4', value: 0, stringValue: 'billing', dataType: 'CATEGORICAL' })]);
    await expect400(get(legacy, '/api/public/v2/scores', { limit: '101' }), /limit/);
    await expect400(get(legacy, '/api/public/v2/scores', { userId: 'ana', fields: 'score' }), /trace/);
  });

  it('GET /api/public/metrics (v1): a traces view grouped by userId, no top-N needed', async () => {
    const { status, body } = await get(legacy, '/api/public/metrics', {
      query: JSON.stringify({
        view: 'traces', dimensions: [{ field: 'userId' }], fromTimestamp: FROM, toTimestamp: TO,
        metrics: [COUNT, { measure: 'observationsCount', aggregation: 'sum' }, { measure: 'totalTokens', aggregation: 'sum' }, { measure: 'latency', aggregation: 'max' }],
      }),
    });
    expect(status).toBe(200);
    expect(body.data).toEqual([
      { userId: 'ana', count_count: '2', sum_observationsCount: '3', sum_totalTokens: figures(byTrace('t1', 't2')).total, max_latency: 2000 },
      { userId: 'bo', count_count: '1', sum_observationsCount: '1', sum_totalTokens: figures(byTrace('t3')).total, max_latency: 3000 },
      { userId: 'cy', count_count: '1', sum_observationsCount: '1', sum_totalTokens: 0, max_latency: 1000 },
      { userId: null, count_count: '1', sum_observationsCount: '1', sum_totalTokens: 0, max_latency: 4000 },
    ]);
  });

  it('GET /api/public/sessions: distinct trace sessions', async () => {
    const { body } = await get(legacy, '/api/public/sessions');
    expect(body.data).toEqual([{ id: 's1', createdAt: at('10:00:00'), projectId: 'p1', environment: 'production' }]);
  });
});

describe('langfuseHandlers (MSW)', () => {
  const fake = createLangfuseFake(dataset, { auth: { publicKey: 'pk', secretKey: 'sk' } });
  const server = setupServer(
    ...langfuseHandlers(dataset, { baseUrl: 'https://cloud.langfuse.test/', api: 'both' }),
    ...langfuseHandlers(fake, { baseUrl: 'https://proxy.test/mount' }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers global fetch through setupServer', async () => {
    const query = JSON.stringify(topUsers({ config: { row_limit: 1 }, fromTimestamp: FROM, toTimestamp: TO }));
    const response = await fetch(`https://cloud.langfuse.test/api/public/v2/metrics?query=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual([expect.objectContaining({ userId: 'ana', count_count: '3' })]);
    expect((await fetch('https://cloud.langfuse.test/api/public/traces?limit=1')).status).toBe(200);
  });

  it('matches any origin and mount prefix without a baseUrl, and only /api/public', async () => {
    const handlers = langfuseHandlers(dataset);
    const answered = await getResponse(handlers, new Request('http://localhost:3000/admin/langfuse/api/public/v3/scores?limit=1'));
    expect(answered?.status).toBe(200);
    expect(await getResponse(handlers, new Request('http://localhost:3000/api/other'))).toBeUndefined();
  });

  it('delegates to a fake passed in, with its auth and request log', async () => {
    expect((await fetch('https://proxy.test/mount/api/public/v3/scores')).status).toBe(401);
    const response = await fetch('https://proxy.test/mount/api/public/v3/scores?limit=2', { headers: { authorization: `Basic ${btoa('pk:sk')}` } });
    expect((await response.json()).data).toHaveLength(2);
    expect(fake.requests.map((url) => url.search)).toEqual(['', '?limit=2']);
  });
});
