// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLangfuseFake, generateDemoDataset } from '../../../src/testing/index.ts';
import { oracleUsers } from '../../oracle/oracle.ts';
import { asOracle, endpointOf, pair, type Intercept } from './harness.ts';

/**
 * A record the detail view cannot read is reported as `invalid_response` naming the endpoint it
 * came from — the scores list for a score, not the observations list.
 */

const dataset = generateDemoDataset({ seed: 3, users: 15, days: 5, end: '2026-11-01T00:00:00.000Z' });
// The heaviest user: traces, observations and scores on every list.
const user = oracleUsers(asOracle(dataset), { sort: { field: 'traceCount', direction: 'desc' } })[0]!;

type Fault = 'duplicate id' | 'unreadable time';

/** Each list, the field of its records that holds a time, and the faults it can show. */
const CASES = [
  { api: 'v4', path: '/api/public/v2/observations', time: 'startTime', faults: ['duplicate id', 'unreadable time'] },
  { api: 'v4', path: '/api/public/v3/scores', time: 'timestamp', faults: ['duplicate id', 'unreadable time'] },
  // Legacy lists are page-numbered and count a record seen twice once: no duplicates reach the reader.
  { api: 'legacy', path: '/api/public/traces', time: 'timestamp', faults: ['unreadable time'] },
  { api: 'legacy', path: '/api/public/observations', time: 'startTime', faults: ['unreadable time'] },
  { api: 'legacy', path: '/api/public/v2/scores', time: 'timestamp', faults: ['unreadable time'] },
] as const;

/** The fake's answer at `path`, with the record at `at` (modulo the page's length) spoilt by `fault`. */
function spoil(api: 'v4' | 'legacy', path: string, time: string, fault: Fault, at: number): Intercept {
  const fake = createLangfuseFake(dataset, { api });
  let done = false;
  return async (url) => {
    if (done || endpointOf(url) !== path) return undefined;
    const body = (await (await fake(new Request(url))).json()) as { data: Record<string, unknown>[] };
    if (body.data.length === 0) return undefined;
    done = true;
    const i = at % body.data.length;
    if (fault === 'duplicate id') body.data.push({ ...body.data[i]! });
    else body.data[i] = { ...body.data[i]!, [time]: 'yesterday at noon' };
    return Response.json(body);
  };
}

describe('Langfuse client — a record it cannot read names its endpoint', () => {
  it('names the list the record came from, for every list and fault', async () => {
    expect(user.scores.length).toBeGreaterThan(0);
    const cases = fc.constantFrom(...CASES).chain((c) => fc.record({ c: fc.constant(c), fault: fc.constantFrom(...c.faults), at: fc.nat() }));
    await fc.assert(
      fc.asyncProperty(cases, async ({ c, fault, at }) => {
        const { langfuse } = pair(dataset, { fake: { api: c.api }, client: { api: c.api }, intercept: spoil(c.api, c.path, c.time, fault, at) });
        const error = await langfuse.getUser(user.userId).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'invalid_response', where: `GET ${c.path}` });
        expect((error as Error).message).toContain(`GET ${c.path} answered records userlens cannot read`);
      }),
      { numRuns: 40 },
    );
  });

  it('names GET /api/public/v3/scores when scores carry duplicate ids', async () => {
    const { langfuse } = pair(dataset, { intercept: spoil('v4', '/api/public/v3/scores', 'timestamp', 'duplicate id', 0) });
    await expect(langfuse.getUser(user.userId)).rejects.toMatchObject({
      code: 'invalid_response',
      where: 'GET /api/public/v3/scores',
      message: expect.stringContaining('unique among scores'),
    });
  });
});
