import { describe, expect, it } from 'vitest';
import { UserlensError, createMemoryClient } from '../../src/core.ts';
import { createFixtures } from '../../src/testing/index.ts';

describe('createMemoryClient — defined behaviour', () => {
  it('serves an empty dataset: no users, zero total, no activity', async () => {
    const client = createMemoryClient({ traces: [] });
    expect(await client.listUsers({})).toEqual({ items: [], page: 1, pageSize: 50, total: 0, hasMore: false });
    expect(await client.getUser('anyone')).toBeNull();
    expect(await client.getActivity({})).toEqual({ granularity: 'hour', points: [] });
  });

  it('ignores observations and scores whose trace is unknown or null, and counts them', async () => {
    const f = createFixtures();
    f.trace({ id: 't1', userId: 'ana' });
    f.observation({ traceId: 't1', totalCost: 1 });
    f.observation({ traceId: 'not-there', totalCost: 100 });
    f.observation({ traceId: null, totalCost: 100 });
    f.score({ traceId: 't1', value: 1 });
    f.score({ traceId: 'not-there', value: 0 });
    const client = createMemoryClient(f.dataset());
    const ana = await client.getUser('ana');
    expect(ana?.totalCost).toBe(1);
    expect(ana?.observationCount).toBe(1);
    expect(ana?.scores).toEqual([{ name: 'quality', dataType: 'NUMERIC', count: 1, mean: 1 }]);
    expect(client.ignored).toEqual({ tracesWithoutUser: 0, observationsWithoutTrace: 2, scoresWithoutTrace: 1 });
  });

  it('leaves traces without a user (null, absent, empty) out of every figure', async () => {
    const f = createFixtures();
    f.trace({ userId: null });
    f.observation({ totalCost: 5 });
    f.trace({ userId: '' });
    f.trace({ userId: undefined });
    f.trace({ userId: 'ana' });
    const client = createMemoryClient(f.dataset());
    const page = await client.listUsers({});
    expect(page.items.map((u) => u.userId)).toEqual(['ana']);
    expect((await client.getActivity({})).points.reduce((s, p) => s + p.totalCost, 0)).toBe(0);
    expect(client.ignored.tracesWithoutUser).toBe(3);
  });

  it('keeps a known user with no trace in the range: zero figures and null events, not null', async () => {
    const f = createFixtures('2026-01-01T00:00:00.000Z');
    f.trace({ userId: 'ana' });
    const client = createMemoryClient(f.dataset());
    const range = { from: '2026-02-01T00:00:00.000Z' };
    expect(await client.listUsers({ range })).toMatchObject({ items: [], total: 0 });
    expect(await client.getUser('ana', { range })).toEqual({
      userId: 'ana',
      firstEvent: null,
      lastEvent: null,
      traceCount: 0,
      observationCount: 0,
      sessionCount: 0,
      inputTokens: 0,
      outputTokens: 0,
      totalTokens: 0,
      totalCost: 0,
      errorCount: 0,
      errorRate: null,
      latencyP50: null,
      latencyP95: null,
      scores: [],
      models: [],
      tags: [],
    });
  });

  it('treats from as inclusive and to as exclusive', async () => {
    const f = createFixtures();
    f.trace({ userId: 'ana', timestamp: '2026-01-01T10:00:00.000Z' });
    f.trace({ userId: 'ana', timestamp: '2026-01-01T11:00:00.000Z' });
    const client = createMemoryClient(f.dataset());
    const stats = await client.getUser('ana', { range: { from: '2026-01-01T10:00:00.000Z', to: '2026-01-01T11:00:00.000Z' } });
    expect(stats?.traceCount).toBe(1);
    expect(stats?.firstEvent).toBe('2026-01-01T10:00:00.000Z');
  });

  it('finds users by a case-insensitive substring and keeps whitespace-only ids searchable', async () => {
    const f = createFixtures();
    for (const userId of ['Ana.Silva@Example.com', 'bob', '   ']) f.trace({ userId });
    const client = createMemoryClient(f.dataset());
    const ids = async (search: string) => (await client.listUsers({ search })).items.map((u) => u.userId).sort();
    expect(await ids('SILVA')).toEqual(['Ana.Silva@Example.com']);
    expect(await ids(' ')).toEqual(['   ']);
    expect(await ids('zzz')).toEqual([]);
  });

  it('breaks ties by userId ascending in both directions', async () => {
    const f = createFixtures();
    for (const userId of ['c', 'a', 'b']) f.trace({ userId });
    const client = createMemoryClient(f.dataset());
    for (const direction of ['asc', 'desc'] as const) {
      const page = await client.listUsers({ sort: { field: 'traceCount', direction } });
      expect(page.items.map((u) => u.userId)).toEqual(['a', 'b', 'c']);
    }
  });

  it('sorts users without latency last in both directions', async () => {
    const f = createFixtures();
    f.trace({ userId: 'no-observations' });
    f.trace({ userId: 'fast' });
    f.observation({ startTime: '2026-01-01T00:00:00.000Z', endTime: '2026-01-01T00:00:01.000Z' });
    f.trace({ userId: 'slow' });
    f.observation({ startTime: '2026-01-01T00:00:00.000Z', endTime: '2026-01-01T00:00:09.000Z' });
    const client = createMemoryClient(f.dataset());
    const order = async (direction: 'asc' | 'desc') =>
      (await client.listUsers({ sort: { field: 'latencyP50', direction } })).items.map((u) => u.userId);
    expect(await order('asc')).toEqual(['fast', 'slow', 'no-observations']);
    expect(await order('desc')).toEqual(['slow', 'fast', 'no-observations']);
  });

  it('rejects with the abort reason when aborted before answering', async () => {
    const client = createMemoryClient({ traces: [] });
    const controller = new AbortController();
    const pending = client.listUsers({}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client.getUser('x', {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('aborts a simulated slow answer as soon as the signal fires', async () => {
    const client = createMemoryClient({ traces: [] }, { latencyMs: 10_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.listUsers({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    [{ page: 0 }, 'page must be an integer ≥ 1'],
    [{ page: 1.5 }, 'page must be an integer ≥ 1'],
    [{ pageSize: 0 }, 'pageSize must be an integer from 1 to 10000'],
    [{ pageSize: 10_001 }, 'pageSize must be an integer from 1 to 10000'],
    [{ sort: { field: 'scores', direction: 'asc' } }, 'cannot sort by "scores"'],
    [{ sort: { field: 'totalCost', direction: 'up' } }, 'sort.direction must be "asc" or "desc"'],
    [{ range: { from: 'yesterday' } }, 'range.from must be an ISO-8601 date-time, got "yesterday"'],
    [{ range: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, 'is after range.to'],
  ])('refuses %j with invalid_query: %s', async (query, message) => {
    const client = createMemoryClient({ traces: [] });
    const error = await client.listUsers(query as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserlensError);
    expect(error).toMatchObject({ code: 'invalid_query' });
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toMatch(/^\[userlens\] listUsers: /);
  });

  it('refuses an hourly activity series longer than the bucket limit', async () => {
    const client = createMemoryClient({ traces: [] });
    const error = await client
      .getActivity({ granularity: 'hour', range: { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_query', field: 'granularity' });
  });

  it('picks hour, day or week for auto from the span of the range', async () => {
    const client = createMemoryClient({ traces: [] });
    const pick = async (days: number) =>
      (
        await client.getActivity({
          range: { from: '2026-01-01T00:00:00Z', to: new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000).toISOString() },
        })
      ).granularity;
    expect(await pick(1)).toBe('hour');
    expect(await pick(2)).toBe('hour');
    expect(await pick(30)).toBe('day');
    expect(await pick(365)).toBe('week');
  });

  it('starts weekly buckets on Monday 00:00 UTC', async () => {
    const f = createFixtures();
    f.trace({ userId: 'ana', timestamp: '2026-01-07T15:00:00.000Z' }); // a Wednesday
    const activity = await createMemoryClient(f.dataset()).getActivity({ granularity: 'week' });
    expect(activity.points).toHaveLength(1);
    expect(activity.points[0]).toMatchObject({ start: '2026-01-05T00:00:00.000Z', end: '2026-01-12T00:00:00.000Z', traceCount: 1 });
  });
});
