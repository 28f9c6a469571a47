import { parseRange } from '../query.js';
import type {
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
import { bucketBoundaries, bucketIndex, checkTimeZone } from '../calendar.js';
import { activitySpan } from './activitySpan.js';

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
