import { bucketBoundaries, bucketIndex, checkTimeZone } from '../calendar.js';
import { UserlensError } from '../errors.js';
import { parseRange, type RangeMs } from '../query.js';
import type { Mover, Overview, OverviewPoint, OverviewQuery } from '../types.js';
import { activitySpan } from './activitySpan.js';
import { compareIds, type MemoryIndex } from './buildIndex.js';
import { TraceFilter } from './TraceFilter.js';
import { userSlice } from './userSlice.js';

/*
 * The whole user base over a range: active, new and returning users per bucket, what they cost,
 * and the users who moved most against the previous period. A module of its own that the client
 * loads on the first call.
 */

const where = 'getOverview';

export function getOverview(index: MemoryIndex, query: OverviewQuery): Overview {
  const range = parseRange(query.range, where);
  const filter = new TraceFilter(index, query.filters);
  const timeZone = checkTimeZone(query.timeZone, where);
  const moverCount = query.movers ?? 5;
  if (!Number.isInteger(moverCount) || moverCount < 0 || moverCount > 100) {
    throw new UserlensError('invalid_query', `${where}: movers must be an integer from 0 to 100, got ${String(query.movers)}.`, { where, field: 'movers' });
  }
  const passes = (p: number) => filter.none || filter.passes(p);

  // Each user's first passing trace ever, and their passing traces in the range.
  const firstMs = new Float64Array(index.users.length).fill(Infinity);
  let minMs = Infinity;
  let maxMs = -Infinity;
  const inRange: [number, number][] = [];
  for (let u = 0; u < index.users.length; u++) {
    for (let p = index.userOffsets[u]!; p < index.userOffsets[u + 1]!; p++) {
      if (passes(p)) {
        firstMs[u] = index.timestamp[p]!;
        break;
      }
    }
    const [lo, hi] = userSlice(index, u, range);
    inRange.push([lo, hi]);
    for (let p = lo; p < hi; p++) {
      if (!passes(p)) continue;
      minMs = Math.min(minMs, index.timestamp[p]!);
      maxMs = Math.max(maxMs, index.timestamp[p]!);
    }
  }

  const { granularity, fromMs, toMs } = activitySpan(range, minMs, maxMs, query.granularity ?? 'auto', where);
  const boundaries = fromMs < toMs ? bucketBoundaries(fromMs, toMs, granularity, timeZone, where) : [];
  const points: OverviewPoint[] = boundaries.slice(1).map((end, i) => ({
    start: new Date(boundaries[i]!).toISOString(),
    end: new Date(end).toISOString(),
    activeUsers: 0,
    newUsers: 0,
    returningUsers: 0,
    traceCount: 0,
    totalTokens: 0,
    totalCost: 0,
  }));
  const totals = { activeUsers: 0, newUsers: 0, returningUsers: 0, traceCount: 0, totalTokens: 0, totalCost: 0 };
  for (let u = 0; u < index.users.length; u++) {
    const [lo, hi] = inRange[u]!;
    let lastBucket = -1;
    let active = false;
    for (let p = lo; p < hi; p++) {
      if (!passes(p)) continue;
      const b = bucketIndex(boundaries, index.timestamp[p]!);
      const point = points[b]!;
      point.traceCount!++;
      point.totalTokens += index.totalTokens[p]!;
      point.totalCost += index.totalCost[p]!;
      // Traces are in time order: a user's traces in one bucket are consecutive.
      if (b !== lastBucket) {
        lastBucket = b;
        point.activeUsers!++;
        if (firstMs[u]! >= boundaries[b]! && firstMs[u]! < boundaries[b + 1]!) point.newUsers!++;
        else point.returningUsers!++;
      }
      active = true;
    }
    if (!active) continue;
    totals.activeUsers++;
    if (firstMs[u]! >= fromMs && firstMs[u]! < toMs) totals.newUsers++;
    else totals.returningUsers++;
  }
  for (const point of points) {
    totals.traceCount += point.traceCount!;
    totals.totalTokens += point.totalTokens;
    totals.totalCost += point.totalCost;
  }

  const previous = Number.isFinite(range.fromMs) && Number.isFinite(range.toMs) ? { fromMs: 2 * range.fromMs - range.toMs, toMs: range.fromMs } : null;
  return {
    granularity,
    points,
    totals,
    previous: previous && { from: new Date(previous.fromMs).toISOString(), to: new Date(previous.toMs).toISOString() },
    movers: previous ? movers(index, range, previous, passes, moverCount) : { totalCost: null, errorRate: null },
  };
}

/** Cost and error rate per user in two periods, and the users whose figure changed most. */
function movers(index: MemoryIndex, current: RangeMs, previous: RangeMs, passes: (p: number) => boolean, count: number): Overview['movers'] {
  const cost: Mover[] = [];
  const rate: Mover[] = [];
  for (let u = 0; u < index.users.length; u++) {
    const now = sums(index, u, current, passes);
    const before = sums(index, u, previous, passes);
    const userId = index.users[u]!;
    if (now.traces + before.traces === 0) continue;
    if (now.cost !== before.cost) cost.push({ userId, current: now.cost, previous: before.cost, change: now.cost - before.cost });
    if (now.traces > 0 && before.traces > 0) {
      const [a, b] = [now.errors / now.traces, before.errors / before.traces];
      if (a !== b) rate.push({ userId, current: a, previous: b, change: a - b });
    }
  }
  const top = (list: Mover[]) => list.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || compareIds(a.userId, b.userId)).slice(0, count);
  return { totalCost: top(cost), errorRate: top(rate) };
}

function sums(index: MemoryIndex, u: number, range: RangeMs, passes: (p: number) => boolean) {
  const [lo, hi] = userSlice(index, u, range);
  const total = { traces: 0, errors: 0, cost: 0 };
  for (let p = lo; p < hi; p++) {
    if (!passes(p)) continue;
    total.traces++;
    total.errors += index.hasError[p]!;
    total.cost += index.totalCost[p]!;
  }
  return total;
}
