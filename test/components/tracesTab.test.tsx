import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserDetail, type TracesQuery, type UserTrackingClient } from '../../src/index.ts';
import { createFixtures, generateDemoDataset } from '../../src/testing/index.ts';
import { asOracle, pair, TEST_NOW } from '../client/langfuse/harness.ts';
import { isError, tagsOf, tracesOf } from '../oracle/oracle.ts';
import { renderWithProvider } from '../utils.tsx';

const dataset = generateDemoDataset({ seed: 19, users: 12, days: 14, end: TEST_NOW - 3_600_000 });
const { memory, langfuse } = pair(dataset);
const oracle = asOracle(dataset);
// The user with the most traces, some of them failed.
const userId = [...new Set(oracle.traces.map((t) => t.userId as string))]
  .filter(Boolean)
  .map((id) => ({ id, traces: tracesOf(oracle, id, {}) }))
  .filter(({ traces }) => traces.some((t) => isError(oracle, t)))
  .sort((a, b) => b.traces.length - a.traces.length)[0]!.id;
const traces = tracesOf(oracle, userId, {});
const LEVEL_RANK = ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'];
/** A trace's most severe level, as defined: null without observations. */
const levelOf = (traceId: string) => {
  const levels = oracle.observations.filter((o) => o.traceId === traceId).map((o) => LEVEL_RANK.indexOf(o.level ?? 'DEFAULT'));
  return levels.length ? LEVEL_RANK[Math.max(...levels)] : null;
};

// The user's tags by how many traces carry them: a rare one narrows, a common one narrows less.
const userTags = tagsOf(traces);
const commonTag = userTags[0]!.tag;
const rareTag = userTags.filter((t) => t.traceCount < traces.length && t.tag !== commonTag).at(-1)!.tag;

describe('Traces tab — search, levels and tags', () => {
  const name = traces[0]!.name as string;
  const cases: [string, Partial<TracesQuery>, (t: (typeof traces)[number]) => boolean][] = [
    ['a name, any case', { search: name.toUpperCase().slice(1, 6) }, (t) => String(t.name).toLowerCase().includes(name.toLowerCase().slice(1, 6)) || String(t.id).toLowerCase().includes(name.toLowerCase().slice(1, 6))],
    ['an id', { search: String(traces[3]!.id) }, (t) => t.id === traces[3]!.id],
    ['errors only', { levels: ['ERROR'] }, (t) => levelOf(t.id as string) === 'ERROR'],
    ['warnings and errors', { levels: ['WARNING', 'ERROR'] }, (t) => ['WARNING', 'ERROR'].includes(levelOf(t.id as string) as string)],
    ['errors matching a search', { levels: ['ERROR'], search: name }, (t) => levelOf(t.id as string) === 'ERROR' && String(t.name).includes(name)],
    ['a tag', { tags: [rareTag] }, (t) => (t.tags as string[]).includes(rareTag)],
  ];
  it.each(cases)('keeps the traces matching %s, on both sources', async (_, narrowing, keep) => {
    const expected = traces.filter(keep).map((t) => t.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(traces.length);
    for (const client of [memory, langfuse]) {
      const page = await client.listTraces({ userId, ...narrowing, pageSize: 1000 });
      expect(page.items.map((t) => t.id).sort()).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
  });

  it('keeps traces carrying every tag asked for, on both sources', async () => {
    const f = createFixtures();
    f.trace({ id: 'both', userId: 'ana', tags: ['a', 'b', 'a'] });
    f.trace({ id: 'only-a', userId: 'ana', tags: ['a'] });
    f.trace({ id: 'only-b', userId: 'ana', tags: ['b'] });
    for (const trace of f.dataset().traces) f.observation({ traceId: trace.id, type: 'SPAN', startTime: trace.timestamp });
    const both = pair(f.dataset());
    for (const client of [both.memory, both.langfuse]) {
      expect((await client.listTraces({ userId: 'ana', tags: ['a', 'b'] })).items.map((t) => t.id)).toEqual(['both']);
      expect((await client.listTraces({ userId: 'ana', tags: ['a', 'zz'] })).items).toEqual([]);
      expect((await client.getUser('ana'))!.tags).toEqual([
        { tag: 'a', traceCount: 2 },
        { tag: 'b', traceCount: 2 },
      ]);
    }
  });

  it('refuses levels that are not levels', async () => {
    await expect(memory.listTraces({ userId, levels: ['FATAL' as never] })).rejects.toMatchObject({ code: 'invalid_query', field: 'levels' });
  });

  it('searches once typing pauses and narrows by level from the tab, back on page 1, with environment and session shown', async () => {
    const listTraces = vi.fn(memory.listTraces.bind(memory));
    const client = { ...memory, listTraces } as UserTrackingClient;
    renderWithProvider(<UserDetail userId={userId} pageSize={5} defaultTracesTable={{ sort: { field: 'timestamp', direction: 'desc' }, page: 2 }} getSessionHref={(id) => `/s/${id}`} />, {
      client,
      defaultRange: { preset: 'all' },
      now: () => TEST_NOW,
    });
    const panel = await screen.findByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('row').length).toBeGreaterThan(1));
    expect(within(panel).getByRole('columnheader', { name: 'Environment' })).toBeInTheDocument();
    expect(within(panel).getByRole('columnheader', { name: 'Session' })).toBeInTheDocument();

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Level' }), 'Errors only');
    await waitFor(() => expect(listTraces.mock.lastCall![0]).toMatchObject({ levels: ['ERROR'], page: 1 }));
    const errors = traces.filter((t) => levelOf(t.id as string) === 'ERROR');
    await waitFor(() => expect(within(panel).getAllByText('Error').length).toBe(Math.min(errors.length, 5)));

    const calls = listTraces.mock.calls.length;
    await userEvent.type(within(panel).getByRole('searchbox', { name: 'Search traces' }), 'zz-no-such');
    // One question for the whole word, not one per key.
    await waitFor(() => expect(listTraces.mock.lastCall![0]).toMatchObject({ search: 'zz-no-such', levels: ['ERROR'] }));
    expect(listTraces.mock.calls.length - calls).toBe(1);
    expect(await within(panel).findByText('No trace matches the search, level and tag in this range.')).toBeInTheDocument();
  });

  it('offers the user’s own tags with their trace counts, and narrows to one (no request for the options)', async () => {
    const listTraces = vi.fn(memory.listTraces.bind(memory));
    const getFilterOptions = vi.fn(memory.getFilterOptions!.bind(memory));
    const client = { ...memory, listTraces, getFilterOptions } as UserTrackingClient;
    renderWithProvider(<UserDetail userId={userId} pageSize={100} />, { client, defaultRange: { preset: 'all' }, now: () => TEST_NOW });
    const panel = await screen.findByRole('tabpanel');
    const picker = await within(panel).findByRole('combobox', { name: 'Tag' });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['All tags', ...userTags.map((t) => `${t.tag} (${t.traceCount})`)]);
    await userEvent.selectOptions(picker, rareTag);
    await waitFor(() => expect(listTraces.mock.lastCall![0]).toMatchObject({ tags: [rareTag], page: 1 }));
    const expected = traces.filter((t) => (t.tags as string[]).includes(rareTag));
    await waitFor(() => expect(within(panel).getByText(new RegExp(`of ${expected.length}$`))).toBeInTheDocument());
    expect(getFilterOptions).not.toHaveBeenCalled();
  });
});
