// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../src/testing/index.ts';
import { oracleSegments } from '../../oracle/oracle.ts';
import { asOracle, endpointOf, metricsQueryOf, pair } from './harness.ts';

const dataset = generateDemoDataset({ seed: 12, users: 50, days: 15, end: '2026-11-01T00:00:00.000Z' });
const oracle = asOracle(dataset);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('Langfuse client — segments from metrics v2', () => {
  for (const api of ['v4', 'legacy'] as const) {
    for (const [dimension, prefix] of [
      ['environment', ''],
      ['tags', ''],
      ['tags', 'ra'],
      ['release', ''],
    ] as const) {
      it(`sums cost, tokens and traces per ${dimension}${prefix ? ` starting "${prefix}"` : ''} as the oracle does, in 2 requests (${api})`, async () => {
        const { langfuse, requests } = pair(dataset, { fake: { api }, client: { api } });
        expect(langfuse.capabilities.segments).toEqual(['environment', 'tags', 'release']);
        // Over all time every trace and every observation is in range, so the list's way of
        // counting (observations that start in it) and the segments' agree.
        const answer = await langfuse.getSegments!({ dimension, ...(prefix ? { prefix } : {}), filters: { environments: ['production', 'staging'] } });
        expect(requests.map(endpointOf)).toEqual(api === 'v4' ? ['/api/public/v2/metrics', '/api/public/v2/metrics'] : ['/api/public/metrics', '/api/public/metrics']);
        if (api === 'v4') expect(requests.map((url) => metricsQueryOf(url).dimensions)).toEqual([[{ field: dimension }], [{ field: dimension }]]);
        const expected = oracleSegments(oracle, { dimension, prefix, filters: { environments: ['production', 'staging'] } }).filter((segment) => segment.value !== null);
        // Langfuse unnests tags: a trace without a matching tag is in no group, so no "(no tag)" row.
        expect(answer.segments.map((segment) => segment.value).sort()).toEqual(expected.map((segment) => segment.value).sort());
        for (const segment of answer.segments) {
          const twin = expected.find((candidate) => candidate.value === segment.value)!;
          expect(segment.traceCount).toBe(twin.traceCount);
          expect(close(segment.totalCost, twin.totalCost), `${segment.value} cost ${segment.totalCost} vs ${twin.totalCost}`).toBe(true);
          expect(segment.totalTokens).toBe(twin.totalTokens);
          expect(segment).toMatchObject({ userCount: null, costPerUser: null, errorRate: null, feedback: null });
        }
        expect(answer.segments.length).toBeGreaterThan(prefix || dimension === 'release' ? 0 : 1);
        expect(answer.unavailable).toEqual(['userCount', 'costPerUser', 'errorRate', 'feedback']);
        for (let i = 1; i < answer.segments.length; i++) expect(answer.segments[i - 1]!.totalCost).toBeGreaterThanOrEqual(answer.segments[i]!.totalCost);
      });
    }
  }

  it('refuses metadata dimensions and filters, which are no metrics dimension', async () => {
    const { langfuse, requests } = pair(dataset);
    await expect(langfuse.getSegments!({ dimension: 'metadata.plan' })).rejects.toMatchObject({ code: 'unsupported', field: 'dimension' });
    await expect(langfuse.getSegments!({ dimension: 'environment', filters: { metadata: { plan: 'pro' } } })).rejects.toMatchObject({ code: 'unsupported', field: 'filters.metadata' });
    expect(requests).toHaveLength(0);
  });
});
