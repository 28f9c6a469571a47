/**
 * Time buckets of the metrics `timeDimension`, in UTC: a bucket is named by its start. Weeks
 * start on Monday (ClickHouse's `toStartOfWeek(…, 1)`, which Langfuse uses).
 */

export const GRANULARITIES = ['auto', 'minute', 'hour', 'day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export type FixedGranularity = Exclude<Granularity, 'auto'>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Average month, only to count buckets when choosing `auto`. */
const MONTH = 30.44 * DAY;

const WIDTHS: readonly (readonly [FixedGranularity, number])[] = [
  ['minute', MINUTE],
  ['hour', HOUR],
  ['day', DAY],
  ['week', WEEK],
  ['month', MONTH],
];

/**
 * `auto`: the granularity whose bucket count over [from, to) is closest to 50, as Langfuse's
 * "approximately 50 buckets" promises (the fake's own choice of rule; ties go to the finer one).
 */
export function resolveGranularity(granularity: Granularity, from: number, to: number): FixedGranularity {
  if (granularity !== 'auto') return granularity;
  let best: FixedGranularity = 'minute';
  let bestDistance = Infinity;
  for (const [name, width] of WIDTHS) {
    const distance = Math.abs((to - from) / width - 50);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Start (epoch ms) of the bucket holding `ms`. */
export function bucketStart(ms: number, granularity: FixedGranularity): number {
  switch (granularity) {
    case 'minute':
      return Math.floor(ms / MINUTE) * MINUTE;
    case 'hour':
      return Math.floor(ms / HOUR) * HOUR;
    case 'day':
      return Math.floor(ms / DAY) * DAY;
    case 'week': {
      const day = Math.floor(ms / DAY);
      // 1970-01-01 was a Thursday: days since the last Monday.
      const sinceMonday = (((day + 3) % 7) + 7) % 7;
      return (day - sinceMonday) * DAY;
    }
    case 'month': {
      const date = new Date(ms);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
  }
}
