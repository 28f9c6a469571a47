import type { Formatters } from './createFormatters.js';

/** How a figure's band edges read: money, a duration in ms, a ratio as a percentage, or a count. */
export type EdgeUnit = 'cost' | 'duration' | 'percent' | 'count';

/** The most fraction (or significant) digits an edge gets beyond its unit's usual to read exactly. */
const EXTRA_DIGITS = 4;

/**
 * Labels for ascending band edges. Each edge gets the fewest digits (at least its unit's usual:
 * a currency's cents) at which it reads exactly and so does its gap to each neighbour, so equal
 * steps read alike ($0.020, $0.025, $0.030 — not $0.02, $0.03, $0.03) and a log ladder stays short
 * where it is wide ($0.0005, $0.0010, $0.002 … $0.50, $1.00). Should two neighbours still read
 * alike (a converted currency no digit count shows exactly), every label gets more digits until
 * none do.
 */
export function edgeLabels(edges: readonly number[], unit: EdgeUnit, format: Formatters): string[] {
  const { value, shown = value, digits: base, formatter, significant = false } = unitFormat(edges, unit, format);
  const fewest = (x: number) => {
    let d = significant ? 1 : base;
    while (d < base + EXTRA_DIGITS && !exact(x, d, significant)) d++;
    return d;
  };
  const gaps = significant ? [] : edges.slice(1).map((edge, i) => fewest(shown(edge) - shown(edges[i]!)));
  const digits = edges.map((edge, i) => Math.max(fewest(shown(edge)), gaps[i - 1] ?? 0, gaps[i] ?? 0));
  const formatters = new Map<number, Intl.NumberFormat>();
  const at = (d: number) => formatters.get(d) ?? formatters.set(d, formatter(d)).get(d)!;
  // Intl takes up to 20 fraction or 21 significant digits everywhere.
  const most = significant ? 21 : 20;
  for (let extra = 0; ; extra++) {
    const labels = edges.map((edge, i) => at(Math.min(most, digits[i]! + extra)).format(value(edge)));
    if (extra >= most || labels.every((label, i) => i === 0 || label !== labels[i - 1])) return labels;
  }
}

/** Whether `x` reads unrounded with `digits` fraction (or significant) digits. */
function exact(x: number, digits: number, significant: boolean): boolean {
  const rounded = significant ? Number(x.toPrecision(digits)) : Math.round(x * 10 ** digits) / 10 ** digits;
  return Math.abs(rounded - x) <= 1e-9 * Math.max(1, Math.abs(x));
}

interface UnitFormat {
  /** What the formatter is given for an edge. */
  value: (edge: number) => number;
  /** The number the reader sees, when it differs from `value` (a ratio shown ×100). */
  shown?: (edge: number) => number;
  /** The digits a label has at least. */
  digits: number;
  /** Whether `digits` counts significant digits (compact counts: 1.05K) rather than fraction digits. */
  significant?: boolean;
  formatter: (digits: number) => Intl.NumberFormat;
}

const DURATION_UNITS = [
  { unit: 'millisecond', ms: 1 },
  { unit: 'second', ms: 1000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'day', ms: 86_400_000 },
] as const;

function unitFormat(edges: readonly number[], unit: EdgeUnit, format: Formatters): UnitFormat {
  const { locale, currency } = format;
  const fixed = (options: Intl.NumberFormatOptions) => (d: number) =>
    new Intl.NumberFormat(locale, { ...options, minimumFractionDigits: d, maximumFractionDigits: d });
  if (unit === 'cost') {
    const rate = currencyRate(format);
    const digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return { value: (usd) => usd * rate, digits, formatter: fixed({ style: 'currency', currency }) };
  }
  if (unit === 'percent') return { value: (ratio) => ratio, shown: (ratio) => ratio * 100, digits: 0, formatter: fixed({ style: 'percent' }) };
  if (unit === 'duration') {
    // One unit for the whole axis, the one the largest edge reads best in.
    const largest = Math.max(...edges.map(Math.abs));
    const { unit: name, ms } = DURATION_UNITS.findLast((u) => largest >= u.ms) ?? DURATION_UNITS[0];
    return { value: (edge) => edge / ms, digits: 0, formatter: fixed({ style: 'unit', unit: name, unitDisplay: 'short' }) };
  }
  return { value: (n) => n, digits: 1, significant: true, formatter: (d) => new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: d }) };
}

const rates = new WeakMap<Formatters, number>();

/**
 * The currency rate `format.cost` applies, read back from one round amount: `Formatters` keeps
 * it to itself, and an edge shown with more digits than a cost has must be converted the same way.
 */
export function currencyRate(format: Formatters): number {
  let rate = rates.get(format);
  if (rate === undefined) {
    const probe = 1_000_000;
    const plain = new Intl.NumberFormat(format.locale);
    const decimal = plain.formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
    const digits = new Map([...'0123456789'].map((d) => [plain.format(Number(d)), d]));
    let text = '';
    for (const char of format.cost(probe)) text += digits.get(char) ?? (char === decimal ? '.' : '');
    rate = Number(text) / probe || 1;
    rates.set(format, rate);
  }
  return rate;
}
