import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryClient, type Dataset, type Mover } from '../../src/core.ts';
import { datasetArb, filtersArb, rangeArb, type GeneratedDataset } from '../oracle/arbitraries.ts';
import { oracleMovers, oracleOverview, type OracleDataset } from '../oracle/oracle.ts';

const RUNS = 300;
const asDataset = (ds: GeneratedDataset) => ds as unknown as Dataset;
const asOracle = (ds: GeneratedDataset) => ds as unknown as OracleDataset;
/** Sums differ in their last bits with the order of addition. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function expectFigures(actual: Record<string, number | null | string>, expected: Record<string, number | string>) {
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number') expect(close(actual[key] as number, value), `${key}: ${String(actual[key])} vs ${value}`).toBe(true);
    else expect(actual[key]).toBe(value);
  }
}

function expectMovers(actual: Mover[] | null, expected: Mover[]) {
  expect(actual).not.toBeNull();
  // Changes equal within rounding; the order may differ only between changes that are equal.
  expect(actual!.map((m) => m.userId).sort()).toEqual(expected.map((m) => m.userId).sort());
  for (const mover of actual!) {
    const twin = expected.find((m) => m.userId === mover.userId)!;
    expectFigures(mover as unknown as Record<string, number>, twin as unknown as Record<string, number>);
  }
  for (let i = 1; i < actual!.length; i++) expect(Math.abs(actual![i - 1]!.change) + 1e-9).toBeGreaterThanOrEqual(Math.abs(actual![i]!.change));
}

describe('getOverview — the oracle', () => {
  it('counts active, new and returning users, traces, tokens and cost per bucket and over the range (property)', async () => {
    let buckets = 0;
    await fc.assert(
      fc.asyncProperty(datasetArb, rangeArb, filtersArb, fc.constantFrom('hour', 'day', 'week', 'auto'), async (ds, range, filters, granularity) => {
        const client = createMemoryClient(asDataset(ds));
        const query = { range, ...(filters ? { filters } : {}) };
        const overview = await client.getOverview!({ ...query, granularity: granularity as 'hour' | 'day' | 'week' | 'auto' });
        const span = { fromMs: range.from ? Date.parse(range.from) : -Infinity, toMs: range.to ? Date.parse(range.to) : Infinity };
        const expected = oracleOverview(asOracle(ds), query, overview.points, span);
        expect(overview.points).toHaveLength(expected.points.length);
        overview.points.forEach((point, i) => expectFigures(point as unknown as Record<string, number>, expected.points[i]!));
        expectFigures(overview.totals as unknown as Record<string, number>, expected.totals);
        // Every active user is new or returning, and the buckets add up to the range.
        expect(overview.points.reduce((n, p) => n + p.traceCount!, 0)).toBe(overview.totals.traceCount);
        buckets += overview.points.length;
      }),
      { numRuns: RUNS },
    );
    expect(buckets).toBeGreaterThan(RUNS);
  });

  it('lists the users whose cost and error rate moved most against the previous period (property)', async () => {
    let movers = 0;
    await fc.assert(
      fc.asyncProperty(datasetArb, rangeArb, filtersArb, fc.integer({ min: 1, max: 8 }), async (ds, range, filters, count) => {
        const client = createMemoryClient(asDataset(ds));
        const overview = await client.getOverview!({ range, ...(filters ? { filters } : {}), movers: count });
        if (!range.from || !range.to) {
          expect(overview.previous).toBeNull();
          expect(overview.movers).toEqual({ totalCost: null, errorRate: null });
          return;
        }
        const expected = oracleMovers(asOracle(ds), { range: { from: range.from, to: range.to }, ...(filters ? { filters } : {}) }, count);
        expect(overview.previous).toEqual(expected.previous);
        expectMovers(overview.movers.totalCost, expected.movers.totalCost);
        expectMovers(overview.movers.errorRate, expected.movers.errorRate);
        movers += expected.movers.totalCost.length + expected.movers.errorRate.length;
      }),
      { numRuns: RUNS },
    );
    // The generated histories are short: about one run in four has a mover.
    expect(movers).toBeGreaterThan(RUNS / 10);
  });

  it('refuses a mover count out of bounds', async () => {
    const client = createMemoryClient({ traces: [] });
    await expect(client.getOverview!({ movers: 101 })).rejects.toMatchObject({ code: 'invalid_query', field: 'movers' });
  });
});
