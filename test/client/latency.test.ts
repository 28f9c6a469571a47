// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryClient, type Dataset, type UserTrackingClient } from '../../src/core.ts';
import { createLangfuseFake } from '../../src/testing/index.ts';
import { pair } from './langfuse/harness.ts';

// A trace's latency is max(end ?? start) − min(start) over its
// observations, each observation's end taken as at least its start, so clock skew (an endTime
// before its startTime) never yields a negative latency — in the memory client, in the Langfuse
// client (v4 and legacy, through the fake) and in the fake's own latency figures.

const T0 = Date.parse('2026-10-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** One trace of user "ana" at T0 with observations at (start, end) offsets from T0, ms. */
function traceWith(spans: readonly (readonly [number, number | null])[]): Dataset {
  return {
    traces: [{ id: 't1', timestamp: iso(T0), userId: 'ana' }],
    observations: spans.map(([start, end], i) => ({
      id: `o${i}`,
      traceId: 't1',
      type: 'SPAN',
      name: `o${i}`,
      // The first observation is the root (Langfuse v4 reads the trace from it).
      parentObservationId: i === 0 ? null : 'o0',
      startTime: iso(T0 + start),
      endTime: end === null ? null : iso(T0 + end),
    })),
  };
}

/** Written out here, not taken from src/ or the oracle: max over max(end, start), minus min start. */
const expectedLatency = (spans: readonly (readonly [number, number | null])[]) =>
  Math.max(...spans.map(([start, end]) => Math.max(start, end ?? start))) - Math.min(...spans.map(([start]) => start));

const clients: [string, (dataset: Dataset) => UserTrackingClient][] = [
  ['memory', (dataset) => createMemoryClient(dataset)],
  ['Langfuse v4', (dataset) => pair(dataset, { fake: { api: 'v4' }, client: { api: 'v4' } }).langfuse],
  ['Langfuse legacy', (dataset) => pair(dataset, { fake: { api: 'legacy' }, client: { api: 'legacy' } }).langfuse],
];

describe.each(clients)('%s client — latency never negative', (_, clientOf) => {
  it('gives 0, not −60,000 ms, for a lone observation that ends a minute before it starts', async () => {
    const client = clientOf(traceWith([[0, -60_000]]));
    expect(await client.getUser('ana')).toMatchObject({ latencyP50: 0, latencyP95: 0 });
    expect((await client.listTraces({ userId: 'ana' })).items[0]!.latency).toBe(0);
  });

  it('takes a skewed observation as ending at its start', async () => {
    // o0 starts at 0 and ends at 3 s; o1 starts at 10 s but "ends" at 5 s: the trace runs 0 → 10 s.
    const client = clientOf(traceWith([[0, 3_000], [10_000, 5_000]]));
    expect(await client.getUser('ana')).toMatchObject({ latencyP50: 10_000, latencyP95: 10_000 });
    expect((await client.listTraces({ userId: 'ana' })).items[0]!.latency).toBe(10_000);
  });

  it('gives every trace its defined latency, ≥ 0, for any mix of skewed, open and normal spans (property)', async () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 600_000 }), fc.option(fc.integer({ min: -86_400_000, max: 86_400_000 })));
    await fc.assert(
      fc.asyncProperty(fc.array(span, { minLength: 1, maxLength: 6 }), async (relative) => {
        // The root starts with the trace; the others start at or after it, ends relative to their starts.
        const spans = relative.map(([start, duration], i) => [i === 0 ? 0 : start, duration === null ? null : (i === 0 ? 0 : start) + duration] as const);
        const client = clientOf(traceWith(spans));
        const latency = expectedLatency(spans);
        expect(latency).toBeGreaterThanOrEqual(0);
        expect((await client.listTraces({ userId: 'ana' })).items[0]!.latency).toBe(latency);
        expect(await client.getUser('ana')).toMatchObject({ latencyP50: latency, latencyP95: latency });
      }),
      { numRuns: 60 },
    );
  });
});

describe('Langfuse fake — observation and trace latencies never negative', () => {
  const dataset = traceWith([[0, 2_000], [1_000, -4_000]]);
  const fake = createLangfuseFake(dataset);
  const get = async (path: string, params: Record<string, string>) =>
    (await (await fake(new Request(`https://langfuse.test${path}?${new URLSearchParams(params)}`))).json()) as { data: Record<string, unknown>[] };

  it('answers a skewed observation’s latency as 0 in metrics v2 and observations v2', async () => {
    const query = {
      view: 'observations',
      dimensions: [{ field: 'name' }],
      metrics: [{ measure: 'latency', aggregation: 'min' }],
      fromTimestamp: iso(T0 - 60_000),
      toTimestamp: iso(T0 + 60_000),
      orderBy: [{ field: 'name', direction: 'asc' }],
    };
    const metrics = await get('/api/public/v2/metrics', { query: JSON.stringify(query) });
    expect(metrics.data).toEqual([
      { name: 'o0', min_latency: 2_000 },
      { name: 'o1', min_latency: 0 },
    ]);
    const observations = await get('/api/public/v2/observations', { fields: 'core,basic,metrics', limit: '10' });
    expect(Object.fromEntries(observations.data.map((o) => [o.id, o.latency]))).toEqual({ o0: 2, o1: 0 });
  });

  it('answers the trace latency of the legacy traces endpoint as defined', async () => {
    // o1 starts 5 s in and "ends" at 1 s: the trace runs 0 → 5 s, not 0 → 2 s.
    const legacy = createLangfuseFake(traceWith([[0, 2_000], [5_000, 1_000]]), { api: 'legacy' });
    const body = (await (await legacy(new Request('https://langfuse.test/api/public/traces?fields=core,metrics'))).json()) as { data: { latency: number }[] };
    expect(body.data.map((trace) => trace.latency)).toEqual([5]);
  });
});
