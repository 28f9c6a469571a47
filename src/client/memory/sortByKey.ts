import type { SortDirection } from '../types.js';

/** Orders of row numbers by a figure: whole lists and the first page of them. */

/** Compares row numbers by `key`, NaN (no value) last in either direction, ties by `tie`. */
export function keyComparator(key: Float64Array, direction: SortDirection, tie: (a: number, b: number) => number) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: number, b: number) => {
    const x = key[a]!;
    const y = key[b]!;
    if (x !== y) {
      if (Number.isNaN(x)) return Number.isNaN(y) ? tie(a, b) : 1;
      if (Number.isNaN(y)) return -1;
      return x < y ? -sign : sign;
    }
    return tie(a, b);
  };
}

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

/**
 * The first `k` of `order` under `compare`, sorted: what one page needs. Hand-written (a
 * bounded binary heap holding the k best so far) because a page of 50 out of 100k users then
 * costs about n·log k comparisons instead of the n·log n of sorting everyone.
 */
export function firstK(order: readonly number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (k * 8 >= order.length) return [...order].sort(compare).slice(0, k);
  // Max-heap on `compare`: the root is the worst of the kept rows.
  const heap: number[] = [];
  const worse = (i: number, j: number) => compare(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && worse(left, largest)) largest = left;
      if (right < heap.length && worse(right, largest)) largest = right;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  for (const row of order) {
    if (heap.length < k) {
      heap.push(row);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (compare(row, heap[0]!) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort(compare);
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
