import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserlensError, createMemoryClient, type Dataset, type UsersQuery } from '../../src/core.ts';
import { createFixtures } from '../../src/testing/index.ts';
import { bandsWithScoresArb, datasetArb, filtersArb, rangeArb, scoreFields, sortFields, type GeneratedDataset } from '../oracle/arbitraries.ts';

// The memory client keeps the rows of its last two queries (range, filters, search, ids, bands)
// for a re-sort, another page or the histogram. Every answer must be the one a client that has
// answered nothing yet gives.

const asDataset = (ds: GeneratedDataset) => ds as unknown as Dataset;

/** A few values per part of a query, so a run of queries meets the same rows again, and others. */
const queriesArb = datasetArb.chain((ds) => {
  const parts = fc.record({
    ranges: fc.array(rangeArb, { minLength: 1, maxLength: 2 }),
    filters: fc.array(filtersArb, { minLength: 1, maxLength: 2 }),
    searches: fc.array(fc.option(fc.constantFrom(...ds.userIds.map((id) => id.slice(0, 2)), 'zz'), { nil: undefined }), { minLength: 1, maxLength: 2 }),
    userIds: fc.array(fc.option(fc.subarray(ds.userIds), { nil: undefined }), { minLength: 1, maxLength: 2 }),
    bands: fc.array(bandsWithScoresArb, { minLength: 1, maxLength: 2 }),
  });
  return parts.chain((p) =>
    fc.record({
      ds: fc.constant(ds),
      queries: fc.array(
        fc.record({
          range: fc.constantFrom(...p.ranges),
          filters: fc.constantFrom(...p.filters),
          search: fc.constantFrom(...p.searches),
          userIds: fc.constantFrom(...p.userIds),
          bands: fc.constantFrom(...p.bands),
          sort: fc.record({ field: fc.constantFrom(...sortFields, ...scoreFields), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
          page: fc.integer({ min: 1, max: 3 }),
          pageSize: fc.integer({ min: 1, max: 5 }),
        }),
        { minLength: 2, maxLength: 8 },
      ),
    }),
  );
});

/** The query without its absent parts, as a host would write it. */
const defined = (query: Record<string, unknown>) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as UsersQuery;

describe('createMemoryClient — rows kept between queries', () => {
  it('answers every query of a run as a new client does, whatever was asked before it', async () => {
    await fc.assert(
      fc.asyncProperty(queriesArb, async ({ ds, queries }) => {
        const client = createMemoryClient(asDataset(ds));
        for (const query of queries.map(defined)) {
          expect(await client.listUsers(query)).toEqual(await createMemoryClient(asDataset(ds)).listUsers(query));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reorders the same users when only the sort changes', async () => {
    const client = createMemoryClient(dataset());
    const range = { from: '2026-01-01T00:00:00.000Z' };
    const byCost = await client.listUsers({ range, sort: { field: 'totalCost', direction: 'desc' } });
    const byCostUp = await client.listUsers({ range, sort: { field: 'totalCost', direction: 'asc' } });
    const byId = await client.listUsers({ range, sort: { field: 'userId', direction: 'asc' } });
    expect(byCost.items.map((user) => user.userId)).toEqual(['cleo', 'ana', 'bo']);
    expect(byCostUp.items.map((user) => user.userId)).toEqual(['bo', 'ana', 'cleo']);
    expect(byId.items.map((user) => user.userId)).toEqual(['ana', 'bo', 'cleo']);
    // The same rows, figure for figure.
    const sorted = (items: typeof byCost.items) => [...items].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    expect(sorted(byCost.items)).toEqual(byId.items);
    expect(sorted(byCostUp.items)).toEqual(byId.items);
  });

  it('sums again for another range, filters, search, ids or bands', async () => {
    const client = createMemoryClient(dataset());
    const sort = { field: 'totalCost', direction: 'desc' } as const;
    const ids = async (query: UsersQuery) => (await client.listUsers({ ...query, sort })).items.map((user) => [user.userId, user.totalCost]);
    expect(await ids({})).toEqual([['cleo', 7], ['ana', 3], ['bo', 1]]);
    // Ana's January trace falls out of February on.
    expect(await ids({ range: { from: '2026-02-01T00:00:00.000Z' } })).toEqual([['cleo', 7], ['ana', 2], ['bo', 1]]);
    expect(await ids({ filters: { environments: ['production'] } })).toEqual([['cleo', 7], ['ana', 1]]);
    expect(await ids({ filters: { environments: ['staging'] } })).toEqual([['ana', 2], ['bo', 1]]);
    expect(await ids({ search: 'B' })).toEqual([['bo', 1]]);
    expect(await ids({ userIds: ['ana', 'cleo'] })).toEqual([['cleo', 7], ['ana', 3]]);
    expect(await ids({ search: 'zz', searchUserIds: ['bo'] })).toEqual([['bo', 1]]);
    expect(await ids({ search: 'zz', searchUserIds: ['ana'] })).toEqual([['ana', 3]]);
    expect(await ids({ bands: [{ field: 'totalCost', gte: 2 }] })).toEqual([['cleo', 7], ['ana', 3]]);
    expect(await ids({ bands: [{ field: 'totalCost', lt: 2 }] })).toEqual([['bo', 1]]);
    expect(await ids({})).toEqual([['cleo', 7], ['ana', 3], ['bo', 1]]);
  });

  it('answers a plain-JavaScript caller’s BigInt bound as the number it compares as', async () => {
    const f = createFixtures();
    for (const userId of ['a', 'b', 'b']) f.trace({ userId });
    const client = createMemoryClient(f.dataset());
    const page = await client.listUsers({ bands: [{ field: 'traceCount', gte: 2n as unknown as number }] });
    expect(page.items.map((u) => u.userId)).toEqual(['b']);
  });

  it('tells bounds JSON cannot: NaN, Infinity and an absent bound band differently', async () => {
    const client = createMemoryClient(dataset());
    const total = async (lte: number | undefined) => (await client.listUsers({ bands: [{ field: 'traceCount', lte }] })).total;
    expect(await total(Infinity)).toBe(3);
    expect(await total(NaN)).toBe(0);
    expect(await total(undefined)).toBe(3);
    expect(await total(-Infinity)).toBe(0);
    expect(await total(Infinity)).toBe(3);
  });

  it('checks every query in full, also one whose rows are kept', async () => {
    const client = createMemoryClient(dataset());
    await client.listUsers({ filters: { metadata: { plan: 'pro' } } });
    await expect(client.listUsers({ filters: { metadata: { plan: 1 as unknown as string } } })).rejects.toBeInstanceOf(UserlensError);
    await client.listUsers({ userIds: ['ana'] });
    await expect(client.listUsers({ userIds: [1 as unknown as string] })).rejects.toBeInstanceOf(UserlensError);
    await expect(client.listUsers({ range: { from: 'yesterday' } })).rejects.toBeInstanceOf(UserlensError);
    await expect(client.listUsers({ bands: [{ field: 'nope' as 'traceCount' }] })).rejects.toBeInstanceOf(UserlensError);
    expect((await client.listUsers({})).total).toBe(3);
  });

  it('gives the histogram of the rows a list read, and keeps answering as a new client', async () => {
    const client = createMemoryClient(dataset());
    const fresh = () => createMemoryClient(dataset());
    const query = { range: { from: '2026-01-01T00:00:00.000Z' }, filters: { environments: ['staging'] } };
    await client.listUsers({ ...query, sort: { field: 'latencyP95', direction: 'desc' } });
    expect(await client.getDistribution!({ ...query, field: 'totalCost' })).toEqual(await fresh().getDistribution!({ ...query, field: 'totalCost' }));
    expect(await client.getDistribution!({ ...query, field: 'latencyP95' })).toEqual(await fresh().getDistribution!({ ...query, field: 'latencyP95' }));
    // A third set of rows evicts the oldest; each answer stays right.
    for (const environments of [['production'], ['staging'], [], ['production'], ['staging']]) {
      const asked = { filters: { environments }, sort: { field: 'errorRate', direction: 'desc' } } as const;
      expect(await client.listUsers(asked)).toEqual(await fresh().listUsers(asked));
    }
  });
});

/** Three users: ana (one January trace, two later ones), bo (staging only), cleo (production). */
function dataset(): Dataset {
  const f = createFixtures('2026-01-15T00:00:00.000Z');
  f.trace({ userId: 'ana', environment: 'production', metadata: { plan: 'pro' } });
  f.observation({ totalCost: 1, endTime: '2026-01-15T00:00:01.000Z' });
  f.trace({ userId: 'ana', environment: 'staging', timestamp: '2026-02-10T00:00:00.000Z' });
  f.observation({ totalCost: 2, level: 'ERROR', startTime: '2026-02-10T00:00:00.000Z', endTime: '2026-02-10T00:00:02.000Z' });
  f.trace({ userId: 'bo', environment: 'staging', timestamp: '2026-02-11T00:00:00.000Z' });
  f.observation({ totalCost: 1, startTime: '2026-02-11T00:00:00.000Z', endTime: '2026-02-11T00:00:03.000Z' });
  f.trace({ userId: 'cleo', environment: 'production', timestamp: '2026-02-12T00:00:00.000Z' });
  f.observation({ totalCost: 7, startTime: '2026-02-12T00:00:00.000Z', endTime: '2026-02-12T00:00:04.000Z' });
  return f.dataset();
}
