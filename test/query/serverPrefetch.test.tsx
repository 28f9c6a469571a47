import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { UserDetail, UserList, UserTrackingProvider } from '../../src/index.ts';
import {
  createLangfuseClient,
  createMemoryClient,
  userTrackingQueries,
  type UsersQuery,
  type UserTrackingClient,
} from '../../src/query.ts';
import { createLangfuseFake, generateDemoDataset } from '../../src/testing/index.ts';

const END = '2026-11-01T00:00:00.000Z';
const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const TIME_ZONE = 'UTC';
const dataset = generateDemoDataset({ seed: 17, users: 30, end: END });
/** A closed range, so the server and the browser resolve it to the same query whatever the clock. */
const RANGE = { from: '2026-10-02T00:00:00.000Z', to: END };
const LIST_QUERY: UsersQuery = { range: RANGE, sort: { field: 'totalCost', direction: 'desc' }, page: 1, pageSize: 20 };
const BASE_URL = 'https://host.test/api/userlens';

const METHODS = ['listUsers', 'getUser', 'listTraces', 'listSessions', 'listScores', 'getActivity', 'getUserFigures', 'getTrends', 'getDistribution', 'getFilterOptions'] as const;

/** The client with every method it has wrapped in a spy, to count what the browser asks. */
function counted<C extends UserTrackingClient>(client: C) {
  const spies: Partial<Record<(typeof METHODS)[number], ReturnType<typeof vi.fn>>> = {};
  const wrapped = { ...client } as Record<string, unknown>;
  for (const method of METHODS) {
    const fn = client[method] as ((...args: unknown[]) => unknown) | undefined;
    if (fn) wrapped[method] = spies[method] = vi.fn((...args: unknown[]) => fn.apply(client, args));
  }
  return { client: wrapped as unknown as C, spies };
}

/** A Langfuse client on the fake Langfuse, recording every request it sends. */
function langfuseOnFake() {
  const fake = createLangfuseFake(dataset);
  const requests: URL[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    requests.push(url);
    return fake(new Request(url, { headers: init?.headers }));
  };
  return { client: createLangfuseClient({ id: 'langfuse', baseUrl: BASE_URL, fetch, now: () => NOW, retry: { baseDelayMs: 1 } }), requests };
}

/** What a server hands the browser: the dehydrated cache, through JSON as a page carries it. */
const overTheWire = (queryClient: QueryClient) => JSON.parse(JSON.stringify(dehydrate(queryClient))) as DehydratedState;

/** The browser's cache: hydrated data stays fresh for a minute, as TanStack's SSR guide sets it. */
const browserQueryClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } });

function Page({ client, queryClient, state, children }: { client: UserTrackingClient; queryClient: QueryClient; state: DehydratedState; children: ReactNode }) {
  return (
    <UserTrackingProvider client={client} queryClient={queryClient} now={() => NOW} timeZone={TIME_ZONE}>
      <HydrationBoundary state={state} queryClient={queryClient}>
        {children}
      </HydrationBoundary>
    </UserTrackingProvider>
  );
}

const list = () => (
  <UserList
    showDistribution={false}
    range={{ preset: 'custom', ...RANGE }}
    defaultSorting={LIST_QUERY.sort}
    defaultPagination={{ page: 1, pageSize: LIST_QUERY.pageSize! }}
  />
);

async function listRows() {
  const table = await screen.findByRole('grid');
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
  return within(table).getAllByRole('row').slice(1);
}

describe('userlens/query — prefetch on a server, hydrate in the browser', () => {
  it('renders the list from the memory client’s prefetched page without asking the browser’s client', async () => {
    const server = new QueryClient();
    const serverClient = createMemoryClient(dataset, { id: 'demo' });
    await server.prefetchQuery(userTrackingQueries.users(serverClient, LIST_QUERY));
    const expected = server.getQueryData(userTrackingQueries.users(serverClient, LIST_QUERY).queryKey)!;
    expect(expected.items).toHaveLength(20);
    // What else the list shows: the page's trend column and the filter menu's choices.
    await Promise.all([
      server.prefetchQuery(userTrackingQueries.trends(serverClient, { userIds: expected.items.map((user) => user.userId), range: RANGE, timeZone: TIME_ZONE })),
      server.prefetchQuery(userTrackingQueries.filterOptions(serverClient, { range: RANGE })),
    ]);

    const browser = counted(createMemoryClient(dataset, { id: 'demo' }));
    render(
      <Page client={browser.client} queryClient={browserQueryClient()} state={overTheWire(server)}>
        {list()}
      </Page>,
    );
    const rows = await listRows();
    expect(rows).toHaveLength(20);
    expect(rows[0]).toHaveTextContent(expected.items[0]!.userId);
    expect(rows[19]).toHaveTextContent(expected.items[19]!.userId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const spy of Object.values(browser.spies)) expect(spy).not.toHaveBeenCalled();
    expect(Object.keys(browser.spies)).toEqual(expect.arrayContaining(['listUsers', 'getTrends', 'getFilterOptions']));
  });

  it('renders one user’s page from the prefetched user, activity and traces without asking the browser’s client', async () => {
    const server = new QueryClient();
    const serverClient = createMemoryClient(dataset, { id: 'demo' });
    const userId = (await serverClient.listUsers({ ...LIST_QUERY, sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1 })).items[0]!.userId;
    // What the detail view asks on its traces tab, 25 rows a page.
    await Promise.all([
      server.prefetchQuery(userTrackingQueries.user(serverClient, userId, { range: RANGE })),
      server.prefetchQuery(userTrackingQueries.activity(serverClient, { userId, range: RANGE, granularity: 'auto', timeZone: TIME_ZONE })),
      server.prefetchQuery(userTrackingQueries.traces(serverClient, { userId, range: RANGE, sort: { field: 'timestamp', direction: 'desc' }, page: 1, pageSize: 25 })),
    ]);
    const traces = (await serverClient.listTraces({ userId, range: RANGE, pageSize: 25 })).items;

    const browser = counted(createMemoryClient(dataset, { id: 'demo' }));
    render(
      <Page client={browser.client} queryClient={browserQueryClient()} state={overTheWire(server)}>
        <UserDetail userId={userId} range={{ preset: 'custom', ...RANGE }} />
      </Page>,
    );
    expect(await screen.findByRole('heading', { name: (name) => name.includes(userId) })).toBeInTheDocument();
    const panel = await screen.findByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('row')).toHaveLength(traces.length + 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const spy of Object.values(browser.spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('renders the list from Langfuse’s prefetched ranking and figures with no request from the browser', async () => {
    const server = new QueryClient();
    const onServer = langfuseOnFake();
    await server.prefetchQuery(userTrackingQueries.users(onServer.client, LIST_QUERY));
    const page = server.getQueryData(userTrackingQueries.users(onServer.client, LIST_QUERY).queryKey)!;
    // The rest of what the list asks: the page's second-phase figures and the filter choices.
    await Promise.all([
      server.prefetchQuery(userTrackingQueries.userFigures(onServer.client, { userIds: page.items.map((u) => u.userId), range: RANGE })),
      server.prefetchQuery(userTrackingQueries.filterOptions(onServer.client, { range: RANGE })),
    ]);
    expect(onServer.requests.length).toBeGreaterThan(0);
    const state = overTheWire(server);
    expect(state.queries.map((query) => query.queryKey[2])).toEqual(['users', 'userFigures', 'filterOptions']);

    // The host's own QueryClientProvider, which the provider reuses.
    const inBrowser = langfuseOnFake();
    const browserQueries = browserQueryClient();
    render(
      <QueryClientProvider client={browserQueries}>
        <UserTrackingProvider client={inBrowser.client} now={() => NOW} timeZone={TIME_ZONE}>
          <HydrationBoundary state={state}>{list()}</HydrationBoundary>
        </UserTrackingProvider>
      </QueryClientProvider>,
    );
    const rows = await listRows();
    expect(rows).toHaveLength(page.items.length);
    expect(rows[0]).toHaveTextContent(page.items[0]!.userId);
    // The second-phase figures came with the page: no cell is waiting for them.
    await waitFor(() => expect(screen.getByRole('grid').querySelector('[data-part="skeleton"]')).toBeNull());
    expect(browserQueries.isFetching()).toBe(0);
    expect(inBrowser.requests).toEqual([]);
  });
});
