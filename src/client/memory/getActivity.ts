import { parseRange } from '../query.js';
import { bucketBoundaries, bucketIndex, checkTimeZone } from '../calendar.js';
import { activitySpan } from './activitySpan.js';
import type { Activity, ActivityPoint, ActivityQuery } from '../types.js';
import { addTraceFigures, noTraceFigures } from './Totals.js';
import { TraceFilter } from './TraceFilter.js';
import { findUser, userSlice } from './userSlice.js';
import type { MemoryIndex } from './buildIndex.js';

/** Contiguous buckets (on `query.timeZone`'s calendar) of the figures of the matching traces, attributed by trace timestamp. */
export function getActivity(index: MemoryIndex, query: ActivityQuery): Activity {
  const where = 'getActivity';
  const range = parseRange(query.range, where);
  const filter = new TraceFilter(index, query.filters);
  const timeZone = checkTimeZone(query.timeZone, where);
  let users: number[];
  if (query.userId === undefined) users = index.users.map((_, u) => u);
  else {
    const u = findUser(index, query.userId);
    users = u < 0 ? [] : [u];
  }
  const positions: number[] = [];
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const u of users) {
    const [lo, hi] = userSlice(index, u, range);
    for (let p = lo; p < hi; p++) {
      if (!filter.none && !filter.passes(p)) continue;
      positions.push(p);
      const ms = index.timestamp[p]!;
      if (ms < minMs) minMs = ms;
      if (ms > maxMs) maxMs = ms;
    }
  }

  const { granularity, fromMs, toMs } = activitySpan(range, minMs, maxMs, query.granularity ?? 'auto', where);
  if (!(fromMs < toMs)) return { granularity, points: [] };

  const boundaries = bucketBoundaries(fromMs, toMs, granularity, timeZone, where);
  const points: ActivityPoint[] = boundaries.slice(1).map((end, i) => ({
    start: new Date(boundaries[i]!).toISOString(),
    end: new Date(end).toISOString(),
    ...noTraceFigures(),
  }));
  for (const p of positions) addTraceFigures(points[bucketIndex(boundaries, index.timestamp[p]!)]!, index, p);
  return { granularity, points };
}
