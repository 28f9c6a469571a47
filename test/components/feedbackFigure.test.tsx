import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserDetail, UserList, createLangfuseClient, createMemoryClient, type FigureBand } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { oracleUsers, type OracleDataset } from '../oracle/oracle.ts';
import { pair } from '../client/langfuse/harness.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 7, users: 40, days: 20, end: END });
const oracle = dataset as unknown as OracleDataset;
const all = { preset: 'all' } as const;
const helpfulness = (row: { scores: { name: string; mean: number }[] }) => row.scores.find((score) => score.name === 'helpfulness')?.mean ?? null;

/** The user ids of the grid's rows, top to bottom. */
async function shownIds() {
  const grid = await screen.findByRole('grid');
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1));
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-user-id') ?? within(row).getAllByRole('rowheader')[0]!.querySelector('[data-part="user-list-user-id"]')?.textContent ?? '');
}

/**
 * The shown users are those the oracle lists, in its order where the means differ: means
 * summed in another order may differ in the last bit, so near-equal means may swap.
 */
async function expectSortedByHelpfulness(direction: 'asc' | 'desc') {
  const expected = oracleUsers(oracle, { sort: { field: 'score:helpfulness', direction } });
  const meanOf = new Map(expected.map((row) => [row.userId, helpfulness(row)]));
  await waitFor(async () => {
    const ids = await shownIds();
    expect([...ids].sort()).toEqual(expected.map((row) => row.userId).sort());
    const means = ids.map((id) => meanOf.get(id)!);
    const scored = means.filter((mean) => mean !== null);
    // Users without a helpfulness score come last.
    expect(means.slice(0, scored.length)).toEqual(scored);
    scored.forEach((mean, i) => {
      if (i > 0) expect(direction === 'asc' ? mean - scored[i - 1]! : scored[i - 1]! - mean).toBeGreaterThan(-1e-12);
    });
    expect(scored.length).toBeGreaterThan(10);
    expect(scored.length).toBeLessThan(ids.length);
  });
}

describe('Feedback as a figure: sort and band the list by one score’s mean', () => {
  it('sorts by the score picked in the Feedback header, lowest mean first, then the header reverses it', async () => {
    const client = createMemoryClient(dataset, { id: 'feedback-sort' });
    renderWithProvider(
      <UserList defaultRange={all} defaultPagination={{ page: 1, pageSize: 100 }} />,
      { client, now: () => END },
    );
    const picker = await screen.findByRole('combobox', { name: 'Sort users by the mean of a score' });
    // Only NUMERIC and BOOLEAN names have a mean (the categorical "topic" is not offered); "resolved" is on sessions.
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['helpfulness', 'resolved', 'user-feedback']);
    await userEvent.selectOptions(picker, 'helpfulness');
    await expectSortedByHelpfulness('asc');
    const header = screen.getByRole('columnheader', { name: /Feedback/ });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(within(header).getByRole('button', { name: /Feedback/ }));
    await expectSortedByHelpfulness('desc');
    expect(header).toHaveAttribute('aria-sort', 'descending');
    // Another column's sort leaves the score: the picker asks again.
    await userEvent.click(screen.getByRole('button', { name: /^Cost/ }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Sort users by the mean of a score' })).toHaveValue(''));
    expect(screen.getByRole('columnheader', { name: /Feedback/ })).not.toHaveAttribute('aria-sort');
  });

  it('keeps "users whose helpfulness is below 0.5" for a band the host sets', async () => {
    const client = createMemoryClient(dataset, { id: 'feedback-band' });
    const band: FigureBand = { field: 'score:helpfulness', lt: 0.5 };
    renderWithProvider(<UserList defaultRange={all} defaultPagination={{ page: 1, pageSize: 100 }} band={band} />, { client, now: () => END });
    const expected = oracleUsers(oracle, { bands: [band] });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((row) => helpfulness(row)! < 0.5)).toBe(true);
    await waitFor(async () => expect((await shownIds()).sort()).toEqual(expected.map((row) => row.userId).sort()));
  });

  it('filters to a bar of the histogram of the sorted score, and names the band by the score', async () => {
    const client = createMemoryClient(dataset, { id: 'feedback-histogram' });
    renderWithProvider(
      <UserList.Root defaultRange={all} defaultSorting={{ field: 'score:helpfulness', direction: 'asc' }} defaultPagination={{ page: 1, pageSize: 100 }}>
        <UserList.Distribution />
        <UserList.Table />
      </UserList.Root>,
      { client, now: () => END },
    );
    expect(await screen.findByRole('region', { name: 'Users by helpfulness' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Log scale' }));
    const bars = await screen.findAllByRole('button', { name: /users? with helpfulness from/ });
    const bar = bars.find((button) => !button.getAttribute('aria-label')!.startsWith('0 '))!;
    const [, from, to] = /from (\S+) to (\S+)$/.exec(bar.getAttribute('aria-label')!)!;
    await userEvent.click(bar);
    const last = bar === bars.at(-1);
    const inBand = oracleUsers(oracle, { sort: { field: 'score:helpfulness', direction: 'asc' } }).filter((row) => {
      const mean = helpfulness(row);
      return mean !== null && mean >= Number(from) && (last ? mean <= Number(to) : mean < Number(to));
    });
    await waitFor(async () => expect((await shownIds()).sort()).toEqual(inBand.map((row) => row.userId).sort()));
    expect(screen.getByRole('button', { name: `Clear helpfulness from ${from} to ${to}` })).toBeInTheDocument();
  });

  it('offers no score sort where the source declares none (Langfuse)', async () => {
    const client = createLangfuseClient({ baseUrl: 'https://langfuse.test', fetch: async () => Response.json({ data: [] }) });
    expect(client.capabilities.scoreFigures).toBeUndefined();
    renderWithProvider(<UserList defaultRange={all} />, { client, now: () => END });
    await screen.findByText(/No users/);
    expect(screen.queryByRole('combobox', { name: 'Sort users by the mean of a score' })).toBeNull();
  });
});

describe('Scores on sessions, where the source does not read them', () => {
  it('says so under the scores tab on Langfuse by default, and not on the memory source', async () => {
    const { langfuse, memory } = pair(dataset);
    const userId = oracleUsers(oracle, { sort: { field: 'traceCount', direction: 'desc' } })[0]!.userId;
    const note = /Scores on this user’s sessions \(not on a trace\) are not read from this source/;
    const first = renderWithProvider(<UserDetail userId={userId} defaultTab="scores" defaultRange={all} />, { client: langfuse, now: () => END });
    expect(await screen.findByText(note)).toBeInTheDocument();
    first.unmount();
    renderWithProvider(<UserDetail userId={userId} defaultTab="scores" defaultRange={all} />, { client: memory, now: () => END });
    await screen.findByRole('tabpanel');
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(1));
    expect(screen.queryByText(note)).toBeNull();
  });
});
