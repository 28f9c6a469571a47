import { UserlensError } from './errors.js';
import type { Granularity } from './types.js';

/**
 * Hours, days and weeks on the calendar of an IANA time zone, for activity buckets.
 *
 * Written on `Intl.DateTimeFormat` rather than a date library: the zone's offset at an instant is
 * all it needs from the time-zone database, and `Intl` carries that database in every runtime
 * (a Temporal polyfill or date-fns-tz would add several kB to `userlens/core` for the same).
 * A bucket starts where the zone's wall clock starts an hour, a day or a Monday, so DST days
 * are 23 or 25 hours long and zones with :30 / :45 offsets split hours where their clocks do.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Nominal bucket lengths: exact in UTC, a first guess elsewhere. */
export const STEP: Record<Granularity, number> = { hour: HOUR, day: DAY, week: WEEK };
/** Keeps a chart's series bounded; an hourly series over years is a query mistake. */
export const MAX_BUCKETS = 10_000;

/** `auto`: hours up to 2 days, days up to 120 days, weeks beyond. */
export function pickGranularity(spanMs: number): Granularity {
  if (spanMs <= 2 * DAY) return 'hour';
  if (spanMs <= 120 * DAY) return 'day';
  return 'week';
}

const isUtc = (timeZone: string) => timeZone === 'UTC' || timeZone === 'Etc/UTC';
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** The zone's name as given, checked: an unknown zone is a mistake (in a query, or in options), not a silent UTC. */
export function checkTimeZone(timeZone: unknown, where: string, code: 'invalid_query' | 'invalid_options' = 'invalid_query'): string {
  if (timeZone === undefined) return 'UTC';
  if (typeof timeZone === 'string' && timeZone !== '') {
    if (isUtc(timeZone)) return timeZone;
    try {
      wallClock(timeZone);
      return timeZone;
    } catch {
      // RangeError: not a zone this runtime knows.
    }
  }
  throw new UserlensError(code, `${where}: timeZone must be an IANA time zone such as "Europe/Berlin", got ${JSON.stringify(timeZone)}.`, {
    where,
    field: 'timeZone',
  });
}

/** How far the zone's wall clock is ahead of UTC at `ms` (ms; negative west of Greenwich). */
export function zoneOffset(ms: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(ms)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Start of the wall-clock hour, day or week (from Monday) holding a wall time (as UTC ms). */
function floorWall(wall: number, granularity: Granularity): number {
  if (granularity === 'hour') return Math.floor(wall / HOUR) * HOUR;
  const day = Math.floor(wall / DAY);
  if (granularity === 'day') return day * DAY;
  // 1970-01-01 was a Thursday: three days after a Monday.
  return (day - (((day + 3) % 7) + 7) % 7) * DAY;
}

/**
 * The instant at which the zone's clock reads `wall` (a wall time written as UTC ms). A time the
 * clock skips (spring forward) gives the instant it jumps at; a time it reads twice (fall back)
 * gives the reading with offset `hint`'s, else the first found.
 */
export function wallToInstant(wall: number, timeZone: string, hint = zoneOffset(wall, timeZone)): number {
  if (isUtc(timeZone)) return wall;
  let candidate = wall - hint;
  for (let i = 0; i < 3; i++) {
    const next = wall - zoneOffset(candidate, timeZone);
    if (next === candidate) return candidate;
    // The two readings straddle a change and neither shows `wall`: it was skipped, and the
    // clock jumped over it at the later of the two.
    if (zoneOffset(next, timeZone) !== zoneOffset(candidate, timeZone)) return Math.max(candidate, next);
    candidate = next;
  }
  return candidate;
}

/** What the zone's clock reads at the instant `ms`, as a wall time written as UTC ms. */
export function instantToWall(ms: number, timeZone: string): number {
  return ms + zoneOffset(ms, timeZone);
}

/** The wall-clock hour, day or week (as the wall time it starts at) the zone shows at `ms`. */
function labelAt(ms: number, granularity: Granularity, timeZone: string): number {
  return floorWall(ms + zoneOffset(ms, timeZone), granularity);
}

/** The first instant in `(lo, hi]` whose offset differs from `lo`'s (which `hi`'s does), by bisection. */
function offsetChange(lo: number, hi: number, timeZone: string): number {
  const before = zoneOffset(lo, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffset(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Start of the bucket holding the instant `ms`: the zone's hour, day or week (weeks start on
 * Monday). A bucket is the whole stretch over which the zone's clock shows that hour, day or
 * week, so an hour repeated when clocks fall back is one two-hour bucket, and a day that
 * begins at 01:00 after a spring-forward at midnight begins when the clock jumps.
 */
export function bucketStart(ms: number, granularity: Granularity, timeZone = 'UTC'): number {
  if (isUtc(timeZone)) return floorWall(ms, granularity);
  for (let t = ms; ; ) {
    const offset = zoneOffset(t, timeZone);
    const label = floorWall(t + offset, granularity);
    // Where the clock showed the label's start at `t`'s offset, unless the offset changed since.
    const naive = label - offset;
    const start = zoneOffset(naive, timeZone) === offset ? naive : offsetChange(naive, t, timeZone);
    // The same label just before (an hour shown twice in a row): the bucket began earlier.
    if (labelAt(start - 1, granularity, timeZone) !== label) return start;
    t = start - 1;
  }
}

/** The start of the bucket after the one starting at `start`. */
function nextBucketStart(start: number, granularity: Granularity, timeZone: string): number {
  if (isUtc(timeZone)) return start + STEP[granularity];
  const label = labelAt(start, granularity, timeZone);
  for (let t = start; ; ) {
    const offset = zoneOffset(t, timeZone);
    // Where the clock reaches the next hour, day or week if the offset holds.
    const naive = floorWall(t + offset, granularity) + STEP[granularity] - offset;
    if (zoneOffset(naive, timeZone) === offset) return naive;
    const change = offsetChange(t, naive, timeZone);
    if (labelAt(change, granularity, timeZone) !== label) return change;
    t = change;
  }
}

/**
 * Contiguous bucket boundaries covering `[fromMs, toMs)`: `count + 1` instants, the first at or
 * before `fromMs`, the last after `toMs - 1`. Throws past `MAX_BUCKETS`.
 */
export function bucketBoundaries(fromMs: number, toMs: number, granularity: Granularity, timeZone: string, where: string): number[] {
  const tooMany = () =>
    // Weeks are the coarsest granularity: only a shorter range helps then.
    new UserlensError('invalid_query', `${where}: more than ${MAX_BUCKETS} ${granularity} buckets. ${granularity === 'week' ? 'Choose a shorter range.' : 'Choose a coarser granularity or a shorter range.'}`, {
      where,
      field: 'granularity',
    });
  // Refuse at once what is far too long, before asking the zone about each boundary.
  if ((toMs - fromMs) / STEP[granularity] > MAX_BUCKETS + 1) throw tooMany();
  const boundaries = [bucketStart(fromMs, granularity, timeZone)];
  while (boundaries.at(-1)! < toMs) {
    if (boundaries.length > MAX_BUCKETS) throw tooMany();
    boundaries.push(nextBucketStart(boundaries.at(-1)!, granularity, timeZone));
  }
  return boundaries;
}

/** Index of the bucket holding `ms` (`boundaries[i] <= ms < boundaries[i + 1]`), by bisection. */
export function bucketIndex(boundaries: readonly number[], ms: number): number {
  let lo = 0;
  let hi = boundaries.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boundaries[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
