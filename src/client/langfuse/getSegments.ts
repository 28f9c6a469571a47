import { UserlensError } from '../errors.js';
import { compareIds } from '../memory/buildIndex.js';
import type { Segment, Segments, SegmentsQuery } from '../types.js';
import type { LangfuseApi, MetricsFilter } from './langfuseApi.js';
import type { ApiGeneration } from './listUsers.js';
import { HAS_USER, METRICS_ENDPOINTS, ROOTS_ONLY, metricLabel, metricNumber, metricsBounds, traceFilters } from './metricsRows.js';

/*
 * Segments from metrics v2, loaded on the first call: cost and tokens per environment, tag or release
 * (observations that start in the range, as the list counts them) and traces (root observations).
 * Langfuse cannot count distinct users per group (`userId` is a top-N dimension only), nor
 * traces with an error (an observation's level, not its trace's), and its score metrics filter
 * by the score's time rather than its trace's: users, cost per user, error rate and feedback are
 * `null` and listed as unavailable.
 */

/** The costliest (or busiest) groups read: a project with more environments, tags or releases shows these. */
const GROUPS = 1000;
const order = (metrics: { measure: string; aggregation: string }[]) => `${metrics[0]!.aggregation}_${metrics[0]!.measure}`;

export async function getSegments(api: LangfuseApi, generation: ApiGeneration, query: SegmentsQuery, signal: AbortSignal | undefined, now: () => number): Promise<Segments> {
  const where = 'getSegments';
  const { dimension, prefix = '' } = query;
  if (dimension !== 'environment' && dimension !== 'tags' && dimension !== 'release') {
    throw new UserlensError('unsupported', `${where}: Langfuse groups users by environment, tags or release here, not ${JSON.stringify(dimension)} (metadata is no metrics dimension).`, { where, field: 'dimension' });
  }
  const unavailable = ['userCount', 'costPerUser', 'errorRate', 'feedback'] as const;
  const bounds = metricsBounds(query.range, where, now());
  if (!bounds) return { dimension, segments: [], unavailable };
  const filters: MetricsFilter[] = [HAS_USER, ...traceFilters(query.filters)];
  const endpoint = METRICS_ENDPOINTS[generation];
  const grouped = (metrics: { measure: string; aggregation: string }[], roots: boolean) =>
    generation === 'v4' || !roots
      ? (generation === 'v4' ? api.metrics : api.legacy.metrics)(
          { view: 'observations', dimensions: [{ field: dimension }], metrics, filters: roots ? [ROOTS_ONLY, ...filters] : filters, ...bounds, orderBy: [{ field: order(metrics), direction: 'desc' }], config: { row_limit: GROUPS } },
          signal,
        )
      : // Legacy deployments count traces in their traces view.
        api.legacy.metrics({ view: 'traces', dimensions: [{ field: dimension }], metrics, filters, ...bounds, orderBy: [{ field: order(metrics), direction: 'desc' }], config: { row_limit: GROUPS } }, signal);
  const [sums, counts] = await Promise.all([
    grouped(
      [
        { measure: 'totalCost', aggregation: 'sum' },
        { measure: 'totalTokens', aggregation: 'sum' },
      ],
      false,
    ),
    grouped([{ measure: 'count', aggregation: 'count' }], true),
  ]);
  const groups = new Map<string | null, Segment>();
  const groupOf = (value: string | null) => {
    let group = groups.get(value);
    if (!group) {
      group = { value, userCount: null, traceCount: 0, totalTokens: 0, totalCost: 0, costPerUser: null, errorRate: null, feedback: null };
      groups.set(value, group);
    }
    return group;
  };
  // A row of one environment or tag; or, where Langfuse answers a tags group as a trace's whole
  // tag list, of each of its tags (a trace counts in each), `null` for a list without a match.
  const valuesOf = (row: Record<string, unknown>, i: number): (string | null)[] => {
    const value = row[dimension];
    if (Array.isArray(value)) {
      const tags = [...new Set(value.filter((tag): tag is string => typeof tag === 'string' && tag.startsWith(prefix)))];
      return tags.length > 0 ? tags : [null];
    }
    const label = metricLabel(row, dimension, i, endpoint);
    if (dimension === 'environment') return [label ?? 'default'];
    if (dimension === 'release') return [label];
    return label === null || !label.startsWith(prefix) ? (label === null ? [null] : []) : [label];
  };
  sums.data.forEach((row, i) => {
    for (const value of valuesOf(row, i)) {
      const group = groupOf(value);
      group.totalCost += metricNumber(row, 'sum_totalCost', i, endpoint) ?? 0;
      group.totalTokens += metricNumber(row, 'sum_totalTokens', i, endpoint) ?? 0;
    }
  });
  counts.data.forEach((row, i) => {
    for (const value of valuesOf(row, i)) groupOf(value).traceCount! += metricNumber(row, 'count_count', i, endpoint) ?? 0;
  });
  const segments = [...groups.values()];
  segments.sort((a, b) => b.totalCost - a.totalCost || (a.value === null ? 1 : b.value === null ? -1 : compareIds(a.value, b.value)));
  return { dimension, segments, unavailable };
}
