import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserList, createMemoryClient, type UsersQuery, type UserTrackingClient } from '../../src/index.ts';
import { HOSTILE_USER_IDS, createFixtures, generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 21, users: 60, end: END });
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Clocks the tests that read "now" run on: a leap day, the day New York moves to summer time,
 * and the day Europe moves back to winter time, a year before the others.
 */
const CLOCKS = ['2028-02-29T10:30:05.250Z', '2027-03-14T07:30:00.000Z', '2025-10-26T00:45:30.000Z'];
/** A range's ISO start `ms` before `now`, as the views resolve presets (on whole seconds). */
const since = (now: number, ms: number) => new Date(Math.floor((now - ms) / 1000) * 1000).toISOString();

/** The memory client with `listUsers` spied on, so tests can read the queries the list sends. */
function spyClient(client: UserTrackingClient = createMemoryClient(dataset, { id: 'spy' })) {
  const listUsers = vi.fn(client.listUsers);
  return { client: { ...client, listUsers } as UserTrackingClient, listUsers, lastQuery: () => listUsers.mock.lastCall![0] as UsersQuery };
}

async function rows() {
  const table = await screen.findByRole('grid');
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
  return within(table).getAllByRole('row').slice(1);
}

describe('UserList — queries', () => {
  it('sorts by a header: descending first, then ascending, back on page 1', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 2, pageSize: 10 }} />, {
      client: spy.client,
    });
    await rows();
    await userEvent.click(screen.getByRole('button', { name: /^Cost/ }));
    await waitFor(() => expect(spy.lastQuery()).toMatchObject({ sort: { field: 'totalCost', direction: 'desc' }, page: 1 }));
    const header = screen.getByRole('columnheader', { name: /Cost/ });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    await userEvent.click(screen.getByRole('button', { name: /^Cost/ }));
    await waitFor(() => expect(spy.lastQuery().sort).toEqual({ field: 'totalCost', direction: 'asc' }));
    const top = await createMemoryClient(dataset).listUsers({ sort: { field: 'totalCost', direction: 'asc' }, pageSize: 1 });
    await waitFor(async () => expect((await rows())[0]).toHaveTextContent(top.items[0]!.userId));
  });

  it('searches once typing pauses, and Escape clears', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: spy.client });
    await rows();
    const box = screen.getByRole('searchbox', { name: 'Search users' });
    await userEvent.type(box, 'ACME');
    await waitFor(() => expect(spy.lastQuery().search).toBe('ACME'));
    expect(spy.listUsers.mock.calls.filter(([q]) => q.search === 'A' || q.search === 'AC')).toHaveLength(0);
    for (const row of await rows()) expect(row.textContent!.toLowerCase()).toContain('acme');
    await userEvent.type(box, '{Escape}');
    expect(box).toHaveValue('');
    await waitFor(() => expect(spy.lastQuery().search).toBeUndefined());
  });

  it('moves through pages and says where it is', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 25 }} />, {
      client: spy.client,
    });
    await rows();
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(spy.lastQuery()).toMatchObject({ page: 2, pageSize: 25 }));
    await waitFor(() => expect(screen.getByText('26–50 of 60')).toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Last page' }));
    await waitFor(() => expect(screen.getByText('51–60 of 60')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '10');
    await waitFor(() => expect(spy.lastQuery()).toMatchObject({ page: 1, pageSize: 10 }));
  });

  it('filters by a tag the source offers', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: spy.client });
    await rows();
    await userEvent.click(screen.getByRole('button', { name: 'Filters' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'rag' }));
    await waitFor(() => expect(spy.lastQuery().filters).toEqual({ tags: ['rag'] }));
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeInTheDocument();
  });
});

describe('UserList — links and hostile ids', () => {
  it('renders every hostile id as text and its link survives a router round-trip', async () => {
    const client = createMemoryClient(generateDemoDataset({ seed: 2, users: 3, hostileIds: true, end: END }));
    const href = (userId: string) => `/users/${encodeURIComponent(userId)}?tab=traces#top`;
    // A router reads the path segment back with the URL parser and decodeURIComponent.
    const route = (link: string) => decodeURIComponent(new URL(link, 'https://admin.example').pathname.slice('/users/'.length));
    const { container } = renderWithProvider(
      <UserList showDistribution={false} defaultRange={{ preset: 'all' }} getUserHref={href} />,
      { client },
    );
    await rows();
    expect(container.querySelector('script, img, svg [onload]')).toBeNull();
    for (const id of HOSTILE_USER_IDS) {
      const link = [...container.querySelectorAll<HTMLAnchorElement>('a[data-part="user-list-user-link"]')].find((a) => a.textContent === id);
      expect(link, id).toBeDefined();
      expect(route(link!.getAttribute('href')!)).toBe(id);
    }
  });

  it('gives a whitespace-only id a name that can be seen and read', async () => {
    const f = createFixtures();
    f.trace({ userId: '   ', timestamp: new Date(END - 3_600_000).toISOString() });
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} getUserHref={(id) => `/u/${encodeURIComponent(id)}`} />, {
      client: createMemoryClient(f.dataset()),
    });
    expect(await screen.findByRole('link', { name: '(blank ID: 3 whitespace characters)' })).toHaveAttribute('href', '/u/%20%20%20');
  });

  it('activates a row on click: onSelectUser receives the id and the list’s range and filters', async () => {
    const onSelectUser = vi.fn();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultFilters={{ environments: ['production'] }} onSelectUser={onSelectUser} />, {
      client: createMemoryClient(dataset),
    });
    const [first] = await rows();
    await userEvent.click(within(first!).getAllByRole('cell')[1]!);
    const id = within(first!).getByRole('rowheader').querySelector('[data-part="user-list-user-id-text"]')!.textContent;
    expect(onSelectUser).toHaveBeenCalledWith(id, { range: { preset: 'all' }, filters: { environments: ['production'] } });
  });
});

describe('UserList — rows kept by place', () => {
  it('fills the same rows with the sorted users, and a copied id does not follow its row to another user', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: createMemoryClient(dataset, { id: 'place' }) });
    const [first] = await rows();
    const firstUser = first!.querySelector('[data-part="user-list-user-id-text"]')!.textContent!;
    const copy = within(first!).getByRole('button', { name: `Copy user ID ${firstUser}` });
    await userEvent.click(copy);
    expect(writeText).toHaveBeenCalledWith(firstUser);
    await waitFor(() => expect(copy).toHaveAttribute('data-copied'));
    expect(within(copy).getByRole('status')).toHaveTextContent('Copied');

    await userEvent.click(screen.getByRole('button', { name: /^Cost/ }));
    const top = await createMemoryClient(dataset).listUsers({ range: {}, sort: { field: 'totalCost', direction: 'desc' }, pageSize: 1 });
    expect(top.items[0]!.userId).not.toBe(firstUser);
    await waitFor(async () => expect((await rows())[0]).toHaveTextContent(top.items[0]!.userId));
    // The same row element, now another user's: not marked as copied, and nothing announced.
    const [sortedFirst] = await rows();
    expect(sortedFirst).toBe(first);
    const sortedCopy = within(sortedFirst!).getByRole('button', { name: `Copy user ID ${top.items[0]!.userId}` });
    expect(sortedCopy).not.toHaveAttribute('data-copied');
    expect(within(sortedCopy).getByRole('status')).toHaveTextContent('');
  });
});

describe('UserList — capabilities', () => {
  it('shows figures the source lacks as not available, and does not offer to sort by them', async () => {
    const memory = createMemoryClient(dataset);
    const client: UserTrackingClient = {
      ...memory,
      capabilities: {
        ...memory.capabilities,
        listFigures: ['traceCount', 'totalTokens', 'totalCost', 'errorCount', 'errorRate', 'scores'],
        sortableFields: ['traceCount', 'totalCost'],
        pagination: { kind: 'top-n', limit: 1000 },
        trends: false,
      },
    };
    renderWithProvider(<UserList showDistribution={false} defaultSorting={{ field: 'totalCost', direction: 'desc' }} defaultRange={{ preset: 'all' }} />, {
      client,
    });
    const [first] = await rows();
    const lastEvent = within(first!).getAllByRole('cell')[0]!;
    expect(lastEvent).toHaveTextContent('Not available from this source');
    expect(lastEvent).not.toHaveTextContent('0');
    expect(within(screen.getByRole('columnheader', { name: /Last event/ })).queryByRole('button')).toBeNull();
    expect(within(screen.getByRole('columnheader', { name: /Traces/ })).getByRole('button')).toBeInTheDocument();
    // The rows on screen, and that they come from a ranking of the top users only.
    expect(screen.getByText('Top 1,000 by cost')).toBeInTheDocument();
    expect(screen.getByText('1–50 of 60')).toBeInTheDocument();
  });
});

describe('UserList — CSV export', () => {
  it('pages through every row of the query and guards every formula start', async () => {
    const f = createFixtures();
    const risky = ['=HYPERLINK("http://evil")', '+1 555', '-minus', '@mention', '\ttab', '\rreturn'];
    const ids = [...risky, 'plain', 'comma,quote"', ...Array.from({ length: 8 }, (_, i) => `user-${i}`)];
    ids.forEach((userId, i) => {
      f.trace({ userId, timestamp: new Date(END - (i + 1) * 60_000).toISOString() });
      f.observation({ totalCost: 0.5 * i, usageDetails: { input: 10 * i, output: i } });
    });
    const memory = createMemoryClient(f.dataset(), { maxPageSize: 4 });
    const listUsers = vi.fn(memory.listUsers);
    const onExport = vi.fn();
    const { UserListRoot, UserListExport } = await import('../../src/index.ts');
    renderWithProvider(
      <UserListRoot defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 4 }} defaultColumns={['userId', 'totalCost']}>
        <UserListExport onExport={onExport} />
      </UserListRoot>,
      { client: { ...memory, listUsers } },
    );
    await waitFor(() => expect(listUsers).toHaveBeenCalled());
    listUsers.mockClear();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledOnce());
    expect(listUsers.mock.calls.map(([q]) => q.page)).toEqual([1, 2, 3, 4]);
    expect(screen.getByText(`Exported ${ids.length} rows`)).toBeInTheDocument();
    const csv: string = onExport.mock.calls[0]![0];
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('User ID,Cost');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"")",0`);
    expect(lines).toContain(`'+1 555,0.5`);
    expect(lines).toContain(`'-minus,1`);
    expect(lines).toContain(`'@mention,1.5`);
    expect(lines).toContain(`'\ttab,2`);
    expect(csv).toContain(`"'\rreturn",2.5`);
    expect(lines).toContain(`"comma,quote""",3.5`);
    expect(lines).toContain('plain,3');
  });

  it('builds the document through onExport with header, BOM and guarded cells', async () => {
    const f = createFixtures();
    f.trace({ userId: '=cmd|"/c calc"!A1', timestamp: new Date(END - 60_000).toISOString() });
    f.observation({ totalCost: 1.25 });
    f.trace({ userId: 'line\nbreak', timestamp: new Date(END - 120_000).toISOString() });
    const onExport = vi.fn();
    const { UserListRoot, UserListExport, UserListTable } = await import('../../src/index.ts');
    renderWithProvider(
      <UserListRoot defaultRange={{ preset: 'all' }} defaultColumns={['userId', 'totalCost', 'errorCount']}>
        <UserListExport onExport={onExport} fileName="team.csv" />
        <UserListTable />
      </UserListRoot>,
      { client: createMemoryClient(f.dataset()) },
    );
    await rows();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledOnce());
    const [csv, fileName] = onExport.mock.calls[0]!;
    expect(fileName).toBe('team.csv');
    expect(csv).toBe(
      '\uFEFFUser ID,Cost,Errors,Error rate\r\n' +
        `"'=cmd|""/c calc""!A1",1.25,0,0\r\n` +
        '"line\nbreak",0,0,0\r\n',
    );
  });

  it('can be cancelled while it runs, even when the source ignores the signal', async () => {
    const memory = createMemoryClient(dataset, { maxPageSize: 5 });
    let release: () => void = () => {};
    // This source never looks at the signal: cancelling must still stop the export.
    const deaf: UserTrackingClient = {
      ...memory,
      listUsers: async (query) => {
        if (query.page! > 1) await new Promise<void>((resolve) => (release = resolve));
        return memory.listUsers(query);
      },
    };
    const onExport = vi.fn();
    const { UserListRoot, UserListExport } = await import('../../src/index.ts');
    renderWithProvider(
      <UserListRoot defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 5 }}>
        <UserListExport onExport={onExport} />
      </UserListRoot>,
      { client: deaf },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/Exporting… 5 of 60 rows/);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    await act(async () => {
      release();
      // A macrotask runs only after every microtask queued by the released page has run.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
    expect(onExport).not.toHaveBeenCalled();
    expect(screen.queryByText(/^Exported/)).toBeNull();
  });
});

describe('UserList — distribution, budget and columns', () => {
  it('filters to a bin’s band when the bin is clicked, and clears it again', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList defaultRange={{ preset: 'all' }} defaultSorting={{ field: 'totalCost', direction: 'desc' }} />, { client: spy.client });
    await rows();
    const bins = await screen.findAllByRole('button', { name: /users with cost from/ });
    const bin = bins.find((b) => !/^0 users/.test(b.getAttribute('aria-label')!))!;
    await userEvent.click(bin);
    await waitFor(() => expect(spy.lastQuery().bands).toEqual([expect.objectContaining({ field: 'totalCost', gte: expect.any(Number) })]));
    const band = spy.lastQuery().bands![0]!;
    const expectedCount = Number(bin.getAttribute('aria-label')!.match(/^(\d+) users/)![1]);
    await waitFor(async () => expect(await rows()).toHaveLength(expectedCount));
    expect(band.lt ?? band.lte).toBeGreaterThan(band.gte!);
    await userEvent.click(screen.getByRole('button', { name: /^Clear cost from/ }));
    await waitFor(() => expect(spy.lastQuery().bands).toBeUndefined());
  });

  it('marks rows over budget and asks only for them when the toggle is on', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} budget={{ field: 'traceCount', limit: 20 }} />, {
      client: spy.client,
    });
    const all = await rows();
    const marked = all.filter((row) => row.hasAttribute('data-over-budget'));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThan(all.length);
    for (const row of marked) expect(within(row).getByText(/^Over budget: \d+ exceeds 20$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only over budget' }));
    await waitFor(() => expect(spy.lastQuery().bands).toEqual([{ field: 'traceCount', gt: 20 }]));
    await waitFor(async () => {
      const over = await rows();
      expect(over.every((row) => row.hasAttribute('data-over-budget'))).toBe(true);
    });
  });
});

describe('UserList — review cases', () => {
  it('never pairs a new search with the old page', async () => {
    const spy = spyClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 3, pageSize: 10 }} />, {
      client: spy.client,
    });
    await rows();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search users' }), 'u');
    await waitFor(() => expect(spy.lastQuery()).toMatchObject({ search: 'u', page: 1 }));
    expect(spy.listUsers.mock.calls.filter(([q]) => q.search === 'u' && q.page !== 1)).toHaveLength(0);
  });

  it('keeps the page a host restores together with its search', async () => {
    const spy = spyClient();
    const onPaginationChange = vi.fn();
    // Timers are the test's: it moves well past the search pause without waiting for it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      renderWithProvider(
        <UserList showDistribution={false} defaultRange={{ preset: 'all' }} search="a" pagination={{ page: 2, pageSize: 5 }} onPaginationChange={onPaginationChange} />,
        { client: spy.client },
      );
      await act(() => vi.advanceTimersByTimeAsync(2000));
      expect(within(screen.getByRole('grid')).getAllByRole('row')).toHaveLength(6);
      expect(onPaginationChange).not.toHaveBeenCalled();
      expect(spy.listUsers.mock.calls.map(([q]) => [q.search, q.page])).toEqual([['a', 2]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows onboarding for an empty source even under a relative range', async () => {
    renderWithProvider(<UserList showDistribution={false} />, { client: createMemoryClient({ traces: [] }) });
    expect(await screen.findByRole('heading', { name: 'No users tracked yet' })).toBeInTheDocument();
  });

  it('recognises no match on a source that cannot count (total null)', async () => {
    const memory = createMemoryClient(dataset);
    const client: UserTrackingClient = {
      ...memory,
      capabilities: { ...memory.capabilities, pagination: { kind: 'cursor' } },
      listUsers: async (query, options) => ({ ...(await memory.listUsers(query, options)), total: null }),
    };
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultSearch="no-such-user-at-all" />, { client });
    expect(await screen.findByRole('heading', { name: 'No users match' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
  });

  it('announces the result count, zero included', async () => {
    const { container } = renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: createMemoryClient(dataset) });
    const region = container.querySelector('[data-part="user-list-announcement"]')!;
    await waitFor(() => expect(region).toHaveTextContent('60 users'));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search users' }), 'zzzz-nobody');
    await waitFor(() => expect(region).toHaveTextContent('0 users'));
  });

  it('marks budget rows from second-phase figures, and shows a failed second phase as an error with retry', async () => {
    const memory = createMemoryClient(dataset);
    let fail = true;
    const client: UserTrackingClient = {
      ...memory,
      capabilities: {
        ...memory.capabilities,
        listFigures: memory.capabilities.listFigures.filter((f) => f !== 'totalCost'),
        deferredFigures: ['totalCost'],
        sortableFields: ['traceCount', 'lastEvent'],
      },
      listUsers: async (query, options) => {
        const page = await memory.listUsers(query, options);
        return { ...page, items: page.items.map(({ totalCost: _cost, ...rest }) => rest as typeof page.items[number]) };
      },
      getUserFigures: async (query, options) => {
        if (fail) throw new Error('figures service down');
        return memory.getUserFigures!(query, options);
      },
    };
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} budget={{ field: 'totalCost', limit: 0 }} />, {
      client,
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 6000 });
    expect(alert).toHaveTextContent('figures service down');
    expect(screen.getAllByText('Could not load this figure').length).toBeGreaterThan(0);
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect((await rows()).some((row) => row.hasAttribute('data-over-budget'))).toBe(true));
  }, 15_000);
});

describe.each(CLOCKS)('UserList — on a clock pinned to %s', (clock) => {
  const NOW = Date.parse(clock);
  // Data that ends at the clock's hour, as generateDemoDataset does by default.
  const recent = generateDemoDataset({ seed: 21, users: 60, end: Math.floor(NOW / HOUR) * HOUR });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('asks for the default query: last 30 days, last event first, page 1 of 50', async () => {
    const spy = spyClient(createMemoryClient(recent));
    renderWithProvider(<UserList showDistribution={false} />, { client: spy.client });
    expect((await rows()).length).toBe(50);
    expect(spy.lastQuery()).toEqual({ range: { from: since(NOW, 30 * DAY) }, sort: { field: 'lastEvent', direction: 'desc' }, page: 1, pageSize: 50 });
  });

  it('applies a date preset as a range ending now', async () => {
    const spy = spyClient(createMemoryClient(recent));
    renderWithProvider(<UserList showDistribution={false} />, { client: spy.client });
    await rows();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), '7d');
    await waitFor(() => expect(spy.lastQuery().range).toEqual({ from: since(NOW, 7 * DAY) }));
    expect(await rows()).not.toHaveLength(0);
  });

  it('hides, reorders and keeps columns per storageKey', async () => {
    localStorage.clear();
    const client = createMemoryClient(recent);
    const first = renderWithProvider(<UserList showDistribution={false} storageKey="admin" />, { client });
    await rows();
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Sessions' }));
    const headers = () => screen.getAllByRole('columnheader').map((th) => th.getAttribute('data-column'));
    await waitFor(() => expect(headers()).toContain('sessionCount'));
    // A shown column lands among its kin (after the traces), not after the trend.
    expect(headers().indexOf('sessionCount')).toBe(headers().indexOf('traceCount') + 1);
    expect(headers().at(-1)).toBe('trend');
    await userEvent.click(screen.getByRole('button', { name: 'Move Traces up' }));
    await waitFor(() => expect(headers().slice(0, 3)).toEqual(['userId', 'traceCount', 'lastEvent']));
    first.unmount();
    renderWithProvider(<UserList showDistribution={false} storageKey="admin" />, { client });
    await rows();
    expect(headers().slice(0, 3)).toEqual(['userId', 'traceCount', 'lastEvent']);
    expect(headers()).toContain('sessionCount');
  });

  it('refresh on a relative range asks once per click, and moves the range to the clock', async () => {
    const spy = spyClient(createMemoryClient(recent));
    let now = NOW;
    const { queryClient } = renderWithProvider(<UserList showDistribution={false} defaultColumns={['userId', 'totalCost']} />, {
      client: spy.client,
      now: () => now,
    });
    await rows();
    const idle = () => waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await idle();
    // The clock has not moved: the same range is asked again, once.
    spy.listUsers.mockClear();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await idle();
    expect(spy.listUsers.mock.calls.map(([q]) => q.range)).toEqual([{ from: since(NOW, 30 * DAY) }]);
    // Five minutes on: the range follows the clock, once.
    now += 5 * 60_000;
    spy.listUsers.mockClear();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await idle();
    expect(spy.listUsers.mock.calls.map(([q]) => q.range)).toEqual([{ from: since(now, 30 * DAY) }]);
  });

  it('says how old the data is on the provider’s clock', async () => {
    let now = NOW;
    renderWithProvider(<UserList showDistribution={false} />, { client: createMemoryClient(recent), now: () => now });
    await rows();
    expect(await screen.findByText('Updated now')).toBeInTheDocument();
    // Within the first minute the text holds still (no "Updated 45 seconds ago" reflowing the toolbar).
    now += 45_000;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(screen.getByText('Updated now')).toBeInTheDocument();
    now += 3 * 60_000 - 45_000;
    // The text is read again every second.
    expect(await screen.findByText('Updated 3 minutes ago')).toBeInTheDocument();
  });
});

describe('UserList — one clock and one default range, from the provider', () => {
  it('resolves relative ranges on the provider’s clock, not the machine’s', async () => {
    const now = Date.parse(CLOCKS[0]!);
    vi.useFakeTimers({ toFake: ['Date'] });
    // The machine's clock a year behind the provider's.
    vi.setSystemTime(now - 365 * DAY);
    try {
      const spy = spyClient(createMemoryClient(generateDemoDataset({ seed: 21, users: 60, end: Math.floor(now / HOUR) * HOUR })));
      renderWithProvider(<UserList showDistribution={false} />, { client: spy.client, now: () => now });
      expect((await rows()).length).toBe(50);
      expect(spy.lastQuery().range).toEqual({ from: since(now, 30 * DAY) });
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens on the provider’s defaultRange unless the list has its own', async () => {
    const now = END;
    const spy = spyClient();
    const { unmount } = renderWithProvider(<UserList showDistribution={false} />, { client: spy.client, now: () => now, defaultRange: { preset: '7d' } });
    await rows();
    expect(spy.lastQuery().range).toEqual({ from: since(now, 7 * DAY) });
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue('7d');
    unmount();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: spy.client, now: () => now, defaultRange: { preset: '7d' } });
    await rows();
    expect(spy.lastQuery().range ?? {}).toEqual({});
  });
});

describe('UserList — custom ranges in the viewer’s time zone', () => {
  it('reads and shows the from–to in the provider’s zone, and asks for instants', async () => {
    const spy = spyClient();
    const onRangeChange = vi.fn();
    const { rerender } = renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} onRangeChange={onRangeChange} />, {
      client: spy.client,
      timeZone: 'America/St_Johns',
    });
    await rows();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), 'custom');
    expect(screen.getByText('Times in America/St_Johns')).toBeInTheDocument();
    // St. John's is UTC−3:30 in winter and −2:30 in summer.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01T00:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-01T00:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const range = { preset: 'custom', from: '2026-10-01T02:30:00.000Z', to: '2026-12-01T03:30:00.000Z' };
    expect(onRangeChange).toHaveBeenLastCalledWith(range);
    await waitFor(() => expect(spy.lastQuery().range).toEqual({ from: range.from, to: range.to }));
    // A range from the host's URL shows in the same zone.
    rerender(<UserList showDistribution={false} range={{ preset: 'custom', from: '2026-07-01T12:00:00.000Z' }} />);
    expect(screen.getByLabelText('From')).toHaveValue('2026-07-01T09:30');
  });
});
