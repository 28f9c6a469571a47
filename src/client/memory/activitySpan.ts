import { UserlensError } from '../errors.js';
import { STEP, pickGranularity } from '../calendar.js';
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from '../figures.js';
import type { RangeMs } from '../query.js';
import type { Granularity } from '../types.js';

/** What an activity or trends series buckets: the granularity and `[fromMs, toMs)`, empty when `fromMs ≥ toMs`. */
export interface ActivitySpan {
  granularity: Granularity;
  fromMs: number;
  toMs: number;
}

/**
 * The span a series covers. Open sides close at the first and last matching trace (`firstMs`,
 * `lastMs`; ±Infinity when none). Every side is then cut to the instants a dataset may hold
 * (`EARLIEST_INSTANT_MS` to `LATEST_INSTANT_MS`): no bucket outside can hold a trace, and the
 * cut keeps any span within ~6,800 weeks, so `auto` (weeks beyond 120 days) always answers —
 * all time included — without a month or year granularity the public types would have to grow.
 */
export function activitySpan(range: RangeMs, firstMs: number, lastMs: number, requested: unknown, where: string): ActivitySpan {
  if (requested !== 'auto' && !(typeof requested === 'string' && Object.hasOwn(STEP, requested))) {
    throw new UserlensError('invalid_query', `${where}: granularity must be hour, day, week or auto, got ${JSON.stringify(requested)}.`, {
      where,
      field: 'granularity',
    });
  }
  const fromMs = Math.max(range.fromMs === -Infinity ? firstMs : range.fromMs, EARLIEST_INSTANT_MS);
  const toMs = Math.min(range.toMs === Infinity ? lastMs + 1 : range.toMs, LATEST_INSTANT_MS);
  const span = Number.isFinite(toMs - fromMs) && toMs > fromMs ? toMs - fromMs : 0;
  return { granularity: requested === 'auto' ? pickGranularity(span) : (requested as Granularity), fromMs, toMs };
}
