import { describe, expect, it } from 'vitest';
import {
  createLoadingMemoryClient,
  createMemoryClient,
  loadMemoryClient,
  UserlensError,
  type Dataset,
  type LoadProgress,
  type UserTrackingClient,
  type UsersQuery,
} from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';

const END = '2026-11-01T00:00:00.000Z';
const small = generateDemoDataset({ seed: 5, users: 120, traces: 2_000, end: END });
// Big enough that building it takes many slices on any machine (tens of ms at the least).
const large = generateDemoDataset({ seed: 6, users: 1_500, traces: 30_000, payloads: false, end: END });
const recordsOf = (dataset: Dataset) => dataset.traces.length + (dataset.observations?.length ?? 0) + (dataset.scores?.length ?? 0);

const QUERIES: UsersQuery[] = [
  {},
  { sort: { field: 'totalCost', direction: 'desc' }, pageSize: 25, page: 2 },
  { sort: { field: 'latencyP95', direction: 'asc' }, search: 'a', range: { from: '2026-10-15T00:00:00.000Z' } },
  { filters: { environments: ['staging'], tags: ['chat'] }, sort: { field: 'userId', direction: 'asc' } },
];

/** Everything the views ask, answered by `client`: lists of users, and each of a few users' pages. */
async function answers(client: UserTrackingClient) {
  const lists = await Promise.all(QUERIES.map((query) => client.listUsers(query)));
  const userIds = lists[0]!.items.slice(0, 4).map((user) => user.userId);
  const pages = await Promise.all(
    userIds.map(async (userId) => ({
      user: await client.getUser(userId, { range: {} }),
      traces: await client.listTraces({ userId, pageSize: 20, sort: { field: 'totalCost', direction: 'desc' } }),
      sessions: await client.listSessions({ userId }),
      scores: await client.listScores({ userId }),
      activity: await client.getActivity({ userId, range: { from: '2026-10-01T00:00:00.000Z', to: END }, granularity: 'day' }),
    })),
  );
  return { lists, pages };
}

describe('loadMemoryClient', () => {
  it('answers exactly as createMemoryClient does, with the same ignored records and user count', async () => {
    const sync = createMemoryClient(small);
    const loaded = await loadMemoryClient(small);
    expect(await answers(loaded)).toEqual(await answers(sync));
    expect(loaded.ignored).toEqual(sync.ignored);
    expect(loaded.userCount).toBe(sync.userCount);
    expect(loaded.capabilities).toEqual(sync.capabilities);
  });

  it('answers as createMemoryClient on a dataset it sorts in steps: more users, and a user with more traces, than one step takes', async () => {
    const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + ((i * 7_919) % 86_400) * 60_000).toISOString();
    const traces = [
      ...Array.from({ length: 12_000 }, (_, i) => ({ id: `t${i}`, timestamp: at(i), userId: `user-${(i * 37) % 11_000}` })),
      ...Array.from({ length: 10_000 }, (_, i) => ({ id: `heavy-${i}`, timestamp: at(i * 3), userId: 'heavy' })),
    ];
    const dataset: Dataset = { traces: traces.reverse() };
    const sync = createMemoryClient(dataset);
    const loaded = await loadMemoryClient(dataset);
    const query: UsersQuery = { sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1_000, range: {} };
    expect(await loaded.listUsers(query)).toEqual(await sync.listUsers(query));
    const heavy = { userId: 'heavy', pageSize: 500, page: 7, sort: { field: 'timestamp', direction: 'asc' } } as const;
    expect(await loaded.listTraces(heavy)).toEqual(await sync.listTraces(heavy));
  });

  it('reports progress that only grows, ends at every record of the dataset, and reads the lists in order', async () => {
    const reports: LoadProgress[] = [];
    await loadMemoryClient(large, { onProgress: (progress) => reports.push(progress) });
    expect(reports.length).toBeGreaterThan(1);
    const total = recordsOf(large);
    for (const [i, report] of reports.entries()) {
      expect(report.total).toBe(total);
      if (i > 0) expect(report.done).toBeGreaterThanOrEqual(reports[i - 1]!.done);
    }
    expect(reports.at(-1)).toEqual({ phase: 'index', done: total, total });
    const phases = [...new Set(reports.map((report) => report.phase))];
    expect(phases).toEqual((['traces', 'observations', 'scores', 'index'] as const).filter((phase) => phases.includes(phase)));
  });

  it('reports done === total once, at the end, for an empty dataset too', async () => {
    const seen: { done: number; total: number }[] = [];
    const client = await loadMemoryClient({ traces: [] }, { onProgress: ({ done, total }) => seen.push({ done, total }) });
    expect(client.userCount).toBe(0);
    expect(seen).toEqual([{ done: 0, total: 0 }]);
  });

  it('hands the event loop back while it builds: a timer set before it runs before it resolves', async () => {
    const events: string[] = [];
    setTimeout(() => events.push('timer'), 0);
    await loadMemoryClient(large, { onProgress: () => events.length < 50 && events.push('progress') }).then(() => events.push('loaded'));
    expect(events.indexOf('timer')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('timer')).toBeLessThan(events.indexOf('loaded'));
  });

  it("stops when its signal aborts, rejecting with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error('left the page');
    let reports = 0;
    const load = loadMemoryClient(large, {
      signal: controller.signal,
      onProgress: () => {
        if (++reports === 1) controller.abort(reason);
      },
    });
    await expect(load).rejects.toBe(reason);
    expect(reports).toBe(1);
    const aborted = AbortSignal.abort(reason);
    await expect(loadMemoryClient(small, { signal: aborted })).rejects.toBe(reason);
  });

  it('refuses a malformed dataset with the error createMemoryClient throws, and bad options by name', async () => {
    const dataset: Dataset = { traces: [...small.traces, { ...small.traces[3]! }] };
    const thrown = (() => {
      try {
        createMemoryClient(dataset);
      } catch (error) {
        return error as UserlensError;
      }
    })();
    expect(thrown).toBeInstanceOf(UserlensError);
    await expect(loadMemoryClient(dataset)).rejects.toThrow(thrown!.message);
    await expect(loadMemoryClient(small, { maxPageSize: 0 })).rejects.toThrow('loadMemoryClient: maxPageSize must be a whole number ≥ 1, got 0.');
  });
});

describe('createLoadingMemoryClient', () => {
  it('answers at once with the capabilities, and each call once the index is built, as createMemoryClient does', async () => {
    const client = createLoadingMemoryClient(small, { id: 'loading' });
    expect(client.id).toBe('loading');
    expect(client.capabilities).toEqual(createMemoryClient(small).capabilities);
    const early = client.listUsers({ sort: { field: 'totalCost', direction: 'desc' } });
    expect(await early).toEqual(await createMemoryClient(small).listUsers({ sort: { field: 'totalCost', direction: 'desc' } }));
    expect(await answers(client)).toEqual(await answers(createMemoryClient(small)));
    expect((await client.ready).userCount).toBe(createMemoryClient(small).userCount);
  });

  it('tells its listeners how far the build has got, from nothing done to none left', async () => {
    const client = createLoadingMemoryClient(large);
    const total = recordsOf(large);
    expect(client.loading.getSnapshot()).toEqual({ phase: 'traces', done: 0, total });
    const seen: (LoadProgress | null)[] = [];
    const unsubscribe = client.loading.subscribe(() => seen.push(client.loading.getSnapshot()));
    await client.ready;
    unsubscribe();
    expect(seen.at(-1)).toBeNull();
    expect(seen.at(-2)).toEqual({ phase: 'index', done: total, total });
    const done = seen.slice(0, -1).map((progress) => progress!.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(client.loading.getSnapshot()).toBeNull();
  });

  it('fails each call, and ready, as the build fails; and stops at its signal', async () => {
    const broken = createLoadingMemoryClient({ traces: [{ id: '', timestamp: END }] });
    await expect(broken.listUsers({})).rejects.toThrow('traces[0] (id ""): field "id" must be a non-empty string');
    await expect(broken.ready).rejects.toBeInstanceOf(UserlensError);
    const reason = new Error('closed');
    const stopped = createLoadingMemoryClient(small, { signal: AbortSignal.abort(reason) });
    await expect(stopped.getUser('anyone')).rejects.toBe(reason);
    expect(stopped.loading.getSnapshot()).toBeNull();
  });
});
