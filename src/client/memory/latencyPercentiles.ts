import { nearestRankIndex } from '../figures.js';
import type { MemoryIndex } from './buildIndex.js';
import type { TraceFilter } from './TraceFilter.js';

/** Nearest-rank p50 and p95 of the latencies of the passing traces in `[lo, hi)`. */
export function latencyPercentiles(
  index: MemoryIndex,
  lo: number,
  hi: number,
  filter: TraceFilter,
): { p50: number | null; p95: number | null } {
  const values = new Float64Array(hi - lo);
  let n = 0;
  for (let p = lo; p < hi; p++) {
    const latency = index.latency[p]!;
    if (Number.isNaN(latency) || (!filter.none && !filter.passes(p))) continue;
    values[n++] = latency;
  }
  if (n === 0) return { p50: null, p95: null };
  // Nearest rank k is the k-th smallest value: a selection, no full sort needed.
  const rank = (p: number) => nearestRankIndex(n, p);
  const p95 = selectKth(values, n, rank(95));
  // After selecting rank(95), every value below that rank sits left of it.
  const p50 = selectKth(values, rank(95) + 1, rank(50));
  return { p50, p95 };
}

/**
 * The k-th smallest (0-based) of `values[0..n)`, partially reordering them (Hoare's
 * quickselect). Hand-written because a power user has tens of thousands of traces and the page
 * needs two order statistics: O(n) here against O(n log n) for sorting every slice.
 */
export function selectKth(values: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const pivot = values[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}
