import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserDetail, UserList, createMemoryClient, type Dataset, type UserTrackingClient } from '../../src/index.ts';
import { createFixtures, generateDemoDataset } from '../../src/testing/index.ts';
import { datasetArb, rangeArb } from '../oracle/arbitraries.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;
const dataset = generateDemoDataset({ seed: 31, users: 40, end: END });
// The machine's clock stands two days after the data: the last 24 hours are empty, the last 30 days are not.
const NOW = END + 2 * DAY;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

/** Most cases here are about one user's whole history: the provider opens views on all time. */
const renderAllTime = (ui: ReactElement, options: Parameters<typeof renderWithProvider>[1]) =>
  renderWithProvider(ui, { defaultRange: { preset: 'all' }, ...options });
const memory = createMemoryClient(dataset, { id: 'detail' });
const busiest = async () => (await memory.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 3 })).items.map((u) => u.userId);

function spied(client: UserTrackingClient = memory) {
  const spies = {
    getUser: vi.fn(client.getUser),
    listTraces: vi.fn(client.listTraces),
    listSessions: vi.fn(client.listSessions),
    listScores: vi.fn(client.listScores),
  };
  return { client: { ...client, ...spies } as UserTrackingClient, ...spies };
}

const statValue = async (name: string) => {
  const term = await screen.findByText(name, { selector: 'dt' });
  const value = term.parentElement!.querySelector('dd')!;
  await waitFor(() => expect(value.querySelector('[data-part="skeleton"]')).toBeNull());
  return value.textContent!;
};
const panelRows = async () => {
  const panel = await screen.findByRole('tabpanel');
  await waitFor(() => expect(within(panel).getAllByRole('row').length).toBeGreaterThan(1));
  return within(panel).getAllByRole('row').slice(1);
};

describe('UserDetail — consistency (the same figures everywhere)', () => {
  it('stats equal the list row, the activity sums, the models and the traces tab, for any range', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, rangeArb, async (ds, range) => {
        const client = createMemoryClient(ds as unknown as Dataset);
        const listed = await client.listUsers({ range, pageSize: 1000 });
        for (const row of listed.items) {
          const stats = (await client.getUser(row.userId, { range }))!;
          const { models, tags: _tags, ...summary } = stats;
          expect(summary).toEqual(row);
          const activity = await client.getActivity({ userId: row.userId, range, granularity: 'auto' });
          const sum = (key: 'traceCount' | 'observationCount' | 'totalTokens' | 'totalCost' | 'errorCount') =>
            activity.points.reduce((total, point) => total + point[key], 0);
          expect(sum('traceCount')).toBe(stats.traceCount);
          expect(sum('observationCount')).toBe(stats.observationCount);
          expect(sum('totalTokens')).toBe(stats.totalTokens);
          expect(sum('totalCost')).toBe(stats.totalCost);
          expect(sum('errorCount')).toBe(stats.errorCount);
          expect(models.reduce((total, m) => total + m.observationCount, 0)).toBe(stats.observationCount);
          expect(models.reduce((total, m) => total + m.totalTokens, 0)).toBe(stats.totalTokens);
          expect(models.reduce((total, m) => total + m.totalCost, 0)).toBe(stats.totalCost);
          const traces = await client.listTraces({ userId: row.userId, range, pageSize: 1000 });
          expect(traces.total).toBe(stats.traceCount);
          expect(traces.items.reduce((total, t) => total + t.totalCost, 0)).toBe(stats.totalCost);
          expect(traces.items.reduce((total, t) => total + t.totalTokens, 0)).toBe(stats.totalTokens);
          expect(traces.items.filter((t) => t.level === 'ERROR').length).toBe(stats.errorCount);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A leap day, the day New York moves to summer time, and a day a year earlier when Europe moves back. */
const CLOCKS = ['2028-02-29T10:30:05.250Z', '2027-03-14T07:30:00.000Z', '2025-10-26T00:45:30.000Z'];

describe.each(CLOCKS)('UserDetail — on a clock pinned to %s', (clock) => {
  const now = Date.parse(clock);
  const recent = createMemoryClient(generateDemoDataset({ seed: 31, users: 40, end: Math.floor(now / 3_600_000) * 3_600_000 }));
  beforeEach(() => vi.setSystemTime(now));
  const since = (days: number) => new Date(Math.floor((now - days * DAY) / 1000) * 1000).toISOString();

  it.each([undefined, { preset: '7d' as const }])('opens on the range of the list, so the figures equal the user’s row (provider range %o)', async (defaultRange) => {
    const spy = spied(recent);
    const userId = (await recent.listUsers({ range: { from: since(7) }, sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1 })).items[0]!.userId;
    const provider = { client: spy.client, ...(defaultRange ? { defaultRange } : {}) };
    const list = renderWithProvider(<UserList showDistribution={false} defaultSearch={userId} />, provider);
    const table = await screen.findByRole('grid');
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent(userId));
    const row = within(table).getAllByRole('row')[1]!;
    const cells = Object.fromEntries([...row.querySelectorAll('[data-column]')].map((cell) => [cell.getAttribute('data-column'), cell.textContent]));
    list.unmount();
    renderWithProvider(<UserDetail userId={userId} />, provider);
    expect(await statValue('Traces')).toBe(cells.traceCount);
    expect(await statValue('Cost')).toBe(cells.totalCost);
    const days = defaultRange ? 7 : 30;
    expect(spy.getUser.mock.lastCall![1]).toEqual({ range: { from: since(days) } });
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveValue(`${days}d`);
  });

  it('asks for the chosen range, and offers all time when the range is empty', async () => {
    const spy = spied(recent);
    const month = await recent.listUsers({ range: { from: since(30) }, pageSize: 50 });
    const userId = month.items.find((user) => user.traceCount > 0 && Date.parse(user.lastEvent!) < now - 3_600_000)!.userId;
    const { getUser } = spy;
    renderWithProvider(<UserDetail userId={userId} />, { client: spy.client });
    await statValue('Traces');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), '30m');
    await waitFor(() => expect(getUser.mock.lastCall![1]).toEqual({ range: { from: since(30 / 1440) } }));
    // This user's last trace is older than half an hour: nothing in the range.
    expect(await screen.findByRole('heading', { name: 'No activity in this range' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show all time' }));
    await waitFor(() => expect(getUser.mock.lastCall![1]).toEqual({}));
    expect(await statValue('Traces')).not.toBe('0');
  });
});

describe('UserDetail — tabs, sorting, paging, range', () => {
  it('loads only the open tab, switches with the keyboard and sorts each tab', async () => {
    const [userId] = await busiest();
    const spy = spied();
    renderAllTime(<UserDetail userId={userId!} pageSize={5} />, { client: spy.client });
    await panelRows();
    expect(spy.listSessions).not.toHaveBeenCalled();
    expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ userId, sort: { field: 'timestamp', direction: 'desc' }, page: 1, pageSize: 5 });

    await userEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Cost/ }));
    await waitFor(() => expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ sort: { field: 'totalCost', direction: 'desc' }, page: 1 }));
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ sort: { field: 'totalCost', direction: 'desc' }, page: 2 }));

    screen.getByRole('tab', { name: 'Traces' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
    await panelRows();
    expect(spy.listSessions.mock.lastCall![0]).toMatchObject({ userId, sort: { field: 'lastActivity', direction: 'desc' } });
    await userEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Traces/ }));
    await waitFor(() => expect(spy.listSessions.mock.lastCall![0]).toMatchObject({ sort: { field: 'traceCount', direction: 'desc' } }));

    screen.getByRole('tab', { name: 'Sessions' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Scores' })).toHaveAttribute('aria-selected', 'true');
    await panelRows();
    expect(spy.listScores).toHaveBeenCalled();
    await userEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Value/ }));
    await waitFor(() => expect(spy.listScores.mock.calls.some(([q]) => q.sort?.field === 'value')).toBe(true));
  });

  it('steps to the previous and next user of the host’s list, links encoded', async () => {
    const siblings = ['a/b', 'c#d', 'e?f'];
    renderAllTime(<UserDetail userId="c#d" siblings={siblings} getUserHref={(id) => `/users/${encodeURIComponent(id)}`} listHref="/users" />, {
      client: memory,
    });
    expect(screen.getByRole('link', { name: 'Previous user' })).toHaveAttribute('href', '/users/a%2Fb');
    expect(screen.getByRole('link', { name: 'Next user' })).toHaveAttribute('href', '/users/e%3Ff');
    expect(screen.getAllByRole('link', { name: /Back to users/ })[0]).toHaveAttribute('href', '/users');
  });

  it('calls onSelectUser for previous / next without hrefs, and disables them at the ends', async () => {
    const onSelectUser = vi.fn();
    renderAllTime(<UserDetail userId="first" getSibling={(id, dir) => (dir === 'next' ? `${id}-next` : null)} onSelectUser={onSelectUser} />, {
      client: memory,
    });
    expect(screen.getByRole('button', { name: 'Previous user' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Next user' }));
    expect(onSelectUser).toHaveBeenCalledWith('first-next');
  });

  it('links traces and sessions to the host’s viewers', async () => {
    const [userId] = await busiest();
    renderAllTime(
      <UserDetail userId={userId!} getTraceHref={(id) => `/traces/${encodeURIComponent(id)}`} getSessionHref={(id) => `/sessions/${encodeURIComponent(id)}`} />,
      { client: memory },
    );
    const [first] = await panelRows();
    // The trace's name to its viewer, its session to the session's.
    const [traceLink, sessionLink] = within(first!).getAllByRole('link');
    expect(traceLink!.getAttribute('href')).toMatch(/^\/traces\/trace-31-/);
    expect(sessionLink!.getAttribute('href')).toMatch(/^\/sessions\/session-31-/);
    await userEvent.click(screen.getByRole('tab', { name: 'Sessions' }));
    const [session] = await panelRows();
    expect(within(session!).getByRole('link').getAttribute('href')).toMatch(/^\/sessions\/session-31-/);
  });
});

describe('UserDetail — hostile values', () => {
  it('shows script tags, markup and a 1 MB output as text, the big one cut before layout', async () => {
    const f = createFixtures('2026-10-01T00:00:00.000Z');
    f.trace({ userId: '<img src=x onerror=alert(1)>', input: '<script>alert(1)</script>', output: 'B'.repeat(1_000_000), name: '<b>name</b>' });
    f.score({ name: '<i>s</i>', comment: '<script>c</script>' });
    const { container } = renderAllTime(<UserDetail userId="<img src=x onerror=alert(1)>" />, { client: createMemoryClient(f.dataset()) });
    await panelRows();
    expect(container.querySelector('script, img, b, i')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(container.textContent!.length).toBeLessThan(10_000);
    await userEvent.click(screen.getByRole('button', { name: /^Show full output of <b>name<\/b>, / }));
    expect(container.textContent!.length).toBeLessThan(40_000);
    expect(screen.getByText(/Shows the first 20,000 characters/)).toBeInTheDocument();
  });

  it('says when the user does not exist, with the way back', async () => {
    renderAllTime(<UserDetail userId="ghost" listHref="/users" />, { client: memory });
    expect(await screen.findByRole('heading', { name: 'User not found' })).toBeInTheDocument();
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});

describe('UserDetail — review cases', () => {
  it('keeps the page when the host re-renders with an equal inline range, and resets it for another user', async () => {
    const [first, second] = await busiest();
    const spy = spied();
    const { rerender } = renderAllTime(<UserDetail userId={first!} range={{ preset: 'all' }} pageSize={5} />, { client: spy.client });
    await panelRows();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ page: 2 }));
    const calls = spy.listTraces.mock.calls.length;
    rerender(<UserDetail userId={first!} range={{ preset: 'all' }} pageSize={5} />);
    // A reset would happen in this render (state adjusted to props), so the pager would say so now.
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(/^6–10/);
    expect(spy.listTraces.mock.calls.length).toBe(calls);
    rerender(<UserDetail userId={second!} range={{ preset: 'all' }} pageSize={5} />);
    await waitFor(() => expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ userId: second, page: 1 }));
  });

  it('lets a host control the tab', async () => {
    const [userId] = await busiest();
    const onTabChange = vi.fn();
    const { rerender } = renderAllTime(<UserDetail userId={userId!} tab="sessions" onTabChange={onTabChange} />, { client: memory });
    expect(screen.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('tab', { name: 'Scores' }));
    expect(onTabChange).toHaveBeenCalledWith('scores');
    expect(screen.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
    rerender(<UserDetail userId={userId!} tab="scores" onTabChange={onTabChange} />);
    expect(screen.getByRole('tab', { name: 'Scores' })).toHaveAttribute('aria-selected', 'true');
  });

  it('steps through siblings that list an id twice without looping', () => {
    renderAllTime(<UserDetail userId="b" siblings={['a', 'b', 'a', 'c']} getUserHref={(id) => `/u/${id}`} />, { client: memory });
    expect(screen.getByRole('link', { name: 'Previous user' })).toHaveAttribute('href', '/u/a');
    expect(screen.getByRole('link', { name: 'Next user' })).toHaveAttribute('href', '/u/c');
  });

  it('says "1–5" without a page count for a source that cannot count', async () => {
    const [userId] = await busiest();
    const client: UserTrackingClient = { ...memory, listTraces: async (q, o) => ({ ...(await memory.listTraces(q, o)), total: null }) };
    renderAllTime(<UserDetail userId={userId!} pageSize={5} />, { client });
    await panelRows();
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(nav).toHaveTextContent(/^1–5/);
    expect(nav).not.toHaveTextContent(/ of /);
  });

  it('shows an activity failure as an error with retry, not as an empty range', async () => {
    const [userId] = await busiest();
    let fail = true;
    const client: UserTrackingClient = {
      ...memory,
      getActivity: async (q, o) => {
        if (fail) throw new Error('activity service down');
        return memory.getActivity(q, o);
      },
    };
    renderAllTime(<UserDetail userId={userId!} />, { client });
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('activity service down');
    expect(screen.queryByText('Nothing in this date range')).toBeNull();
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('group', { name: /Traces per/ })).toBeInTheDocument());
  }, 15_000);

  it('hides cost and tokens wherever the source lacks them', async () => {
    const [userId] = await busiest();
    const client: UserTrackingClient = {
      ...memory,
      capabilities: {
        ...memory.capabilities,
        detailFigures: memory.capabilities.detailFigures.filter((f) => f !== 'totalCost' && f !== 'totalTokens'),
      },
    };
    const { container } = renderAllTime(<UserDetail userId={userId!} />, { client });
    await panelRows();
    expect(await statValue('Cost')).toBe('—Not available from this source');
    expect(within(screen.getByRole('tabpanel')).queryByRole('columnheader', { name: /Cost/ })).toBeNull();
    expect(container.querySelector('[data-part="user-detail-models"]')!.textContent).not.toMatch(/\$/);
    expect(screen.queryByRole('option', { name: 'Cost' })).toBeNull();
  });

  it('names each activity bucket and walks them with the arrow keys', async () => {
    const [userId] = await busiest();
    renderAllTime(<UserDetail userId={userId!} />, { client: memory });
    const group = await screen.findByRole('group', { name: /Traces per/ });
    const bars = within(group).getAllByRole('img');
    expect(bars.filter((bar) => bar.getAttribute('tabindex') === '0')).toHaveLength(1);
    bars[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(bars[1]);
    expect(bars[1]!.getAttribute('aria-label')).toMatch(/: \d/);
  });
});

describe('UserDetail — days in the viewer’s time zone', () => {
  // Shanghai is UTC+8: 17:00 UTC on 1 January is 01:00 on 2 January there.
  const f = createFixtures();
  for (const timestamp of ['2026-12-28T20:00:00.000Z', '2027-01-01T10:00:00.000Z', '2027-01-01T17:00:00.000Z']) {
    f.trace({ userId: 'traveller', timestamp });
    f.observation({ totalCost: 0.01 });
  }
  const zoned = createMemoryClient(f.dataset());
  const activityRows = async () => {
    await userEvent.click(await screen.findByText('Show as a table'));
    const table = screen.getByRole('table', { name: /Traces per day/ });
    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent)
      .filter((text) => !text!.endsWith('0'));
  };

  it('buckets days on the provider’s zone and names them in it', async () => {
    const getActivity = vi.fn(zoned.getActivity);
    renderAllTime(<UserDetail userId="traveller" />, { client: { ...zoned, getActivity }, timeZone: 'Asia/Shanghai' });
    expect(await activityRows()).toEqual(['Dec 29, 20261', 'Jan 1, 20271', 'Jan 2, 20271']);
    expect(getActivity.mock.lastCall![0]).toMatchObject({ userId: 'traveller', timeZone: 'Asia/Shanghai' });
    expect(screen.queryByText(/in UTC/)).toBeNull();
  });

  it('says UTC where the source buckets only in UTC, instead of passing its days off as local', async () => {
    const getActivity = vi.fn(zoned.getActivity);
    const utcOnly: UserTrackingClient = { ...zoned, capabilities: { ...zoned.capabilities, timeZones: false }, getActivity };
    const { container } = renderAllTime(<UserDetail userId="traveller" />, { client: utcOnly, timeZone: 'Asia/Shanghai' });
    expect(await activityRows()).toEqual(['Dec 28, 2026 UTC1', 'Jan 1, 2027 UTC2']);
    expect(getActivity.mock.lastCall![0]).not.toHaveProperty('timeZone');
    expect(container.querySelector('[data-part="user-detail-utc"]')).toHaveTextContent('Hours, days and weeks in UTC');
  });
});

describe('UserDetail — table state and metric the host controls', () => {
  it('asks for the host’s sort and page, and leaves them to the host', async () => {
    const [userId] = await busiest();
    const spy = spied();
    const onTracesTableChange = vi.fn();
    const table = { sort: { field: 'totalCost' as const, direction: 'asc' as const }, page: 2 };
    const { rerender } = renderAllTime(<UserDetail userId={userId!} pageSize={5} tracesTable={table} onTracesTableChange={onTracesTableChange} />, {
      client: spy.client,
    });
    await panelRows();
    expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ sort: { field: 'totalCost', direction: 'asc' }, page: 2 });
    expect(within(screen.getByRole('tabpanel')).getByRole('columnheader', { name: /^Cost/ })).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(/^6–10/));

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onTracesTableChange).toHaveBeenLastCalledWith({ ...table, page: 3 });
    expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ page: 2 });
    // A text column starts from A; a new sort starts at page 1.
    await userEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Name/ }));
    expect(onTracesTableChange).toHaveBeenLastCalledWith({ sort: { field: 'name', direction: 'asc' }, page: 1 });

    rerender(<UserDetail userId={userId!} pageSize={5} tracesTable={{ ...table, page: 3 }} onTracesTableChange={onTracesTableChange} />);
    await waitFor(() => expect(spy.listTraces.mock.lastCall![0]).toMatchObject({ page: 3 }));
  });

  it('starts a controlled table again at page 1 for another user, and tells the host', async () => {
    const [first, second] = await busiest();
    const spy = spied();
    const onSessionsTableChange = vi.fn();
    const table = { sort: { field: 'traceCount' as const, direction: 'desc' as const }, page: 2 };
    const view = (userId: string) => (
      <UserDetail userId={userId} pageSize={2} tab="sessions" sessionsTable={table} onSessionsTableChange={onSessionsTableChange} />
    );
    const { rerender } = renderAllTime(view(first!), { client: spy.client });
    await panelRows();
    expect(spy.listSessions.mock.lastCall![0]).toMatchObject({ userId: first, page: 2 });
    rerender(view(second!));
    await waitFor(() => expect(onSessionsTableChange).toHaveBeenCalledWith({ ...table, page: 1 }));
    expect(spy.listSessions.mock.calls.filter(([q]) => q.userId === second).map(([q]) => q.page)).toEqual([1]);
  });

  it('opens on the default sort and page it is given, and reports changes', async () => {
    const [userId] = await busiest();
    const spy = spied();
    const onScoresTableChange = vi.fn();
    renderAllTime(
      <UserDetail userId={userId!} defaultTab="scores" defaultScoresTable={{ sort: { field: 'name', direction: 'asc' }, page: 1 }} onScoresTableChange={onScoresTableChange} />,
      { client: spy.client },
    );
    await panelRows();
    expect(spy.listScores.mock.calls.some(([q]) => q.sort?.field === 'name' && q.sort.direction === 'asc')).toBe(true);
    await userEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(onScoresTableChange).toHaveBeenLastCalledWith({ sort: { field: 'name', direction: 'desc' }, page: 1 }));
    await waitFor(() => expect(spy.listScores.mock.lastCall![0]).toMatchObject({ sort: { field: 'name', direction: 'desc' } }));
  });

  it('lets a host control the activity chart’s figure', async () => {
    const [userId] = await busiest();
    const onMetricChange = vi.fn();
    renderAllTime(<UserDetail userId={userId!} metric="totalCost" onMetricChange={onMetricChange} />, { client: memory });
    expect(await screen.findByRole('group', { name: /^Cost per/ })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'errorCount');
    expect(onMetricChange).toHaveBeenCalledWith('errorCount');
    expect(screen.getByRole('group', { name: /^Cost per/ })).toBeInTheDocument();
  });
});
