import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserList, createMemoryClient, type BudgetBreach, type UsersQuery, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { pair, TEST_NOW, asOracle } from '../client/langfuse/harness.ts';
import { oracleUsers } from '../oracle/oracle.ts';
import { renderWithProvider } from '../utils.tsx';

const DAY = 86_400_000;
// The data ends an hour before the clock: the last 7 days hold only part of it.
const dataset = generateDemoDataset({ seed: 44, users: 30, days: 30, end: TEST_NOW - 3_600_000 });
const memory = createMemoryClient(dataset, { id: 'budgets' });
const now = () => TEST_NOW;
const weekAgo = new Date(Math.floor((TEST_NOW - 7 * DAY) / 1000) * 1000).toISOString();

/** Windowed cost by user, as the figure definitions give it (the oracle, not a client). */
const weekCost = new Map(oracleUsers(asOracle(dataset), { range: { from: weekAgo } }).map((row) => [row.userId, row.totalCost as number]));
const allTimeCost = new Map(oracleUsers(asOracle(dataset), {}).map((row) => [row.userId, row.totalCost as number]));
// A limit that some users pass in the week, and more pass over all time.
const costs = [...weekCost.values()].sort((a, b) => b - a);
const LIMIT = (costs[2]! + costs[3]!) / 2;

async function rows() {
  const table = await screen.findByRole('grid');
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
  return within(table).getAllByRole('row').slice(1);
}
const idOf = (row: HTMLElement) => row.querySelector('[data-part="user-list-user-id-text"]')!.textContent!;

function spy(client: UserTrackingClient) {
  const listUsers = vi.fn(client.listUsers);
  return { client: { ...client, listUsers } as UserTrackingClient, listUsers };
}

describe('Budgets — a rolling window', () => {
  it('marks the users over the limit in the last 7 days, whatever range the list shows, with the window’s figure', async () => {
    expect([...allTimeCost.values()].filter((cost) => cost > LIMIT).length).toBeGreaterThan(3);
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 100 }} budget={{ field: 'totalCost', limit: LIMIT, window: '7d' }} />, {
      client: memory,
      now,
    });
    await rows();
    const expected = [...weekCost].filter(([, cost]) => cost > LIMIT).map(([id]) => id).sort();
    expect(expected).toHaveLength(3);
    await waitFor(async () => expect((await rows()).filter((row) => row.hasAttribute('data-over-budget')).map(idOf).sort()).toEqual(expected));
    const cost = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
    for (const row of (await rows()).filter((r) => r.hasAttribute('data-over-budget'))) {
      const mark = row.querySelector('[data-part="user-list-over-budget"]')!;
      expect(mark).toHaveAttribute('data-state', 'over');
      expect(mark.getAttribute('title')).toMatch(/^Over budget \(Last 7 days\): \$[\d.,]+ exceeds \$[\d.,]+$/);
      // The week's figure, not the row's all-time one.
      expect(mark.getAttribute('title')).toContain(cost.format(weekCost.get(idOf(row))!).slice(0, 3));
    }
  });

  it('marks users above nearAt of the limit as near it, apart from those over it', async () => {
    renderWithProvider(
      <UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 100 }} budget={{ field: 'totalCost', limit: LIMIT, window: '7d', nearAt: 0.5 }} />,
      { client: memory, now },
    );
    const expected = [...weekCost].filter(([, cost]) => cost > LIMIT * 0.5 && cost <= LIMIT).map(([id]) => id).sort();
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(async () => expect((await rows()).filter((row) => row.hasAttribute('data-near-budget')).map(idOf).sort()).toEqual(expected));
    const near = (await rows()).find((row) => row.hasAttribute('data-near-budget'))!;
    expect(near).not.toHaveAttribute('data-over-budget');
    expect(within(near).getByText(/^Near budget \(Last 7 days\): \$[\d.,]+ of \$[\d.,]+$/)).toBeInTheDocument();
  });

  it('keeps only the users over the window’s budget with the toggle, asking the source for their ids', async () => {
    const spied = spy(memory);
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} budget={{ field: 'totalCost', limit: LIMIT, window: '7d' }} />, {
      client: spied.client,
      now,
    });
    await rows();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only over budget' }));
    const expected = [...weekCost].filter(([, cost]) => cost > LIMIT).map(([id]) => id).sort();
    await waitFor(async () => expect((await rows()).map(idOf).sort()).toEqual(expected));
    const asked = spied.listUsers.mock.lastCall![0] as UsersQuery;
    expect([...asked.userIds!].sort()).toEqual(expected);
    expect(asked.range).toEqual({});
  });
});

describe('Budgets — a window’s question that fails', () => {
  it('shows the error with a retry instead of an empty "only over budget" list', async () => {
    let fail = true;
    const listUsers = vi.fn(async (query: UsersQuery, options?: { signal?: AbortSignal }) => {
      // The budget's question is the one with a band of the figure.
      if (fail && query.bands?.length) throw new Error('budget source down');
      return memory.listUsers(query, options);
    });
    const client = { ...memory, listUsers } as UserTrackingClient;
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultOverBudgetOnly budget={{ field: 'totalCost', limit: LIMIT, window: '7d' }} />, {
      client,
      now,
    });
    expect(await screen.findByText(/budget source down/)).toBeInTheDocument();
    expect(screen.queryByText(/No user matches/)).toBeNull();
    expect(listUsers.mock.calls.some(([query]) => query.userIds !== undefined)).toBe(false);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: /Retry/ }));
    const expected = [...weekCost].filter(([, cost]) => cost > LIMIT).map(([id]) => id).sort();
    await waitFor(async () => expect((await rows()).map(idOf).sort()).toEqual(expected));
  });
});

describe('Budgets — onBudgetExceeded', () => {
  it('reports every user over the budget across all pages, highest first, once per set', async () => {
    const onBudgetExceeded = vi.fn<(users: readonly BudgetBreach[]) => void>();
    renderWithProvider(
      <UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 5 }} budget={{ field: 'totalCost', limit: LIMIT }} onBudgetExceeded={onBudgetExceeded} />,
      { client: memory, now },
    );
    await rows();
    const expected = [...allTimeCost].filter(([, cost]) => cost > LIMIT).sort((a, b) => b[1] - a[1]);
    expect(expected.length).toBeGreaterThan(5);
    await waitFor(() => expect(onBudgetExceeded).toHaveBeenCalledTimes(1));
    const reported = onBudgetExceeded.mock.calls[0]![0];
    expect(reported.map((user) => user.userId)).toEqual(expected.map(([id]) => id));
    reported.forEach((user, i) => expect(user.value).toBeCloseTo(expected[i]![1], 10));
    // Paging and sorting show other rows of the same set: nothing new to report.
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.click(screen.getByRole('button', { name: /^Traces/ }));
    await rows();
    expect(onBudgetExceeded).toHaveBeenCalledTimes(1);
    // A narrower range is another set.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date range' }), '7d');
    const week = [...weekCost].filter(([, cost]) => cost > LIMIT).sort((a, b) => b[1] - a[1]).map(([id]) => id);
    await waitFor(() => expect(onBudgetExceeded).toHaveBeenCalledTimes(2));
    expect(onBudgetExceeded.mock.calls[1]![0].map((user) => user.userId)).toEqual(week);
  });

  it('works on Langfuse from its ranking by cost (it has no band filter), and keeps the toggle with ids', async () => {
    const { langfuse } = pair(dataset);
    const onBudgetExceeded = vi.fn<(users: readonly BudgetBreach[]) => void>();
    renderWithProvider(
      <UserList defaultRange={{ preset: 'all' }} budget={{ field: 'totalCost', limit: LIMIT, window: '7d' }} onBudgetExceeded={onBudgetExceeded} />,
      { client: langfuse, now },
    );
    await rows();
    const expected = [...weekCost].filter(([, cost]) => cost > LIMIT).sort((a, b) => b[1] - a[1]).map(([id]) => id);
    await waitFor(() => expect(onBudgetExceeded).toHaveBeenCalledTimes(1));
    expect(onBudgetExceeded.mock.calls[0]![0].map((user) => user.userId)).toEqual(expected);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only over budget' }));
    // Ranked by the list's own figure (all time), so compared as a set.
    await waitFor(async () => expect((await rows()).map(idOf).sort()).toEqual([...expected].sort()));
  });
});
