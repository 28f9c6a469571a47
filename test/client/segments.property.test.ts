import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryClient, type Dataset } from '../../src/core.ts';
import { datasetArb, filtersArb, rangeArb, type GeneratedDataset } from '../oracle/arbitraries.ts';
import { oracleSegments, type OracleDataset } from '../oracle/oracle.ts';

const RUNS = 300;
const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

describe('getSegments — the oracle', () => {
  it('groups users by environment, tag (with a prefix), release or metadata key with the defined figures, highest cost first (property)', async () => {
    let segments = 0;
    await fc.assert(
      fc.asyncProperty(
        datasetArb,
        rangeArb,
        filtersArb,
        fc.constantFrom('environment', 'tags', 'release', 'metadata.plan', 'metadata.org', 'metadata.absent') as fc.Arbitrary<'environment' | 'tags' | 'release' | `metadata.${string}`>,
        fc.constantFrom('', 'a', 'b'),
        fc.constantFrom(undefined, 'quality', 'thumbs'),
        async (ds: GeneratedDataset, range, filters, dimension, prefix, scoreName) => {
          const client = createMemoryClient(ds as unknown as Dataset);
          const query = { dimension, range, ...(filters ? { filters } : {}), ...(prefix ? { prefix } : {}), ...(scoreName ? { scoreName } : {}) };
          const answer = await client.getSegments!(query);
          const expected = oracleSegments(ds as unknown as OracleDataset, query);
          expect(answer.segments.map((s) => s.value).sort()).toEqual(expected.map((s) => s.value).sort());
          for (const segment of answer.segments) {
            const twin = expected.find((s) => s.value === segment.value)!;
            for (const key of Object.keys(twin) as (keyof typeof twin)[]) {
              if (key === 'value') continue;
              expect(close(segment[key] as number | null, twin[key] as number | null), `${String(segment.value)} ${key}: ${String(segment[key])} vs ${String(twin[key])}`).toBe(true);
            }
          }
          for (let i = 1; i < answer.segments.length; i++) expect(answer.segments[i - 1]!.totalCost + 1e-9).toBeGreaterThanOrEqual(answer.segments[i]!.totalCost);
          segments += answer.segments.length;
        },
      ),
      { numRuns: RUNS },
    );
    // Not vacuous: most runs group something (a metadata key absent everywhere is one segment).
    expect(segments).toBeGreaterThan(RUNS / 4);
  });
});
