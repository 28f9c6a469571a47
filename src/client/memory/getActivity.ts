import { UserlensError } from '../errors.js';
import { parseRange } from '../query.js';
import type { Activity, ActivityPoint, ActivityQuery, Granularity } from '../types.js';
import { TraceFilter, findUser, userSlice } from './aggregate.js';
import type { MemoryIndex } from './buildIndex.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
export const STEP: Record<Granularity, number> = { hour: HOUR, day: DAY, week: WEEK };
/** Keeps a chart's series bounded; an hourly series over years is a query mistake. */
export const MAX_BUCKETS = 10_000;

/** `auto`: hours up to 2 days, days up to 120 days, weeks beyond. */
export function pickGranularity(spanMs: number): Granularity {
  if (spanMs <= 2 * DAY) return 'hour';
  if (spanMs <= 120 * DAY) return 'day';
  return 'week';
}

/** Start of the UTC bucket holding `ms`; weeks start on Monday (1970-01-01 was a Thursday). */
export function bucketStart(ms: number, granularity: Granularity): number {
  if (granularity === 'hour') return Math.floor(ms / HOUR) * HOUR;
  const day = Math.floor(ms / DAY);
  if (granularity === 'day') return day * DAY;
  return (day - ((day + 3) % 7 + 7) % 7) * DAY;
}

/** Contiguous UTC buckets of the figures of the matching traces, attributed by trace timestamp. */
export function getActivity(index: MemoryIndex, query: ActivityQuery): Activity {
  const where = 'getActivity';
  const range = parseRange(query.range, where);
  const filter = new TraceFilter(index, query.filters);
  const requested = query.granularity ?? 'auto';
  if (requested !== 'auto' && !Object.hasOwn(STEP, requested)) {
    throw new UserlensError('invalid_query', `${where}: granularity must be hour, day, week or auto, got ${JSON.stringify(requested)}.`, {
      where,
      field: 'granularity',
    });
  }

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

  const fromMs = range.fromMs === -Infinity ? minMs : range.fromMs;
  const toMs = range.toMs === Infinity ? maxMs + 1 : range.toMs;
  const granularity = requested === 'auto' ? pickGranularity(Number.isFinite(toMs - fromMs) ? toMs - fromMs : 0) : requested;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) return { granularity, points: [] };

  const first = bucketStart(fromMs, granularity);
  const step = STEP[granularity];
  const count = Math.ceil((toMs - first) / step);
  if (count > MAX_BUCKETS) {
    throw new UserlensError(
      'invalid_query',
      `${where}: ${count} ${granularity} buckets exceed the limit of ${MAX_BUCKETS}. Choose a coarser granularity or a shorter range.`,
      { where, field: 'granularity' },
    );
  }
  const points: ActivityPoint[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(first + i * step).toISOString(),
    end: new Date(first + (i + 1) * step).toISOString(),
    traceCount: 0,
    observationCount: 0,
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    totalCost: 0,
    errorCount: 0,
  }));
  for (const p of positions) {
    // UTC buckets have fixed lengths, so a bucket is found by division.
    const point = points[Math.floor((index.timestamp[p]! - first) / step)]!;
    point.traceCount++;
    point.observationCount += index.observationCount[p]!;
    point.inputTokens += index.inputTokens[p]!;
    point.outputTokens += index.outputTokens[p]!;
    point.totalTokens += index.totalTokens[p]!;
    point.totalCost += index.totalCost[p]!;
    point.errorCount += index.hasError[p]!;
  }
  return { granularity, points };
}
