import { UserlensError } from '../errors.js';
import { parsePaging, parseSort } from '../query.js';
import type { FilterOptions, Page, UserSortField, UserSummary, UsersQuery, UsersSelection } from '../types.js';
import type { LangfuseApi, MetricsFilter } from './langfuseApi.js';

/** Which Langfuse API generation a call goes to: v4, or the legacy endpoints of v3 deployments. */
export type ApiGeneration = 'v4' | 'legacy';
import { HAS_USER, ROOTS_ONLY, metricLabel, metricNumber, metricsBounds, traceFilters } from './metricsRows.js';

/**
 * The user list over metrics v2. Langfuse accepts `userId` as a dimension only as a top-N query
 * (explicit `row_limit` ≤ 1000, ordered by a selected measure descending, no time dimension), so
 * one request ranks the top users by the sort figure and pages are cut from that ranking.
 */

export const TOP_N_LIMIT = 1000;

/** List figures one observations query carries, by the metric alias Langfuse answers with. */
const SUMS = {
  observationCount: { measure: 'count', aggregation: 'count' },
  inputTokens: { measure: 'inputTokens', aggregation: 'sum' },
  outputTokens: { measure: 'outputTokens', aggregation: 'sum' },
  totalTokens: { measure: 'totalTokens', aggregation: 'sum' },
  totalCost: { measure: 'totalCost', aggregation: 'sum' },
} as const;
type SumFigure = keyof typeof SUMS;

export const LANGFUSE_SORT_FIELDS = ['totalCost', 'totalTokens', 'inputTokens', 'outputTokens', 'observationCount'] as const satisfies readonly UserSortField[];
const alias = (figure: SumFigure) => `${SUMS[figure].aggregation}_${SUMS[figure].measure}`;

export async function listUsers(api: LangfuseApi, generation: ApiGeneration, query: UsersQuery, maxPageSize: number, signal?: AbortSignal): Promise<Page<UserSummary>> {
  const where = 'listUsers';
  const paging = parsePaging(query, maxPageSize, where);
  const sort = parseSort(query.sort, LANGFUSE_SORT_FIELDS as readonly UserSortField[], { field: 'totalCost', direction: 'desc' }, where);
  if (sort.direction !== 'desc') {
    throw new UserlensError('invalid_query', `${where}: Langfuse ranks users by a figure descending only; sort ${sort.field} with direction "desc".`, { where, field: 'sort.direction' });
  }
  if (query.bands?.length) {
    throw new UserlensError('invalid_query', `${where}: Langfuse cannot keep users by a band of their figures (capabilities.bandFields is empty); leave bands out.`, { where, field: 'bands' });
  }
  const filters: MetricsFilter[] = [HAS_USER, ...traceFilters(query.filters)];
  const search = query.search?.trim();
  if (search) filters.push({ column: 'userId', operator: 'contains', value: search, type: 'string' });
  const sortAlias = alias(sort.field as SumFigure);
  // Metrics v1 takes the same query; it has no top-N rule, which the query meets anyway.
  const metrics = generation === 'v4' ? api.metrics : api.legacy.metrics;
  const { data } = await metrics(
    {
      view: 'observations',
      dimensions: [{ field: 'userId' }],
      metrics: Object.values(SUMS).map((metric) => ({ ...metric })),
      filters,
      ...metricsBounds(query.range, where),
      orderBy: [{ field: sortAlias, direction: 'desc' }],
      config: { row_limit: TOP_N_LIMIT },
    },
    signal,
  );
  const rows = data.flatMap((row, i) => {
    const userId = metricLabel(row, 'userId', i);
    if (userId === null) return [];
    const summary: Partial<UserSummary> & { userId: string } = { userId };
    for (const figure of Object.keys(SUMS) as SumFigure[]) summary[figure] = metricNumber(row, alias(figure), i) ?? 0;
    return [summary];
  });
  // Langfuse orders by the measure only; ties are broken by user id here, as every source does.
  rows.sort((a, b) => b[sort.field as SumFigure]! - a[sort.field as SumFigure]! || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const items = rows.slice(paging.offset, paging.offset + paging.pageSize);
  // Rows the list does not carry (see capabilities.listFigures) are left unset, never zero.
  return { items: items as UserSummary[], page: paging.page, pageSize: paging.pageSize, total: rows.length, hasMore: paging.offset + items.length < rows.length };
}

/**
 * The second phase of a list page: trace count and latency percentiles of the page's users, in
 * one query filtered to those users — over root observations on v4 (one per trace, spanning
 * it), over the traces view on legacy deployments.
 */
export async function getUserFigures(api: LangfuseApi, generation: ApiGeneration, query: UsersSelection, signal?: AbortSignal): Promise<Partial<UserSummary>[]> {
  const where = 'getUserFigures';
  const userIds = [...new Set(query.userIds)];
  if (userIds.length === 0) return [];
  if (userIds.length > TOP_N_LIMIT) {
    throw new UserlensError('invalid_query', `${where}: at most ${TOP_N_LIMIT} users at once, got ${userIds.length}.`, { where, field: 'userIds' });
  }
  const common = {
    dimensions: [{ field: 'userId' }],
    metrics: [
      { measure: 'count', aggregation: 'count' },
      { measure: 'latency', aggregation: 'p50' },
      { measure: 'latency', aggregation: 'p95' },
    ],
    ...metricsBounds(query.range, where),
    orderBy: [{ field: 'count_count', direction: 'desc' as const }],
    config: { row_limit: userIds.length },
  };
  const byIds: MetricsFilter[] = [{ column: 'userId', operator: 'any of', value: userIds, type: 'stringOptions' }, ...traceFilters(query.filters)];
  const { data } =
    generation === 'v4'
      ? await api.metrics({ view: 'observations', ...common, filters: [ROOTS_ONLY, ...byIds] }, signal)
      : await api.legacy.metrics({ view: 'traces', ...common, filters: byIds }, signal);
  const byUser = new Map<string, Partial<UserSummary>>();
  data.forEach((row, i) => {
    const userId = metricLabel(row, 'userId', i);
    if (userId === null) return;
    byUser.set(userId, {
      userId,
      traceCount: metricNumber(row, 'count_count', i) ?? 0,
      latencyP50: metricNumber(row, 'p50_latency', i),
      latencyP95: metricNumber(row, 'p95_latency', i),
    });
  });
  // A user of the page with no trace in the range has none: zero traces, no latency.
  return userIds.map((userId) => byUser.get(userId) ?? { userId, traceCount: 0, latencyP50: null, latencyP95: null });
}

/** Environments and tags present in the range: one grouped query each, in parallel. */
export async function getFilterOptions(api: LangfuseApi, generation: ApiGeneration, query: { range?: UsersQuery['range'] }, signal?: AbortSignal): Promise<FilterOptions> {
  const bounds = metricsBounds(query.range, 'getFilterOptions');
  const metrics = generation === 'v4' ? api.metrics : api.legacy.metrics;
  const values = async (field: 'environment' | 'tags') => {
    const { data } = await metrics(
      {
        view: 'observations',
        dimensions: [{ field }],
        metrics: [{ measure: 'count', aggregation: 'count' }],
        filters: [HAS_USER],
        ...bounds,
        config: { row_limit: TOP_N_LIMIT },
      },
      signal,
    );
    const found = new Set<string>();
    data.forEach((row, i) => {
      const value = row[field];
      // A tags group may arrive as the tag or as the observation's whole tag array.
      if (Array.isArray(value)) value.forEach((tag) => typeof tag === 'string' && tag && found.add(tag));
      else {
        const label = metricLabel(row, field, i);
        if (label !== null) found.add(label);
      }
    });
    return [...found].sort();
  };
  const [environments, tags] = await Promise.all([values('environment'), values('tags')]);
  return { environments, tags };
}
