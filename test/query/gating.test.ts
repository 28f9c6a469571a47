import { QueryClient, dehydrate } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserList, useFilterOptions, useUserDistribution, useUserFigures, useUserTrends } from '../../src/index.ts';
import {
  createMemoryClient,
  isUserlensError,
  userTrackingQueries,
  type ClientCapabilities,
  type TrendsQuery,
  type UserTrackingClient,
} from '../../src/query.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { renderHookWithProvider, renderWithProvider } from '../utils.tsx';

const RANGE = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
const memory = createMemoryClient(generateDemoDataset({ seed: 9, users: 12, end: RANGE.to }), { id: 'memory' });

/** What a host's own source may declare: every required method, none of the optional ones. */
const BARE: ClientCapabilities = {
  pagination: { kind: 'offset' },
  maxPageSize: 100,
  sortableFields: ['totalCost'],
  filterableFields: [],
  search: false,
  listFigures: ['traceCount', 'totalCost'],
  detailFigures: ['traceCount', 'totalCost'],
  deferredFigures: [],
  bandFields: [],
  trends: false,
  distribution: false,
  filterOptions: false,
};

/** A host's source implementing only the required methods, each a spy that fails if called. */
function hostClient(capabilities: Partial<ClientCapabilities> = {}) {
  const refuse = () => vi.fn(() => Promise.reject(new Error('the source was asked')));
  const client = {
    id: 'host',
    capabilities: { ...BARE, ...capabilities },
    listUsers: refuse(),
    getUser: refuse(),
    listTraces: refuse(),
    listSessions: refuse(),
    listScores: refuse(),
    getActivity: refuse(),
  } satisfies UserTrackingClient;
  const called = () => Object.values(client).filter((value) => vi.isMockFunction(value) && value.mock.calls.length > 0);
  return { client, called };
}

/** Every optional factory, for one page of users. */
const OPTIONAL = {
  userFigures: (client: UserTrackingClient, userIds: readonly string[] = ['ana', 'bo']) => userTrackingQueries.userFigures(client, { userIds, range: RANGE }),
  trends: (client: UserTrackingClient, userIds: readonly string[] = ['ana', 'bo']) => userTrackingQueries.trends(client, { userIds, range: RANGE }),
  distribution: (client: UserTrackingClient) => userTrackingQueries.distribution(client, { field: 'totalCost', range: RANGE }),
  filterOptions: (client: UserTrackingClient) => userTrackingQueries.filterOptions(client, { range: RANGE }),
};
const KINDS = Object.keys(OPTIONAL) as (keyof typeof OPTIONAL)[];
/** One optional query's options, as the QueryClient methods take any query's. */
const optionsFor = (kind: keyof typeof OPTIONAL, client: UserTrackingClient, userIds?: readonly string[]) =>
  OPTIONAL[kind](client, userIds) as Parameters<QueryClient['prefetchQuery']>[0];

// TanStack logs a skipped query that was asked to fetch; these tests ask on purpose.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => vi.mocked(console.error).mockRestore());

describe('userTrackingQueries — a source without the optional methods', () => {
  it.each(KINDS)('prefetching %s resolves at once, asks nothing and hands the browser nothing', async (kind) => {
    const { client, called } = hostClient();
    const options = optionsFor(kind, client);
    const queryClient = new QueryClient();
    const started = Date.now();
    await expect(queryClient.prefetchQuery(options)).resolves.toBeUndefined();
    // No retry schedule: a skipped query is not retried (the default waits 1 s, then 2 s).
    expect(Date.now() - started).toBeLessThan(900);
    expect(called()).toEqual([]);
    expect(queryClient.getQueryData(options.queryKey)).toBeUndefined();
    expect(dehydrate(queryClient).queries).toEqual([]);
  });

  it.each(KINDS)('fetchQuery of %s rejects without asking: there is no value to return', async (kind) => {
    const { client, called } = hostClient();
    await expect(new QueryClient().fetchQuery(optionsFor(kind, client))).rejects.toThrow('Missing queryFn');
    expect(called()).toEqual([]);
  });

  it('holds each hook pending and idle, even when the caller enables it', async () => {
    const { client, called } = hostClient();
    const hooks: (() => { isPending: boolean; fetchStatus: string })[] = [
      () => useUserFigures({ userIds: ['ana'], range: RANGE }, { enabled: true }),
      () => useUserTrends({ userIds: ['ana'], range: RANGE }, { enabled: true }),
      () => useUserDistribution({ field: 'totalCost', range: RANGE }, { enabled: true }),
      () => useFilterOptions({ range: RANGE }, { enabled: true }),
    ];
    for (const hook of hooks) {
      const { result, queryClient } = renderHookWithProvider(hook, { client });
      expect(result.current.isPending).toBe(true);
      expect(result.current.fetchStatus).toBe('idle');
      expect(queryClient.isFetching()).toBe(0);
    }
    expect(called()).toEqual([]);
  });

  it('holds trends and second-phase figures for an empty page even where the source has them', async () => {
    const getTrends = vi.fn(memory.getTrends);
    const getUserFigures = vi.fn(() => Promise.resolve([]));
    const client: UserTrackingClient = { ...memory, capabilities: { ...memory.capabilities, deferredFigures: ['totalCost'] }, getTrends, getUserFigures };
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery(OPTIONAL.trends(client, []));
    await queryClient.prefetchQuery(OPTIONAL.userFigures(client, []));
    expect(getTrends).not.toHaveBeenCalled();
    expect(getUserFigures).not.toHaveBeenCalled();
  });
});

describe('userTrackingQueries — a source with the optional methods', () => {
  it('prefetches each optional query from the source once, for the hooks to read', async () => {
    const spies = {
      getUserFigures: vi.fn(() => Promise.resolve([{ userId: 'ana', totalCost: 1 }])),
      getTrends: vi.fn(memory.getTrends!),
      getDistribution: vi.fn(memory.getDistribution!),
      getFilterOptions: vi.fn(memory.getFilterOptions!),
    };
    const client: UserTrackingClient = { ...memory, capabilities: { ...memory.capabilities, deferredFigures: ['totalCost'] }, ...spies };
    const queryClient = new QueryClient();
    for (const kind of KINDS) await queryClient.prefetchQuery(optionsFor(kind, client));
    for (const spy of Object.values(spies)) expect(spy).toHaveBeenCalledTimes(1);
    const { result } = renderHookWithProvider(() => useUserDistribution({ field: 'totalCost', range: RANGE }, { staleTime: Infinity }), { client, queryClient });
    expect(result.current.data).toEqual(await memory.getDistribution!({ field: 'totalCost', range: RANGE }));
    expect(spies.getDistribution).toHaveBeenCalledTimes(1);
  });

  it('says so, as unsupported, when a source declares a capability it does not implement', async () => {
    const { client, called } = hostClient({ trends: true });
    const { result } = renderHookWithProvider(() => useUserTrends({ userIds: ['ana'], range: RANGE }), { client });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(isUserlensError(error) && error.code).toBe('unsupported');
    expect(error?.message).toBe(
      '[userlens] This source declares capabilities.trends without getTrends: implement it, or drop the capability.',
    );
    // A permanent error: asked once, never retried.
    expect(result.current.failureCount).toBe(1);
    expect(called()).toEqual([]);
  });
});

describe('a held query prefetched anyway, on the QueryClient the views use', () => {
  it('shows no error in the list: the source has no trends, so their absence is not a failure', async () => {
    const noTrends: UserTrackingClient = { ...memory, id: 'no-trends', capabilities: { ...memory.capabilities, trends: false }, getTrends: undefined };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithProvider(createElement(UserList, { defaultRange: { preset: 'all' }, showDistribution: false }), { client: noTrends, queryClient });
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(2));
    // A host's loader prefetching every entry it finds, the held trends among them.
    const held = queryClient.getQueryCache().findAll({ queryKey: [...userTrackingQueries.scope(noTrends), 'trends'] });
    expect(held.length).toBeGreaterThan(0);
    for (const query of held) await queryClient.prefetchQuery(userTrackingQueries.trends(noTrends, query.queryKey[3] as TrendsQuery));
    expect(held.every((query) => query.state.status === 'error')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/Missing queryFn|Could not load/)).toBeNull();
  });
});

