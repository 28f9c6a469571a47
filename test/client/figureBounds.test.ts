import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryClient, type Dataset, type MemoryClient } from '../../src/core.ts';
import { errorOf } from './datasetError.ts';

// No NaN, ±Infinity or negative figure from the memory client (and so from
// the Langfuse detail view, which answers through it). The rule: every usage value is a finite
// number from 0 to 1e12 tokens, every totalCost / costDetails value one from 0 to 1e9 USD, so no
// sum over any dataset leaves the finite range; anything else is refused at load, by record.

const MAX_USAGE = 1e12;
const MAX_COST = 1e9;
const AT = '2026-01-01T00:00:00.000Z';
const NUMERIC_FIGURE_KEYS = /Count$|Tokens$|Cost$|^errorRate$|^latency|^durationMs$|^count$|^from$|^to$|^min$|^max$|^values$/;


/** Every number in an answer, with the key it sits under (array items under their array's key). */
function numbersIn(value: unknown, key = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, key, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, k, out);
  return out;
}

/**
 * Every figure of every method for every user: finite, and ≥ 0 (not -0) except score values and
 * means, which may be negative by nature but never NaN or infinite.
 */
async function expectPossibleFigures(client: MemoryClient, userIds: string[]) {
  const answers: unknown[] = [await client.listUsers({ pageSize: 1000 }), await client.getActivity({})];
  for (const field of ['totalCost', 'totalTokens', 'inputTokens', 'latencyP50'] as const) {
    answers.push(await client.listUsers({ sort: { field, direction: 'desc' }, pageSize: 1000 }));
    answers.push(await client.getDistribution!({ field, scale: 'log' }));
  }
  for (const field of ['totalCost', 'totalTokens'] as const) answers.push(await client.getTrends!({ userIds, field }));
  answers.push(await client.getUserFigures!({ userIds }));
  for (const userId of userIds) {
    answers.push(await client.getUser(userId));
    answers.push(await client.getActivity({ userId }));
    answers.push(await client.listTraces({ userId, pageSize: 1000, sort: { field: 'totalCost', direction: 'desc' } }));
    answers.push(await client.listSessions({ userId, pageSize: 1000 }));
    answers.push(await client.listScores({ userId, pageSize: 1000 }));
  }
  const numbers = numbersIn(answers);
  expect(numbers.length).toBeGreaterThan(0);
  for (const [key, n] of numbers) {
    expect(Number.isFinite(n), `${key} = ${n}`).toBe(true);
    if (key === 'mean' || key === 'value') continue;
    if (NUMERIC_FIGURE_KEYS.test(key)) expect(n >= 0 && !Object.is(n, -0), `${key} = ${n}`).toBe(true);
  }
}

describe('createMemoryClient — token and cost bounds, by record', () => {
  const trace = { id: 't1', timestamp: AT, userId: 'ana' };
  const observation = { id: 'o1', traceId: 't1', startTime: AT };

  it.each([
    ['a negative totalCost', { totalCost: -5 }, 'totalCost', 'a finite number from 0 to 1e9 (USD), got -5 (number)'],
    ['a negative costDetails value', { costDetails: { input: 0.5, output: -0.25 } }, 'costDetails.output', 'a finite number from 0 to 1e9 (USD), got -0.25 (number)'],
    ['a totalCost past the bound', { totalCost: 1.7e308 }, 'totalCost', 'a finite number from 0 to 1e9 (USD), got 1.7e+308 (number)'],
    ['a costDetails value past the bound', { costDetails: { total: 2e9 } }, 'costDetails.total', 'a finite number from 0 to 1e9 (USD), got 2000000000 (number)'],
    ['an infinite costDetails value', { costDetails: { input: Infinity } }, 'costDetails.input', 'a finite number from 0 to 1e9 (USD), got Infinity (number)'],
    ['a usage value past the bound', { usageDetails: { input: 1e308 } }, 'usageDetails.input', 'a finite number from 0 to 1e12 (tokens), got 1e+308 (number)'],
    ['a NaN usage value', { usageDetails: { total: Number.NaN } }, 'usageDetails.total', 'a finite number from 0 to 1e12 (tokens), got NaN (number)'],
  ])('refuses %s, naming the list, index, id and field', (_, change, field, message) => {
    const error = errorOf({ traces: [trace], observations: [{ ...observation, id: 'o0' }, { ...observation, ...change }] });
    expect(error.code).toBe('invalid_dataset');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`Invalid dataset: observations[1] (id "o1"): field "${field}" must be ${message}`);
  });

  it('refuses costs that would sum to Infinity (2 × 1.7e308) or NaN (mixed signs); values at the bounds sum exactly', async () => {
    const huge = errorOf({ traces: [trace], observations: [{ ...observation, totalCost: 1.7e308 }, { ...observation, id: 'o2', totalCost: 1.7e308 }] });
    expect(huge).toMatchObject({ code: 'invalid_dataset', field: 'totalCost' });
    const mixed = errorOf({ traces: [trace], observations: [{ ...observation, totalCost: 1e9 }, { ...observation, id: 'o2', totalCost: -1.7e308 }] });
    expect(mixed).toMatchObject({ code: 'invalid_dataset', field: 'totalCost', message: expect.stringContaining('observations[1] (id "o2")') });

    const n = 2000;
    const observations = Array.from({ length: n }, (_, i) => ({
      ...observation,
      id: `o${i}`,
      usageDetails: { input: MAX_USAGE, output: MAX_USAGE, total: MAX_USAGE },
      costDetails: { input: MAX_COST, output: MAX_COST },
    }));
    const ana = await createMemoryClient({ traces: [trace], observations }).getUser('ana');
    expect(ana).toMatchObject({ inputTokens: n * MAX_USAGE, outputTokens: n * MAX_USAGE, totalTokens: n * MAX_USAGE, totalCost: 2 * n * MAX_COST });
  });

  it('accepts a value iff it is a number in [0, bound], whichever field and record holds it (property)', () => {
    const value = fc.oneof(
      fc.double(),
      fc.double({ min: 0, max: MAX_COST }),
      fc.double({ min: 0, max: MAX_USAGE }),
      fc.constantFrom(0, -0, MAX_COST, MAX_USAGE, MAX_COST * (1 + Number.EPSILON), MAX_USAGE * (1 + Number.EPSILON), -Number.MIN_VALUE, Number.MAX_VALUE),
      fc.constantFrom('1', '0x10', true, null, [], {}),
    );
    const placement = fc.constantFrom('usageDetails', 'totalCost', 'costDetails');
    fc.assert(
      fc.property(value, placement, fc.nat({ max: 4 }), fc.integer({ min: 5, max: 8 }), (v, where, at, length) => {
        const observations: Record<string, unknown>[] = Array.from({ length }, (_, i) => ({ ...observation, id: `o${i}`, totalCost: 0.5, usageDetails: { input: 3 } }));
        observations[at] = { ...observations[at], ...(where === 'totalCost' ? { totalCost: v } : { [where]: { input: 1, cache: v } }) };
        const bound = where === 'usageDetails' ? MAX_USAGE : MAX_COST;
        // null is "absent" for totalCost, a bad entry inside a map.
        const absent = where === 'totalCost' && v === null;
        const valid = absent || (typeof v === 'number' && v >= 0 && v <= bound);
        let error: unknown;
        try {
          createMemoryClient({ traces: [trace], observations } as unknown as Dataset);
        } catch (caught) {
          error = caught;
        }
        if (valid) expect(error).toBeUndefined();
        else {
          const field = where === 'totalCost' ? 'totalCost' : `${where}.cache`;
          expect(error).toMatchObject({ code: 'invalid_dataset', field, message: expect.stringContaining(`observations[${at}] (id "o${at}"): field "${field}"`) });
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createMemoryClient — every figure finite and ≥ 0 on any accepted dataset', () => {
  /** Values anywhere in the accepted range, bounds and tiny subnormals included. */
  const amount = (max: number) => fc.oneof(fc.double({ min: 0, max, noNaN: true }), fc.constantFrom(0, -0, max, Number.MIN_VALUE));
  const datasetArb = fc
    .record({
      traces: fc.array(fc.record({ user: fc.constantFrom('ana', 'ben'), hour: fc.nat({ max: 72 }), session: fc.constantFrom(null, 's1', 's2') }), { minLength: 1, maxLength: 6 }),
      observations: fc.array(
        fc.record(
          {
            trace: fc.nat(),
            usage: fc.dictionary(fc.constantFrom('input', 'output', 'total', 'cache_read_input_tokens'), amount(MAX_USAGE), { maxKeys: 3 }),
            costDetails: fc.dictionary(fc.constantFrom('input', 'output', 'total'), amount(MAX_COST), { maxKeys: 3 }),
            totalCost: fc.option(amount(MAX_COST)),
            duration: fc.option(fc.integer({ min: -86_400_000, max: 86_400_000 })),
          },
          { requiredKeys: ['trace', 'usage', 'costDetails', 'totalCost', 'duration'] },
        ),
        { maxLength: 40 },
      ),
      scores: fc.array(fc.record({ trace: fc.nat(), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { maxLength: 8 }),
    })
    .map(({ traces, observations, scores }): Dataset => {
      const base = Date.parse(AT);
      const traceRecords = traces.map((t, i) => ({ id: `t${i}`, userId: t.user, sessionId: t.session, timestamp: new Date(base + t.hour * 3_600_000).toISOString() }));
      const traceOf = (n: number) => traceRecords[n % traceRecords.length]!;
      return {
        traces: traceRecords,
        observations: observations.map((o, i) => {
          const start = Date.parse(traceOf(o.trace).timestamp);
          return {
            id: `o${i}`,
            traceId: traceOf(o.trace).id,
            startTime: new Date(start).toISOString(),
            endTime: o.duration === null ? null : new Date(start + o.duration).toISOString(),
            model: i % 2 ? 'gpt-4o' : null,
            usageDetails: o.usage,
            costDetails: o.costDetails,
            totalCost: o.totalCost,
          };
        }),
        scores: scores.map((s, i) => ({ id: `s${i}`, traceId: traceOf(s.trace).id, name: 'quality', value: s.value, dataType: 'NUMERIC', source: 'API', timestamp: AT })),
      };
    });

  it('keeps sums, means and latencies finite, and every figure but a score ≥ 0 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (dataset) => {
        await expectPossibleFigures(createMemoryClient(dataset), ['ana', 'ben']);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the mean of scores near ±1.8e308 without overflowing', async () => {
    const traces = [{ id: 't1', timestamp: AT, userId: 'ana' }];
    const score = (id: string, value: number) => ({ id, traceId: 't1', name: 'q', value, dataType: 'NUMERIC' as const, source: 'API' as const, timestamp: AT });
    const same = createMemoryClient({ traces, scores: [score('a', 1.7e308), score('b', 1.7e308)] });
    expect((await same.getUser('ana'))?.scores).toEqual([{ name: 'q', dataType: 'NUMERIC', count: 2, mean: 1.7e308 }]);
    const mixed = createMemoryClient({ traces, scores: [score('a', 1.7e308), score('b', 1.7e308), score('c', -1.7e308)] });
    const mean = (await mixed.getUser('ana'))?.scores[0]?.mean;
    expect(mean).toBeCloseTo(1.7e308 / 3, -300);
    expect(Number.isFinite(mean)).toBe(true);
  });
});
