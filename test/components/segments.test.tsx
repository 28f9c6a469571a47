import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserSegments, createMemoryClient, type TraceFilters } from '../../src/index.ts';
import { createDemoProfiles, demoProfile, generateDemoDataset } from '../../src/testing/index.ts';
import { pair, TEST_NOW } from '../client/langfuse/harness.ts';
import { renderWithProvider } from '../utils.tsx';

const dataset = generateDemoDataset({ seed: 6, users: 30, days: 20, end: TEST_NOW - 3_600_000 });
const memory = createMemoryClient(dataset, { id: 'segments' });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

describe('UserSegments', () => {
  it('groups users by tag, sorts by a header, and opens a segment as list filters', async () => {
    const onSelectSegment = vi.fn<(filters: TraceFilters) => void>();
    renderWithProvider(<UserSegments defaultDimension="tags" scoreName="helpfulness" onSelectSegment={onSelectSegment} />, {
      client: memory,
      defaultRange: { preset: 'all' },
      now: () => TEST_NOW,
    });
    const expected = await memory.getSegments!({ dimension: 'tags', scoreName: 'helpfulness' });
    const table = await screen.findByRole('table', { name: 'Segments' });
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(expected.segments.length);
    // Highest cost first, as the source answers.
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual(expected.segments.map((s) => s.value ?? '(no tag)'));
    expect(within(table).getByRole('columnheader', { name: /^Feedback \(helpfulness\)/ })).toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: /^Users/ }));
    const byUsers = [...expected.segments].sort((a, b) => b.userCount! - a.userCount!);
    expect(Number(within(rows()[0]!).getAllByRole('cell')[0]!.textContent)).toBe(byUsers[0]!.userCount);
    expect(within(table).getByRole('columnheader', { name: /^Users/ })).toHaveAttribute('aria-sort', 'descending');

    const top = expected.segments.find((s) => s.value !== null)!;
    await userEvent.click(within(table).getByRole('button', { name: top.value! }));
    expect(onSelectSegment).toHaveBeenCalledWith({ tags: [top.value] });
    expect(within(table).getAllByText(money.format(top.totalCost)).length).toBeGreaterThan(0);
  });

  it('says segments are not available from a source that cannot group', async () => {
    const { langfuse } = pair(dataset);
    renderWithProvider(<UserSegments />, { client: { ...langfuse, capabilities: { ...langfuse.capabilities, segments: [] } }, now: () => TEST_NOW });
    expect(await screen.findByText('Not available from this source')).toBeInTheDocument();
  });

  it('on Langfuse, shows cost, tokens and traces per segment, and the figures it cannot count as not available (unsortable)', async () => {
    const { langfuse } = pair(dataset);
    renderWithProvider(<UserSegments defaultDimension="environment" scoreName="helpfulness" />, { client: langfuse, defaultRange: { preset: 'all' }, now: () => TEST_NOW });
    const table = await screen.findByRole('table', { name: 'Segments' });
    const expected = await memory.getSegments!({ dimension: 'environment' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(expected.segments.map((s) => s.value));
    const cells = within(rows[0]!).getAllByRole('cell');
    // Users, traces, tokens, cost, cost per user, error rate, feedback.
    expect(cells[1]).toHaveTextContent(String(expected.segments[0]!.traceCount));
    expect(cells[3]).toHaveTextContent(money.format(expected.segments[0]!.totalCost));
    for (const at of [0, 4, 5, 6]) expect(cells[at]).toHaveTextContent('Not available from this source');
    expect(within(table).queryByRole('button', { name: /^Users/ })).toBeNull();
    expect(within(table).getByRole('button', { name: /^Traces/ })).toBeInTheDocument();
  });
});

describe('UserSegments by a field of the host’s records', () => {
  it('groups every user of the range by a profile field, summing their figures, without a link (the list filters traces, not people)', async () => {
    const getUserProfiles = vi.fn(createDemoProfiles({ unknownShare: 0.2 }));
    const onSelectSegment = vi.fn();
    renderWithProvider(<UserSegments defaultDimension="profile.organisation" scoreName="helpfulness" onSelectSegment={onSelectSegment} />, {
      client: memory,
      defaultRange: { preset: 'all' },
      now: () => TEST_NOW,
      getUserProfiles,
      profileFields: [{ field: 'organisation', label: 'Organisation' }],
    });
    const picker = await screen.findByRole('combobox', { name: 'Group by' });
    expect(within(picker).getByRole('option', { name: 'Organisation' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Segments' });
    // Expected from the list method and the demo's own records, summed here.
    const users = (await memory.listUsers({ pageSize: 1000 })).items;
    const byOrg = new Map<string | null, typeof users>();
    for (const user of users) {
      const org = (demoProfile(user.userId, 0.2)?.organisation as string | undefined) ?? null;
      byOrg.set(org, [...(byOrg.get(org) ?? []), user]);
    }
    const expected = [...byOrg].map(([org, members]) => ({ org, cost: members.reduce((sum, u) => sum + u.totalCost, 0), users: members.length, traces: members.reduce((sum, u) => sum + u.traceCount, 0) }));
    expected.sort((a, b) => b.cost - a.cost);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(expected.map((e) => e.org ?? '(none)'));
    rows.forEach((row, i) => {
      const cells = within(row).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent(String(expected[i]!.users));
      expect(cells[1]).toHaveTextContent(new Intl.NumberFormat('en-US').format(expected[i]!.traces));
      expect(cells[3]).toHaveTextContent(money.format(expected[i]!.cost));
    });
    // One call with every user's id, never per page of the table.
    expect(getUserProfiles).toHaveBeenCalledTimes(1);
    expect([...getUserProfiles.mock.calls[0]![0]].sort()).toEqual(users.map((u) => u.userId).sort());
    expect(within(table).queryAllByRole('button', { name: expected[0]!.org ?? '' })).toHaveLength(0);
  });

  it('offers no profile field on a source that cannot list every user with their figures (Langfuse)', async () => {
    const { langfuse } = pair(dataset);
    renderWithProvider(<UserSegments />, {
      client: langfuse,
      defaultRange: { preset: 'all' },
      now: () => TEST_NOW,
      getUserProfiles: createDemoProfiles(),
      profileFields: [{ field: 'organisation', label: 'Organisation' }],
    });
    const picker = await screen.findByRole('combobox', { name: 'Group by' });
    expect(within(picker).queryByRole('option', { name: 'Organisation' })).toBeNull();
  });
});
