import { HydrationBoundary, QueryClient, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { UserList, UserTrackingProvider } from '../../src/index.ts';
import { createMemoryClient, userTrackingQueries, type UsersQuery, type UserTrackingClient } from '../../src/query.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';

const END = '2026-11-01T00:00:00.000Z';
const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const RANGE = { from: '2026-10-02T00:00:00.000Z', to: END };
const QUERY: UsersQuery = { range: RANGE, sort: { field: 'totalCost', direction: 'desc' }, page: 1, pageSize: 20 };
const dataset = generateDemoDataset({ seed: 23, users: 30, end: END });

function Page({ client, queryClient, state, children }: { client: UserTrackingClient; queryClient: QueryClient; state: DehydratedState; children: ReactNode }) {
  return (
    <UserTrackingProvider client={client} queryClient={queryClient} now={() => NOW} timeZone="UTC">
      <HydrationBoundary state={state} queryClient={queryClient}>
        {children}
      </HydrationBoundary>
    </UserTrackingProvider>
  );
}

const list = <UserList showDistribution={false} range={{ preset: 'custom', ...RANGE }} defaultSorting={QUERY.sort} defaultPagination={{ page: 1, pageSize: 20 }} />;

describe('server render, then hydration in the browser', () => {
  it('hydrates the server’s HTML of the list without a mismatch, and asks the source nothing', async () => {
    const serverClient = createMemoryClient(dataset, { id: 'demo' });
    const server = new QueryClient();
    await server.prefetchQuery(userTrackingQueries.users(serverClient, QUERY));
    const page = server.getQueryData(userTrackingQueries.users(serverClient, QUERY).queryKey)!;
    await Promise.all([
      server.prefetchQuery(userTrackingQueries.trends(serverClient, { userIds: page.items.map((user) => user.userId), range: RANGE, timeZone: 'UTC' })),
      server.prefetchQuery(userTrackingQueries.filterOptions(serverClient, { range: RANGE })),
    ]);
    const state = JSON.parse(JSON.stringify(dehydrate(server))) as DehydratedState;
    // Both sides give hydrated data the same staleTime, as TanStack's SSR guide sets it: otherwise
    // the server renders "Updating…" for a refetch only a browser would make.
    const renderQueries = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    const html = renderToString(<Page client={serverClient} queryClient={renderQueries} state={state}>{list}</Page>);
    expect(html).toContain(page.items[0]!.userId);

    const browserClient = createMemoryClient(dataset, { id: 'demo' });
    const listUsers = vi.spyOn(browserClient, 'listUsers');
    const getTrends = vi.spyOn(browserClient, 'getTrends');
    const onRecoverableError = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const browserQueries = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } });
    const root = await act(async () =>
      hydrateRoot(container, <Page client={browserClient} queryClient={browserQueries} state={state}>{list}</Page>, { onRecoverableError }),
    );
    const table = within(container).getByRole('grid');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(21));
    expect(screen.getAllByText(page.items[0]!.userId).length).toBeGreaterThan(0);
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(listUsers).not.toHaveBeenCalled();
    expect(getTrends).not.toHaveBeenCalled();
    act(() => root.unmount());
  });
});
