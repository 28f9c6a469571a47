import type { TraceFigures } from '../types.js';
import type { MemoryIndex } from './buildIndex.js';
import type { TraceFilter } from './TraceFilter.js';

/** Figures of no trace yet, for `addTraceFigures` to add to. */
export function noTraceFigures(): TraceFigures {
  return {
    traceCount: 0,
    observationCount: 0,
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    totalCost: 0,
    errorCount: 0,
  };
}

/** Adds the figures of the trace at position `p` to `figures` (a session's, a bucket's). */
export function addTraceFigures(figures: TraceFigures, index: MemoryIndex, p: number): void {
  figures.traceCount++;
  figures.observationCount += index.observationCount[p]!;
  figures.inputTokens += index.inputTokens[p]!;
  figures.outputTokens += index.outputTokens[p]!;
  figures.totalTokens += index.totalTokens[p]!;
  figures.totalCost += index.totalCost[p]!;
  figures.errorCount += index.hasError[p]!;
}

/** A user's figures as `Totals` sums them (first and last event in ms). */
export type Sums = Omit<Totals, 'sum'>;

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
  /** ms of the first and last passing trace; NaN without one. */
  firstEvent = NaN;
  lastEvent = NaN;
  /** Per-session stamp: a session is counted once per `sum` call. */
  private readonly sessionSeen: Float64Array;
  private generation = 0;

  constructor(index: MemoryIndex) {
    this.sessionSeen = new Float64Array(index.sessionIds.length);
  }

  /**
   * Sums the traces in `[lo, hi)` that pass `filter` (positions are in timestamp order). The
   * same sums as `addTraceFigures`, kept in locals: a user list runs this over every trace.
   */
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
    this.firstEvent = first < 0 ? NaN : index.timestamp[first]!;
    this.lastEvent = last < 0 ? NaN : index.timestamp[last]!;
    return this;
  }
}
