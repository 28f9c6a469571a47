import { UserlensError } from '../errors.js';
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS, isAmount } from '../figures.js';
import { parseIsoDate } from '../parseIsoDate.js';

/**
 * Field checks for dataset records. Written by hand rather than with a schema library because
 * they run once per record on datasets of a million observations inside a 2 s index budget:
 * a schema library measured ~0.95 µs per observation here, half the budget on its own, while
 * these checks are plain `typeof` tests on the fields the index reads anyway.
 */

export type RecordKind = 'traces' | 'observations' | 'scores';

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} (string)`;
  if (typeof value === 'object') return 'an object';
  return `${String(value)} (${typeof value})`;
}

/** Reports one bad field of one record: which list, which index, which id, which field. */
export function invalidRecord(
  kind: RecordKind,
  index: number,
  record: unknown,
  field: string,
  expectation: string,
  value: unknown,
): UserlensError {
  const id =
    record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string'
      ? ` (id ${JSON.stringify((record as { id: string }).id)})`
      : '';
  const where = `${kind}[${index}]`;
  const got = field === '' ? describeValue(record) : describeValue(value);
  const subject = field === '' ? 'the record' : `field "${field}"`;
  return new UserlensError(
    'invalid_dataset',
    `Invalid dataset: ${where}${id}: ${subject} must be ${expectation}, got ${got}. Fix or drop that record before calling createMemoryClient.`,
    { where, field: field || undefined },
  );
}

/**
 * A checker bound to one record. Each check takes the field's value (read at the call site with
 * a fixed property name, which keeps the loads monomorphic and fast) and its name, used only to
 * word the error.
 */
export class RecordChecker {
  kind: RecordKind;
  index = 0;
  record: unknown = undefined;

  constructor(kind: RecordKind) {
    this.kind = kind;
  }

  /** Starts checking `record`, which must be an object. */
  at<T>(index: number, record: T): T {
    this.index = index;
    this.record = record;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw invalidRecord(this.kind, index, record, '', 'an object', record);
    }
    return record;
  }

  fail(field: string, expectation: string, value: unknown): never {
    throw invalidRecord(this.kind, this.index, this.record, field, expectation, value);
  }

  id(value: unknown): string {
    if (typeof value !== 'string' || value === '') this.fail('id', 'a non-empty string', value);
    return value;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, 'a string', value);
    return value;
  }

  optionalString(value: unknown, field: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') this.fail(field, 'a string or null', value);
    return value;
  }

  /** Epoch ms of an ISO-8601 date-time inside the window a record may carry (see `EARLIEST_INSTANT_MS`). */
  date(value: unknown, field: string): number {
    const ms = typeof value === 'string' ? parseIsoDate(value) : NaN;
    // One comparison pair on the hot path; NaN fails it too.
    if (!(ms >= EARLIEST_INSTANT_MS && ms < LATEST_INSTANT_MS)) {
      this.fail(field, Number.isNaN(ms) ? 'an ISO-8601 date-time string' : INSTANT_WINDOW, value);
    }
    return ms;
  }

  /**
   * An ISO-8601 date-time outside that window too: for dates no bucket or range is read from
   * (an observation's end, which latency takes as at least its start; a score's time), so a
   * placeholder such as Go's zero time there costs nothing and is not refused.
   */
  optionalDate(value: unknown, field: string): number | null {
    if (value === undefined || value === null) return null;
    const ms = typeof value === 'string' ? parseIsoDate(value) : NaN;
    if (Number.isNaN(ms)) this.fail(field, 'an ISO-8601 date-time string', value);
    return ms;
  }

  optionalNumber(value: unknown, field: string): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, 'a finite number or null', value);
    return value;
  }

  /** A token or cost amount in `[0, max]`, or null when absent. */
  optionalAmount(value: unknown, field: string, max: number, unit: string): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !isAmount(value, max)) this.fail(field, amountIn(max, unit), value);
    return value;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback?: T): T {
    if ((value === undefined || value === null) && fallback !== undefined) return fallback;
    if (!allowed.includes(value as T)) this.fail(field, `one of ${allowed.join(', ')}`, value);
    return value as T;
  }

  /** A `{ key: amount }` map such as `usageDetails`, each value in `[0, max]`; `null` when absent. */
  amountMap(value: unknown, field: string, max: number, unit: string): Record<string, number> | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(field, 'an object of numbers', value);
    const map = value as Record<string, unknown>;
    for (const key in map) {
      const entry = map[key];
      if (typeof entry !== 'number' || !isAmount(entry, max)) this.fail(`${field}.${key}`, amountIn(max, unit), entry);
    }
    return map as Record<string, number>;
  }

  stringArray(value: unknown, field: string): readonly string[] {
    if (value === undefined || value === null) return EMPTY;
    if (!Array.isArray(value)) this.fail(field, 'an array of strings', value);
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') this.fail(`${field}.${i}`, 'a string', value[i]);
    }
    return value as string[];
  }
}

const EMPTY: readonly string[] = Object.freeze([]);

const INSTANT_WINDOW = `an instant from ${new Date(EARLIEST_INSTANT_MS).toISOString()} to before ${new Date(LATEST_INSTANT_MS).toISOString()} (a date outside is a placeholder such as Go's zero time, not an event)`;

/** The expectation a bounded amount states, e.g. "a finite number from 0 to 1e12 (tokens)". */
function amountIn(max: number, unit: string): string {
  return `a finite number from 0 to ${max.toExponential().replace('e+', 'e')} (${unit})`;
}
