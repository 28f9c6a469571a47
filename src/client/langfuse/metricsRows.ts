import { UserlensError } from '../errors.js';
import { parseRange } from '../query.js';
import type { DateRange, TraceFilters } from '../types.js';
import type { MetricsFilter } from './langfuseApi.js';

/** Helpers shared by every metrics query: time bounds, trace filters and reading row values. */

const METRICS = 'GET /api/public/v2/metrics';
const MINUTE = 60_000;

/**
 * Metrics require both bounds and include both (`from ≤ t ≤ to`), where a userlens range
 * excludes its end: `to` goes out 1 ms earlier. An open `from` starts at the epoch; an open `to`
 * ends at the next whole minute, so repeated queries in the same minute are identical and a
 * proxy's cache can answer them. `null` for an empty range, which needs no request.
 */
export function metricsBounds(range: DateRange | undefined, where: string, now = Date.now()): { fromTimestamp: string; toTimestamp: string } | null {
  const { fromMs, toMs } = parseRange(range, where);
  const from = Number.isFinite(fromMs) ? fromMs : 0;
  const to = Number.isFinite(toMs) ? toMs - 1 : Math.ceil((now + 1) / MINUTE) * MINUTE;
  if (to <= from) return null;
  return { fromTimestamp: new Date(from).toISOString(), toTimestamp: new Date(to).toISOString() };
}

/** Environments and tags as metrics filters (an observation carries its trace's tags and environment). */
export function traceFilters(filters: TraceFilters | undefined): MetricsFilter[] {
  const out: MetricsFilter[] = [];
  if (filters?.environments?.length) {
    out.push({ column: 'environment', operator: 'any of', value: [...filters.environments], type: 'stringOptions' });
  }
  if (filters?.tags?.length) out.push({ column: 'tags', operator: 'all of', value: [...filters.tags], type: 'arrayOptions' });
  return out;
}

/** Observations that belong to some user: the ones without a `userId` are in no figure. */
export const HAS_USER: MetricsFilter = { column: 'userId', operator: 'is not null', value: '', type: 'null' };
/** Root observations stand for their traces: one per trace, starting at the trace's timestamp. */
export const ROOTS_ONLY: MetricsFilter = { column: 'isRootObservation', operator: '=', value: true, type: 'boolean' };

/**
 * A metric value as a number. Counts arrive as strings (ClickHouse UInt64), sums as numbers;
 * an empty aggregate is null. Anything else is a payload userlens cannot read.
 */
export function metricNumber(row: Record<string, unknown>, key: string, index: number): number | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  throw new UserlensError('invalid_response', `${METRICS} answered a row whose ${key} is ${JSON.stringify(value)}, not a number. The source may be a version userlens does not speak; see the README's "Connect to Langfuse".`, {
    where: METRICS,
    field: `data.${index}.${key}`,
  });
}

/** A dimension value as a string; null for rows without one. */
export function metricLabel(row: Record<string, unknown>, key: string, index: number): string | null {
  const value = row[key];
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UserlensError('invalid_response', `${METRICS} answered a row whose ${key} is ${JSON.stringify(value)}, not a string.`, {
    where: METRICS,
    field: `data.${index}.${key}`,
  });
}
