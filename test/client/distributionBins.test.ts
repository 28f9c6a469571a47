import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBinEdges } from '../../src/client/distributionBins.ts';
import { createFormatters } from '../../src/format/createFormatters.ts';
import { edgeLabels, type EdgeUnit } from '../../src/format/edgeLabels.ts';

/** Non-negative figures: plain, whole, and heavy-tailed (10^x over up to eight decades), zeros among them. */
const valuesArb = fc.oneof(
  // Figures are not below a billionth (of a dollar, of a ratio) except at zero.
  fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => (v < 1e-9 ? 0 : v)), { minLength: 1, maxLength: 200 }),
  fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 200 }),
  fc.array(fc.oneof(fc.constant(0), fc.double({ min: -6, max: 2, noNaN: true }).map((x) => 10 ** x)), { minLength: 1, maxLength: 200 }),
  // More decades than bins.
  fc.array(fc.double({ min: -9, max: 15, noNaN: true }).map((x) => 10 ** x), { minLength: 2, maxLength: 50 }),
);
const scaleArb = fc.constantFrom('linear' as const, 'log' as const);

/** Which bin a value falls in: from inclusive, to exclusive, the last bin holding its upper edge. */
const binsHolding = (edges: readonly number[], v: number) =>
  edges.slice(0, -1).filter((from, i) => v >= from && (v < edges[i + 1]! || (i === edges.length - 2 && v === edges[i + 1])));

const format = createFormatters({ timeZone: 'UTC' });

describe('chooseBinEdges', () => {
  it('gives strictly increasing edges, no more bins than asked, and bins every value exactly once', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 40 }), scaleArb, (values, maxBins, scale) => {
        const { edges } = chooseBinEdges(values, maxBins, scale);
        expect(edges.length).toBeGreaterThanOrEqual(2);
        expect(edges.length - 1).toBeLessThanOrEqual(maxBins);
        edges.slice(1).forEach((edge, i) => expect(edge).toBeGreaterThan(edges[i]!));
        for (const v of values) expect(binsHolding(edges, v)).toHaveLength(1);
      }),
    );
  });

  it('puts edges on round numbers: one step of 1, 2, 2.5 or 5 × 10^k when linear, two significant digits at most when log', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 40 }), scaleArb, (values, maxBins, asked) => {
        const { edges, scale } = chooseBinEdges(values, maxBins, asked);
        if (scale === 'linear') {
          const step = edges[1]! - edges[0]!;
          const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6));
          expect([1, 2, 2.5, 5]).toContain(mantissa);
          for (const q of edges.map((edge) => edge / step)) expect(Math.abs(q - Math.round(q))).toBeLessThan(1e-6 + 1e-9 * Math.abs(q));
        } else {
          for (const edge of edges.filter((e) => e > 0)) expect(Number(edge.toPrecision(2))).toBe(edge);
        }
      }),
    );
  });

  it('gives whole-number figures whole-number edges', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 30 }), scaleArb, (values, maxBins, scale) => {
        expect(chooseBinEdges(values, maxBins, scale).edges.every(Number.isInteger)).toBe(true);
      }),
    );
  });

  it('labels adjacent edges differently, for every figure’s unit', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 40 }), scaleArb, fc.constantFrom<EdgeUnit>('cost', 'duration', 'percent', 'count'), (values, maxBins, scale, unit) => {
        const labels = edgeLabels(chooseBinEdges(values, maxBins, scale).edges, unit, format);
        labels.slice(1).forEach((label, i) => expect(label).not.toBe(labels[i]));
      }),
    );
  });

  it('gives a single value one bin around it, not a row of empty ones', () => {
    const { edges } = chooseBinEdges([2.4572, 2.4572], 24, 'log');
    expect(edges).toHaveLength(2);
    expect(edges[0]).toBeLessThanOrEqual(2.4572);
    expect(edges[1]).toBeGreaterThan(2.4572);
    // A tenth of the value's order of magnitude wide: $2.40 to $2.50, not $2.46 to $2.46.
    expect(edges[1]! - edges[0]!).toBeCloseTo(0.1, 10);
  });

  it('follows a heavy tail with log edges, and values within one decade with linear ones', () => {
    const tail = Array.from({ length: 150 }, (_, i) => 0.0004 * 1.06 ** i); // 0.0004 to about 2.4
    const log = chooseBinEdges(tail, 24, 'log');
    expect(log.scale).toBe('log');
    // Each bin spans a factor of at most ten, wider bins higher up, and none is empty.
    const widths = log.edges.slice(1).map((edge, i) => edge - log.edges[i]!);
    widths.slice(1).forEach((width, i) => expect(width).toBeGreaterThanOrEqual(widths[i]!));
    log.edges.slice(1).forEach((edge, i) => expect(edge / log.edges[i]!).toBeLessThanOrEqual(10));
    log.edges.slice(1).forEach((edge, i) => expect(tail.some((v) => v >= log.edges[i]! && v <= edge)).toBe(true));
    const narrow = chooseBinEdges([0.02, 0.021, 0.024, 0.027, 0.03], 24, 'log');
    expect(narrow.scale).toBe('linear');
    expect(narrow.edges.length).toBeGreaterThan(2);
  });

  it('gives zeros their own first bin under a log scale', () => {
    const { edges } = chooseBinEdges([0, 0, 0, 0.01, 0.2, 3], 20, 'log');
    expect(edges[0]).toBe(0);
    expect(edges[1]).toBeGreaterThan(0);
    expect(edges[1]).toBeLessThanOrEqual(0.01);
  });
});

describe('chooseBinEdges — edge cases', () => {
  it('ends with one band when no round step fits the values in the bins allowed', () => {
    const { edges } = chooseBinEdges([-5, 3, 7], 1, 'linear');
    expect(edges.every(Number.isFinite)).toBe(true);
    expect(edges[0]).toBeLessThanOrEqual(-5);
    expect(edges.at(-1)).toBeGreaterThanOrEqual(7);
  });
});
