import { integerParam } from './params.js';

/**
 * Page-numbered pagination of the legacy endpoints: `page` from 1, `limit` per page, and the
 * `{ page, limit, totalItems, totalPages }` meta they answer with.
 */
export interface OffsetPage<T> {
  items: T[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

export function pageParams(params: URLSearchParams, maxLimit: number): { page: number; limit: number } {
  return { page: integerParam(params, 'page', 1) ?? 1, limit: integerParam(params, 'limit', 1, maxLimit) ?? 50 };
}

export function offsetPage<T>(all: readonly T[], page: number, limit: number): OffsetPage<T> {
  return {
    items: all.slice((page - 1) * limit, page * limit),
    meta: { page, limit, totalItems: all.length, totalPages: Math.ceil(all.length / limit) },
  };
}
