// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, DatasetObservation, Page, TraceRow, UserFigure } from '../../../src/core.ts';
import { createFixtures, generateDemoDataset } from '../../../src/testing/index.ts';
import { bucketFigures, compareBy, observationLatencyOf, observationSums, oracleScores, oracleSessions, oracleTraces, oracleUser, oracleUsers, percentile, tracesOf, type OracleSummary } from '../../oracle/oracle.ts';
import { asOracle, pair, roundCosts } from './harness.ts';

// Every figure the Langfuse client declares, checked against the oracle (test/oracle), which
// shares no code with src/: the fake and the client both compute through src/client/figures.ts,
// so checking one against the other, or against the memory client, would hide a bug there.

/**
 * The demo data states every generation's totalCost and usage total; real exports do not
 * always. Varied by position so that every fallback of the figure definitions is on the path:
 * cost from costDetails.total, cost as the sum of costDetails, total tokens as input + output.
 */
function withFallbacks(dataset: Dataset): Dataset {
  let generation = 0;
  const observations = dataset.observations!.map((o): DatasetObservation => {
    if (!o.model) return o;
    const n = generation++;
    const varied: DatasetObservation = { ...o };
    if (n % 3 === 1) varied.totalCost = null;
    if (n % 3 === 2) {
      const { total: _total, ...parts } = o.costDetails ?? {};
      varied.totalCost = null;
      varied.costDetails = { ...parts, cache: 0.0001 };
    }
    if (n % 2 === 1) {
      const { total: _total, ...parts } = o.usageDetails ?? {};
      varied.usageDetails = { ...parts, cache_read_input_tokens: 7 };
    }
    return varied;
  });
  return { ...dataset, observations };
}

// A fixed end: the same data on every run, with RANGE inside it.
const END = '2026-11-01T00:00:00.000Z';
const dataset = withFallbacks(generateDemoDataset({ seed: 11, users: 80, days: 20, end: END }));
const oracle = asOracle(dataset);
const RANGE = { from: '2026-10-20T00:00:00.000Z', to: '2026-10-27T00:00:00.000Z' };

// The oracle is slow on purpose: every user's summary is worked out once and re-sorted per field.
let everyone: OracleSummary[] | undefined;
function ranked(field: string): OracleSummary[] {
  everyone ??= oracleUsers(oracle, {});
  return [...everyone].sort(compareBy((row) => (row as unknown as Record<string, number>)[field]!, 'desc', (row) => row.userId));
}

/** Langfuse answers a category as its label only: its number is not compared. */
function withoutCategoryNumbers<T extends Pick<TraceRow, 'scores'>>(rows: T[]) {
  return rows.map((row) => ({ ...row, scores: row.scores.map((s) => ({ ...s, value: s.dataType === 'CATEGORICAL' ? null : s.value })) }));
}

function pick(user: object, figures: readonly (UserFigure | 'userId')[]) {
  return Object.fromEntries(figures.map((figure) => [figure, (user as Record<string, unknown>)[figure]]));
}

/** A page of `rows` as a source that counts them answers it. */
function pageOf<T>(rows: T[], pageSize: number): Page<T> {
  return { items: rows.slice(0, pageSize), page: 1, pageSize, total: rows.length, hasMore: pageSize < rows.length };
}

it('exercises every cost and token fallback of the figure definitions', () => {
  const obs = dataset.observations!;
  expect(obs.some((o) => o.totalCost == null && typeof o.costDetails?.total === 'number')).toBe(true);
  expect(obs.some((o) => o.totalCost == null && o.costDetails && Object.keys(o.costDetails).length > 0 && o.costDetails.total === undefined)).toBe(true);
  expect(obs.some((o) => o.usageDetails && Object.keys(o.usageDetails).length > 0 && o.usageDetails.total === undefined)).toBe(true);
});

describe.each(['v4', 'legacy'] as const)('Langfuse client (%s) — every figure as the oracle defines it', (api) => {
  // v4 reads the scores on sessions when asked to; legacy endpoints never do, so there the
  // figures are those of the dataset without them.
  const { langfuse } = pair(dataset, { fake: { api }, client: api === 'v4' ? { api, sessionScores: true } : { api } });
  const oracle = api === 'v4' ? asOracle(dataset) : asOracle({ ...dataset, scores: dataset.scores!.filter((score) => score.traceId) });
  const phaseOne = langfuse.capabilities.listFigures.filter((f) => !langfuse.capabilities.deferredFigures.includes(f));
  let userIds: string[] = [];

  beforeAll(() => {
    // The heaviest user, one from the middle and the lightest: different shapes of history.
    const byCost = ranked('totalCost');
    userIds = [byCost[0]!.userId, byCost[Math.floor(byCost.length / 2)]!.userId, byCost.at(-1)!.userId];
  });

  it.each(langfuse.capabilities.sortableFields)('ranks users by %s as the oracle does, with its list figures', async (field) => {
    const sort = { field, direction: 'desc' as const };
    const expected = ranked(field);
    const actual = await langfuse.listUsers({ sort, pageSize: 1000 });
    expect(actual.items.map((u) => u.userId)).toEqual(expected.map((u) => u.userId));
    expect(roundCosts(actual.items.map((u) => pick(u, phaseOne)))).toEqual(roundCosts(expected.map((u) => pick(u, phaseOne))));
    expect(actual.total).toBe(expected.length);
  });

  it('completes a page with the deferred figures', async () => {
    const ids = ranked('totalCost').slice(25, 50);
    const figures = await langfuse.getUserFigures!({ userIds: ids.map((u) => u.userId) });
    expect(figures.map((f) => pick(f, ['userId', ...langfuse.capabilities.deferredFigures]))).toEqual(
      ids.map((u) => pick(u, ['userId', ...langfuse.capabilities.deferredFigures])),
    );
  });

  it.each([
    ['all time', undefined],
    ['a week', RANGE],
  ])('answers every detail figure, trace, session, score and bucket of a user over %s', async (_, range) => {
    // Not a vacuous range: the heaviest user has several traces in it.
    expect(tracesOf(oracle, userIds[0]!, { range }).length).toBeGreaterThan(5);
    for (const userId of userIds) {
      const query = { userId, ...(range ? { range } : {}) };
      expect(roundCosts(await langfuse.getUser(userId, query))).toEqual(roundCosts(oracleUser(oracle, userId, query)));
      for (const sort of [undefined, { field: 'totalCost' as const, direction: 'desc' as const }]) {
        const traces = await langfuse.listTraces({ ...query, sort, pageSize: 20 });
        const expected = pageOf(oracleTraces(oracle, userId, { ...query, sort }), 20);
        expect(roundCosts({ ...traces, items: withoutCategoryNumbers(traces.items) })).toEqual(roundCosts({ ...expected, items: withoutCategoryNumbers(expected.items) }));
      }
      expect(roundCosts(await langfuse.listSessions({ ...query, pageSize: 50 }))).toEqual(roundCosts(pageOf(oracleSessions(oracle, userId, query), 50)));
      const scores = await langfuse.listScores({ ...query, pageSize: 100 });
      const withoutCategory = (rows: { dataType: string; value: number | null }[]) => rows.map((s) => ({ ...s, value: s.dataType === 'CATEGORICAL' ? null : s.value }));
      expect({ ...scores, items: withoutCategory(scores.items) }).toEqual(pageOf(withoutCategory(oracleScores(oracle, userId, query)), 100));

      // Buckets: contiguous, and each holds the figures of exactly the traces stamped inside it.
      const activity = await langfuse.getActivity(query);
      const traces = tracesOf(oracle, userId, query);
      expect(activity.points.length).toBeGreaterThan(0);
      activity.points.forEach((point, i) => {
        if (i > 0) expect(point.start).toBe(activity.points[i - 1]!.end);
      });
      expect(roundCosts(activity.points)).toEqual(roundCosts(activity.points.map((p) => bucketFigures(oracle, traces, p.start, p.end))));
      expect(activity.points.reduce((n, p) => n + p.traceCount, 0)).toBe(traces.length);
    }
  });

  it('honours environment and tag filters on a user', async () => {
    const userId = userIds[0]!;
    for (const filters of [{ environments: ['staging'] }, { tags: ['rag'] }, { environments: ['production'], tags: ['chat'] }]) {
      expect(roundCosts(await langfuse.getUser(userId, { filters }))).toEqual(roundCosts(oracleUser(oracle, userId, { filters })));
    }
  });

  it('tells a user with no trace in the range (zero figures) from an unknown one (null)', async () => {
    const empty = { from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' };
    const expected = oracleUser(oracle, userIds[0]!, { range: empty });
    expect(expected).toMatchObject({ traceCount: 0, totalCost: 0, latencyP50: null });
    expect(await langfuse.getUser(userIds[0]!, { range: empty })).toEqual(expected);
    expect(await langfuse.getUser('nobody-by-this-name', { range: empty })).toBeNull();
    expect(await langfuse.getUser('nobody-by-this-name')).toBeNull();
  });
});

describe('Langfuse client (v4) — a user past one read: figures from metrics, and how far they are from the definitions', () => {
  // A read of 20 observations: every user with more in the range gets the metrics figures.
  const { langfuse } = pair(dataset, { client: { api: 'v4', windowObservations: 20 } });
  const traceOf = new Map(dataset.traces!.map((trace) => [trace.id, trace]));
  const differences: Record<string, number[]> = { observationCount: [], totalCost: [], latencyP50: [], latencyP95: [], scores: [] };

  it.each([
    ['all time', undefined],
    ['a week', RANGE],
  ])('counts, over %s, what Langfuse aggregates: observations and scores that start in the range, traces by their roots', async (_, range) => {
    const query = range ? { range } : {};
    const inRange = (at: string) => !range || (at >= range.from && at < range.to);
    const users = ranked('observationCount').slice(0, 12);
    let partial = 0;
    for (const { userId } of users) {
      const definition = oracleUser(oracle, userId, query)!;
      const actual = (await langfuse.getUser(userId, query))!;
      if (!actual.unavailable) continue;
      partial++;
      expect(actual.unavailable).toEqual(expect.arrayContaining(['firstEvent', 'sessionCount', 'errorCount', 'errorRate']));
      // The user's observations that start in the range, whichever trace they are of.
      const started = dataset.observations!.filter((o) => traceOf.get(o.traceId!)?.userId === userId && inRange(o.startTime));
      const sums = observationSums(started);
      expect(roundCosts(pick(actual, ['observationCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost']))).toEqual(
        roundCosts({ observationCount: started.length, inputTokens: sums.input, outputTokens: sums.output, totalTokens: sums.total, totalCost: sums.cost }),
      );
      // One root per trace in the demo data: the trace count is the definition's.
      const roots = started.filter((o) => !o.parentObservationId);
      expect(actual.traceCount).toBe(roots.length);
      expect(actual.traceCount).toBe(definition.traceCount);
      // Percentiles of the roots' own latencies (nearest rank in the fake; ClickHouse approximates).
      const rootLatencies = roots.map(observationLatencyOf).filter((ms): ms is number => ms !== null);
      expect(actual.latencyP50).toBe(percentile(rootLatencies, 50));
      expect(actual.latencyP95).toBe(percentile(rootLatencies, 95));
      // Scores stamped in the range, on the user's traces (a session's scores carry no user).
      const stamped = dataset.scores!.filter((s) => s.traceId && traceOf.get(s.traceId)?.userId === userId && inRange(s.timestamp) && (s.dataType === 'NUMERIC' || s.dataType === 'BOOLEAN'));
      expect(actual.scores.reduce((n, s) => n + s.count, 0)).toBe(stamped.length);
      // The distance from the definitions, measured rather than hidden.
      const relative = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 0 : Math.abs(a - b) / b);
      differences.observationCount!.push(relative(actual.observationCount, definition.observationCount));
      differences.totalCost!.push(relative(actual.totalCost, definition.totalCost));
      differences.latencyP50!.push(relative(actual.latencyP50, definition.latencyP50));
      differences.latencyP95!.push(relative(actual.latencyP95, definition.latencyP95));
      differences.scores!.push(relative(actual.scores.reduce((n, s) => n + s.count, 0), definition.scores.reduce((n, s) => n + s.count, 0)));
      // The activity counts the same: its buckets add up to the figures.
      const activity = await langfuse.getActivity({ userId, ...query });
      expect(activity).toMatchObject({ timeZone: 'UTC', unavailable: ['errorCount'] });
      expect(activity.points.reduce((n, p) => n + p.traceCount, 0)).toBe(actual.traceCount);
      expect(activity.points.reduce((n, p) => n + p.totalCost, 0)).toBeCloseTo(actual.totalCost, 10);
    }
    expect(partial).toBeGreaterThan(5);
  });

  it('measures, on the demo data, how far the figures are from the definitions', () => {
    // Measured by the test before: run alone, this one has nothing to look at and fails.
    expect(differences.observationCount!.length).toBeGreaterThan(5);
    const worst = Object.fromEntries(Object.entries(differences).map(([figure, values]) => [figure, Math.max(...values)]));
    // Demo traces neither cross a range end nor outlast their root: those figures are exact.
    expect(worst).toMatchObject({ observationCount: 0, latencyP50: 0, latencyP95: 0 });
    expect(worst.totalCost).toBeLessThan(1e-12);
    // Scores differ by those on sessions (no user on them) and those stamped after the range.
    expect(worst.scores).toBeGreaterThan(0);
  });

  it('differs from the definitions exactly where the README says, and by how much', async () => {
    const f = createFixtures();
    const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 0, minute)).toISOString();
    const range = { from: at(10), to: at(10 + 60 * 24) };
    for (let t = 0; t < 30; t++) {
      const trace = f.trace({ userId: 'edge', timestamp: at(20 + t) });
      const root = f.observation({ type: 'SPAN', startTime: trace.timestamp, endTime: at(20 + t + 1) });
      // Each child outlasts its root by a minute.
      f.observation({ parentObservationId: root.id, startTime: trace.timestamp, endTime: at(20 + t + 2), totalCost: 1 });
      f.score({ value: 1, timestamp: trace.timestamp });
    }
    // Started before the range, a child inside it: in no trace of the range, yet it starts there.
    const before = f.trace({ userId: 'edge', timestamp: at(5) });
    const early = f.observation({ type: 'SPAN', startTime: before.timestamp, endTime: at(6) });
    f.observation({ parentObservationId: early.id, startTime: at(15), endTime: at(16), totalCost: 10 });
    // A trace of the range with a second root (OpenTelemetry allows it), whose child outlasts it by an hour.
    const twoRoots = f.trace({ userId: 'edge', timestamp: at(100) });
    f.observation({ type: 'SPAN', startTime: twoRoots.timestamp, endTime: at(101) });
    const second = f.observation({ type: 'SPAN', startTime: at(102), endTime: at(103) });
    f.observation({ parentObservationId: second.id, startTime: at(102), endTime: at(160), totalCost: 100 });
    // A score given two days after its trace, past the range's end.
    f.score({ traceId: twoRoots.id, value: 0, timestamp: at(3 * 24 * 60) });
    const edge = f.dataset();
    const { langfuse } = pair(edge, { client: { windowObservations: 20 } });
    const definition = oracleUser(asOracle(edge), 'edge', { range })!;
    const actual = (await langfuse.getUser('edge', { range }))!;
    expect(definition).toMatchObject({ traceCount: 31, observationCount: 63, totalCost: 130 });
    // One trace more (the second root), the child from before the range in, 10 dollars more.
    expect(actual).toMatchObject({ traceCount: 32, observationCount: 64, totalCost: 140 });
    // The score stamped after the range is left out: 30 of 31.
    expect(definition.scores).toEqual([{ name: 'quality', dataType: 'NUMERIC', count: 31, mean: 30 / 31 }]);
    expect(actual.scores).toEqual([{ name: 'quality', dataType: 'NUMERIC', count: 30, mean: 1 }]);
    // A trace lasts until its last observation ends; a root, until it ends itself: 2 minutes against 1.
    expect(definition.latencyP50).toBe(2 * 60_000);
    expect(actual.latencyP50).toBe(60_000);
  });
});
