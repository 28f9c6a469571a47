import type { SortDirection } from '../types.js';
import { keyComparator } from './firstK.js';

/** Whole orders of a user's rows (traces, sessions, scores) by a figure or a text; loaded with those lists. */

/**
 * Sorts `order` (row numbers) by `key`, NaN (no value) last in either direction, ties by
 * `tie` ascending. Numeric keys live in a Float64Array so the comparator stays monomorphic.
 */
export function sortByKey(
  order: number[],
  key: Float64Array,
  direction: SortDirection,
  tie: (a: number, b: number) => number,
): number[] {
  return order.sort(keyComparator(key, direction, tie));
}

/** Like `sortByKey` for string keys (code-unit order), `null` last. */
export function sortByText(
  order: number[],
  key: (row: number) => string | null,
  direction: SortDirection,
  tie: (a: number, b: number) => number,
): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  return order.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return tie(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -sign : sign;
  });
}
