import { scaleLinear } from '@visx/scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRIDES, axisWidth, niceTicks, textWidth, thin } from '../../../src/components/charts/ticks.ts';

/** What d3 (through visx) puts on an axis over `[min, max]` widened to round ends. */
const d3Ticks = (min: number, max: number, count: number) => scaleLinear({ domain: [min, max] }).nice(count).ticks(count);

describe('niceTicks', () => {
  it('gives the ticks d3 gives on a niced linear axis, for the charts’ ranges', () => {
    const cases = [
      [0, 12, 4], // traces in a busy day
      [0, 1, 4], // a brand-new user
      [0, 0.00123, 4], // cost in dollars
      [0, 94_900, 4], // tokens
      [0.39, 1, 4], // scores on 0–1
      [-3.2, 17.9, 5], // a score scale below zero
    ] as const;
    for (const [min, max, count] of cases) expect(niceTicks(min, max, count)).toEqual(d3Ticks(min, max, count));
  });

  it('covers the values an axis draws: from zero or a whole number up to any maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 0 }), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 8 }), (min, max, count) => {
        const ticks = niceTicks(min, max, count);
        expect(ticks[0]).toBeLessThanOrEqual(min);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(count * 3);
        // Evenly spaced, on 1, 2 or 5 times a power of ten, as d3 spaces them.
        const step = ticks[1]! - ticks[0]!;
        expect(step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toBeOneOf([1, 2, 5].map((f) => expect.closeTo(f, 6)));
        expect(ticks).toEqual(d3Ticks(min, max, count));
      }),
    );
  });

  it('gives the one value of an empty or endless span', () => {
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(0, Infinity)).toEqual([0]);
  });
});

describe('thin', () => {
  const hours = Array.from({ length: 49 }, (_, i) => i);

  it('keeps every item that fits, else every k-th with k the first round stride that fits', () => {
    expect(thin(hours, 60)).toEqual(hours);
    // 49 hours in 5 labels: every 12th (0, 12, 24, 36, 48); every 6th would be 9 labels.
    expect(thin(hours, 5, STRIDES.hour)).toEqual([0, 12, 24, 36, 48]);
    // 31 days in 5 labels: every 7th, a week apart.
    expect(thin(hours.slice(0, 31), 5, STRIDES.day)).toEqual([0, 7, 14, 21, 28]);
  });

  it('never keeps more than fit, and always keeps the first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(...Object.values(STRIDES)), (n, max, strides) => {
        const kept = thin(Array.from({ length: n }, (_, i) => i), max, strides);
        expect(kept[0]).toBe(0);
        expect(kept.length).toBeLessThanOrEqual(Math.max(1, Math.floor(max)));
      }),
    );
  });
});

describe('textWidth and axisWidth', () => {
  it('grow with the text, and leave a gap beside the widest label', () => {
    expect(textWidth('Nov 30, 2026')).toBeGreaterThan(textWidth('Nov 3'));
    expect(axisWidth(['0', '10,000', '5'])).toBe(textWidth('10,000') + 6);
  });
});
