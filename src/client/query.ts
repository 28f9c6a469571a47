import { UserlensError } from './errors.js';
import { parseIsoDate } from './parseIsoDate.js';
import type { DateRange, Page, SortSpec } from './types.js';

/** Query argument checks shared by every adapter, so each refuses bad input the same way. */

export interface RangeMs {
  /** Inclusive; `-Infinity` when open. */
  fromMs: number;
  /** Exclusive; `Infinity` when open. */
  toMs: number;
}

export function parseRange(range: DateRange | undefined, where: string): RangeMs {
  const fromMs = parseBound(range?.from, 'range.from', where) ?? -Infinity;
  const toMs = parseBound(range?.to, 'range.to', where) ?? Infinity;
  if (fromMs > toMs) {
    throw new UserlensError(
      'invalid_query',
      `${where}: range.from (${range?.from}) is after range.to (${range?.to}). Swap them or leave one open.`,
      { where, field: 'range' },
    );
  }
  return { fromMs, toMs };
}

function parseBound(value: string | undefined, field: string, where: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = typeof value === 'string' ? parseIsoDate(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new UserlensError(
      'invalid_query',
      `${where}: ${field} must be an ISO-8601 date-time, got ${JSON.stringify(value)}.`,
      { where, field },
    );
  }
  return ms;
}

export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

export const DEFAULT_PAGE_SIZE = 50;

export function parsePaging(
  query: { page?: number; pageSize?: number },
  maxPageSize: number,
  where: string,
): Paging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1) {
    throw new UserlensError(
      'invalid_query',
      `${where}: page must be an integer ≥ 1 (pages count from 1), got ${String(page)}.`,
      { where, field: 'page' },
    );
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new UserlensError(
      'invalid_query',
      `${where}: pageSize must be an integer from 1 to ${maxPageSize}, got ${String(pageSize)}.`,
      { where, field: 'pageSize' },
    );
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function parseSort<Field extends string>(
  sort: SortSpec<Field> | undefined,
  allowed: readonly Field[],
  fallback: SortSpec<Field>,
  where: string,
): SortSpec<Field> {
  if (!sort) return fallback;
  if (!allowed.includes(sort.field)) {
    throw new UserlensError(
      'invalid_query',
      `${where}: cannot sort by ${JSON.stringify(sort.field)}. Sort by one of: ${allowed.join(', ')}.`,
      { where, field: 'sort.field' },
    );
  }
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new UserlensError(
      'invalid_query',
      `${where}: sort.direction must be "asc" or "desc", got ${JSON.stringify(sort.direction)}.`,
      { where, field: 'sort.direction' },
    );
  }
  return sort;
}

export function toPage<T>(items: T[], paging: Paging, total: number): Page<T> {
  return {
    items,
    page: paging.page,
    pageSize: paging.pageSize,
    total,
    hasMore: paging.offset + items.length < total,
  };
}

/** Rejects with the signal's reason once it has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
