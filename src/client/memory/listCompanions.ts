import { UserlensError } from '../errors.js';
import { parseRange } from '../query.js';
import type {
  Distribution,
  DistributionBin,
  DistributionQuery,
  FilterOptions,
  Trends,
  TrendsQuery,
  UserSummary,
  UsersSelection,
} from '../types.js';
import { TraceFilter } from './TraceFilter.js';
import { Totals } from './Totals.js';
import { findUser, userSlice } from './userSlice.js';
import { userSummary } from './userSummary.js';
import type { MemoryIndex } from './buildIndex.js';
import { NUMERIC_FIGURES, UserRows } from './collectUsers.js';
import { bucketBoundaries, bucketIndex, checkTimeZone } from '../calendar.js';
import { activitySpan } from './activitySpan.js';
import { chooseBinEdges } from '../distributionBins.js';

/** The optional list companions: deferred figures, trends, distribution, filter options. */

export function getUserFigures(index: MemoryIndex, query: UsersSelection): Partial<UserSummary>[] {
  const range = parseRange(query.range, 'getUserFigures');
  const filter = new TraceFilter(index, query.filters);
  const totals = new Totals(index);
  return query.userIds.flatMap((userId) => {
    const u = findUser(index, userId);
    if (u < 0) return [];
    const [lo, hi] = userSlice(index, u, range);
    return [userSummary(index, u, lo, hi, filter, totals.sum(index, lo, hi, filter))];
  });
}

export function getTrends(index: MemoryIndex, query: TrendsQuery): Trends {
  const where = 'getTrends';
  const range = parseRange(query.range, where);
  const filter = new TraceFilter(index, query.filters);
  const field = query.field ?? 'traceCount';
  const timeZone = checkTimeZone(query.timeZone, where);
  const slices = query.userIds.map((userId) => {
    const u = findUser(index, userId);
    return u < 0 ? null : userSlice(index, u, range);
  });
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const slice of slices) {
    if (!slice || slice[0] === slice[1]) continue;
    minMs = Math.min(minMs, index.timestamp[slice[0]]!);
    maxMs = Math.max(maxMs, index.timestamp[slice[1] - 1]!);
  }
  const { granularity, fromMs, toMs } = activitySpan(range, minMs, maxMs, query.granularity ?? 'auto', where);
  if (!(fromMs < toMs)) {
    return { granularity, buckets: [], series: query.userIds.map((userId) => ({ userId, values: [] })) };
  }
  const boundaries = bucketBoundaries(fromMs, toMs, granularity, timeZone, where);
  const count = boundaries.length - 1;
  const perTrace = { traceCount: null, totalTokens: index.totalTokens, totalCost: index.totalCost, errorCount: index.hasError }[field];
  return {
    granularity,
    buckets: boundaries.slice(0, -1).map((start) => new Date(start).toISOString()),
    series: query.userIds.map((userId, i) => {
      const values = new Array<number>(count).fill(0);
      const slice = slices[i];
      if (slice) {
        for (let p = slice[0]; p < slice[1]; p++) {
          if (!filter.none && !filter.passes(p)) continue;
          values[bucketIndex(boundaries, index.timestamp[p]!)]! += perTrace === null ? 1 : perTrace[p]!;
        }
      }
      return { userId, values };
    }),
  };
}

export function getDistribution(index: MemoryIndex, query: DistributionQuery): Distribution {
  const where = 'getDistribution';
  if (!NUMERIC_FIGURES.includes(query.field)) {
    throw new UserlensError('invalid_query', `${where}: field must be one of ${NUMERIC_FIGURES.join(', ')}; got ${JSON.stringify(query.field)}.`, {
      where,
      field: 'field',
    });
  }
  const binCount = query.bins ?? 20;
  if (!Number.isInteger(binCount) || binCount < 1 || binCount > 200) {
    throw new UserlensError('invalid_query', `${where}: bins must be an integer from 1 to 200, got ${String(binCount)}.`, { where, field: 'bins' });
  }
  const scale = query.scale ?? 'linear';
  const rows = new UserRows(index, query, where);
  const figure = rows.figure(query.field);
  const values: number[] = [];
  // A figure with no place on an axis (NaN, or a sum that overflowed) is left out of the bins.
  for (let r = 0; r < rows.count; r++) if (Number.isFinite(figure[r]!)) values.push(figure[r]!);
  let min = Infinity;
  let max = -Infinity;
  let zeroCount = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeroCount++;
  }
  const result = { field: query.field, count: values.length, min: values.length ? min : null, max: values.length ? max : null, zeroCount };
  if (values.length === 0) return { ...result, scale, bins: [] };
  const { edges, scale: used } = chooseBinEdges(values, binCount, scale);
  const bins: DistributionBin[] = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, count: 0 }));
  for (const v of values) bins[binOf(edges, v)]!.count++;
  return { ...result, scale: used, bins };
}

/** The bin of `v`: the last edge ≤ v, the top edge falling in the last bin. */
function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function getFilterOptions(index: MemoryIndex, query: { range?: UsersSelection['range'] }): FilterOptions {
  const range = parseRange(query.range, 'getFilterOptions');
  const environments = new Set<number>();
  const tags = new Set<number>();
  for (let u = 0; u < index.users.length; u++) {
    const [lo, hi] = userSlice(index, u, range);
    for (let p = lo; p < hi; p++) {
      environments.add(index.environment[p]!);
      for (let t = index.tagOffsets[p]!; t < index.tagOffsets[p + 1]!; t++) tags.add(index.tagData[t]!);
    }
  }
  const names = (ids: Set<number>, dictionary: string[]) => [...ids].map((id) => dictionary[id]!).sort();
  return { environments: names(environments, index.environments), tags: names(tags, index.tags) };
}
