// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, TraceRow, UserFigure, UserSummary } from '../../../src/core.ts';
import { generateDemoDataset } from '../../../src/testing/index.ts';
import { pair, roundCosts } from './harness.ts';

// The same generated dataset behind the memory client and behind the fake Langfuse: every figure
// the Langfuse client declares must equal the memory client's.
const dataset = generateDemoDataset({ seed: 11, users: 80, days: 20 });
const RANGE = { from: '2026-10-20T00:00:00.000Z', to: '2026-10-27T00:00:00.000Z' };

/** Langfuse answers a category as its label only: its number is not compared. */
function withoutCategoryNumbers(page: Page<TraceRow>) {
  return { ...page, items: page.items.map((row) => ({ ...row, scores: row.scores.map((s) => ({ ...s, value: s.dataType === 'CATEGORICAL' ? null : s.value })) })) };
}

function pick(user: Partial<UserSummary>, figures: readonly (UserFigure | 'userId')[]) {
  return Object.fromEntries(figures.map((figure) => [figure, user[figure]]));
}

describe.each(['v4', 'legacy'] as const)('Langfuse client (%s) — parity with the memory client', (api) => {
  const { memory, langfuse } = pair(dataset, { fake: { api }, client: { api } });
  const phaseOne = langfuse.capabilities.listFigures.filter((f) => !langfuse.capabilities.deferredFigures.includes(f));
  let userIds: string[] = [];

  beforeAll(async () => {
    const page = await memory.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 1000 });
    // The heaviest user, one from the middle and the lightest: different shapes of history.
    const items = page.items;
    userIds = [items[0]!.userId, items[Math.floor(items.length / 2)]!.userId, items.at(-1)!.userId];
  });

  it.each(langfuse.capabilities.sortableFields)('ranks users by %s like the memory client, with the same list figures', async (field) => {
    const sort = { field, direction: 'desc' as const };
    const [expected, actual] = await Promise.all([memory.listUsers({ sort, pageSize: 1000 }), langfuse.listUsers({ sort, pageSize: 1000 })]);
    expect(actual.items.map((u) => u.userId)).toEqual(expected.items.map((u) => u.userId));
    expect(roundCosts(actual.items.map((u) => pick(u, phaseOne)))).toEqual(roundCosts(expected.items.map((u) => pick(u, phaseOne))));
    expect(actual.total).toBe(expected.total);
  });

  it('completes a page with the deferred figures the memory client computes', async () => {
    const page = await memory.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 25, page: 2 });
    const ids = page.items.map((u) => u.userId);
    const figures = await langfuse.getUserFigures!({ userIds: ids });
    expect(figures.map((f) => pick(f, ['userId', ...langfuse.capabilities.deferredFigures]))).toEqual(
      page.items.map((u) => pick(u, ['userId', ...langfuse.capabilities.deferredFigures])),
    );
  });

  it.each([
    ['all time', undefined],
    ['a week', RANGE],
  ])('answers every detail figure, trace, session, score and bucket of a user over %s', async (_, range) => {
    for (const userId of userIds) {
      const query = { userId, ...(range ? { range } : {}) };
      expect(roundCosts(await langfuse.getUser(userId, query))).toEqual(roundCosts(await memory.getUser(userId, query)));
      for (const sort of [undefined, { field: 'totalCost' as const, direction: 'desc' as const }]) {
        const [traces, expectedTraces] = await Promise.all([langfuse.listTraces({ ...query, sort, pageSize: 20 }), memory.listTraces({ ...query, sort, pageSize: 20 })]);
        expect(roundCosts(withoutCategoryNumbers(traces))).toEqual(roundCosts(withoutCategoryNumbers(expectedTraces)));
      }
      expect(roundCosts(await langfuse.listSessions({ ...query, pageSize: 50 }))).toEqual(roundCosts(await memory.listSessions({ ...query, pageSize: 50 })));
      const [scores, expectedScores] = await Promise.all([langfuse.listScores({ ...query, pageSize: 100 }), memory.listScores({ ...query, pageSize: 100 })]);
      expect(scores.items.map((s) => ({ ...s, value: s.dataType === 'CATEGORICAL' ? null : s.value }))).toEqual(
        expectedScores.items.map((s) => ({ ...s, value: s.dataType === 'CATEGORICAL' ? null : s.value })),
      );
      expect(roundCosts(await langfuse.getActivity(query))).toEqual(roundCosts(await memory.getActivity(query)));
    }
  });

  it('honours environment and tag filters on a user', async () => {
    const userId = userIds[0]!;
    for (const filters of [{ environments: ['staging'] }, { tags: ['rag'] }, { environments: ['production'], tags: ['chat'] }]) {
      expect(roundCosts(await langfuse.getUser(userId, { filters }))).toEqual(roundCosts(await memory.getUser(userId, { filters })));
    }
  });

  it('tells a user with no trace in the range (zero figures) from an unknown one (null)', async () => {
    const empty = { from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' };
    expect(await langfuse.getUser(userIds[0]!, { range: empty })).toEqual(await memory.getUser(userIds[0]!, { range: empty }));
    expect(await langfuse.getUser('nobody-by-this-name', { range: empty })).toBeNull();
    expect(await langfuse.getUser('nobody-by-this-name')).toBeNull();
  });
});
