import { parsePaging, parseRange, parseSort, toPage } from '../query.js';
import type { Page, UserSortField, UserSummary, UsersQuery } from '../types.js';
import {
  TraceFilter,
  Totals,
  latencyPercentiles,
  sortByKey,
  userSlice,
  userSummary,
} from './aggregate.js';
import type { MemoryIndex } from './buildIndex.js';

export const USER_SORT_FIELDS: readonly UserSortField[] = [
  'userId',
  'firstEvent',
  'lastEvent',
  'traceCount',
  'observationCount',
  'sessionCount',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'totalCost',
  'errorCount',
  'errorRate',
  'latencyP50',
  'latencyP95',
];

const DEFAULT_SORT = { field: 'lastEvent', direction: 'desc' } as const;
const WHERE = 'listUsers';

type Column = Exclude<UserSortField, 'userId' | 'errorRate' | 'latencyP50' | 'latencyP95'>;
const COLUMNS: readonly Column[] = [
  'firstEvent',
  'lastEvent',
  'traceCount',
  'observationCount',
  'sessionCount',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'totalCost',
  'errorCount',
];

/**
 * Users with at least one trace in the range that passes the filters, sorted and paged.
 * One pass sums every user's traces into columns; latency percentiles are computed for every
 * row only when sorting by them, and otherwise, like score summaries, for the page alone.
 */
export function listUsers(index: MemoryIndex, query: UsersQuery, maxPageSize: number): Page<UserSummary> {
  const range = parseRange(query.range, WHERE);
  const paging = parsePaging(query, maxPageSize, WHERE);
  const sort = parseSort(query.sort, USER_SORT_FIELDS, DEFAULT_SORT, WHERE);
  const filter = new TraceFilter(index, query.filters);
  const needle = query.search ? query.search.toLowerCase() : '';

  const userCount = index.users.length;
  const rowUser = new Int32Array(userCount);
  const rowLo = new Int32Array(userCount);
  const rowHi = new Int32Array(userCount);
  const columns = Object.fromEntries(COLUMNS.map((name) => [name, new Float64Array(userCount)])) as Record<
    Column,
    Float64Array
  >;
  const totals = new Totals(index);
  let rows = 0;
  for (let u = 0; u < userCount; u++) {
    if (needle && !index.usersLower[u]!.includes(needle)) continue;
    const [lo, hi] = userSlice(index, u, range);
    if (lo === hi) continue;
    totals.sum(index, lo, hi, filter);
    if (totals.traceCount === 0) continue;
    rowUser[rows] = u;
    rowLo[rows] = lo;
    rowHi[rows] = hi;
    columns.firstEvent[rows] = totals.firstMs;
    columns.lastEvent[rows] = totals.lastMs;
    columns.traceCount[rows] = totals.traceCount;
    columns.observationCount[rows] = totals.observationCount;
    columns.sessionCount[rows] = totals.sessionCount;
    columns.inputTokens[rows] = totals.inputTokens;
    columns.outputTokens[rows] = totals.outputTokens;
    columns.totalTokens[rows] = totals.totalTokens;
    columns.totalCost[rows] = totals.totalCost;
    columns.errorCount[rows] = totals.errorCount;
    rows++;
  }

  const order = Array.from({ length: rows }, (_, row) => row);
  // Users are numbered in userId order, so comparing numbers breaks ties by userId.
  const byUser = (a: number, b: number) => rowUser[a]! - rowUser[b]!;
  if (sort.field === 'userId') {
    order.sort((a, b) => (sort.direction === 'asc' ? byUser(a, b) : byUser(b, a)));
  } else {
    sortByKey(order, sortKey(sort.field, index, rows, rowLo, rowHi, columns, filter), sort.direction, byUser);
  }

  const items: UserSummary[] = [];
  const end = Math.min(rows, paging.offset + paging.pageSize);
  for (let i = paging.offset; i < end; i++) {
    const row = order[i]!;
    const u = rowUser[row]!;
    items.push(userSummary(index, u, rowLo[row]!, rowHi[row]!, filter, totals.sum(index, rowLo[row]!, rowHi[row]!, filter)));
  }
  return toPage(items, paging, rows);
}

function sortKey(
  field: Exclude<UserSortField, 'userId'>,
  index: MemoryIndex,
  rows: number,
  rowLo: Int32Array,
  rowHi: Int32Array,
  columns: Record<Column, Float64Array>,
  filter: TraceFilter,
): Float64Array {
  if (field === 'errorRate') {
    const key = new Float64Array(rows);
    for (let r = 0; r < rows; r++) key[r] = columns.errorCount[r]! / columns.traceCount[r]!;
    return key;
  }
  if (field === 'latencyP50' || field === 'latencyP95') {
    const key = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const { p50, p95 } = latencyPercentiles(index, rowLo[r]!, rowHi[r]!, filter);
      key[r] = (field === 'latencyP50' ? p50 : p95) ?? NaN;
    }
    return key;
  }
  return columns[field];
}
