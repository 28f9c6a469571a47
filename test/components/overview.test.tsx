import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserOverview, createMemoryClient, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { pair, TEST_NOW } from '../client/langfuse/harness.ts';
import { renderWithProvider } from '../utils.tsx';

const DAY = 86_400_000;
const dataset = generateDemoDataset({ seed: 5, users: 40, days: 30, end: TEST_NOW - 3_600_000 });
const memory = createMemoryClient(dataset, { id: 'overview' });
const count = new Intl.NumberFormat('en-US');
const stat = async (name: string) => (await screen.findByText(name, { selector: 'dt' })).parentElement!.querySelector('dd')!;

describe('UserOverview', () => {
  it('shows the range’s active, new and returning users, per-user cost, the chart’s numbers and the movers', async () => {
    renderWithProvider(<UserOverview defaultRange={{ preset: '7d' }} getUserHref={(id) => `/u/${encodeURIComponent(id)}`} />, {
      client: memory,
      now: () => TEST_NOW,
      timeZone: 'UTC',
    });
    const to = new Date(Math.floor(TEST_NOW / 1000) * 1000).toISOString();
    const from = new Date(Math.floor((TEST_NOW - 7 * DAY) / 1000) * 1000).toISOString();
    const expected = await memory.getOverview!({ range: { from, to }, granularity: 'auto', timeZone: 'UTC', movers: 5 });
    expect(expected.totals.activeUsers).toBeGreaterThan(5);
    await waitFor(async () => expect((await stat('Active users')).textContent).toBe(count.format(expected.totals.activeUsers!)));
    expect((await stat('New users')).textContent).toBe(count.format(expected.totals.newUsers!));
    expect((await stat('Returning users')).textContent).toBe(count.format(expected.totals.returningUsers!));
    expect(expected.totals.newUsers! + expected.totals.returningUsers!).toBe(expected.totals.activeUsers);

    // The chart as an image with its summary, and its numbers in a table.
    expect(screen.getByRole('img', { name: /^Active users per day: new and returning/ })).toBeInTheDocument();
    await userEvent.click(screen.getByText('Show as a table'));
    const table = screen.getByRole('table', { name: /^Active users per day/ });
    expect(within(table).getAllByRole('row')).toHaveLength(expected.points.length + 1);

    // Movers against the 7 days before, linked to their pages, largest change first.
    const cost = screen.getByRole('region', { name: 'Cost moved most' });
    const rows = within(cost).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(expected.movers.totalCost!.map((m) => m.userId));
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', `/u/${encodeURIComponent(expected.movers.totalCost![0]!.userId)}`);
  });

  it('resolves a newly picked relative range against the clock when it is picked', async () => {
    let clock = TEST_NOW - 2 * DAY;
    const getOverview = vi.fn(memory.getOverview!.bind(memory));
    const client = { ...memory, getOverview } as UserTrackingClient;
    renderWithProvider(<UserOverview defaultRange={{ preset: '7d' }} />, { client, now: () => clock, timeZone: 'UTC' });
    await waitFor(() => expect(getOverview).toHaveBeenCalled());
    clock = TEST_NOW;
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), '24h');
    const second = Math.floor(TEST_NOW / 1000) * 1000;
    await waitFor(() => expect(getOverview.mock.lastCall![0].range).toEqual({ from: new Date(second - DAY).toISOString(), to: new Date(second).toISOString() }));
  });

  it('says the overview is not available from a source without it, instead of loading forever', async () => {
    const { langfuse } = pair(dataset);
    renderWithProvider(<UserOverview />, { client: langfuse, now: () => TEST_NOW });
    expect(await screen.findByText('Not available from this source')).toBeInTheDocument();
  });
});
