import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { UserDetail, UserList, type TraceFilters, type UserListView, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { pair, roundCosts, TEST_NOW } from '../client/langfuse/harness.ts';
import { renderWithProvider } from '../utils.tsx';

const dataset = generateDemoDataset({ seed: 12, users: 25, days: 20, end: TEST_NOW - 3_600_000 });
const { memory, langfuse } = pair(dataset);
const options = await memory.getFilterOptions!({});
const DAY = 86_400_000;

/** Any subset of the environments, tags and releases the data has (often none, sometimes one that matches nobody). */
const filtersArb: fc.Arbitrary<TraceFilters> = fc.record({
  environments: fc.subarray(options.environments, { maxLength: 2 }),
  tags: fc.subarray(options.tags, { maxLength: 2 }),
  releases: fc.subarray(['v2.13.2', 'v2.14.0', 'v0'], { maxLength: 2 }),
});
const rangeArb = fc.option(fc.record({ from: fc.integer({ min: 0, max: 19 }).map((d) => new Date(TEST_NOW - d * DAY).toISOString()) }), { nil: undefined });

describe('UserDetail — the list’s filters carried over', () => {
  it('gives every user the figures of their filtered list row, on the memory source (random filters and ranges)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(filtersArb, rangeArb, async (filters, range) => {
        const listed = await memory.listUsers({ filters, ...(range ? { range } : {}), pageSize: 1000 });
        for (const row of listed.items) {
          const { models, tags: _tags, ...stats } = (await memory.getUser(row.userId, { filters, ...(range ? { range } : {}) }))!;
          expect(stats).toEqual(row);
          expect(models.reduce((sum, model) => sum + model.observationCount, 0)).toBe(row.observationCount);
          compared++;
        }
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('gives every user the figures of their filtered list row, on Langfuse (random filters, all time)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(filtersArb, async (filters) => {
        const listed = await langfuse.listUsers({ filters, pageSize: 1000 });
        const counts = new Map((await langfuse.getUserFigures!({ userIds: listed.items.map((row) => row.userId), filters })).map((row) => [row.userId, row.traceCount]));
        for (const row of listed.items) {
          const stats = (await langfuse.getUser(row.userId, { filters }))!;
          expect(roundCosts({ observationCount: stats.observationCount, inputTokens: stats.inputTokens, outputTokens: stats.outputTokens, totalTokens: stats.totalTokens, totalCost: stats.totalCost })).toEqual(
            roundCosts({ observationCount: row.observationCount, inputTokens: row.inputTokens, outputTokens: row.outputTokens, totalTokens: row.totalTokens, totalCost: row.totalCost }),
          );
          expect(stats.traceCount).toBe(counts.get(row.userId));
          compared++;
        }
      }),
      { numRuns: 12 },
    );
    expect(compared).toBeGreaterThan(20);
  });

  it('hands the list’s range and filters to getUserHref, and the page opened with them shows the row’s figures until cleared', async () => {
    // A filter and a user it narrows: some of their traces pass, not all.
    const candidates = [...options.environments.map((e) => ({ environments: [e] })), ...options.tags.map((t) => ({ tags: [t] }))];
    let filters: TraceFilters = {};
    let row: Awaited<ReturnType<typeof memory.listUsers>>['items'][number] | undefined;
    for (const candidate of candidates) {
      for (const user of (await memory.listUsers({ filters: candidate, pageSize: 1000 })).items) {
        if (!row && user.traceCount < (await memory.getUser(user.userId))!.traceCount) [filters, row] = [candidate, user];
      }
    }
    const getUserHref = vi.fn((id: string, view: UserListView) => `/u/${encodeURIComponent(id)}?view=${encodeURIComponent(JSON.stringify(view))}`);
    const { unmount } = renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultFilters={filters} defaultSearch={row!.userId} getUserHref={getUserHref} />, {
      client: memory,
    });
    const link = (await screen.findAllByRole('link'))[0]!;
    const href = new URL(link.getAttribute('href')!, 'https://host.test');
    const view = JSON.parse(href.searchParams.get('view')!) as UserListView;
    expect(view).toEqual({ range: { preset: 'all' }, filters });
    const userId = decodeURIComponent(href.pathname.slice(3));
    unmount();

    const listUsers = memory.listUsers.bind(memory);
    const getUser = vi.fn(memory.getUser.bind(memory));
    const listTraces = vi.fn(memory.listTraces.bind(memory));
    const client = { ...memory, listUsers, getUser, listTraces } as UserTrackingClient;
    renderWithProvider(<UserDetail userId={userId} defaultRange={view.range} defaultFilters={view.filters} />, { client });
    expect(userId).toBe(row!.userId);
    const all = (await memory.getUser(userId))!;
    const traces = async () => (await screen.findByText('Traces', { selector: 'dt' })).parentElement!.querySelector('dd')!;
    await waitFor(async () => expect((await traces()).textContent).toBe(String(row!.traceCount)));
    expect(getUser).toHaveBeenLastCalledWith(userId, { filters }, expect.anything());
    await waitFor(() => expect(listTraces.mock.lastCall![0]).toMatchObject({ userId, filters }));
    expect(screen.getByText(filters.environments ? `Environments: ${filters.environments[0]}` : `Tags: ${filters.tags![0]}`, { exact: false })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    // The button goes with the filters; focus lands on the range, not on the page.
    expect(screen.getByRole('combobox', { name: 'Date range' })).toHaveFocus();
    await waitFor(async () => expect((await traces()).textContent).toBe(new Intl.NumberFormat('en-US').format(all.traceCount)));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });
});
