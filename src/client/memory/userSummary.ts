import type { UserSummary } from '../types.js';
import type { MemoryIndex } from './buildIndex.js';
import { latencyPercentiles } from './latencyPercentiles.js';
import { scoreSummaries } from './scoreSummaries.js';
import type { Sums } from './Totals.js';
import type { TraceFilter } from './TraceFilter.js';

/** A user's full summary over `[lo, hi)`, given its already computed totals. */
export function userSummary(
  index: MemoryIndex,
  u: number,
  lo: number,
  hi: number,
  filter: TraceFilter,
  totals: Sums,
): UserSummary {
  const { p50, p95 } = latencyPercentiles(index, lo, hi, filter);
  return {
    userId: index.users[u]!,
    firstEvent: toIso(totals.firstEvent),
    lastEvent: toIso(totals.lastEvent),
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

/** An instant in ms as ISO-8601; `null` for NaN (no trace, so no first or last event). */
export function toIso(ms: number): string | null {
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
