import { isScoreFigure } from '../figures.js';
import { parsePaging, parseSort, toPage } from '../query.js';
import type { Page, UserSortField, UserSummary, UsersQuery } from '../types.js';
import { firstK, keyComparator } from './sortByKey.js';
import { Totals } from './Totals.js';
import { userSummary } from './userSummary.js';
import type { MemoryIndex } from './buildIndex.js';
import { NUMERIC_FIGURES, UserRows } from './collectUsers.js';

export const USER_SORT_FIELDS: readonly UserSortField[] = ['userId', 'firstEvent', 'lastEvent', ...NUMERIC_FIGURES];

const DEFAULT_SORT = { field: 'lastEvent', direction: 'desc' } as const;
const WHERE = 'listUsers';

/**
 * Users with at least one trace in the range that passes the filters, search and bands,
 * sorted and paged. Score summaries and latency percentiles of the page's users are computed
 * for the page alone.
 */
export function listUsers(index: MemoryIndex, query: UsersQuery, maxPageSize: number): Page<UserSummary> {
  const paging = parsePaging(query, maxPageSize, WHERE);
  // A score's mean sorts as any figure, users without that score last.
  const sort = parseSort(query.sort, isScoreFigure(query.sort?.field) ? [query.sort.field] : USER_SORT_FIELDS, DEFAULT_SORT, WHERE);
  const rows = new UserRows(index, query, WHERE);
  const order = Array.from({ length: rows.count }, (_, row) => row);
  // Users are numbered in userId order, so comparing numbers breaks ties by userId.
  const byUser = (a: number, b: number) => rows.user[a]! - rows.user[b]!;
  const compare =
    sort.field === 'userId'
      ? (a: number, b: number) => (sort.direction === 'asc' ? byUser(a, b) : byUser(b, a))
      : keyComparator(rows.figure(sort.field), sort.direction, byUser);
  const pageRows = firstK(order, paging.offset + paging.pageSize, compare).slice(paging.offset);
  const totals = new Totals(index);
  const items = pageRows.map((row) => {
    const lo = rows.lo[row]!;
    const hi = rows.hi[row]!;
    return userSummary(index, rows.user[row]!, lo, hi, rows.filter, totals.sum(index, lo, hi, rows.filter));
  });
  return toPage(items, paging, rows.count);
}
