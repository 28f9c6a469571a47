import { UserlensError } from '../errors.js';
import { isAmount, isCount } from '../figures.js';
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

/** Environments, tags and releases as metrics filters (an observation carries its trace's). */
export function traceFilters(filters: TraceFilters | undefined): MetricsFilter[] {
  refuseMetadata(filters);
  const out: MetricsFilter[] = [];
  if (filters?.environments?.length) {
    out.push({ column: 'environment', operator: 'any of', value: [...filters.environments], type: 'stringOptions' });
  }
  if (filters?.tags?.length) out.push({ column: 'tags', operator: 'all of', value: [...filters.tags], type: 'arrayOptions' });
  if (filters?.releases?.length) out.push({ column: 'release', operator: 'any of', value: [...filters.releases], type: 'stringOptions' });
  return out;
}

/** Observations that belong to some user: the ones without a `userId` are in no figure. */
export const HAS_USER: MetricsFilter = { column: 'userId', operator: 'is not null', value: '', type: 'null' };
/** Root observations stand for their traces: one per trace, starting at the trace's timestamp. */
export const ROOTS_ONLY: MetricsFilter = { column: 'isRootObservation', operator: '=', value: true, type: 'boolean' };

/** The metrics endpoint of each API generation, as errors name it. */
export const METRICS_ENDPOINTS = { v4: METRICS, legacy: 'GET /api/public/metrics' } as const;

/** Counts in the plain decimal form Langfuse writes them (ClickHouse UInt64 as a string). */
const PLAIN_WHOLE = /^\d+$/;
/** Sums as strings: decimals (an exponent allowed, as `String(1e-7)` writes one); no sign, hex, spaces or "Infinity". */
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A metric value as a figure, held to the rule every source's figures follow (see figures.ts):
 * a count aggregation (`count_…`) is a whole number ≥ 0, any other value (token and cost sums)
 * a finite number ≥ 0. Counts arrive as strings, sums as numbers or strings; a string is read
 * only when written in decimal — a count as plain digits — so `"0x10"` is refused, not read as
 * 16, and so is a count of `"1e3"` or `" 7"`. An empty aggregate is null. Anything else is an
 * `invalid_response` naming the endpoint, the row and the field.
 */
export function metricNumber(row: Record<string, unknown>, key: string, index: number, endpoint: string = METRICS): number | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  const count = key.startsWith('count_');
  const number = typeof value === 'number' ? value : typeof value === 'string' && (count ? PLAIN_WHOLE : PLAIN_DECIMAL).test(value) ? Number(value) : NaN;
  // `+ 0` turns a -0 into 0, which formatters would otherwise show as "-0".
  if (count ? isCount(number) : isAmount(number, Number.MAX_VALUE)) return number + 0;
  const expected = count ? 'a whole number ≥ 0 (a count)' : 'a finite number ≥ 0';
  throw new UserlensError('invalid_response', `${endpoint} answered a row (data[${index}]) whose ${key} is ${describe(value)}, not ${expected}. The source may be a version userlens does not speak; see the README's "Connect to Langfuse".`, {
    where: endpoint,
    field: `data.${index}.${key}`,
  });
}

/** A value as an error shows it: JSON where JSON can write it, so NaN and Infinity stay visible. */
function describe(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** A dimension value as a string; null for rows without one. */
export function metricLabel(row: Record<string, unknown>, key: string, index: number, endpoint: string = METRICS): string | null {
  const value = row[key];
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UserlensError('invalid_response', `${endpoint} answered a row (data[${index}]) whose ${key} is ${JSON.stringify(value)}, not a string.`, {
    where: endpoint,
    field: `data.${index}.${key}`,
  });
}

/** Metadata is no dimension of Langfuse's metrics, and the records read for a user do not carry it. */
export function refuseMetadata(filters: TraceFilters | undefined): void {
  if (filters?.metadata && Object.keys(filters.metadata).length > 0) {
    throw new UserlensError('unsupported', 'Langfuse cannot filter users by trace metadata here (not a metrics dimension).', { field: 'filters.metadata' });
  }
}
