import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, nearestRankIndex, observationCost, observationTokens } from '../../src/client/figures.ts';
import { costOf, percentile, tokensOf } from '../oracle/oracle.ts';

describe('observationTokens', () => {
  it('sums every key containing input / output, case-insensitively', () => {
    expect(observationTokens({ input: 10, cache_read_input_tokens: 5, OUTPUT_reasoning: 3, output: 7 })).toEqual({
      input: 15,
      output: 10,
      total: 25,
    });
  });

  it('takes `total` when present, even if it disagrees with input + output', () => {
    expect(observationTokens({ input: 10, output: 5, total: 40 }).total).toBe(40);
  });

  it('is all zeros without usage', () => {
    expect(observationTokens(null)).toEqual({ input: 0, output: 0, total: 0 });
    expect(observationTokens({})).toEqual({ input: 0, output: 0, total: 0 });
  });
});

describe('observationCost', () => {
  it('prefers totalCost, then costDetails.total, then the sum of costDetails', () => {
    expect(observationCost(0.5, { total: 9, input: 1 })).toBe(0.5);
    expect(observationCost(null, { total: 0.25, input: 1 })).toBe(0.25);
    expect(observationCost(undefined, { input: 0.125, output: 0.5 })).toBe(0.625);
    expect(observationCost(null, null)).toBe(0);
  });

  it('keeps a totalCost of 0 rather than falling through', () => {
    expect(observationCost(0, { total: 3 })).toBe(0);
  });
});

describe('observationTokens and observationCost against the oracle', () => {
  // Multiples of 1/1024 keep every sum exact, whatever the order of addition.
  const amount = fc.nat({ max: 4096 }).map((n) => n / 1024);
  const usage = fc.option(fc.dictionary(fc.constantFrom('input', 'output', 'total', 'input_cached', 'cache_read_input_tokens', 'OUTPUT_reasoning', 'other'), fc.nat({ max: 500 }), { maxKeys: 4 }), { nil: undefined });
  const costs = fc.option(fc.dictionary(fc.constantFrom('input', 'output', 'total', 'cache'), amount, { maxKeys: 3 }), { nil: undefined });

  it('gives every observation the tokens and cost the figure definitions give', () => {
    fc.assert(
      fc.property(usage, costs, fc.option(amount, { nil: undefined }), fc.boolean(), (usageDetails, costDetails, amountOrUndefined, asNull) => {
        const totalCost = amountOrUndefined === undefined && asNull ? null : amountOrUndefined;
        expect(observationTokens(usageDetails)).toEqual(tokensOf({ usageDetails }));
        expect(observationCost(totalCost, costDetails)).toBe(costOf({ totalCost, costDetails }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('nearestRankIndex — the rank both the memory client and the Langfuse fake use', () => {
  it.each([
    [1, 50, 0],
    [1, 95, 0],
    [3, 50, 1],
    [4, 50, 1],
    [20, 50, 9],
    [20, 95, 18],
    [11, 95, 10],
    [100, 1, 0],
    [100, 100, 99],
    [5, 0.1, 0],
  ])('of %i values at p%s is position %i', (n, p, expected) => {
    expect(nearestRankIndex(n, p)).toBe(expected);
  });

  it('reads the value the oracle ranks, at any p in (0, 100]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 60 }),
        fc.oneof(fc.constantFrom(50, 75, 90, 95, 99, 100), fc.integer({ min: 1, max: 1000 }).map((n) => n / 10)),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          expect(sorted[nearestRankIndex(values.length, p)]).toBe(percentile(values, p));
          expect(nearestRank(sorted, p)).toBe(percentile(values, p));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('nearestRank', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
  it.each([
    [[42], 50, 42],
    [[42], 95, 42],
    [[1, 2, 3], 50, 2],
    [[1, 2, 3, 4], 50, 2],
    [twenty, 50, 100],
    [twenty, 95, 190],
    [Array.from({ length: 11 }, (_, i) => i + 1), 95, 11],
  ])('of %j at p%i is %i', (values, p, expected) => {
    expect(nearestRank(values, p)).toBe(expected);
  });

  it('is null for no values', () => {
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('selectKth', () => {
  it('finds the same order statistics as a full sort, duplicates included', async () => {
    const { selectKth } = await import('../../src/client/memory/latencyPercentiles.ts');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), fc.nat(), (values, seed) => {
        const k = seed % values.length;
        const sorted = [...values].sort((a, b) => a - b);
        expect(selectKth(Float64Array.from(values), values.length, k)).toBe(sorted[k]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('firstK', () => {
  it('gives the same first k as a full sort, for any k', async () => {
    const { firstK } = await import('../../src/client/memory/firstK.ts');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 300 }), fc.nat({ max: 320 }), (keys, k) => {
        const order = keys.map((_, i) => i);
        const compare = (a: number, b: number) => keys[a]! - keys[b]! || a - b;
        expect(firstK(keys.length, k, compare)).toEqual([...order].sort(compare).slice(0, k));
      }),
      { numRuns: 500 },
    );
  });
});
