import type { SortDirection } from '../types.js';

/** The first page of rows by a figure, without ordering every row. */

/** Compares row numbers by `key`, NaN (no value) last in either direction, ties by `tie`. */
export function keyComparator(key: Float64Array | Int32Array, direction: SortDirection, tie: (a: number, b: number) => number) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: number, b: number) => {
    const x = key[a]!;
    const y = key[b]!;
    if (x !== y) {
      // NaN, the one value unequal to itself, goes last.
      if (x !== x) return y !== y ? tie(a, b) : 1;
      if (y !== y) return -1;
      return x < y ? -sign : sign;
    }
    return tie(a, b);
  };
}

/**
 * The first `k` of the rows `0 … count - 1` under `compare`, sorted: what one page needs. A
 * bounded binary heap holding the k best so far, so a page of 50 out of 100k users costs about
 * n·log k comparisons (most rows lose to the heap's root at once) instead of the n·log n of
 * sorting everyone, and no array of every row is made.
 */
export function firstK(count: number, k: number, compare: (a: number, b: number) => number): number[] {
  if (k < 1 || k * 8 >= count) return [...Array(count).keys()].sort(compare).slice(0, k);
  // Max-heap on `compare`: the root is the worst of the kept rows.
  const heap: number[] = [];
  for (let row = 0; row < count; row++) {
    let i = heap.length;
    if (i < k) {
      // While it fills: up from a new leaf.
      for (let parent; i > 0 && compare(heap[(parent = (i - 1) >> 1)]!, row) < 0; i = parent) heap[i] = heap[parent]!;
    } else {
      if (compare(row, heap[0]!) > 0) continue;
      // Better than the worst kept: down from the root, which it replaces.
      i = 0;
      for (let child; (child = 2 * i + 1) < k; i = child) {
        if (child + 1 < k && compare(heap[child + 1]!, heap[child]!) > 0) child++;
        if (compare(heap[child]!, row) < 0) break;
        heap[i] = heap[child]!;
      }
    }
    heap[i] = row;
  }
  return heap.sort(compare);
}
