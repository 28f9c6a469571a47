// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserlensError, type Dataset } from '../../../src/core.ts';
import { metricNumber } from '../../../src/client/langfuse/metricsRows.ts';
import { endpointOf, pair, type Intercept } from './harness.ts';

// The list's figures are held to the rule the detail view's are — counts
// whole and ≥ 0 (strings in plain decimal digits only), tokens and costs finite and ≥ 0, a user
// once per answer — whichever metrics endpoint (v4 or legacy) answered.

const ENDPOINT = { v4: 'GET /api/public/v2/metrics', legacy: 'GET /api/public/metrics' } as const;
const PATH = { v4: '/api/public/v2/metrics', legacy: '/api/public/metrics' } as const;
const GENERATIONS = ['v4', 'legacy'] as const;
type Generation = (typeof GENERATIONS)[number];

/** The figures one list row carries, by the alias Langfuse answers with. */
const COUNT = 'count_count';
const AMOUNTS = ['sum_inputTokens', 'sum_outputTokens', 'sum_totalTokens', 'sum_totalCost'] as const;
const KEYS = [COUNT, ...AMOUNTS] as const;

const NO_DATA: Dataset = { traces: [] };
const RUNS = 150;

type Row = Record<string, unknown>;
const goodRow = (userId: string, n = 1): Row => ({
  userId,
  count_count: String(n),
  sum_inputTokens: 10 * n,
  sum_outputTokens: 5 * n,
  sum_totalTokens: 15 * n,
  sum_totalCost: 0.25 * n,
});

/** Answers every metrics request of `generation` with `rows`. */
function answering(generation: Generation, rows: Row[]): Intercept {
  return (url) => (endpointOf(url) === PATH[generation] ? Response.json({ data: rows }) : undefined);
}

function clientAnswering(generation: Generation, rows: Row[]) {
  return pair(NO_DATA, { fake: { api: generation }, client: { api: generation }, intercept: answering(generation, rows) }).langfuse;
}

async function errorOf(promise: Promise<unknown>): Promise<UserlensError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserlensError);
    return error as UserlensError;
  }
  throw new Error('expected a UserlensError');
}

// --- the class of values that are not figures ---------------------------------------------------

/** Strings Number() would read, but that are not a count written in plain decimal digits. */
const notPlainDigits = ['0x10', '0X1F', '0b101', '0o17', '1e3', '1E2', ' 7', '7 ', '\t7', '+7', '-7', '-0', '7.0', '7.', '.5', '', ' ', 'Infinity', '1_000', '١٢'];
/** Strings that are not a decimal amount. */
const notDecimal = ['0x10', '0b1', '0o7', ' 1', '1 ', '+1', '-1', '-0.5', '-0', 'Infinity', '-Infinity', 'NaN', '', '1e400', '.5', '1.', '1,5', '1_0'];

/** A JSON value that is not a count: negative, fractional, beyond 2^53, a non-digit string, or not a number at all. */
const badCount: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.constantFrom(2 ** 53, 1e20, -0.5),
  fc.constantFrom(...notPlainDigits),
  fc.string().filter((s) => !/^\d+$/.test(s)),
  fc.nat().map((n) => `${n}.0`),
  fc.nat().map((n) => `0x${n.toString(16)}`),
  fc.constantFrom(true, false, [], {}, [1], { value: 1 }),
);

/** A JSON value that is not a token or cost amount: negative, a non-decimal string, or not a number. */
const badAmount: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...notDecimal),
  fc.string().filter((s) => !/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s) || !Number.isFinite(Number(s))),
  fc.nat().map((n) => `0x${n.toString(16)}`),
  fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }).map((n) => `-${n}`),
  fc.constantFrom(true, false, [], {}, [1], { value: 1 }),
);

/** A count as Langfuse may write it: a whole number, as a number or as plain digits. */
const goodCount = fc.oneof(fc.nat().map((n) => [n, n] as const), fc.maxSafeNat().map((n) => [String(n), n] as const));
/** An amount: a finite number ≥ 0, as a number or as the string JavaScript writes for it. */
const goodAmount = fc
  .double({ min: 0, max: 1e15, noNaN: true })
  .chain((n) => fc.constantFrom([n, n + 0] as const, [String(n), Number(String(n))] as const));

describe('metricNumber — one rule for every metric figure', () => {
  it('refuses anything but a whole number ≥ 0 for a count, naming the endpoint, row and field', () => {
    fc.assert(
      fc.property(fc.oneof(badCount, fc.constantFrom(Number.NaN, Infinity, -Infinity)), fc.nat({ max: 9 }), fc.constantFrom(...Object.values(ENDPOINT)), (value, i, endpoint) => {
        let error: unknown;
        try {
          metricNumber({ count_count: value }, COUNT, i, endpoint);
        } catch (caught) {
          error = caught;
        }
        expect(error).toMatchObject({ code: 'invalid_response', where: endpoint, field: `data.${i}.${COUNT}` });
        expect((error as Error).message).toContain(`${endpoint} answered a row (data[${i}]) whose ${COUNT} is`);
        expect((error as Error).message).toContain('not a whole number ≥ 0 (a count)');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses anything but a finite number ≥ 0 for a token or cost sum', () => {
    fc.assert(
      fc.property(fc.oneof(badAmount, fc.constantFrom(Number.NaN, Infinity, -Infinity)), fc.constantFrom(...AMOUNTS), fc.nat({ max: 9 }), (value, key, i) => {
        expect(() => metricNumber({ [key]: value }, key, i)).toThrow(
          expect.objectContaining({ code: 'invalid_response', where: ENDPOINT.v4, field: `data.${i}.${key}`, message: expect.stringContaining('not a finite number ≥ 0') }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('reads every figure in the forms Langfuse writes, -0 as 0', () => {
    fc.assert(
      fc.property(goodCount, goodAmount, ([count, n], [amount, a]) => {
        expect(metricNumber({ count_count: count }, COUNT, 0)).toBe(n);
        expect(metricNumber({ sum_totalCost: amount }, 'sum_totalCost', 0)).toBe(a);
      }),
      { numRuns: 500 },
    );
    expect(Object.is(metricNumber({ sum_totalCost: -0 }, 'sum_totalCost', 0), 0)).toBe(true);
    expect(metricNumber({ sum_totalCost: null }, 'sum_totalCost', 0)).toBeNull();
  });
});

describe.each(GENERATIONS)('Langfuse client (%s) — list rows checked like detail rows', (generation) => {
  const endpoint = ENDPOINT[generation];

  it('refuses a list row with any figure that is not one, naming the endpoint, the row and the field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KEYS).chain((key) => fc.record({ key: fc.constant(key), value: key === COUNT ? badCount : badAmount })),
        fc.nat({ max: 3 }),
        async ({ key, value }, at) => {
          const rows = ['ana', 'ben', 'cy', 'dee'].map((id) => goodRow(id));
          rows[at] = { ...rows[at], [key]: value };
          const error = await errorOf(clientAnswering(generation, rows).listUsers({}));
          expect(error).toMatchObject({ code: 'invalid_response', where: endpoint, field: `data.${at}.${key}` });
          expect(error.message).toContain(endpoint);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses an answer that holds a user twice, naming both rows, rather than showing them twice; lists distinct ids once each', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('ana', 'ben', 'cy', 'ANA', 'ana '), { minLength: 2, maxLength: 8 }).filter((ids) => new Set(ids).size < ids.length),
        async (ids) => {
          const first = ids.findIndex((id, i) => ids.indexOf(id) < i);
          const earlier = ids.indexOf(ids[first]!);
          const error = await errorOf(clientAnswering(generation, ids.map((id) => goodRow(id))).listUsers({}));
          expect(error).toMatchObject({ code: 'invalid_response', where: endpoint, field: `data.${first}.userId` });
          expect(error.message).toContain(`user ${JSON.stringify(ids[first])} in two rows (data[${earlier}] and data[${first}])`);
        },
      ),
      { numRuns: RUNS },
    );
    // Ids that differ only in case or spaces are different users: each listed once.
    const distinct = ['ana', 'ANA', 'ana ', 'ben'];
    const page = await clientAnswering(generation, distinct.map((id, i) => goodRow(id, i + 1))).listUsers({});
    expect(page.total).toBe(4);
    expect(page.items.map((u) => u.userId).sort()).toEqual([...distinct].sort());
  });

  it('holds the deferred trace counts of a page to the same rule', async () => {
    const userIds = ['ana', 'ben'];
    const count = (rows: Row[]) => clientAnswering(generation, rows).getUserFigures!({ userIds });
    await expect(count([{ userId: 'ana', count_count: '3' }])).resolves.toEqual([
      { userId: 'ana', traceCount: 3 },
      { userId: 'ben', traceCount: 0 },
    ]);
    for (const bad of ['0x10', '-1', '2.5', ' 3', 'NaN']) {
      await expect(count([{ userId: 'ana', count_count: bad }])).rejects.toMatchObject({ code: 'invalid_response', where: endpoint, field: 'data.0.count_count' });
    }
    await expect(count([{ userId: 'ana', count_count: '1' }, { userId: 'ben', count_count: '1' }, { userId: 'ana', count_count: '2' }])).rejects.toMatchObject({
      code: 'invalid_response',
      where: endpoint,
      field: 'data.2.userId',
      message: expect.stringContaining('user "ana" in two rows (data[0] and data[2])'),
    });
  });
});

describe('Langfuse client — the detail view refuses what the list refuses', () => {
  const dataset: Dataset = {
    traces: [{ id: 't1', timestamp: '2026-10-01T00:00:00.000Z', userId: 'ana' }],
    observations: [{ id: 'o1', traceId: 't1', startTime: '2026-10-01T00:00:00.000Z', usageDetails: { input: 10 }, totalCost: 0.5 }],
  };

  it.each([
    ['a negative cost', { totalCost: -5 }, 'totalCost'],
    ['a negative token count', { usageDetails: { input: -10 } }, 'usageDetails.input'],
    ['a negative cost detail', { totalCost: null, costDetails: { input: -0.5 } }, 'costDetails.input'],
  ])('on %s in an observation', async (_, change, field) => {
    const { langfuse } = pair(dataset, {
      intercept: async (url) => {
        if (endpointOf(url) !== '/api/public/v2/observations') return undefined;
        const { fake } = pair(dataset);
        const body = (await (await fake(new Request(url))).json()) as { data: object[] };
        return Response.json({ ...body, data: body.data.map((o) => ({ ...o, ...change })) });
      },
    });
    const error = await errorOf(langfuse.getUser('ana'));
    expect(error).toMatchObject({ code: 'invalid_response', where: 'GET /api/public/v2/observations' });
    expect(error.message).toContain(`field "${field}" must be a finite number from 0 to`);
  });
});
