import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserDetail, UserList, UserSegments, createMemoryClient, type TraceFilters, type UsersQuery } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { pair, TEST_NOW } from '../client/langfuse/harness.ts';
import { oracleSegments, oracleUsers, type OracleDataset } from '../oracle/oracle.ts';
import { renderWithProvider } from '../utils.tsx';

const END = TEST_NOW - 3_600_000;
const dataset = generateDemoDataset({ seed: 9, users: 40, days: 20, end: END });
const oracle = dataset as unknown as OracleDataset;
const all = { preset: 'all' } as const;

describe('Metadata: filter the list by metadata.<key> = value, and group by a key', () => {
  it('adds a condition from the Filters menu; the list keeps the users with such traces and the figures of those traces', async () => {
    const client = createMemoryClient(dataset, { id: 'metadata-list' });
    const listUsers = vi.fn(client.listUsers);
    renderWithProvider(<UserList showDistribution={false} defaultRange={all} defaultPagination={{ page: 1, pageSize: 100 }} />, {
      client: { ...client, listUsers },
      now: () => END,
    });
    await screen.findByRole('grid');
    await userEvent.click(screen.getByRole('button', { name: 'Filters' }));
    const group = await screen.findByRole('group', { name: 'Metadata' });
    await userEvent.type(within(group).getByRole('textbox', { name: 'Key' }), 'plan');
    await userEvent.type(within(group).getByRole('textbox', { name: 'Value' }), 'enterprise{Enter}');
    await waitFor(() => expect((listUsers.mock.lastCall![0] as UsersQuery).filters).toEqual({ metadata: { plan: 'enterprise' } }));
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeInTheDocument();
    const expected = oracleUsers(oracle, { filters: { metadata: { plan: 'enterprise' } } });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(40);
    await waitFor(() => expect(within(screen.getByRole('grid')).getAllByRole('row')).toHaveLength(expected.length + 1));
    // The fields empty again, the condition shown as a button that removes it.
    expect(within(group).getByRole('textbox', { name: 'Key' })).toHaveValue('');
    await userEvent.click(within(group).getByRole('button', { name: 'Remove plan = enterprise' }));
    await waitFor(() => expect((listUsers.mock.lastCall![0] as UsersQuery).filters).toBeUndefined());
  });

  it('carries the condition to the user page, which names it and counts only those traces', async () => {
    const client = createMemoryClient(dataset, { id: 'metadata-detail' });
    const filters = { metadata: { region: 'eu' } };
    const [row] = oracleUsers(oracle, { filters, sort: { field: 'traceCount', direction: 'desc' } });
    renderWithProvider(<UserDetail userId={row!.userId} defaultRange={all} defaultFilters={filters} />, { client, now: () => END });
    expect(await screen.findByText(/region = eu/)).toBeInTheDocument();
    const term = await screen.findByText('Traces', { selector: 'dt' });
    await waitFor(() => expect(term.parentElement!.querySelector('dd')).toHaveTextContent(new RegExp(`^${row!.traceCount}$`)));
  });

  it('groups users by a metadata key the host names, and opens a segment as a metadata filter', async () => {
    const client = createMemoryClient(dataset, { id: 'metadata-segments' });
    const onSelectSegment = vi.fn<(filters: TraceFilters) => void>();
    renderWithProvider(<UserSegments metadataKeys={['plan', 'region']} defaultDimension="metadata.plan" onSelectSegment={onSelectSegment} />, {
      client,
      defaultRange: all,
      now: () => END,
    });
    const picker = await screen.findByRole('combobox', { name: 'Group by' });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['Environment', 'Tag', 'Release', 'Metadata: plan', 'Metadata: region']);
    const table = await screen.findByRole('table', { name: 'Segments' });
    const expected = oracleSegments(oracle, { dimension: 'metadata.plan' }).sort((a, b) => b.totalCost - a.totalCost);
    await waitFor(() => expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(expected.map((s) => s.value)));
    await userEvent.click(within(table).getByRole('button', { name: 'pro' }));
    expect(onSelectSegment).toHaveBeenCalledWith({ metadata: { plan: 'pro' } });
  });

  it('is not offered, and refused, where the source cannot filter by metadata (Langfuse)', async () => {
    const { langfuse } = pair(dataset);
    expect(langfuse.capabilities.filterableFields).not.toContain('metadata');
    await expect(langfuse.listUsers({ filters: { metadata: { plan: 'pro' } } })).rejects.toMatchObject({ code: 'unsupported', field: 'filters.metadata' });
    await expect(langfuse.getUser('anyone', { filters: { metadata: { plan: 'pro' } } })).rejects.toMatchObject({ code: 'unsupported' });
    renderWithProvider(<UserList showDistribution={false} defaultRange={all} />, { client: langfuse, now: () => TEST_NOW });
    await userEvent.click(await screen.findByRole('button', { name: 'Filters' }));
    await screen.findByRole('checkbox', { name: 'production' });
    expect(screen.queryByRole('group', { name: 'Metadata' })).toBeNull();
  });
});
