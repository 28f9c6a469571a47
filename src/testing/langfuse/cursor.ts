import { decodeBase64, encodeBase64 } from './base64.js';
import { badRequest } from '../../client/http/httpRefusal.js';

/**
 * Cursors of the cursor-paginated endpoints. Both list newest first (time descending, then id
 * descending), so a cursor is the (time, id) of the last row returned and the next page starts
 * right after it: stable across pages and independent of the page size.
 */
export interface CursorPosition {
  /** Epoch ms; -Infinity for a record whose time does not parse (listed last). */
  time: number;
  id: string;
}

export function encodeCursor(position: CursorPosition, urlSafe: boolean): string {
  const time = Number.isFinite(position.time) ? position.time : null;
  return encodeBase64(JSON.stringify({ t: time, id: position.id }), urlSafe);
}

/** The position a cursor names; 400 when it is not one this fake issued. */
export function decodeCursor(cursor: string): CursorPosition {
  const text = decodeBase64(cursor);
  let parsed: unknown;
  try {
    parsed = text === null ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object') {
    const { t, id } = parsed as { t?: unknown; id?: unknown };
    if ((t === null || (typeof t === 'number' && Number.isFinite(t))) && typeof id === 'string') {
      return { time: t ?? -Infinity, id };
    }
  }
  throw badRequest(`Invalid cursor "${cursor}": pass meta.cursor of the previous page unchanged.`);
}

/** Whether (time, id) comes after the position in the order time desc, id desc. */
export function isAfter(time: number, id: string, position: CursorPosition): boolean {
  return time < position.time || (time === position.time && id < position.id);
}

/** Comparator for that order over record indices. */
export function newestFirst(time: ArrayLike<number>, id: (i: number) => string) {
  return (a: number, b: number): number => {
    const ta = time[a]!;
    const tb = time[b]!;
    if (ta !== tb) return ta > tb ? -1 : 1;
    const ia = id(a);
    const ib = id(b);
    return ia === ib ? 0 : ia > ib ? -1 : 1;
  };
}

/** First slot of `order` (sorted newest first) whose record comes after the position. */
export function firstAfter(order: ArrayLike<number>, time: ArrayLike<number>, id: (i: number) => string, position: CursorPosition): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const i = order[mid]!;
    if (isAfter(time[i]!, id(i), position)) high = mid;
    else low = mid + 1;
  }
  return low;
}

export interface CursorPageOptions {
  /** All records, newest first (built once per fake). */
  order: () => ArrayLike<number>;
  /** A narrower set of records from an index (e.g. one trace's), in any order; null: all. */
  candidates: number[] | null;
  compare: (a: number, b: number) => number;
  time: ArrayLike<number>;
  id: (i: number) => string;
  predicate: ((i: number) => boolean) | null;
  after: CursorPosition | null;
  limit: number;
}

/**
 * One page: up to `limit` matching records after the cursor, and the position to continue from
 * when more match. Scans the presorted order from the cursor on, or sorts only the candidates.
 */
export function cursorPage(options: CursorPageOptions): { records: number[]; next: CursorPosition | null } {
  const { time, id, predicate, after, limit } = options;
  let order: ArrayLike<number>;
  let start = 0;
  if (options.candidates) {
    order = [...new Set(options.candidates)].sort(options.compare);
  } else {
    order = options.order();
  }
  if (after) start = firstAfter(order, time, id, after);
  const records: number[] = [];
  for (let slot = start; slot < order.length; slot++) {
    const i = order[slot]!;
    if (predicate && !predicate(i)) continue;
    if (records.length === limit) {
      const last = records[records.length - 1]!;
      return { records, next: { time: time[last]!, id: id(last) } };
    }
    records.push(i);
  }
  return { records, next: null };
}
