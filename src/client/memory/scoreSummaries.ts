import type { ScoreSummary } from '../types.js';
import { compareIds, type MemoryIndex } from './buildIndex.js';
import type { TraceFilter } from './TraceFilter.js';

/**
 * Calls `visit` with the slot (in `index.sessionScores`) of each score on a session that one of
 * the passing traces of [lo, hi) belongs to, each session once.
 */
export function forEachSessionScore(index: MemoryIndex, lo: number, hi: number, filter: TraceFilter, visit: (slot: number) => void): void {
  if (index.sessionScores.length === 0) return;
  const seen = new Set<number>();
  for (let p = lo; p < hi; p++) {
    const s = index.session[p]!;
    if (s < 0 || seen.has(s) || !filter.passes(p)) continue;
    seen.add(s);
    for (let slot = index.sessionScoreOffsets[s]!; slot < index.sessionScoreOffsets[s + 1]!; slot++) visit(slot);
  }
}

/**
 * Count and mean per name of NUMERIC and BOOLEAN scores on the passing traces and on their
 * sessions (scores without a trace), by name.
 */
export function scoreSummaries(index: MemoryIndex, lo: number, hi: number, filter: TraceFilter): ScoreSummary[] {
  const names = index.scoreNames.length;
  if (names === 0) return [];
  const count = new Float64Array(names);
  const sum = new Float64Array(names);
  const forEachSlot = (visit: (value: number, name: number) => void) => {
    const each = (slot: number) => {
      const name = index.scoreSummaryName[slot]!;
      if (name >= 0) visit(index.scoreValue[slot]!, name);
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
    forEachSessionScore(index, lo, hi, filter, (slot) => {
      const name = index.sessionScoreSummaryName[slot]!;
      if (name >= 0) visit(index.sessionScoreValue[slot]!, name);
    });
  };
  forEachSlot((value, name) => {
    count[name]!++;
    sum[name]! += value;
  });
  const mean = sum.map((total, name) => total / count[name]!);
  // Score values are any finite numbers: where a sum overflowed (values near ±1.8e308), the mean
  // is taken again as Σ (value / count), whose terms and total stay finite.
  const overflowed = mean.map((value, name) => (count[name]! > 0 && !Number.isFinite(value) ? 1 : 0));
  if (overflowed.includes(1)) {
    const scaled = new Float64Array(names);
    forEachSlot((value, name) => {
      scaled[name]! += value / count[name]!;
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
