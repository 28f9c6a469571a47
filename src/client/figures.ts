import type { NumericUserFigure, ScoreFigure } from './types.js';

/**
 * Figure computation for one observation and over trace latencies, exactly as the figure
 * definitions say. Every adapter derives its numbers through these.
 */

/**
 * What every figure a source gives must be, whichever client or endpoint it comes from: counts
 * are whole numbers ≥ 0, token and cost figures are finite and ≥ 0. A record of a dataset is
 * bounded further, so that no sum over any dataset an array can hold leaves the finite range
 * (2³² records × a few keys × 10¹² stays below 10²⁵): sums are then always finite, never NaN.
 */

/** The most tokens one `usageDetails` value of one observation may state: a trillion. */
export const MAX_USAGE_PER_VALUE = 1e12;
/** The most USD one `totalCost` or `costDetails` value of one observation may state: a billion. */
export const MAX_COST_PER_VALUE = 1e9;

/**
 * The instants a dataset record may carry: from the Unix epoch (where Langfuse's open ranges
 * start, so no source counts what another cannot see) to the end of 2099. Outside it a date is
 * a sentinel such as Go's zero time `0001-01-01T00:00:00Z`, not an event; the window also keeps
 * every all-time activity series within `MAX_BUCKETS` weeks (130 years ≈ 6,800 weeks).
 */
export const EARLIEST_INSTANT_MS = 0;
/** Exclusive: 2100-01-01T00:00:00Z. */
export const LATEST_INSTANT_MS = Date.UTC(2100, 0, 1);

/** A count: a whole number ≥ 0, exact in a double (≤ 2⁵³ − 1). */
export function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** A token or cost amount in `[0, max]`; false for NaN and ±Infinity. */
export function isAmount(value: number, max: number): boolean {
  return value >= 0 && value <= max;
}

/** Token figures of one observation's `usageDetails`. */
export interface ObservationTokens {
  input: number;
  output: number;
  total: number;
}

/**
 * input: Σ values whose key contains "input"; output: Σ values whose key contains "output"
 * (both case-insensitive); total: the `total` value, or input + output when it is absent.
 */
export function observationTokens(
  usageDetails: Readonly<Record<string, number>> | null | undefined,
): ObservationTokens {
  let input = 0;
  let output = 0;
  let total: number | undefined;
  if (usageDetails) {
    for (const key in usageDetails) {
      const value = usageDetails[key]!;
      if (key === 'total') total = value;
      const lower = key.toLowerCase();
      if (lower.includes('input')) input += value;
      if (lower.includes('output')) output += value;
    }
  }
  return { input, output, total: total ?? input + output };
}

/** `totalCost`, else `costDetails.total`, else Σ `costDetails` values; USD. */
export function observationCost(
  totalCost: number | null | undefined,
  costDetails: Readonly<Record<string, number>> | null | undefined,
): number {
  if (typeof totalCost === 'number') return totalCost;
  if (!costDetails) return 0;
  if (typeof costDetails.total === 'number') return costDetails.total;
  let sum = 0;
  for (const key in costDetails) sum += costDetails[key]!;
  return sum;
}

/**
 * The 0-based position of the nearest-rank percentile `p` (in (0, 100]) among `n` ≥ 1 values
 * sorted ascending: rank ⌈p/100 · n⌉, at least 1. The one rank formula: `nearestRank` reads a
 * sorted array at it, the memory client selects the value at it without sorting.
 */
export function nearestRankIndex(n: number, p: number): number {
  return Math.max(1, Math.ceil((p / 100) * n)) - 1;
}

/**
 * Nearest-rank percentile (`p` in (0, 100]) of values sorted ascending; `null` for none.
 * The value at rank ⌈p/100 · n⌉, so it is always one of the observed latencies.
 */
export function nearestRank(sortedAscending: ArrayLike<number>, p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  return sortedAscending[nearestRankIndex(n, p)]!;
}

/** Every figure that is a plain number, in the order views list them. */
export const NUMERIC_USER_FIGURES: readonly NumericUserFigure[] = [
  'traceCount',
  'observationCount',
  'sessionCount',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'totalCost',
  'errorCount',
  'errorRate',
  'latencyP50',
  'latencyP95',
];

/** Severity order of observation levels, lowest first. */
export const LEVELS = ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'] as const;

/**
 * The form user ids are compared in for search: lower case, with the final sigma (ς) folded
 * into σ, so that "Σ" finds "ΟΔΥΣ" whichever way `toLowerCase` reads the end of a word.
 */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

/** The score name of a `score:<name>` figure; `null` for any other field. */
export function scoreFigureName(field: unknown): string | null {
  return typeof field === 'string' && field.startsWith('score:') ? field.slice(6) : null;
}

/** Whether `field` is a score's mean as a figure (`score:<name>`). */
export function isScoreFigure(field: unknown): field is ScoreFigure {
  return scoreFigureName(field) !== null;
}
