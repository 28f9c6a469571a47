import type { FigureBand } from '../../client/types.js';
import type { EdgeUnit } from '../../format/edgeLabels.js';

/** How a figure's band edges read (a score's mean as a plain number). */
export function edgeUnit(field: FigureBand['field']): EdgeUnit {
  if (field === 'totalCost') return 'cost';
  if (field === 'latencyP50' || field === 'latencyP95') return 'duration';
  return field === 'errorRate' ? 'percent' : 'count';
}

/**
 * Ticks of the count axis: whole numbers from 0 to at least `max`, 1, 2 or 5 × 10^k apart, at
 * most `intervals` of them; the last is the top of the axis.
 */
export function countTicks(max: number, intervals = 4): number[] {
  for (let i = 0; ; i++) {
    const step = [1, 2, 5][i % 3]! * 10 ** Math.floor(i / 3);
    const steps = Math.max(1, Math.ceil(max / step));
    if (steps <= intervals) return Array.from({ length: steps + 1 }, (_, k) => k * step);
  }
}

/**
 * The edges the x axis labels: about five, evenly apart, and always the last; an edge that
 * would crowd the last one is left to the tooltip and the table.
 */
export function labelledEdges(bins: number): number[] {
  const every = Math.ceil(bins / 5);
  return Array.from({ length: bins + 1 }, (_, i) => i).filter((i) => i === bins || (i % every === 0 && bins - i > every / 2));
}
