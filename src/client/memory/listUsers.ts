import { isScoreFigure } from '../figures.js';
import { parsePaging, parseSort, toPage } from '../query.js';
import type { Page, UserSortField, UserSummary, UsersQuery } from '../types.js';
import { firstK, keyComparator } from './firstK.js';
import { userSummary } from './userSummary.js';
import type { MemoryIndex } from './buildIndex.js';
import { NUMERIC_FIGURES, userRows } from './collectUsers.js';

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
  const rows = userRows(index, query, WHERE);
  // Rows are in userId order (user numbers ascend with them), so row numbers break ties by userId.
  const key = sort.field === 'userId' ? rows.user : rows.figure(sort.field);
  const pageRows = firstK(rows.count, paging.offset + paging.pageSize, keyComparator(key, sort.direction, (a, b) => a - b)).slice(paging.offset);
  const items = pageRows.map((row) => userSummary(index, rows.user[row]!, rows.lo[row]!, rows.hi[row]!, rows.filter, rows.sums(row)));
  return toPage(items, paging, rows.count);
}
