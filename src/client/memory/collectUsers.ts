import { UserlensError } from '../errors.js';
import { NUMERIC_USER_FIGURES as NUMERIC_FIGURES, foldCase, scoreFigureName } from '../figures.js';
import { parseRange } from '../query.js';
import type { FigureBand, NumericUserFigure, UserSortField, UsersQuery } from '../types.js';
import { latencyPercentiles } from './latencyPercentiles.js';
import { scoreSummaries } from './scoreSummaries.js';
import { Totals } from './Totals.js';
import { TraceFilter } from './TraceFilter.js';
import { userSlice } from './userSlice.js';
import type { MemoryIndex } from './buildIndex.js';

/** The figures summed trace by trace into a column per user. */
const SUMMED = ['traceCount', 'observationCount', 'sessionCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost', 'errorCount'] as const;
const COLUMNS = ['firstEvent', 'lastEvent', ...SUMMED] as const;
type Column = (typeof COLUMNS)[number];

export { NUMERIC_USER_FIGURES as NUMERIC_FIGURES } from '../figures.js';

/**
 * The users matching a query (range, filters, search, bands), each with its trace slice and
 * its summed figures in columns. One pass sums every user's traces; latency percentiles are
 * computed for every row only when a sort or band needs them.
 */
export class UserRows {
  count = 0;
  readonly user: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly filter: TraceFilter;
  private readonly columns: Record<Column, Float64Array>;
  private readonly derived = new Map<string, Float64Array>();
  private readonly index: MemoryIndex;

  constructor(index: MemoryIndex, query: Pick<UsersQuery, 'range' | 'filters' | 'search' | 'searchUserIds' | 'userIds' | 'bands'>, where: string) {
    this.index = index;
    const range = parseRange(query.range, where);
    this.filter = new TraceFilter(index, query.filters);
    const needle = query.search ? foldCase(query.search) : '';
    const alsoMatch = needle && query.searchUserIds ? idSet(query.searchUserIds, where, 'searchUserIds') : undefined;
    const only = query.userIds ? idSet(query.userIds, where, 'userIds') : undefined;
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
      totals.sum(index, lo, hi, this.filter);
      if (totals.traceCount === 0) continue;
      this.user[rows] = u;
      this.lo[rows] = lo;
      this.hi[rows] = hi;
      c.firstEvent[rows] = totals.firstMs;
      c.lastEvent[rows] = totals.lastMs;
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
    for (const band of query.bands ?? []) this.keepBand(band, where);
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
      const p50 = new Float64Array(this.user.length);
      const p95 = new Float64Array(this.user.length);
      for (let r = 0; r < this.count; r++) {
        const latency = latencyPercentiles(this.index, this.lo[r]!, this.hi[r]!, this.filter);
        p50[r] = latency.p50 ?? NaN;
        p95[r] = latency.p95 ?? NaN;
      }
      this.derived.set('latencyP50', p50);
      this.derived.set('latencyP95', p95);
      values = field === 'latencyP50' ? p50 : p95;
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
