import { LEVELS, nearestRankIndex } from '../figures.js';
import type { RangeMs } from '../query.js';
import type { ScoreSummary, SortDirection, TraceFilters, UserSummary } from '../types.js';
import { compareIds, type MemoryIndex } from './buildIndex.js';

/** Building blocks every memory-client method composes: slices, filters, sums, percentiles. */

/** First position in `[lo, hi)` whose timestamp is ≥ `ms`. */
export function lowerBound(timestamp: Float64Array, ms: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamp[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions `[lo, hi)` of user `u`'s traces inside the range. */
export function userSlice(index: MemoryIndex, u: number, range: RangeMs): [number, number] {
  const start = index.userOffsets[u]!;
  const end = index.userOffsets[u + 1]!;
  const lo = range.fromMs === -Infinity ? start : lowerBound(index.timestamp, range.fromMs, start, end);
  const hi = range.toMs === Infinity ? end : lowerBound(index.timestamp, range.toMs, lo, end);
  return [lo, hi];
}

/** The user's number, or -1. Users are sorted, so this is a binary search. */
export function findUser(index: MemoryIndex, userId: string): number {
  let lo = 0;
  let hi = index.users.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.users[mid]! < userId) lo = mid + 1;
    else hi = mid;
  }
  return index.users[lo] === userId ? lo : -1;
}

/** Trace filters compiled to integer checks against the index's dictionaries. */
export class TraceFilter {
  /** No constraint at all: callers skip `passes`. */
  readonly none: boolean;
  private readonly environmentAllowed: Uint8Array | null;
  private readonly requiredTags: number[] | null;
  private readonly index: MemoryIndex;

  constructor(index: MemoryIndex, filters: TraceFilters | undefined) {
    this.index = index;
    const environments = filters?.environments ?? [];
    const tags = filters?.tags ?? [];
    this.environmentAllowed = null;
    this.requiredTags = null;
    if (environments.length > 0) {
      this.environmentAllowed = new Uint8Array(index.environments.length);
      for (const name of environments) {
        const id = index.environments.indexOf(name);
        if (id >= 0) this.environmentAllowed[id] = 1;
      }
    }
    if (tags.length > 0) {
      // An unknown tag keeps its slot as -1, which no trace carries, so nothing passes.
      this.requiredTags = [...new Set(tags)].map((tag) => index.tags.indexOf(tag));
    }
    this.none = this.environmentAllowed === null && this.requiredTags === null;
  }

  passes(p: number): boolean {
    if (this.environmentAllowed && this.environmentAllowed[this.index.environment[p]!] !== 1) return false;
    if (this.requiredTags) {
      const { tagOffsets, tagData } = this.index;
      const start = tagOffsets[p]!;
      const end = tagOffsets[p + 1]!;
      for (const tag of this.requiredTags) {
        let found = false;
        for (let i = start; i < end; i++) {
          if (tagData[i] === tag) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
    }
    return true;
  }
}

/** Running totals over a set of traces; reused between users to keep the hot loop allocation-free. */
export class Totals {
  traceCount = 0;
  observationCount = 0;
  inputTokens = 0;
  outputTokens = 0;
  totalTokens = 0;
  totalCost = 0;
  errorCount = 0;
  sessionCount = 0;
  firstMs = NaN;
  lastMs = NaN;
  /** Per-session stamp: a session is counted once per `sum` call. */
  private readonly sessionSeen: Float64Array;
  private generation = 0;

  constructor(index: MemoryIndex) {
    this.sessionSeen = new Float64Array(index.sessionIds.length);
  }

  /** Sums the traces in `[lo, hi)` that pass `filter` (positions are in timestamp order). */
  sum(index: MemoryIndex, lo: number, hi: number, filter: TraceFilter): this {
    const generation = ++this.generation;
    const seen = this.sessionSeen;
    let traceCount = 0;
    let observationCount = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    let totalTokens = 0;
    let totalCost = 0;
    let errorCount = 0;
    let sessionCount = 0;
    let first = -1;
    let last = -1;
    for (let p = lo; p < hi; p++) {
      if (!filter.none && !filter.passes(p)) continue;
      if (first < 0) first = p;
      last = p;
      traceCount++;
      observationCount += index.observationCount[p]!;
      inputTokens += index.inputTokens[p]!;
      outputTokens += index.outputTokens[p]!;
      totalTokens += index.totalTokens[p]!;
      totalCost += index.totalCost[p]!;
      errorCount += index.hasError[p]!;
      const s = index.session[p]!;
      if (s >= 0 && seen[s] !== generation) {
        seen[s] = generation;
        sessionCount++;
      }
    }
    this.traceCount = traceCount;
    this.observationCount = observationCount;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.totalTokens = totalTokens;
    this.totalCost = totalCost;
    this.errorCount = errorCount;
    this.sessionCount = sessionCount;
    this.firstMs = first < 0 ? NaN : index.timestamp[first]!;
    this.lastMs = last < 0 ? NaN : index.timestamp[last]!;
    return this;
  }
}

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

/** Count and mean per name of NUMERIC and BOOLEAN scores on the passing traces, by name. */
export function scoreSummaries(index: MemoryIndex, lo: number, hi: number, filter: TraceFilter): ScoreSummary[] {
  const names = index.scoreNames.length;
  if (names === 0) return [];
  const count = new Float64Array(names);
  const sum = new Float64Array(names);
  const forEachSlot = (visit: (slot: number, name: number) => void) => {
    const each = (slot: number) => {
      const name = index.scoreSummaryName[slot]!;
      if (name >= 0) visit(slot, name);
    };
    if (filter.none) {
      // Score slots are laid out in trace order, so a slice's scores are one contiguous run.
      for (let slot = index.scoreOffsets[lo]!; slot < index.scoreOffsets[hi]!; slot++) each(slot);
    } else {
      for (let p = lo; p < hi; p++) {
        if (!filter.passes(p)) continue;
        for (let slot = index.scoreOffsets[p]!; slot < index.scoreOffsets[p + 1]!; slot++) each(slot);
      }
    }
  };
  forEachSlot((slot, name) => {
    count[name]!++;
    sum[name]! += index.scoreValue[slot]!;
  });
  const mean = sum.map((total, name) => total / count[name]!);
  // Score values are any finite numbers: where a sum overflowed (values near ±1.8e308), the mean
  // is taken again as Σ (value / count), whose terms and total stay finite.
  const overflowed = mean.map((value, name) => (count[name]! > 0 && !Number.isFinite(value) ? 1 : 0));
  if (overflowed.includes(1)) {
    const scaled = new Float64Array(names);
    forEachSlot((slot, name) => {
      scaled[name]! += index.scoreValue[slot]! / count[name]!;
    });
    for (let name = 0; name < names; name++) if (overflowed[name] === 1) mean[name] = scaled[name]!;
  }
  const summaries: ScoreSummary[] = [];
  for (let name = 0; name < names; name++) {
    if (count[name]! === 0) continue;
    summaries.push({
      name: index.scoreNames[name]!,
      dataType: index.scoreNameBoolean[name] === 1 ? 'BOOLEAN' : 'NUMERIC',
      count: count[name]!,
      mean: mean[name]!,
    });
  }
  return summaries.sort((a, b) => compareIds(a.name, b.name));
}

export function toIso(ms: number): string | null {
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A user's full summary over `[lo, hi)`, given its already computed totals. */
export function userSummary(
  index: MemoryIndex,
  u: number,
  lo: number,
  hi: number,
  filter: TraceFilter,
  totals: Totals,
): UserSummary {
  const { p50, p95 } = latencyPercentiles(index, lo, hi, filter);
  return {
    userId: index.users[u]!,
    firstEvent: toIso(totals.firstMs),
    lastEvent: toIso(totals.lastMs),
    traceCount: totals.traceCount,
    observationCount: totals.observationCount,
    sessionCount: totals.sessionCount,
    inputTokens: totals.inputTokens,
    outputTokens: totals.outputTokens,
    totalTokens: totals.totalTokens,
    totalCost: totals.totalCost,
    errorCount: totals.errorCount,
    errorRate: totals.traceCount === 0 ? null : totals.errorCount / totals.traceCount,
    latencyP50: p50,
    latencyP95: p95,
    scores: scoreSummaries(index, lo, hi, filter),
  };
}

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

export function levelName(index: MemoryIndex, p: number) {
  const level = index.level[p]!;
  return level < 0 ? null : LEVELS[level]!;
}
