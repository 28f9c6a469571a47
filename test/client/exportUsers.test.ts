import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryClient,
  exportUsers,
  type ExportColumn,
  type ExportProgress,
  type UsersQuery,
  type UserSummary,
  type UserTrackingClient,
} from '../../src/core.ts';
import { createFixtures, generateDemoDataset } from '../../src/testing/index.ts';

const END = '2026-11-01T00:00:00.000Z';
const dataset = generateDemoDataset({ seed: 11, users: 40, end: END });
// Small pages, so every query below spans several.
const memory = createMemoryClient(dataset, { maxPageSize: 7 });

const ID_AND_COST: readonly ExportColumn[] = [
  { header: 'User ID', value: (user) => user.userId },
  { header: 'Cost', value: (user) => user.totalCost },
];

/** The CSV's lines without the BOM; demo user ids hold no quote, comma or line break. */
function linesOf(csv: string): string[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(1, -2).split('\r\n');
}

async function allUsers(query: UsersQuery): Promise<UserSummary[]> {
  return (await createMemoryClient(dataset).listUsers({ ...query, page: 1, pageSize: 10_000 })).items;
}

describe('exportUsers — rows and order', () => {
  it('exports every row of a multi-page query once, in the query’s sort order, after a header row', async () => {
    const query: UsersQuery = { sort: { field: 'totalCost', direction: 'desc' }, page: 3, pageSize: 2 };
    const listUsers = vi.fn(memory.listUsers);
    const csv = await exportUsers({ ...memory, listUsers }, query, { columns: ID_AND_COST });
    const expected = await allUsers(query);
    expect(expected.length).toBeGreaterThan(14);
    const [header, ...rows] = linesOf(csv);
    expect(header).toBe('User ID,Cost');
    expect(rows).toEqual(expected.map((user) => `${user.userId},${user.totalCost}`));
    expect(new Set(rows).size).toBe(rows.length);
    // The query's own page and size do not limit the export: pages of the source's largest size, from 1.
    const pages = Math.ceil(expected.length / 7);
    expect(listUsers.mock.calls.map(([q]) => [q.page, q.pageSize])).toEqual(Array.from({ length: pages }, (_, i) => [i + 1, 7]));
  });

  it('keeps the query’s search and range', async () => {
    const query: UsersQuery = { search: 'a', range: { from: '2026-10-20T00:00:00.000Z' }, sort: { field: 'userId', direction: 'asc' } };
    const expected = await allUsers(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan((await allUsers({})).length);
    const [, ...rows] = linesOf(await exportUsers(memory, query, { columns: ID_AND_COST }));
    expect(rows).toEqual(expected.map((user) => `${user.userId},${user.totalCost}`));
  });

  it('writes only the header for a query without rows', async () => {
    expect(await exportUsers(memory, { search: 'nobody-has-this-id' }, { columns: ID_AND_COST })).toBe('\uFEFFUser ID,Cost\r\n');
  });

  it('guards cells that look like formulas and quotes the ones that need it', async () => {
    const f = createFixtures();
    f.trace({ userId: '=HYPERLINK("http://evil")', timestamp: '2026-01-01T00:03:00.000Z' });
    f.observation({ totalCost: 2 });
    f.trace({ userId: '-minus', timestamp: '2026-01-01T00:02:00.000Z' });
    f.observation({ totalCost: 1.5 });
    f.trace({ userId: 'line\nbreak', timestamp: '2026-01-01T00:01:00.000Z' });
    const columns: ExportColumn[] = [...ID_AND_COST, { header: 'Balance', value: (user) => -user.traceCount }];
    const csv = await exportUsers(createMemoryClient(f.dataset()), { sort: { field: 'lastEvent', direction: 'desc' } }, { columns });
    // Text starting with = or - is prefixed so no spreadsheet evaluates it; a negative number stays a number.
    expect(csv).toBe(
      '\uFEFFUser ID,Cost,Balance\r\n' + `"'=HYPERLINK(""http://evil"")",2,-1\r\n` + `'-minus,1.5,-1\r\n` + '"line\nbreak",0,-1\r\n',
    );
  });

  it('stops at the first empty page of a source that always claims more', async () => {
    const endless: UserTrackingClient = {
      ...memory,
      listUsers: vi.fn(async (query, options) => {
        if (query.page! > 100) throw new Error('the export never stopped');
        return { ...(await memory.listUsers(query, options)), hasMore: true };
      }),
    };
    const [, ...rows] = linesOf(await exportUsers(endless, {}, { columns: ID_AND_COST }));
    const expected = await allUsers({});
    expect(rows).toHaveLength(expected.length);
    expect(endless.listUsers).toHaveBeenCalledTimes(Math.ceil(expected.length / 7) + 1);
  });
});

describe('exportUsers — two-phase sources', () => {
  it('merges each page’s deferred figures into its rows', async () => {
    const deferredFigures = ['totalCost', 'scores'] as const;
    // A host client that lists users without cost and scores, and gives them for a page of ids.
    const twoPhase: UserTrackingClient = {
      ...memory,
      capabilities: {
        ...memory.capabilities,
        listFigures: memory.capabilities.listFigures.filter((figure) => !(deferredFigures as readonly string[]).includes(figure)),
        deferredFigures,
      },
      listUsers: async (query, options) => {
        const page = await memory.listUsers(query, options);
        return { ...page, items: page.items.map((user) => ({ ...user, totalCost: 0, scores: [] })) };
      },
      getUserFigures: vi.fn(async (selection, options) =>
        (await memory.getUserFigures!(selection, options)).map(({ userId, totalCost, scores }) => ({ userId, totalCost, scores })),
      ),
    };
    const query: UsersQuery = {
      range: { from: '2026-10-01T00:00:00.000Z', to: END },
      filters: { environments: ['production'] },
      sort: { field: 'traceCount', direction: 'desc' },
    };
    const columns: ExportColumn[] = [
      ...ID_AND_COST,
      { header: 'Scores', value: (user) => user.scores.map((score) => `${score.name}:${score.count}`).join(' ') },
    ];
    const expected = await allUsers(query);
    expect(expected.some((user) => user.totalCost > 0 && user.scores.length > 0)).toBe(true);
    const [, ...rows] = linesOf(await exportUsers(twoPhase, query, { columns }));
    expect(rows).toEqual(
      expected.map((user) => `${user.userId},${user.totalCost},${user.scores.map((score) => `${score.name}:${score.count}`).join(' ')}`),
    );
    // One call per page, for that page's ids, over the query's range and filters.
    const calls = vi.mocked(twoPhase.getUserFigures!).mock.calls;
    expect(calls).toHaveLength(Math.ceil(expected.length / 7));
    expect(calls.flatMap(([selection]) => selection.userIds)).toEqual(expected.map((user) => user.userId));
    for (const [selection] of calls) expect(selection).toMatchObject({ range: query.range, filters: query.filters });
  });
});

describe('exportUsers — progress and cancel', () => {
  it('reports progress that only grows and ends at the total', async () => {
    const progress: ExportProgress[] = [];
    await exportUsers(memory, {}, { columns: ID_AND_COST, onProgress: (step) => progress.push(step) });
    const total = (await allUsers({})).length;
    expect(progress.length).toBe(Math.ceil(total / 7));
    progress.forEach((step, i) => {
      expect(step.total).toBe(total);
      if (i > 0) expect(step.done).toBeGreaterThan(progress[i - 1]!.done);
    });
    expect(progress.at(-1)).toEqual({ done: total, total });
  });

  it('rejects with an AbortError and asks for no further page once aborted', async () => {
    const controller = new AbortController();
    const listUsers = vi.fn(memory.listUsers);
    const result = exportUsers({ ...memory, listUsers }, {}, {
      columns: ID_AND_COST,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 14) controller.abort();
      },
    });
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(listUsers).toHaveBeenCalledTimes(2);
  });

  it('stops even when the source ignores the signal', async () => {
    const controller = new AbortController();
    let release = () => {};
    const requested: number[] = [];
    const deaf: UserTrackingClient = {
      ...memory,
      listUsers: async (query) => {
        requested.push(query.page!);
        if (query.page === 2) await new Promise<void>((resolve) => (release = resolve));
        return memory.listUsers(query);
      },
    };
    const onProgress = vi.fn();
    const result = exportUsers(deaf, {}, { columns: ID_AND_COST, signal: controller.signal, onProgress });
    await vi.waitFor(() => expect(requested).toEqual([1, 2]));
    controller.abort();
    release();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(requested).toEqual([1, 2]);
    expect(onProgress).toHaveBeenCalledOnce();
  });

  it('asks for nothing when the signal is already aborted', async () => {
    const listUsers = vi.fn(memory.listUsers);
    await expect(exportUsers({ ...memory, listUsers }, {}, { columns: ID_AND_COST, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(listUsers).not.toHaveBeenCalled();
  });
});
