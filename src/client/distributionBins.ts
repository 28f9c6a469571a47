/**
 * Histogram edges chosen from the values: round numbers a reader can say ($0.02, 50, 1.5 s),
 * as many bins as the data supports and never more than asked for.
 *
 * - How many: Freedman–Diaconis (bin width 2·IQR·n^−⅓), which follows the bulk of the data
 *   and ignores a long tail; Sturges (log₂ n + 1) when the IQR is zero (most values equal).
 * - Linear edges step by 1, 2, 2.5 or 5 × 10^k from a multiple of the step below the minimum.
 * - Log edges (asked for with `scale: 'log'`) follow a 1-2-5-style ladder per decade, which
 *   is what a heavy-tailed figure such as cost needs: one user at $2 and most below $0.10.
 *   Below one decade of spread log and linear bins look alike, and a ladder would give one or
 *   two bins, so such data gets linear edges and the answer says so.
 * - Zeros under a log scale get a bin of their own, from 0 to the first ladder edge.
 * - Figures that are whole numbers (traces, tokens) get whole-number edges.
 */

export interface BinEdges {
  /** Strictly increasing; the first ≤ the smallest value, the last ≥ the largest. */
  edges: number[];
  scale: 'linear' | 'log';
}

const LINEAR_STEPS = [1, 2, 2.5, 5];
/** Ladders of edges within a decade, coarse to fine. */
const LOG_LADDERS = [[1], [1, 3], [1, 2, 5], [1, 1.5, 2, 3, 5, 7], [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]];

/** `values` must hold at least one finite number. */
export function chooseBinEdges(values: readonly number[], maxBins: number, scale: 'linear' | 'log'): BinEdges {
  const sorted = [...values].sort((a, b) => a - b);
  const whole = sorted.every(Number.isInteger);
  const positive = sorted.filter((v) => v > 0);
  // Zeros (and any value below the ladder) get a bin of their own, one of the bins allowed.
  const below = positive.length < sorted.length ? 1 : 0;
  if (scale === 'log' && maxBins > below && positive.length > 0 && positive[positive.length - 1]! / positive[0]! >= 10) {
    const ladder = logEdges(positive, maxBins - below, whole);
    return { edges: sorted[0]! < ladder[0]! ? [Math.min(0, sorted[0]!), ...ladder] : ladder, scale: 'log' };
  }
  return { edges: linearEdges(sorted, maxBins, whole), scale: 'linear' };
}

/** How many bins the spread supports: Freedman–Diaconis, else Sturges; within 1..maxBins. */
function suggestedBins(sorted: readonly number[], maxBins: number): number {
  const n = sorted.length;
  const span = sorted[n - 1]! - sorted[0]!;
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  const count = iqr > 0 ? Math.ceil(span / (2 * iqr * n ** (-1 / 3))) : Math.ceil(Math.log2(n)) + 1;
  return Math.max(1, Math.min(maxBins, count));
}

/** The nearest-rank quantile: exact enough to size bins. */
const quantile = (sorted: readonly number[], q: number) => sorted[Math.round((sorted.length - 1) * q)]!;

/** Drops binary noise: 3 × 0.1 is 0.3, not 0.30000000000000004. */
const clean = (x: number) => Number(x.toPrecision(12));

function linearEdges(sorted: readonly number[], maxBins: number, whole: boolean): number[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  // One value (or values a millionth apart): a bin a step of its own magnitude wide ($2.40 to $2.50 around $2.46).
  const wanted = max - min > 1e-6 * Math.abs(max) ? (max - min) / suggestedBins(sorted, maxBins) : 10 ** Math.floor(Math.log10(Math.abs(max))) / 10 || 1;
  for (let power = Math.floor(Math.log10(wanted)); ; power++) {
    for (const mantissa of LINEAR_STEPS) {
      const step = clean(mantissa * 10 ** power);
      // No round step holds the values in so few bins (one bin across zero): one band, min to max.
      if (!Number.isFinite(step)) return [min, max > min ? max : min + 1];
      if (step < wanted || (whole && !Number.isInteger(step))) continue;
      // Division is inexact (0.3 / 0.1 < 3): settle each end on the edge the values need.
      let first = Math.floor(min / step);
      if (clean(first * step) > min) first--;
      else if (clean((first + 1) * step) <= min) first++;
      let last = Math.max(first + 1, Math.ceil(max / step));
      if (clean(last * step) < max) last++;
      else if (last - 1 > first && clean((last - 1) * step) >= max) last--;
      if (last - first > maxBins) continue;
      return Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
    }
  }
}

function logEdges(positive: readonly number[], maxBins: number, whole: boolean): number[] {
  const low = positive[0]!;
  const high = positive[positive.length - 1]!;
  const target = suggestedBins(positive.map(Math.log10), maxBins);
  let best: number[] | undefined;
  for (const ladder of LOG_LADDERS) {
    const edges = ladderEdges(ladder, low, high, whole);
    if (edges.length - 1 > maxBins) break;
    // The ladder whose bin count is nearest the suggestion; a tie goes to the coarser one.
    if (!best || Math.abs(edges.length - 1 - target) < Math.abs(best.length - 1 - target)) best = edges;
  }
  // More decades than bins: powers of ten, some skipped.
  return best ?? ladderEdges([1], low, high, whole, Math.ceil((Math.log10(high) - Math.log10(low)) / maxBins) + 1);
}

/** The ladder's values from the largest ≤ low to the smallest ≥ high, every `stride` decades. */
function ladderEdges(ladder: readonly number[], low: number, high: number, whole: boolean, stride = 1): number[] {
  const edges: number[] = [];
  // Starts a stride low: log10 may land a hair above a power of ten.
  for (let power = Math.floor(Math.log10(low)) - stride; edges.length === 0 || edges[edges.length - 1]! < high; power += stride) {
    for (const mantissa of ladder) {
      const edge = clean(mantissa * 10 ** power);
      if (edge <= low) edges.length = 0;
      if (edge <= low || edges[edges.length - 1]! < high) edges.push(edge);
    }
  }
  return wholeEdges(edges, whole);
}

/** For whole numbers a bin [1.5, 2) holds what [2, 2) does: nothing. Rounding edges up keeps every value's bin. */
function wholeEdges(edges: number[], whole: boolean): number[] {
  return whole ? [...new Set(edges.map(Math.ceil))] : edges;
}
