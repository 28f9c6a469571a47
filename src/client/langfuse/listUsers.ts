import { UserlensError } from '../errors.js';
import { compareIds } from '../memory/buildIndex.js';
import { parsePaging, parseSort } from '../query.js';
import type { Page, UserSortField, UserSummary, UsersQuery, UsersSelection } from '../types.js';
import type { LangfuseApi, MetricsFilter } from './langfuseApi.js';

/** Which Langfuse API generation a call goes to: v4, or the legacy endpoints of v3 deployments. */
export type ApiGeneration = 'v4' | 'legacy';
import { HAS_USER, METRICS_ENDPOINTS, ROOTS_ONLY, metricLabel, metricNumber, metricsBounds, traceFilters } from './metricsRows.js';

/**
 * The user list over metrics v2. Langfuse accepts `userId` as a dimension only as a top-N query
 * (explicit `row_limit` ≤ 1000, ordered by a selected measure descending, no time dimension), so
 * one request ranks the top users by the sort figure and pages are cut from that ranking.
 */

export const TOP_N_LIMIT = 1000;

/** The observation sums one metrics query carries, by the metric alias Langfuse answers with. */
export const SUMS = {
  observationCount: { measure: 'count', aggregation: 'count' },
  inputTokens: { measure: 'inputTokens', aggregation: 'sum' },
  outputTokens: { measure: 'outputTokens', aggregation: 'sum' },
  totalTokens: { measure: 'totalTokens', aggregation: 'sum' },
  totalCost: { measure: 'totalCost', aggregation: 'sum' },
} as const;
export type SumFigure = keyof typeof SUMS;

export const LANGFUSE_SORT_FIELDS = ['totalCost', 'totalTokens', 'inputTokens', 'outputTokens', 'observationCount'] as const satisfies readonly UserSortField[];
const alias = (figure: SumFigure) => `${SUMS[figure].aggregation}_${SUMS[figure].measure}`;

/** A metrics row's observation sums, by figure (0 for an empty aggregate). */
export function sumsOf(row: Record<string, unknown>, i: number, endpoint?: string): Record<SumFigure, number> {
  const sums = {} as Record<SumFigure, number>;
  for (const figure of Object.keys(SUMS) as SumFigure[]) sums[figure] = metricNumber(row, alias(figure), i, endpoint) ?? 0;
  return sums;
}

export async function listUsers(api: LangfuseApi, generation: ApiGeneration, query: UsersQuery, maxPageSize: number, signal?: AbortSignal, now: () => number = Date.now): Promise<Page<UserSummary>> {
  const where = 'listUsers';
  const paging = parsePaging(query, maxPageSize, where);
  const sort = parseSort(query.sort, LANGFUSE_SORT_FIELDS as readonly UserSortField[], { field: 'totalCost', direction: 'desc' }, where);
  if (sort.direction !== 'desc') {
    throw new UserlensError('unsupported', `${where}: Langfuse ranks users by a figure descending only; sort ${sort.field} with direction "desc".`, { where, field: 'sort.direction' });
  }
  if (query.bands?.length) {
    throw new UserlensError('unsupported', `${where}: Langfuse cannot keep users by a band of their figures (capabilities.bandFields is empty); leave bands out.`, { where, field: 'bands' });
  }
  const filters: MetricsFilter[] = [HAS_USER, ...traceFilters(query.filters)];
  const search = query.search?.trim();
  if (search) filters.push({ column: 'userId', operator: 'contains', value: search, type: 'string' });
  const sortAlias = alias(sort.field as SumFigure);
  const bounds = metricsBounds(query.range, where, now());
  const only = query.userIds && [...new Set(query.userIds)];
  if (!bounds || only?.length === 0) return { items: [], page: paging.page, pageSize: paging.pageSize, total: 0, hasMore: false };
  // Metrics v1 takes the same query; it has no top-N rule, which the query meets anyway.
  const metrics = generation === 'v4' ? api.metrics : api.legacy.metrics;
  // Kept to given users, one request per URL's worth of ids; each answers distinct users.
  const answers = await Promise.all(
    (only ? chunkByLength(only, USER_IDS_PER_REQUEST_CHARS) : [null]).map((ids) =>
      metrics(
        {
          view: 'observations',
          dimensions: [{ field: 'userId' }],
          metrics: Object.values(SUMS).map((metric) => ({ ...metric })),
          filters: ids ? [...filters, { column: 'userId', operator: 'any of', value: ids, type: 'stringOptions' }] : filters,
          ...bounds,
          orderBy: [{ field: sortAlias, direction: 'desc' }],
          config: { row_limit: TOP_N_LIMIT },
        },
        signal,
      ),
    ),
  );
  const endpoint = METRICS_ENDPOINTS[generation];
  const once = new RowPerUser(endpoint);
  const rows = answers.flatMap(({ data }) => data).flatMap((row, i) => {
    const userId = metricLabel(row, 'userId', i, endpoint);
    if (userId === null) return [];
    once.check(userId, i);
    const summary: Partial<UserSummary> & { userId: string } = { userId };
    Object.assign(summary, sumsOf(row, i, endpoint));
    return [summary];
  });
  // Langfuse orders by the measure only; ties are broken by user id here, as every source does.
  rows.sort((a, b) => b[sort.field as SumFigure]! - a[sort.field as SumFigure]! || compareIds(a.userId, b.userId));
  const items = rows.slice(paging.offset, paging.offset + paging.pageSize);
  // Rows the list does not carry (see capabilities.listFigures) are left unset, never zero.
  return { items: items as UserSummary[], page: paging.page, pageSize: paging.pageSize, total: rows.length, hasMore: paging.offset + items.length < rows.length };
}

/**
 * The second phase of a list page: the trace count of the page's users, filtered to those users
 * — root observations on v4 (one per trace, starting at its timestamp), the traces view on
 * legacy deployments. One request for a page of ordinary ids; ids are split over more requests
 * only where one URL would grow past what servers accept.
 */
export async function getUserFigures(api: LangfuseApi, generation: ApiGeneration, query: UsersSelection, signal?: AbortSignal, now: () => number = Date.now): Promise<Partial<UserSummary>[]> {
  const where = 'getUserFigures';
  const userIds = [...new Set(query.userIds)];
  const bounds = metricsBounds(query.range, where, now());
  const counts = new Map<string, number>();
  if (bounds && userIds.length > 0) {
    const answers = await Promise.all(
      chunkByLength(userIds, USER_IDS_PER_REQUEST_CHARS).map((ids) => {
        const common = {
          dimensions: [{ field: 'userId' }],
          metrics: [{ measure: 'count', aggregation: 'count' }],
          ...bounds,
          orderBy: [{ field: 'count_count', direction: 'desc' as const }],
          config: { row_limit: ids.length },
        };
        const byIds: MetricsFilter[] = [{ column: 'userId', operator: 'any of', value: ids, type: 'stringOptions' }, ...traceFilters(query.filters)];
        return generation === 'v4'
          ? api.metrics({ view: 'observations', ...common, filters: [ROOTS_ONLY, ...byIds] }, signal)
          : api.legacy.metrics({ view: 'traces', ...common, filters: byIds }, signal);
      }),
    );
    const endpoint = METRICS_ENDPOINTS[generation];
    for (const { data } of answers) {
      const once = new RowPerUser(endpoint);
      data.forEach((row, i) => {
        const userId = metricLabel(row, 'userId', i, endpoint);
        if (userId === null) return;
        once.check(userId, i);
        counts.set(userId, metricNumber(row, 'count_count', i, endpoint) ?? 0);
      });
    }
  }
  // A user of the page with no trace in the range has none.
  return userIds.map((userId) => ({ userId, traceCount: counts.get(userId) ?? 0 }));
}

/**
 * Grouped by `userId`, an answer holds a user at most once: a second row would be shown twice
 * and counted twice in the total, so it is an `invalid_response` naming both rows.
 */
class RowPerUser {
  private readonly rowOf = new Map<string, number>();
  constructor(private readonly endpoint: string) {}

  check(userId: string, row: number): void {
    const first = this.rowOf.get(userId);
    if (first === undefined) {
      this.rowOf.set(userId, row);
      return;
    }
    throw new UserlensError('invalid_response', `${this.endpoint} answered user ${JSON.stringify(userId)} in two rows (data[${first}] and data[${row}]) of one answer grouped by userId. The source may be a version userlens does not speak; see the README's "Connect to Langfuse".`, {
      where: this.endpoint,
      field: `data.${row}.userId`,
    });
  }
}

/** About 5 kB of ids once JSON- and URL-encoded: the URL stays within the 8 kB request lines servers and proxies accept. */
const USER_IDS_PER_REQUEST_CHARS = 4_000;

/** Consecutive groups of ids whose lengths add up to at most `budget` (at least one id each). */
function chunkByLength(ids: readonly string[], budget: number): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const id of ids) {
    if (chunk.length > 0 && length + id.length + 3 > budget) {
      chunks.push(chunk);
      chunk = [];
      length = 0;
    }
    chunk.push(id);
    length += id.length + 3;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
