import { bucketBoundaries, bucketIndex, checkTimeZone, pickGranularity } from '../calendar.js';
import { UserlensError } from '../errors.js';
import { compareIds } from '../memory/buildIndex.js';
import { activitySpan } from '../memory/activitySpan.js';
import { noTraceFigures } from '../memory/Totals.js';
import { parseRange } from '../query.js';
import type { Activity, ActivityPoint, ActivityQuery, DateRange, Granularity, ModelUsage, ScoreSummary, UserFigure, UserQuery, UserStats } from '../types.js';
import { createMemoryClient } from '../memory/createMemoryClient.js';
import { SUMS, sumsOf, type ApiGeneration, type SumFigure } from './listUsers.js';
import type { LangfuseApi, MetricsFilter, MetricsQuery } from './langfuseApi.js';
import { METRICS_ENDPOINTS, metricLabel, metricNumber, metricsBounds, traceFilters } from './metricsRows.js';

/**
 * A heavy user's figures and activity from metrics v2 filtered by `userId` (a filter is free of
 * the top-N rule that grouping by it has): three requests whatever the user's volume, where
 * reading their records would take one per 1,000 observations and one per 100 traces.
 *
 * Langfuse aggregates observations, so these differ from the figure definitions where the README's
 * per-source table says: observations, tokens and cost are those that start in the range (not
 * every observation of the traces that start in it), a trace is counted by its root observations
 * (a trace with two roots twice), latency percentiles are ClickHouse's approximate quantiles of
 * root-observation latencies, and scores are those stamped in the range. Traces with an error,
 * sessions and the first trace cannot be counted there at all: the answer says so (`unavailable`).
 */

const ROW_LIMIT = 1000;
/** The list's observation sums (count, tokens, cost), asked and read the same way here. */
const SUM_METRICS = Object.values(SUMS).map((metric) => ({ ...metric }));
type Sums = Record<SumFigure, number>;

function add(target: Sums, sums: Sums): void {
  for (const figure of Object.keys(sums) as SumFigure[]) target[figure] += sums[figure];
}

const zero = (): Sums => ({ observationCount: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0, totalCost: 0 });

/** A group of root observations: the dimension as JSON's true, or as ClickHouse writes a boolean. */
const isRootRow = (row: Record<string, unknown>, i: number) => ['true', '1'].includes(metricLabel(row, 'isRootObservation', i) ?? '');

/** A bucket's start: ISO-8601, or ClickHouse's `YYYY-MM-DD hh:mm:ss` without a zone, which is UTC. */
function utcInstant(text: string | null): number {
  const plain = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text ?? '');
  return Date.parse(plain ? `${text!.replace(' ', 'T')}Z` : (text ?? ''));
}

/** A query of the user's observations (or scores) over the range; null when the range is empty. */
function userQuery(view: MetricsQuery['view'], userId: string, query: UserQuery, where: string, now: number, rest: Omit<MetricsQuery, 'view' | 'fromTimestamp' | 'toTimestamp' | 'filters'>): MetricsQuery | null {
  const bounds = metricsBounds(query.range, where, now);
  if (!bounds) return null;
  let filters: MetricsFilter[] = traceFilters(query.filters);
  // The scores views name the trace's release `traceRelease`.
  if (view !== 'observations') filters = filters.map((f) => (f.column === 'release' ? { ...f, column: 'traceRelease' } : f));
  return { view, ...rest, filters: [{ column: 'userId', operator: '=', value: userId, type: 'string' }, ...filters], ...bounds, config: { row_limit: ROW_LIMIT } };
}

/** Rows that fill the row limit may have been cut short: better no figure than a wrong one. */
function whole<T extends { data: unknown[] }>(answer: T, where: string): T {
  if (answer.data.length >= ROW_LIMIT) {
    throw new UserlensError('unsupported', `${where}: Langfuse's metrics answered ${ROW_LIMIT} rows, the most one query returns, so the figures may be cut short. Choose a shorter range or a coarser granularity.`, { where, field: 'range' });
  }
  return answer;
}

export async function partialUserStats(api: LangfuseApi, userId: string, query: UserQuery, lastEvent: string | null, signal: AbortSignal | undefined, now: number): Promise<UserStats> {
  const where = 'getUser';
  const observations = userQuery('observations', userId, query, where, now, {
    dimensions: [{ field: 'providedModelName' }, { field: 'isRootObservation' }],
    metrics: [...SUM_METRICS, { measure: 'latency', aggregation: 'p50' }, { measure: 'latency', aggregation: 'p95' }],
  });
  const [figures, scores] = await Promise.all([observations ? api.metrics(observations, signal).then((a) => whole(a, where).data) : [], userScores(api, userId, query, signal, now)]);

  const totals = zero();
  const models = new Map<string | null, ModelUsage>();
  let traceCount = 0;
  // Per group of roots: their count and percentiles, weighed together below.
  const roots: { count: number; p50: number | null; p95: number | null }[] = [];
  figures.forEach((row, i) => {
    const sums = sumsOf(row, i);
    add(totals, sums);
    const model = metricLabel(row, 'providedModelName', i);
    const usage = models.get(model) ?? { model, ...zero() };
    add(usage, sums);
    models.set(model, usage);
    if (isRootRow(row, i)) {
      traceCount += sums.observationCount;
      roots.push({ count: sums.observationCount, p50: metricNumber(row, 'p50_latency', i), p95: metricNumber(row, 'p95_latency', i) });
    }
  });
  // Roots of several models have a percentile per model; their count-weighted mean stands in
  // for the whole (exact when the roots share one model, as spans without one do).
  const latency = (key: 'p50' | 'p95') => {
    const known = roots.filter((group) => group[key] !== null && group.count > 0);
    const count = known.reduce((n, group) => n + group.count, 0);
    return count === 0 ? null : known.reduce((sum, group) => sum + group[key]! * group.count, 0) / count;
  };

  const unavailable: UserFigure[] = ['firstEvent', 'sessionCount', 'errorCount', 'errorRate'];
  if (lastEvent === null) unavailable.push('lastEvent');
  return {
    userId,
    firstEvent: null,
    lastEvent,
    traceCount,
    ...totals,
    sessionCount: 0,
    errorCount: 0,
    errorRate: null,
    latencyP50: latency('p50'),
    latencyP95: latency('p95'),
    scores,
    models: [...models.values()].sort(
      (a, b) => b.totalCost - a.totalCost || (a.model === b.model ? 0 : a.model === null ? 1 : b.model === null ? -1 : compareIds(a.model, b.model)),
    ),
    unavailable,
  };
}

/**
 * The user's NUMERIC and BOOLEAN scores by name from the scores-numeric view: those stamped in
 * the range, on their traces (a score on a session carries no user there). One request.
 */
export async function userScores(api: LangfuseApi, userId: string, query: UserQuery, signal: AbortSignal | undefined, now: number): Promise<ScoreSummary[]> {
  const where = 'getUser';
  const scores = userQuery('scores-numeric', userId, query, where, now, {
    dimensions: [{ field: 'name' }, { field: 'dataType' }],
    metrics: [
      { measure: 'count', aggregation: 'count' },
      { measure: 'value', aggregation: 'avg' },
    ],
  });
  const scoreRows = scores ? whole(await api.metrics(scores, signal), where).data : [];
  const byName = new Map<string, ScoreSummary & { sum: number }>();
  scoreRows.forEach((row, i) => {
    const name = metricLabel(row, 'name', i);
    const count = metricNumber(row, 'count_count', i) ?? 0;
    const mean = metricNumber(row, 'avg_value', i);
    if (name === null || count === 0 || mean === null) return;
    const summary = byName.get(name) ?? { name, dataType: 'BOOLEAN', count: 0, mean: 0, sum: 0 };
    if (metricLabel(row, 'dataType', i) !== 'BOOLEAN') summary.dataType = 'NUMERIC';
    summary.count += count;
    summary.sum += mean * count;
    byName.set(name, summary);
  });

  return [...byName.values()].sort((a, b) => compareIds(a.name, b.name)).map(({ name, dataType, count, sum }) => ({ name, dataType, count, mean: sum / count }));
}

/**
 * A heavy user's activity: one metrics query with a time dimension. Langfuse buckets in UTC,
 * so the answer says so (`timeZone: 'UTC'`) whatever zone was asked for.
 */
export async function partialActivity(api: LangfuseApi, query: ActivityQuery & { userId: string }, signal: AbortSignal | undefined, now: number): Promise<Activity> {
  const where = 'getActivity';
  checkTimeZone(query.timeZone, where);
  const range = parseRange(query.range, where);
  const requested = query.granularity ?? 'auto';
  // With both ends known, `auto` picks as every source does; an open side is closed by the data,
  // so days are asked for and grouped into weeks should the data span more than 120 days.
  const known = Number.isFinite(range.fromMs) && Number.isFinite(range.toMs);
  const asked = activitySpan(range, range.fromMs, range.toMs, requested, where);
  let granularity: Granularity = requested !== 'auto' ? asked.granularity : known ? asked.granularity : 'day';
  const read = async (bucket: Granularity) => {
    const metrics = userQuery('observations', query.userId, { ...(query.range ? { range: query.range } : {}), ...(query.filters ? { filters: query.filters } : {}) }, where, now, {
      dimensions: [{ field: 'isRootObservation' }],
      metrics: SUM_METRICS,
      timeDimension: { granularity: bucket },
    });
    return metrics ? (await api.metrics(metrics, signal)).data : [];
  };
  let rows = await read(granularity);
  // Days of a history too long for one answer: weeks instead (one request more, only then).
  if (rows.length >= ROW_LIMIT && requested === 'auto' && !known) rows = await read((granularity = 'week'));
  whole({ data: rows }, where);

  const buckets = rows.map((row, i) => {
    const at = utcInstant(metricLabel(row, 'time_dimension', i));
    if (!Number.isFinite(at)) {
      throw new UserlensError('invalid_response', `GET /api/public/v2/metrics answered a row (data[${i}]) without a time_dimension it could read.`, { where: 'GET /api/public/v2/metrics', field: `data.${i}.time_dimension` });
    }
    return { at, root: isRootRow(row, i), sums: sumsOf(row, i) };
  });
  const first = Math.min(...buckets.map((b) => b.at));
  const last = Math.max(...buckets.map((b) => b.at));
  const span = activitySpan(range, first, last, granularity, where);
  const final = requested === 'auto' && !known && span.toMs - span.fromMs > 0 ? pickGranularity(span.toMs - span.fromMs) : granularity;
  const step: Granularity = final === 'week' ? 'week' : granularity;
  if (!(span.fromMs < span.toMs)) return { granularity: step, points: [], timeZone: 'UTC', unavailable: ['errorCount'] };
  const boundaries = bucketBoundaries(span.fromMs, span.toMs, step, 'UTC', where);
  const points: ActivityPoint[] = boundaries.slice(1).map((end, i) => ({ start: new Date(boundaries[i]!).toISOString(), end: new Date(end).toISOString(), ...noTraceFigures() }));
  for (const { at, root, sums } of buckets) {
    const point = points[bucketIndex(boundaries, at)];
    if (!point) continue;
    add(point, sums);
    if (root) point.traceCount += sums.observationCount;
  }
  return { granularity: step, points, timeZone: 'UTC', unavailable: ['errorCount'] };
}

/**
 * A user with no trace in the range: zero figures when Langfuse has any observation of theirs
 * at all, else `null` (not found). One more request, made only in that case.
 */
export async function emptyStats(
  api: LangfuseApi,
  generation: ApiGeneration,
  userId: string,
  range: DateRange | undefined,
  signal: AbortSignal | undefined,
  now: () => number,
): Promise<UserStats | null> {
  const { fromMs, toMs } = parseRange(range, 'getUser');
  if (fromMs === -Infinity && toMs === Infinity) return null;
  const { data } = await (generation === 'v4' ? api.metrics : api.legacy.metrics)(
    {
      view: 'observations',
      metrics: [{ measure: 'count', aggregation: 'count' }],
      filters: [{ column: 'userId', operator: '=', value: userId, type: 'string' }],
      ...metricsBounds(undefined, 'getUser', now())!,
    },
    signal,
  );
  const count = data[0] ? (metricNumber(data[0], 'count_count', 0, METRICS_ENDPOINTS[generation]) ?? 0) : 0;
  if (count === 0) return null;
  // The memory client's zero figures, from one trace of the user outside the range.
  const outside = new Date(Number.isFinite(toMs) ? toMs : fromMs - 1).toISOString();
  return createMemoryClient({ traces: [{ id: 'outside-range', timestamp: outside, userId }] }).getUser(userId, { range });
}
