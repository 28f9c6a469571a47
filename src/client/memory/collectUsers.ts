import { UserlensError } from '../errors.js';
import { NUMERIC_USER_FIGURES as NUMERIC_FIGURES, foldCase, scoreFigureName } from '../figures.js';
import { parseRange, type RangeMs } from '../query.js';
import type { FigureBand, NumericUserFigure, UserSortField, UsersQuery } from '../types.js';
import { latencyPercentiles } from './latencyPercentiles.js';
import { scoreSummaries } from './scoreSummaries.js';
import { Totals, type Sums } from './Totals.js';
import { TraceFilter } from './TraceFilter.js';
import { userSlice } from './userSlice.js';
import type { MemoryIndex } from './buildIndex.js';

/** The figures summed trace by trace into a column per user. */
const SUMMED = ['traceCount', 'observationCount', 'sessionCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost', 'errorCount'] as const;
const COLUMNS = ['firstEvent', 'lastEvent', ...SUMMED] as const;
type Column = (typeof COLUMNS)[number];

export { NUMERIC_USER_FIGURES as NUMERIC_FIGURES } from '../figures.js';

type RowsQuery = Pick<UsersQuery, 'range' | 'filters' | 'search' | 'searchUserIds' | 'userIds' | 'bands'>;

/**
 * The last two row sets built from each index, by what they depend on: a re-sort, another page
 * or the histogram of the same users reads them again instead of summing every user's traces
 * (two, so a list with a band and its histogram without it do not evict each other; the index
 * never changes once built). The query is checked in full on every call, so errors stay the same.
 */
const recent = new WeakMap<MemoryIndex, (readonly [string, UserRows])[]>();

/** The rows of `query`: the ones built last for the same range, filters, search, ids and bands, or new ones. */
export function userRows(index: MemoryIndex, query: RowsQuery, where: string): UserRows {
  const range = parseRange(query.range, where);
  const filter = new TraceFilter(index, query.filters);
  const needle = query.search ? foldCase(query.search) : '';
  const alsoMatch = needle && query.searchUserIds ? idSet(query.searchUserIds, where, 'searchUserIds') : undefined;
  const only = query.userIds ? idSet(query.userIds, where, 'userIds') : undefined;
  // Numbers are keyed as a one-text array: NaN and ±Infinity stay apart from null, 5 from "5"
  // (a filter matches strings only); a band's bound of ["5"] compares as 5 does, so may share it.
  const key = JSON.stringify([range.fromMs, range.toMs, needle, query.searchUserIds, query.userIds, query.filters, query.bands], (_, value: unknown) =>
    // A BigInt bound (which compares as a number does) is keyed too, not thrown on.
    typeof value === 'number' || typeof value === 'bigint' ? [`${value}${typeof value === 'bigint' ? 'n' : ''}`] : value,
  );
  const kept = recent.get(index) ?? [];
  const hit = kept.find((entry) => entry[0] === key);
  const rows = hit?.[1] ?? new UserRows(index, range, filter, needle, alsoMatch, only, query.bands, where);
  // The one asked last goes first; past two, the oldest goes.
  recent.set(index, [[key, rows] as const, ...kept.filter((entry) => entry !== hit)].slice(0, 2));
  return rows;
}

/**
 * The users matching a query (range, filters, search, bands), each with its trace slice and
 * its summed figures in columns. One pass sums every user's traces; latency percentiles are
 * computed for every row only when a sort or band needs them. Rows are in user (userId) order.
 */
export class UserRows {
  count = 0;
  readonly user: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  private readonly columns: Record<Column, Float64Array>;
  private readonly derived = new Map<string, Float64Array>();

  constructor(
    private readonly index: MemoryIndex,
    range: RangeMs,
    readonly filter: TraceFilter,
    needle: string,
    alsoMatch: Set<string> | undefined,
    only: Set<string> | undefined,
    bands: readonly FigureBand[] | undefined,
    where: string,
  ) {
    const size = index.users.length;
    this.user = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.hi = new Int32Array(size);
    this.columns = Object.fromEntries(COLUMNS.map((name) => [name, new Float64Array(size)])) as Record<Column, Float64Array>;
    const c = this.columns;
    const totals = new Totals(index);
    let rows = 0;
    for (let u = 0; u < size; u++) {
      if (needle && !index.usersLower[u]!.includes(needle) && !alsoMatch?.has(index.users[u]!)) continue;
      if (only && !only.has(index.users[u]!)) continue;
      const [lo, hi] = userSlice(index, u, range);
      if (lo === hi) continue;
      totals.sum(index, lo, hi, filter);
      if (totals.traceCount === 0) continue;
      this.user[rows] = u;
      this.lo[rows] = lo;
      this.hi[rows] = hi;
      c.firstEvent[rows] = totals.firstEvent;
      c.lastEvent[rows] = totals.lastEvent;
      c.traceCount[rows] = totals.traceCount;
      c.observationCount[rows] = totals.observationCount;
      c.sessionCount[rows] = totals.sessionCount;
      c.inputTokens[rows] = totals.inputTokens;
      c.outputTokens[rows] = totals.outputTokens;
      c.totalTokens[rows] = totals.totalTokens;
      c.totalCost[rows] = totals.totalCost;
      c.errorCount[rows] = totals.errorCount;
      rows++;
    }
    this.count = rows;
    for (const band of bands ?? []) this.keepBand(band, where);
  }

  /** Row `r`'s summed figures: what `Totals` summed for it when the rows were built. */
  sums(r: number): Sums {
    return Object.fromEntries(COLUMNS.map((name) => [name, this.columns[name][r]])) as Sums;
  }

  /** The figure of every row (NaN where the user has none), computed once per field. */
  figure(field: Exclude<UserSortField, 'userId'>): Float64Array {
    if (field in this.columns) return this.columns[field as Column];
    let values = this.derived.get(field);
    if (values) return values;
    values = new Float64Array(this.user.length);
    const scoreName = scoreFigureName(field);
    if (scoreName !== null) {
      // The mean the row's summary shows, so a band on it keeps exactly the rows it reads.
      for (let r = 0; r < this.count; r++) {
        values[r] = scoreSummaries(this.index, this.lo[r]!, this.hi[r]!, this.filter).find((score) => score.name === scoreName)?.mean ?? NaN;
      }
    } else if (field === 'errorRate') {
      for (let r = 0; r < this.count; r++) values[r] = this.columns.errorCount[r]! / this.columns.traceCount[r]!;
    } else {
      // Both percentiles come from one pass: `values` takes p95.
      const p50 = new Float64Array(this.user.length);
      for (let r = 0; r < this.count; r++) {
        const latency = latencyPercentiles(this.index, this.lo[r]!, this.hi[r]!, this.filter);
        p50[r] = latency.p50 ?? NaN;
        values[r] = latency.p95 ?? NaN;
      }
      this.derived.set('latencyP50', p50);
      this.derived.set('latencyP95', values);
      if (field === 'latencyP50') values = p50;
    }
    this.derived.set(field, values);
    return values;
  }

  /** Drops the rows outside the band, compacting every column in place. */
  private keepBand(band: FigureBand, where: string): void {
    if (!NUMERIC_FIGURES.includes(band.field as NumericUserFigure) && scoreFigureName(band.field) === null) {
      throw new UserlensError(
        'invalid_query',
        `${where}: bands can apply to ${NUMERIC_FIGURES.join(', ')} or score:<name>; got ${JSON.stringify(band.field)}.`,
        { where, field: 'bands.field' },
      );
    }
    const values = this.figure(band.field);
    const arrays = [this.user, this.lo, this.hi, ...Object.values(this.columns), ...this.derived.values()];
    let kept = 0;
    for (let r = 0; r < this.count; r++) {
      const v = values[r]!;
      const inside =
        !Number.isNaN(v) &&
        (band.gte === undefined || v >= band.gte) &&
        (band.gt === undefined || v > band.gt) &&
        (band.lt === undefined || v < band.lt) &&
        (band.lte === undefined || v <= band.lte);
      if (!inside) continue;
      if (kept !== r) for (const array of arrays) array[kept] = array[r]!;
      kept++;
    }
    this.count = kept;
  }
}

function idSet(ids: unknown, where: string, field: string): Set<string> {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new UserlensError('invalid_query', `${where}: ${field} must be an array of user id strings.`, { where, field });
  }
  return new Set(ids);
}
