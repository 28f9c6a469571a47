// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { UserlensError, createLangfuseClient, exportUser, type ExportProgress } from '../../../src/core.ts';
import { createFixtures, generateDemoDataset } from '../../../src/testing/index.ts';
import { oracleUser, oracleUsers } from '../../oracle/oracle.ts';
import { asOracle, endpointOf, lateUserDataset, metricsQueryOf, pair, roundCosts } from './harness.ts';

const dataset = generateDemoDataset({ seed: 5, users: 40, days: 10, end: '2026-11-01T00:00:00.000Z' });
// Expected users and figures come from the oracle, which shares no code with the client.
const oracle = asOracle(dataset);

describe('Langfuse client — the requests it makes', () => {
  it('asks metrics v2 for the top 1,000 users by the sort figure, descending, without a time dimension', async () => {
    const { langfuse, requests } = pair(dataset);
    await langfuse.listUsers({ sort: { field: 'totalTokens', direction: 'desc' }, filters: { environments: ['production'], tags: ['rag'] }, search: 'USER' });
    expect(requests).toHaveLength(1);
    expect(endpointOf(requests[0]!)).toBe('/api/public/v2/metrics');
    const query = metricsQueryOf(requests[0]!);
    expect(query.dimensions).toEqual([{ field: 'userId' }]);
    expect(query.config).toEqual({ row_limit: 1000 });
    expect(query.orderBy).toEqual([{ field: 'sum_totalTokens', direction: 'desc' }]);
    expect(query.timeDimension).toBeUndefined();
    expect(query.filters).toEqual(
      expect.arrayContaining([
        { column: 'environment', operator: 'any of', value: ['production'], type: 'stringOptions' },
        { column: 'tags', operator: 'all of', value: ['rag'], type: 'arrayOptions' },
        { column: 'userId', operator: 'contains', value: 'USER', type: 'string' },
      ]),
    );
  });

  it('costs 2 requests per list page: the ranking, then the deferred figures of that page', async () => {
    const { langfuse, requests } = pair(dataset);
    const page = await langfuse.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 10, page: 2 });
    await langfuse.getUserFigures!({ userIds: page.items.map((u) => u.userId) });
    expect(requests.map(endpointOf)).toEqual(['/api/public/v2/metrics', '/api/public/v2/metrics']);
    const second = metricsQueryOf(requests[1]!);
    expect(second.config.row_limit).toBe(10);
    expect(second.filters).toContainEqual({ column: 'userId', operator: 'any of', value: page.items.map((u) => u.userId), type: 'stringOptions' });
    expect(second.filters).toContainEqual({ column: 'isRootObservation', operator: '=', value: true, type: 'boolean' });
  });

  it('cuts pages from the ranking: page 2 follows page 1, and the total is the ranking length', async () => {
    const { langfuse } = pair(dataset);
    const sort = { field: 'totalCost', direction: 'desc' } as const;
    const [one, two] = await Promise.all([langfuse.listUsers({ sort, pageSize: 7 }), langfuse.listUsers({ sort, pageSize: 7, page: 2 })]);
    const all = oracleUsers(oracle, { sort });
    expect([...one.items, ...two.items].map((u) => u.userId)).toEqual(all.slice(0, 14).map((u) => u.userId));
    expect(one.total).toBe(all.length);
    expect(one.hasMore).toBe(true);
    const last = await langfuse.listUsers({ sort, pageSize: 1000 });
    expect(last.hasMore).toBe(false);
  });

  it('refuses what Langfuse cannot rank: ascending order, figures it cannot sort by, bands', async () => {
    const { langfuse, requests } = pair(dataset);
    await expect(langfuse.listUsers({ sort: { field: 'totalCost', direction: 'asc' } })).rejects.toMatchObject({ code: 'unsupported', field: 'sort.direction' });
    await expect(langfuse.listUsers({ sort: { field: 'lastEvent', direction: 'desc' } })).rejects.toMatchObject({ code: 'invalid_query', field: 'sort.field' });
    await expect(langfuse.listUsers({ bands: [{ field: 'totalCost', gte: 1 }] })).rejects.toMatchObject({ code: 'unsupported', field: 'bands' });
    expect(requests).toHaveLength(0);
  });

  it('costs 2 requests for a detail view of a typical user, however many parts ask at once', async () => {
    const { langfuse, requests } = pair(dataset);
    // A user with 11 to 50 traces: two pages of five, and their scores in one request.
    const userId = oracleUsers(oracle, { sort: { field: 'traceCount', direction: 'desc' } }).find((u) => u.traceCount > 10 && u.traceCount <= 50)!.userId;
    const range = { from: '2026-10-22T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
    await Promise.all([
      langfuse.getUser(userId, { range }),
      langfuse.getActivity({ userId, range, granularity: 'auto' }),
      langfuse.listTraces({ userId, range, pageSize: 5 }),
      langfuse.listScores({ userId, range }),
      langfuse.listSessions({ userId, range }),
    ]);
    expect(requests.map(endpointOf).sort()).toEqual(['/api/public/v2/observations', '/api/public/v3/scores']);
    const [observations] = requests;
    expect(observations!.searchParams.get('userId')).toBe(userId);
    expect(observations!.searchParams.get('limit')).toBe('500');
    // The traces' input and output come with the observations: a second page costs nothing.
    expect(observations!.searchParams.get('fields')?.split(',')).toContain('io');
    const page2 = await langfuse.listTraces({ userId, range, pageSize: 5, page: 2 });
    expect(page2.items.some((trace) => trace.input !== null)).toBe(true);
    expect(page2.latestTraces).toBeUndefined();
    expect(requests).toHaveLength(2);
    // After invalidate() (what a refresh does) the user's records are read again.
    langfuse.invalidate();
    await langfuse.getUser(userId, { range });
    expect(requests).toHaveLength(4);
  });

  it('costs 5 requests for a user past 500 observations, whatever their volume, and says what it could not count', async () => {
    const f = createFixtures();
    const build = (traces: number) => {
      for (let t = 0; t < traces; t++) {
        const at = Date.UTC(2026, 9, 1, 0, t);
        const trace = f.trace({ userId: `heavy-${traces}`, timestamp: new Date(at).toISOString() });
        // Langfuse v4 knows a trace by its root observation, which starts at the trace's timestamp.
        const root = f.observation({ type: 'SPAN', startTime: trace.timestamp, endTime: new Date(at + 5_000).toISOString() });
        for (let o = 1; o < 10; o++) f.observation({ parentObservationId: root.id, startTime: new Date(at + o * 100).toISOString(), totalCost: 0.01 });
        // Stamped with the trace: metrics count the scores stamped in the range.
        f.score({ value: 1, timestamp: trace.timestamp });
      }
    };
    build(120);
    build(3_000);
    const { langfuse, requests } = pair(f.dataset());
    const detailView = async (userId: string) => {
      requests.length = 0;
      const range = { from: '2026-10-01T00:00:00.000Z', to: '2026-10-04T00:00:00.000Z' };
      const [stats, , traces] = await Promise.all([
        langfuse.getUser(userId, { range }),
        langfuse.getActivity({ userId, range, granularity: 'auto' }),
        langfuse.listTraces({ userId, range, pageSize: 25 }),
        langfuse.listSessions({ userId, range }),
        langfuse.listScores({ userId, range }),
      ]);
      return { stats, traces, endpoints: requests.map(endpointOf).sort() };
    };
    for (const traces of [120, 3_000]) {
      const { stats, traces: page, endpoints } = await detailView(`heavy-${traces}`);
      expect(endpoints).toEqual(['/api/public/v2/metrics', '/api/public/v2/metrics', '/api/public/v2/metrics', '/api/public/v2/observations', '/api/public/v3/scores']);
      const expected = oracleUser(asOracle(f.dataset()), `heavy-${traces}`, { range: { from: '2026-10-01T00:00:00.000Z', to: '2026-10-04T00:00:00.000Z' } })!;
      // One root per trace, every observation inside the range: the metrics' counts are exact here.
      expect(roundCosts(stats)).toMatchObject(roundCosts({ traceCount: traces, observationCount: traces * 10, totalCost: expected.totalCost, lastEvent: expected.lastEvent, scores: expected.scores }));
      expect(stats!.unavailable).toEqual(['firstEvent', 'sessionCount', 'errorCount', 'errorRate']);
      // The lists: the latest traces the 500 newest observations hold whole (the 50th starts at the oldest of them, so may continue on the next page).
      expect(page.latestTraces).toBe(49);
      expect(page.items[0]!.timestamp).toBe(expected.lastEvent);
      expect(page.items[0]!.observationCount).toBe(10);
    }
  });

  it('aborts the shared read only when every caller has gone', async () => {
    const { langfuse, requests } = pair(dataset);
    const userId = oracleUsers(oracle, {})[0]!.userId;
    const first = new AbortController();
    const a = langfuse.getUser(userId, {}, { signal: first.signal });
    const b = langfuse.getActivity({ userId });
    first.abort(new Error('unmounted'));
    await expect(a).rejects.toThrow('unmounted');
    await expect(b).resolves.toMatchObject({ granularity: expect.any(String) });
    expect(requests.filter((r) => endpointOf(r) === '/api/public/v2/observations')).toHaveLength(1);
  });

  it('sends no credentials of its own, only the headers the host gives', async () => {
    const seen: Headers[] = [];
    const client = createLangfuseClient({
      baseUrl: 'https://host.test/proxy',
      headers: { 'x-csrf': 'token' },
      fetch: async (input, init) => {
        seen.push(new Request(input, init).headers);
        return Response.json({ data: [] });
      },
    });
    await client.listUsers({});
    expect(seen[0]!.get('authorization')).toBeNull();
    expect(seen[0]!.get('x-csrf')).toBe('token');
  });

  it('in auto mode, moves to the legacy endpoints after a v4 endpoint answers 404', async () => {
    const { langfuse, requests } = pair(dataset, { fake: { api: 'legacy' }, client: { api: 'auto' } });
    const sort = { field: 'totalCost', direction: 'desc' } as const;
    const page = await langfuse.listUsers({ sort, pageSize: 5 });
    expect(page.items.map((u) => u.userId)).toEqual(oracleUsers(oracle, { sort }).slice(0, 5).map((u) => u.userId));
    expect(requests.map(endpointOf)).toEqual(['/api/public/v2/metrics', '/api/public/metrics']);
    await langfuse.listUsers({ sort, pageSize: 5 });
    expect(requests.map(endpointOf).at(-1)).toBe('/api/public/metrics');
  });

  it('in v4 mode, reports a 404 as it is instead of moving on', async () => {
    const { langfuse } = pair(dataset, { fake: { api: 'legacy' }, client: { api: 'v4' } });
    const error = await langfuse.listUsers({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserlensError);
    expect(error).toMatchObject({ code: 'network', status: 404, where: 'GET /api/public/v2/metrics' });
  });
});

describe('Langfuse client — review cases', () => {
  it('stays on v4 after a stray 404 and reports the v4 error', async () => {
    const { langfuse, requests } = pair(dataset, { intercept: (_, n) => (n === 1 ? new Response('<html>not found</html>', { status: 404 }) : undefined) });
    await expect(langfuse.listUsers({})).rejects.toMatchObject({ status: 404, where: 'GET /api/public/v2/metrics' });
    // The legacy try answered 404 as well (a v4 deployment): later calls stay on v4.
    await langfuse.listUsers({});
    expect(requests.map(endpointOf)).toEqual(['/api/public/v2/metrics', '/api/public/metrics', '/api/public/v2/metrics']);
  });

  it('counts a trace by its timestamp in the list and in the detail view, with both range ends as userlens means them', async () => {
    const f = createFixtures();
    const day = { from: '2026-10-02T00:00:00.000Z', to: '2026-10-03T00:00:00.000Z' };
    for (const timestamp of ['2026-10-01T23:59:59.999Z', '2026-10-02T00:00:00.000Z', '2026-10-02T23:59:59.999Z', '2026-10-03T00:00:00.000Z']) {
      f.trace({ userId: 'edge', timestamp });
      f.observation({ startTime: timestamp, totalCost: 1 });
    }
    const { langfuse } = pair(f.dataset());
    const [figures] = await langfuse.getUserFigures!({ userIds: ['edge'], range: day });
    expect(figures!.traceCount).toBe(2);
    expect((await langfuse.listUsers({ range: day })).items[0]!.totalCost).toBe(2);
    expect(await langfuse.getUser('edge', { range: day })).toEqual(oracleUser(asOracle(f.dataset()), 'edge', { range: day }));
  });

  it('counts, in the list, the observations that start in the range — documented, and unlike the detail view', async () => {
    const f = createFixtures();
    f.trace({ userId: 'late', timestamp: '2026-10-02T23:59:59.000Z' });
    const root = f.observation({ type: 'SPAN', startTime: '2026-10-02T23:59:59.000Z', totalCost: 1 });
    f.observation({ parentObservationId: root.id, startTime: '2026-10-03T00:00:01.000Z', totalCost: 5 });
    const { langfuse } = pair(f.dataset());
    const day = { from: '2026-10-02T00:00:00.000Z', to: '2026-10-03T00:00:00.000Z' };
    expect((await langfuse.listUsers({ range: day })).items[0]!.totalCost).toBe(1);
    expect((await langfuse.getUser('late', { range: day }))!.totalCost).toBe(6);
  });

  it('splits the second phase over requests only when the ids would make too long a URL', async () => {
    const f = createFixtures();
    const ids = Array.from({ length: 120 }, (_, i) => `${'x'.repeat(60)}-${i}`);
    for (const userId of ids) {
      f.trace({ userId });
      f.observation({ type: 'SPAN' });
    }
    const { langfuse, requests } = pair(f.dataset());
    const figures = await langfuse.getUserFigures!({ userIds: ids });
    expect(figures.map((u) => u.traceCount)).toEqual(ids.map(() => 1));
    expect(requests.length).toBeGreaterThan(1);
    for (const url of requests) expect(url.href.length).toBeLessThan(8000);
  });

  it('refuses to read more than maxObservationsPerUser for a detail view on legacy endpoints', async () => {
    const { langfuse } = pair(dataset, { fake: { api: 'legacy' }, client: { api: 'legacy', maxObservationsPerUser: 10 } });
    const heavy = oracleUsers(oracle, { sort: { field: 'observationCount', direction: 'desc' } })[0]!;
    expect(heavy.observationCount).toBeGreaterThan(10);
    await expect(langfuse.getUser(heavy.userId)).rejects.toMatchObject({ code: 'invalid_query', field: 'range', message: expect.stringContaining('shorter range') });
  });

  it('asks caches on the way for a fresh answer right after invalidate()', async () => {
    const seen: (string | null)[] = [];
    const { langfuse } = pair(dataset, {
      client: {
        fetch: async (input, init) => {
          seen.push(new Request(input, init).headers.get('cache-control'));
          return Response.json({ data: [] });
        },
      },
    });
    await langfuse.listUsers({});
    langfuse.invalidate();
    await langfuse.listUsers({});
    expect(seen).toEqual([null, 'no-cache']);
  });
});

describe('Langfuse client — what it spends of the rate limits', () => {
  it('counts every request against its budget in a sliding window of the wall clock, and remembers a 429’s Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-11-01T12:00:00.000Z'));
      let refuse = false;
      const { langfuse } = pair(dataset, {
        client: { rateLimits: { metrics: { limit: 100, windowMs: 3_600_000 } }, retry: { retries: 0 } },
        intercept: () => (refuse ? new Response('{}', { status: 429, headers: { 'retry-after': '120' } }) : undefined),
      });
      const spent = () => Object.fromEntries(langfuse.usage().budgets.map((b) => [b.name, [b.used, b.total, b.limit, b.windowMs]]));
      expect(spent()).toEqual({ metrics: [0, 0, 100, 3_600_000], api: [0, 0, 20, 60_000] });
      await langfuse.listUsers({ pageSize: 5 });
      // A user whose history one read holds: their observations, then their scores.
      const userId = oracleUsers(oracle, {}).find((u) => u.traceCount > 0 && u.traceCount <= 20 && u.observationCount <= 500)!.userId;
      await langfuse.getUser(userId);
      // The ranking is a metrics query; the user's observations and scores are the other API's.
      expect(spent()).toEqual({ metrics: [1, 1, 100, 3_600_000], api: [2, 2, 20, 60_000] });
      vi.setSystemTime(Date.now() + 61_000);
      expect(spent()).toEqual({ metrics: [1, 1, 100, 3_600_000], api: [0, 2, 20, 60_000] });
      expect(langfuse.usage().pausedUntil).toBeNull();
      refuse = true;
      await expect(langfuse.listUsers({ pageSize: 6 })).rejects.toMatchObject({ code: 'rate_limited' });
      expect(langfuse.usage().pausedUntil).toBe(Date.now() + 120_000);
      expect(spent().metrics).toEqual([2, 2, 100, 3_600_000]);
      vi.setSystemTime(Date.now() + 120_001);
      expect(langfuse.usage().pausedUntil).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes only whole numbers ≥ 1 as rate limits', () => {
    for (const rateLimits of [{ metrics: { limit: 0 } }, { api: { windowMs: Number.NaN } }, { metrics: { limit: 1.5 } }]) {
      expect(() => createLangfuseClient({ baseUrl: 'https://x.test', rateLimits })).toThrow(expect.objectContaining({ code: 'invalid_options' }));
    }
  });
});

describe('Langfuse client — a user whose history one read holds, but not their scores', () => {
  /** `traces` traces of two observations (the second an error on every fifth), each with `scores` scores stamped after it. */
  function history(traces: number, scores: number) {
    const f = createFixtures();
    for (let t = 0; t < traces; t++) {
      const at = Date.UTC(2026, 9, 1, 0, t);
      const trace = f.trace({ userId: 'chatty', sessionId: `s-${t % 4}`, timestamp: new Date(at).toISOString() });
      const root = f.observation({ type: 'SPAN', startTime: trace.timestamp, endTime: new Date(at + 2_000).toISOString() });
      f.observation({ parentObservationId: root.id, startTime: trace.timestamp, endTime: new Date(at + 1_000).toISOString(), totalCost: 0.01, level: t % 5 === 0 ? 'ERROR' : 'DEFAULT' });
      for (let s = 1; s <= scores; s++) f.score({ traceId: trace.id, value: s % 2, timestamp: new Date(at + s * 1_000).toISOString() });
    }
    return f.dataset();
  }
  const range = { from: '2026-10-01T00:00:00.000Z', to: '2026-10-02T00:00:00.000Z' };

  it.each([
    ['more scores than one page (60 traces, 3 scores each)', 60, 3, 33],
    ['more traces than one scores request names (150 traces)', 150, 1, 100],
  ])('has every figure exactly but the scores, which come from metrics: %s', async (_, traces, scores, listed) => {
    const data = history(traces, scores);
    const { langfuse, requests } = pair(data);
    const [stats, activity, page] = await Promise.all([
      langfuse.getUser('chatty', { range }),
      langfuse.getActivity({ userId: 'chatty', range, granularity: 'hour', timeZone: 'Asia/Kolkata' }),
      langfuse.listTraces({ userId: 'chatty', range, pageSize: 200 }),
    ]);
    const expected = oracleUser(asOracle(data), 'chatty', { range })!;
    // Sessions, errors, latency and the active period as defined, not "not available".
    expect(roundCosts(stats)).toEqual(roundCosts({ ...expected, scores: stats!.scores }));
    expect(stats!.unavailable).toBeUndefined();
    // The scores: every one stamped in the range, on Langfuse's counting.
    expect(stats!.scores.reduce((n, s) => n + s.count, 0)).toBe(traces * scores);
    // The activity on the viewer's calendar, from the records read.
    expect(activity.timeZone).toBeUndefined();
    expect(activity.points.reduce((n, p) => n + p.traceCount, 0)).toBe(traces);
    // The lists: the latest traces whose scores the one page holds, each with all of them.
    expect(page.latestTraces).toBe(listed);
    expect(page.items).toHaveLength(listed);
    for (const trace of page.items) expect(trace.scores).toHaveLength(scores);
    expect(requests.map(endpointOf).sort()).toEqual(['/api/public/v2/metrics', '/api/public/v2/observations', '/api/public/v3/scores']);
  });

  it('exports the traces the page lists, and says in the document that they are the latest only', async () => {
    const { langfuse } = pair(history(60, 3));
    let last: ExportProgress | undefined;
    const json = JSON.parse(await exportUser(langfuse, { userId: 'chatty', range }, { format: 'json', onProgress: (p) => (last = p) })) as { latestTraces?: number; traces: unknown[] };
    expect(json.latestTraces).toBe(33);
    expect(json.traces).toHaveLength(33);
    expect(last?.latestTraces).toBe(33);
  });

  it('says when a long history’s read holds none of the range', async () => {
    // The range ends at midnight; the read meets 600 observations of the next day first.
    const { langfuse } = pair(lateUserDataset('2026-10-01'));
    const [stats, page] = await Promise.all([langfuse.getUser('late', { range }), langfuse.listTraces({ userId: 'late', range })]);
    expect(stats).toMatchObject({ traceCount: 20, unavailable: expect.arrayContaining(['lastEvent']) });
    expect(page).toMatchObject({ items: [], latestTraces: 0 });
  });
});
