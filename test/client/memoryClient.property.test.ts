import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryClient, type Dataset } from '../../src/core.ts';
import { bandsWithScoresArb, datasetArb, filtersArb, numericFields, rangeArb, scoreFields, sortFields, type GeneratedDataset } from '../oracle/arbitraries.ts';
import {
  compareBy,
  costOf,
  figureOf,
  latencyOf,
  observationsOf,
  oracleScores,
  oracleSessions,
  oracleUsers,
  summarize,
  tagsOf,
  tokensOf,
  tracesOf,
  type OracleDataset,
} from '../oracle/oracle.ts';

// Each property compares a figure with the oracle: many runs, still a few seconds per property.
const RUNS = 1000;
const asDataset = (ds: GeneratedDataset) => ds as unknown as Dataset;
const asOracle = (ds: GeneratedDataset) => ds as unknown as OracleDataset;

/** A search string that hits some users: a slice of one of the ids, in a changed case. */
const searchArb = (ds: GeneratedDataset) =>
  fc.option(
    fc.oneof(
      fc.constantFrom(...ds.userIds).chain((id) =>
        fc.tuple(fc.nat({ max: id.length }), fc.nat({ max: 3 }), fc.boolean()).map(([start, length, upper]) => {
          const slice = id.slice(start, start + length);
          return upper ? slice.toUpperCase() : slice.toLowerCase();
        }),
      ),
      fc.string({ maxLength: 2 }),
    ),
    { nil: undefined },
  );

const usersQueryArb = datasetArb.chain((ds) =>
  fc.record({
    ds: fc.constant(ds),
    range: rangeArb,
    search: searchArb(ds),
    // A score's mean sorts and bands as any figure (users without that score last, never in a band).
    sort: fc.record({ field: fc.constantFrom(...sortFields, ...scoreFields), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
    page: fc.integer({ min: 1, max: 4 }),
    pageSize: fc.integer({ min: 1, max: 5 }),
    filters: filtersArb,
    bands: bandsWithScoresArb,
  }),
);

describe('createMemoryClient — listUsers against the oracle', () => {
  it('returns every figure, the sort order, the total and the page exactly as defined, bands applied', async () => {
    await fc.assert(
      fc.asyncProperty(usersQueryArb, async ({ ds, ...query }) => {
        const client = createMemoryClient(asDataset(ds));
        const expected = oracleUsers(asOracle(ds), query);
        const page = await client.listUsers(query);
        const offset = (query.page - 1) * query.pageSize;
        expect(page.total).toBe(expected.length);
        expect(page.page).toBe(query.page);
        expect(page.pageSize).toBe(query.pageSize);
        expect(page.hasMore).toBe(offset + query.pageSize < expected.length);
        expect(page.items).toEqual(expected.slice(offset, offset + query.pageSize));
      }),
      { numRuns: RUNS },
    );
  });

  it('pages partition the whole result: concatenated pages equal one big page', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, fc.integer({ min: 1, max: 4 }), async (ds, pageSize) => {
        const client = createMemoryClient(asDataset(ds));
        const all = await client.listUsers({ pageSize: 1000 });
        const pages = [];
        for (let page = 1; page <= Math.ceil(all.total! / pageSize) + 1; page++) {
          pages.push(...(await client.listUsers({ page, pageSize })).items);
        }
        expect(pages).toEqual(all.items);
      }),
      { numRuns: 300 },
    );
  });
});

describe('createMemoryClient — percentiles on many traces', () => {
  it('gives nearest-rank p50 and p95 for one user with hundreds of traces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 400 }), async (latencies) => {
        const traces = latencies.map((_, i) => ({ id: `t${i}`, userId: 'power', timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() }));
        const observations = latencies.map((ms, i) => ({
          id: `o${i}`,
          traceId: `t${i}`,
          startTime: traces[i]!.timestamp,
          endTime: new Date(Date.parse(traces[i]!.timestamp) + ms).toISOString(),
        }));
        const ds = { traces, observations, scores: [] };
        const stats = await createMemoryClient(ds as Dataset).getUser('power');
        const expected = summarize(ds as unknown as OracleDataset, 'power', traces);
        expect(stats?.latencyP50).toBe(expected.latencyP50);
        expect(stats?.latencyP95).toBe(expected.latencyP95);
      }),
      { numRuns: 500 },
    );
  });
});

describe('createMemoryClient — getUser against the oracle', () => {
  it('gives the same figures as the oracle, models summing to the totals; null for unknown ids', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, rangeArb, filtersArb, async (ds, range, filters) => {
        const client = createMemoryClient(asDataset(ds));
        const oracle = asOracle(ds);
        for (const userId of [...ds.userIds, 'nobody-has-this-id']) {
          const stats = await client.getUser(userId, { range, filters });
          const known = oracle.traces.some((trace) => trace.userId === userId);
          if (!known) {
            expect(stats).toBeNull();
            continue;
          }
          const traces = tracesOf(oracle, userId, { range, filters });
          const { models, tags, ...summary } = stats!;
          expect(summary).toEqual(summarize(oracle, userId, traces));
          expect(tags).toEqual(tagsOf(traces));
          const obs = observationsOf(oracle, traces);
          const expectedModels = [...new Set(obs.map((o) => o.model ?? null))].map((model) => {
            const mine = obs.filter((o) => (o.model ?? null) === model);
            return {
              model,
              observationCount: mine.length,
              inputTokens: mine.reduce((s, o) => s + tokensOf(o).input, 0),
              outputTokens: mine.reduce((s, o) => s + tokensOf(o).output, 0),
              totalTokens: mine.reduce((s, o) => s + tokensOf(o).total, 0),
              totalCost: mine.reduce((s, o) => s + costOf(o), 0),
            };
          });
          expect(models).toEqual(
            expectedModels.sort(
              (a, b) =>
                b.totalCost - a.totalCost ||
                (a.model === b.model ? 0 : a.model === null ? 1 : b.model === null ? -1 : a.model < b.model ? -1 : 1),
            ),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('createMemoryClient — per-user lists against the oracle', () => {
  const perUserArb = datasetArb.chain((ds) =>
    fc.record({
      ds: fc.constant(ds),
      userId: fc.constantFrom(...ds.userIds),
      range: rangeArb,
      filters: filtersArb,
      page: fc.integer({ min: 1, max: 3 }),
      pageSize: fc.integer({ min: 1, max: 4 }),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    }),
  );

  it('listTraces: rows, figures, sort by every field, paging', async () => {
    const fields = ['timestamp', 'name', 'latency', 'observationCount', 'totalTokens', 'totalCost'] as const;
    await fc.assert(
      fc.asyncProperty(perUserArb, fc.constantFrom(...fields), async ({ ds, direction, ...q }, field) => {
        const oracle = asOracle(ds);
        const client = createMemoryClient(asDataset(ds));
        const page = await client.listTraces({ ...q, sort: { field, direction } });
        const rows = tracesOf(oracle, q.userId, q).map((trace) => {
          const obs = observationsOf(oracle, [trace]);
          const levels = ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'];
          const level = obs.length ? levels[Math.max(...obs.map((o) => levels.indexOf(o.level ?? 'DEFAULT')))] : null;
          return {
            id: trace.id,
            timestamp: new Date(trace.timestamp).toISOString(),
            name: trace.name ?? null,
            sessionId: trace.sessionId || null,
            environment: trace.environment || 'default',
            tags: trace.tags ?? [],
            input: null,
            output: null,
            level,
            latency: latencyOf(oracle, trace),
            observationCount: obs.length,
            inputTokens: obs.reduce((s, o) => s + tokensOf(o).input, 0),
            outputTokens: obs.reduce((s, o) => s + tokensOf(o).output, 0),
            totalTokens: obs.reduce((s, o) => s + tokensOf(o).total, 0),
            totalCost: obs.reduce((s, o) => s + costOf(o), 0),
            // By name, then time, then id.
            scores: oracle.scores
              .filter((s) => s.traceId === trace.id)
              .sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
              .map((s) => ({ name: s.name, dataType: s.dataType, value: s.value ?? null, stringValue: s.stringValue ?? null })),
          };
        });
        const get = (row: (typeof rows)[number]) => (field === 'timestamp' ? Date.parse(row.timestamp) : row[field]);
        rows.sort(compareBy(get, direction, (row) => row.id));
        const offset = (q.page - 1) * q.pageSize;
        expect(page.total).toBe(rows.length);
        expect(page.items).toEqual(rows.slice(offset, offset + q.pageSize));
      }),
      { numRuns: RUNS },
    );
  });

  it('listSessions: one row per non-empty sessionId with the session figures', async () => {
    const fields = ['createdAt', 'lastActivity', 'durationMs', 'traceCount', 'totalTokens', 'totalCost'] as const;
    await fc.assert(
      fc.asyncProperty(perUserArb, fc.constantFrom(...fields), async ({ ds, direction, ...q }, field) => {
        const oracle = asOracle(ds);
        const page = await createMemoryClient(asDataset(ds)).listSessions({ ...q, sort: { field, direction } });
        const rows = oracleSessions(oracle, q.userId, { ...q, sort: { field, direction } });
        const offset = (q.page - 1) * q.pageSize;
        expect(page.total).toBe(rows.length);
        expect(page.items).toEqual(rows.slice(offset, offset + q.pageSize));
      }),
      { numRuns: RUNS },
    );
  });

  it('listScores: the scores on the user’s traces in range, sorted and paged', async () => {
    await fc.assert(
      fc.asyncProperty(perUserArb, fc.constantFrom('timestamp', 'name', 'value'), async ({ ds, direction, ...q }, field) => {
        const oracle = asOracle(ds);
        const page = await createMemoryClient(asDataset(ds)).listScores({ ...q, sort: { field, direction } });
        const rows = oracleScores(oracle, q.userId, { ...q, sort: { field, direction } });
        const offset = (q.page - 1) * q.pageSize;
        expect(page.total).toBe(rows.length);
        expect(page.items).toEqual(rows.slice(offset, offset + q.pageSize));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('createMemoryClient — getActivity against the oracle', () => {
  it('buckets every matching trace once, by its timestamp, and the buckets sum to the user figures', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        rangeArb,
        filtersArb,
        fc.constantFrom('hour' as const, 'day' as const, 'week' as const, 'auto' as const),
        fc.boolean(),
        async (ds, range, filters, granularity, oneUser) => {
          const oracle = asOracle(ds);
          const userId = oneUser ? ds.userIds[0] : undefined;
          const activity = await createMemoryClient(asDataset(ds)).getActivity({ userId, range, filters, granularity });
          const traces = tracesOf(oracle, userId ?? null, { range, filters });
          if (granularity !== 'auto') expect(activity.granularity).toBe(granularity);
          // Contiguous, aligned buckets.
          activity.points.forEach((point, i) => {
            if (i > 0) expect(point.start).toBe(activity.points[i - 1]!.end);
          });
          // Each bucket holds exactly the figures of the traces whose timestamp falls in it.
          for (const point of activity.points) {
            const inBucket = traces.filter((trace) => {
              const ts = Date.parse(trace.timestamp);
              return Date.parse(point.start) <= ts && ts < Date.parse(point.end);
            });
            const expected = summarize(oracle, 'bucket', inBucket);
            expect(point).toEqual({
              start: point.start,
              end: point.end,
              traceCount: expected.traceCount,
              observationCount: expected.observationCount,
              inputTokens: expected.inputTokens,
              outputTokens: expected.outputTokens,
              totalTokens: expected.totalTokens,
              totalCost: expected.totalCost,
              errorCount: expected.errorCount,
            });
          }
          const totals = summarize(oracle, 'all', traces);
          const add = (key: 'traceCount' | 'observationCount' | 'totalTokens' | 'totalCost' | 'errorCount' | 'inputTokens' | 'outputTokens') =>
            activity.points.reduce((s, p) => s + p[key], 0);
          expect(add('traceCount')).toBe(totals.traceCount);
          expect(add('observationCount')).toBe(totals.observationCount);
          expect(add('inputTokens')).toBe(totals.inputTokens);
          expect(add('outputTokens')).toBe(totals.outputTokens);
          expect(add('totalTokens')).toBe(totals.totalTokens);
          expect(add('totalCost')).toBe(totals.totalCost);
          expect(add('errorCount')).toBe(totals.errorCount);
          if (range.from && range.to && range.from !== range.to) {
            expect(Date.parse(activity.points[0]!.start)).toBeLessThanOrEqual(Date.parse(range.from));
            expect(Date.parse(activity.points.at(-1)!.end)).toBeGreaterThanOrEqual(Date.parse(range.to));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('createMemoryClient — list companions against the oracle', () => {
  it('getDistribution bins every user with the figure exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        rangeArb,
        fc.constantFrom(...numericFields, ...scoreFields),
        fc.constantFrom('linear' as const, 'log' as const),
        fc.integer({ min: 1, max: 6 }),
        async (ds, range, field, scale, bins) => {
          const distribution = await createMemoryClient(asDataset(ds)).getDistribution!({ range, field, scale, bins });
          const values = oracleUsers(asOracle(ds), { range })
            .map((row) => figureOf(row, field) as number | null)
            .filter((v): v is number => v !== null);
          expect(distribution.count).toBe(values.length);
          expect(distribution.zeroCount).toBe(values.filter((v) => v === 0).length);
          expect(distribution.min).toBe(values.length ? Math.min(...values) : null);
          expect(distribution.max).toBe(values.length ? Math.max(...values) : null);
          expect(distribution.bins.reduce((s, b) => s + b.count, 0)).toBe(values.length);
          distribution.bins.forEach((bin, i) => {
            const last = i === distribution.bins.length - 1;
            const inside = values.filter((v) => v >= bin.from && (v < bin.to || (last && v === bin.to))).length;
            expect(bin.count).toBe(inside);
            if (i > 0) expect(bin.from).toBe(distribution.bins[i - 1]!.to);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('getTrends gives one aligned series per user, summing to the user’s figure', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        rangeArb,
        filtersArb,
        fc.constantFrom('traceCount' as const, 'totalTokens' as const, 'totalCost' as const, 'errorCount' as const),
        async (ds, range, filters, field) => {
          const userIds = [...ds.userIds, 'nobody'];
          const trends = await createMemoryClient(asDataset(ds)).getTrends!({ userIds, range, filters, field });
          expect(trends.series.map((s) => s.userId)).toEqual(userIds);
          const oracle = asOracle(ds);
          for (const { userId, values } of trends.series) {
            expect(values).toHaveLength(trends.buckets.length);
            const traces = tracesOf(oracle, userId, { range, filters });
            expect(values.reduce((a, b) => a + b, 0)).toBe(summarize(oracle, userId, traces)[field]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('getFilterOptions lists the environments and tags of user traces in the range', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, rangeArb, async (ds, range) => {
        const options = await createMemoryClient(asDataset(ds)).getFilterOptions!({ range });
        const traces = tracesOf(asOracle(ds), null, { range });
        expect(options.environments).toEqual([...new Set(traces.map((t) => t.environment || 'default'))].sort());
        expect(options.tags).toEqual([...new Set(traces.flatMap((t) => t.tags ?? []))].sort());
      }),
      { numRuns: RUNS },
    );
  });

  it('getUserFigures gives each known user’s summary, as getUser does', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, rangeArb, async (ds, range) => {
        const client = createMemoryClient(asDataset(ds));
        const figures = await client.getUserFigures!({ userIds: [...ds.userIds, 'nobody'], range });
        const known = ds.userIds.filter((id) => ds.traces.some((t) => t.userId === id));
        expect(figures.map((f) => f.userId)).toEqual(known);
        for (const f of figures) {
          const { models: _models, tags: _tags, ...stats } = (await client.getUser(f.userId!, { range }))!;
          expect(f).toEqual(stats);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
